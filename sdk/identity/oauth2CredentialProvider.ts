import * as pulumi from "@pulumi/pulumi";
import { AgentcoreOauth2CredentialProvider } from "@pulumi/aws/bedrock/agentcoreOauth2CredentialProvider";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import type * as inputs from "@pulumi/aws/types/input";
import { AwsContext, awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { Grantable, PolicyStatement } from "../iam/grants";
import { checkTags } from "../runtime/validate";
import { Problems, checkInput, checkShape } from "../validation";
import { CredentialProvider, credentialPurpose, sidFragment } from "./credentialProvider";
import * as perms from "./perms";
import { checkVersion, requireSecret } from "./secretInput";
import { vaultCredentialStatements } from "./vault";

type ProviderConfig = inputs.bedrock.AgentcoreOauth2CredentialProviderOauth2ProviderConfig;

/** Vendors with their own configuration block in the provider schema. */
const DEDICATED_VENDOR_BLOCKS = {
    GoogleOauth2: "googleOauth2ProviderConfig",
    GithubOauth2: "githubOauth2ProviderConfig",
    SlackOauth2: "slackOauth2ProviderConfig",
    SalesforceOauth2: "salesforceOauth2ProviderConfig",
    MicrosoftOauth2: "microsoftOauth2ProviderConfig",
    AtlassianOauth2: "atlassianOauth2ProviderConfig",
    LinkedinOauth2: "linkedinOauth2ProviderConfig",
} as const satisfies Record<string, keyof ProviderConfig>;

/** A built-in vendor (shape CredentialProviderVendorType, except `CustomOauth2`). */
export type BuiltInOAuth2Vendor =
    | keyof typeof DEDICATED_VENDOR_BLOCKS
    | "XOauth2" | "OktaOauth2" | "OneLoginOauth2" | "PingOneOauth2" | "FacebookOauth2" | "YandexOauth2" | "RedditOauth2" | "ZoomOauth2"
    | "TwitchOauth2" | "SpotifyOauth2" | "DropboxOauth2" | "NotionOauth2" | "HubspotOauth2" | "CyberArkOauth2" | "FusionAuthOauth2"
    | "Auth0Oauth2" | "CognitoOauth2";

/** Who issues the tokens: a custom OAuth2 server found by discovery, or a vendor AgentCore knows. */
export type OAuth2Vendor =
    | {
          /** Any OAuth2 / OpenID Connect authorization server. */
          type: "CustomOauth2";
          /** Its discovery URL, ending in `/.well-known/openid-configuration` or `/.well-known/oauth-authorization-server`. */
          discoveryUrl: pulumi.Input<string>;
      }
    | {
          /** A vendor AgentCore configures itself (Google, GitHub, Slack, ...). */
          type: BuiltInOAuth2Vendor;
      };

/** Arguments of {@link OAuth2CredentialProvider}. */
export interface OAuth2CredentialProviderArgs {
    /** Provider name (`[a-zA-Z0-9\-_]+`, 1-128 characters). @default the component name */
    providerName?: string;
    /** The authorization server. */
    vendor: OAuth2Vendor;
    /** OAuth2 client id (1-256 characters). Sent write-only together with the secret. */
    clientId: pulumi.Input<string>;
    /**
     * OAuth2 client secret. Must be a Pulumi secret (`config.requireSecret(...)`);
     * a plaintext value is refused. Sent through the write-only `clientSecretWo`;
     * Pulumi still keeps it in the stack state's inputs, encrypted as a secret
     * (pulumi-terraform-bridge#3201), and AgentCore Identity stores it in the token
     * vault's Secrets Manager secret.
     */
    clientSecret: pulumi.Input<string>;
    /**
     * Version of the client credentials: change it (e.g. 1 → 2) whenever the id or
     * secret changes, or AgentCore keeps the old ones.
     * @default 1
     */
    credentialsVersion?: number;
    /**
     * Protect the provider (`protect`): a change that would replace it (its name or vendor)
     * stops at preview. Set for prod.
     * @default false
     */
    protectFromDeletion?: boolean;
    /** Tags for the provider. */
    tags?: Record<string, string>;
}

/**
 * An OAuth2 credential provider of the token vault (custom server or built-in
 * vendor) whose client secret comes from a Pulumi secret and is sent through the
 * write-only fields (`clientIdWo`, `clientSecretWo`). The secret is never plaintext
 * in preview or logs; it is in Pulumi state encrypted as a secret (write-only fields
 * still land in state inputs:
 * https://github.com/pulumi/pulumi-terraform-bridge/issues/3201) and, in AWS, in
 * the Secrets Manager secret the token vault creates for the provider.
 */
export class OAuth2CredentialProvider extends pulumi.ComponentResource implements CredentialProvider {
    readonly kind = "OAUTH2" as const;
    /** The provider resource. */
    readonly provider: AgentcoreOauth2CredentialProvider;
    /** The provider's name. */
    readonly providerName: string;
    readonly providerArn: pulumi.Output<string>;
    readonly secretArn: pulumi.Output<string>;
    /** The callback URL to register with the authorization server (authorization-code flows). */
    readonly callbackUrl: pulumi.Output<string>;

    private readonly ctx: AwsContext;

    constructor(name: string, args: OAuth2CredentialProviderArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}OAuth2CredentialProvider`, name, {}, opts);
        this.providerName = args.providerName ?? name;
        const version = args.credentialsVersion ?? 1;

        const component = `OAuth2CredentialProvider ${name}`;
        const problems = new Problems();
        const checked = checkOAuth2ProviderArgs(problems, this.providerName, args, "", component);
        problems.throwIfAny(component);

        this.ctx = awsContext(this);
        this.provider = new AgentcoreOauth2CredentialProvider(
            `${name}-provider`,
            {
                name: this.providerName,
                credentialProviderVendor: args.vendor.type,
                oauth2ProviderConfig: providerConfig(checked.vendor, { clientIdWo: checked.clientId, clientSecretWo: checked.clientSecret, clientCredentialsWoVersion: version }),
                tags: args.tags,
            },
            // A vendor change replaces the provider under the same name (agents ask for it by name;
            // names are unique per token vault): the old one must be deleted first.
            { parent: this, protect: args.protectFromDeletion ?? false, deleteBeforeReplace: true },
        );
        this.providerArn = this.provider.credentialProviderArn;
        this.secretArn = this.provider.clientSecretArns.apply((arns) => arns[0].secretArn);
        this.callbackUrl = this.provider.callbackUrl;
        this.registerOutputs({ providerArn: this.providerArn, secretArn: this.secretArn, callbackUrl: this.callbackUrl });
    }

    useStatements(workloadIdentityArns: pulumi.Input<string>[]): pulumi.Input<PolicyStatement>[] {
        return vaultCredentialStatements(
            this.ctx,
            { sid: `UseOAuth2${sidFragment(this.providerName)}`, actions: perms.OAUTH2_TOKEN_READ, providerArn: this.providerArn, secretArn: this.secretArn },
            workloadIdentityArns,
        );
    }

    grantUse(grantee: Grantable, workloadIdentityArns: pulumi.Input<string>[]): RolePolicy {
        return grantee.grant(credentialPurpose(this.providerName), this.useStatements(workloadIdentityArns));
    }
}

interface WriteOnlyCredentials {
    clientIdWo: pulumi.Input<string>;
    clientSecretWo: pulumi.Input<string>;
    clientCredentialsWoVersion: number;
}

/** The provider's configuration block for the vendor: exactly one block, holding the write-only credentials. */
function providerConfig(vendor: OAuth2Vendor, credentials: WriteOnlyCredentials): ProviderConfig {
    if (vendor.type === "CustomOauth2") {
        return { customOauth2ProviderConfig: { ...credentials, oauthDiscovery: { discoveryUrl: vendor.discoveryUrl } } };
    }
    const block = (DEDICATED_VENDOR_BLOCKS as Record<string, keyof ProviderConfig>)[vendor.type] ?? "includedOauth2ProviderConfig";
    return { [block]: credentials };
}

/**
 * Checks an OAuth2 provider's arguments (`providerName` resolved), recording every
 * problem; `prefix` is their argument path in the caller's args. Returns the
 * vendor, client id and secret to send, checked when they resolve if `component`
 * is given (the secret always as a secret Output).
 */
export function checkOAuth2ProviderArgs(
    problems: Problems,
    providerName: string,
    args: OAuth2CredentialProviderArgs,
    prefix = "",
    component?: string,
): { vendor: OAuth2Vendor; clientId: pulumi.Input<string>; clientSecret: pulumi.Output<string> } {
    const at = (field: string) => `${prefix}${field}`;
    checkShape(problems, at("providerName"), providerName, "CredentialProviderName");
    checkShape(problems, at("vendor.type"), args.vendor.type, "CredentialProviderVendorType");
    const vendor = checkVendor(problems, args.vendor, at("vendor.discoveryUrl"), component);
    let clientId = args.clientId;
    if (clientId === undefined || clientId === "") {
        problems.add(at("clientId"), clientId, "is required (the client id registered with the authorization server)");
    } else {
        // The API model gives the custom block's client id its own shape (DefaultClientIdType).
        clientId = checkInput(problems, component, at("clientId"), clientId, args.vendor.type === "CustomOauth2" ? "DefaultClientIdType" : "ClientIdType");
    }
    const clientSecret = requireSecret(problems, component, at("clientSecret"), args.clientSecret, "DefaultClientSecretType");
    checkVersion(problems, at("credentialsVersion"), args.credentialsVersion ?? 1);
    checkTags(problems, args.tags, at("tags"));
    return { vendor, clientId, clientSecret };
}

function checkVendor(problems: Problems, vendor: OAuth2Vendor, path: string, component: string | undefined): OAuth2Vendor {
    const discoveryUrl = (vendor as { discoveryUrl?: pulumi.Input<string> }).discoveryUrl;
    if (vendor.type === "CustomOauth2") {
        if (discoveryUrl === undefined || discoveryUrl === "") {
            problems.add(path, discoveryUrl, "is required for CustomOauth2 (the server's /.well-known/openid-configuration or /.well-known/oauth-authorization-server URL)");
            return vendor;
        }
        return { ...vendor, discoveryUrl: checkInput(problems, component, path, discoveryUrl, "DiscoveryUrlType") };
    }
    if (discoveryUrl !== undefined) {
        problems.add(path, discoveryUrl, `applies only to CustomOauth2: AgentCore knows the endpoints of ${vendor.type}`);
    }
    return vendor;
}
