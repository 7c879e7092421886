import * as pulumi from "@pulumi/pulumi";
import { AgentcoreApiKeyCredentialProvider } from "@pulumi/aws/bedrock/agentcoreApiKeyCredentialProvider";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { AwsContext, awsContext } from "../common/context";
import { mapOrUndefined } from "../common/maps";
import { TYPE_PREFIX } from "../common/naming";
import { Grantable, PolicyStatement } from "../iam/grants";
import { checkTags } from "../runtime/validate";
import { Problems, checkShape } from "../validation";
import { CredentialProvider, credentialPurpose, sidFragment } from "./credentialProvider";
import * as perms from "./perms";
import { checkVersion, requireSecret } from "./secretInput";
import { vaultCredentialStatements } from "./vault";

/** Arguments of {@link ApiKeyCredentialProvider}. */
export interface ApiKeyCredentialProviderArgs {
    /** Provider name (`[a-zA-Z0-9\-_]+`, 1-128 characters). @default the component name */
    providerName?: string;
    /**
     * The API key. Must be a Pulumi secret (`config.requireSecret(...)`); a
     * plaintext value is refused. It is sent through the write-only field
     * `apiKeyWo`; Pulumi still keeps it in the stack state's inputs, encrypted as a
     * secret (pulumi-terraform-bridge#3201), and AgentCore Identity stores it in the
     * token vault's Secrets Manager secret.
     */
    apiKey: pulumi.Input<string>;
    /**
     * Version of the key: write-only values are not read back, so change this
     * number (e.g. 1 → 2) whenever the key is rotated, or AgentCore keeps the old one.
     * @default 1
     */
    apiKeyVersion?: number;
    /** Protect the provider (`protect`): renaming it (the only change that replaces it) stops at preview. Set for prod. @default false */
    protectFromDeletion?: boolean;
    /** Tags for the provider. */
    tags?: Record<string, string>;
}

/**
 * An API-key credential provider of the token vault whose key comes from a
 * Pulumi secret and is sent through the write-only field `apiKeyWo`. The key is
 * never plaintext in preview or logs; it is in Pulumi state encrypted as a secret
 * (write-only fields still land in state inputs:
 * https://github.com/pulumi/pulumi-terraform-bridge/issues/3201) and, in AWS, in
 * the Secrets Manager secret the token vault creates for the provider.
 */
export class ApiKeyCredentialProvider extends pulumi.ComponentResource implements CredentialProvider {
    readonly kind = "API_KEY" as const;
    /** The provider resource. */
    readonly provider: AgentcoreApiKeyCredentialProvider;
    /** The provider's name. */
    readonly providerName: string;
    readonly providerArn: pulumi.Output<string>;
    readonly secretArn: pulumi.Output<string>;

    private readonly ctx: AwsContext;

    constructor(name: string, args: ApiKeyCredentialProviderArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}ApiKeyCredentialProvider`, name, {}, opts);
        this.providerName = args.providerName ?? name;

        const component = `ApiKeyCredentialProvider ${name}`;
        const problems = new Problems();
        const apiKey = checkApiKeyProviderArgs(problems, this.providerName, args, "", component);
        problems.throwIfAny(component);

        this.ctx = awsContext(this);
        this.provider = new AgentcoreApiKeyCredentialProvider(
            `${name}-provider`,
            { name: this.providerName, apiKeyWo: apiKey, apiKeyWoVersion: args.apiKeyVersion ?? 1, tags: mapOrUndefined(args.tags) },
            // Only the name replaces an API-key provider, and a new name never collides with the old one.
            { parent: this, protect: args.protectFromDeletion ?? false },
        );
        this.providerArn = this.provider.credentialProviderArn;
        this.secretArn = this.provider.apiKeySecretArns.apply((arns) => arns[0].secretArn);
        this.registerOutputs({ providerArn: this.providerArn, secretArn: this.secretArn });
    }

    useStatements(workloadIdentityArns: pulumi.Input<string>[]): pulumi.Input<PolicyStatement>[] {
        return vaultCredentialStatements(
            this.ctx,
            { sid: `UseApiKey${sidFragment(this.providerName)}`, actions: perms.API_KEY_READ, providerArn: this.providerArn, secretArn: this.secretArn },
            workloadIdentityArns,
        );
    }

    grantUse(grantee: Grantable, workloadIdentityArns: pulumi.Input<string>[]): RolePolicy {
        return grantee.grant(credentialPurpose(this.providerName), this.useStatements(workloadIdentityArns));
    }
}

/**
 * Checks an API-key provider's arguments (`providerName` resolved), recording every
 * problem; `prefix` is their argument path in the caller's args. Returns the key to
 * send: a secret Output, checked when it resolves if `component` is given.
 */
export function checkApiKeyProviderArgs(problems: Problems, providerName: string, args: ApiKeyCredentialProviderArgs, prefix = "", component?: string): pulumi.Output<string> {
    checkShape(problems, `${prefix}providerName`, providerName, "CredentialProviderName");
    const apiKey = requireSecret(problems, component, `${prefix}apiKey`, args.apiKey, "DefaultApiKeyType");
    checkVersion(problems, `${prefix}apiKeyVersion`, args.apiKeyVersion ?? 1);
    checkTags(problems, args.tags, `${prefix}tags`);
    return apiKey;
}
