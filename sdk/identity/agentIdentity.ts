import * as pulumi from "@pulumi/pulumi";
import { TYPE_PREFIX } from "../common/naming";
import { Problems } from "../validation";
import { checkTags } from "../runtime/validate";
import { ApiKeyCredentialProvider, ApiKeyCredentialProviderArgs, checkApiKeyProviderArgs } from "./apiKeyCredentialProvider";
import { CredentialProvider } from "./credentialProvider";
import { OAuth2CredentialProvider, OAuth2CredentialProviderArgs, checkOAuth2ProviderArgs } from "./oauth2CredentialProvider";
import { TokenVaultKey } from "./tokenVaultKey";
import { WorkloadIdentity, WorkloadIdentityArgs, checkWorkloadIdentityArgs } from "./workloadIdentity";

/** Arguments of {@link AgentIdentity}. */
export interface AgentIdentityArgs {
    /** API-key providers by name; each key must be a Pulumi secret. @default {} */
    apiKeys?: Record<string, Omit<ApiKeyCredentialProviderArgs, "protectFromDeletion" | "tags">>;
    /** OAuth2 providers by name; each client secret must be a Pulumi secret. @default {} */
    oauth2?: Record<string, Omit<OAuth2CredentialProviderArgs, "protectFromDeletion" | "tags">>;
    /** A workload identity with allowed OAuth2 return URLs (user-delegated flows). @default none */
    workloadIdentity?: Omit<WorkloadIdentityArgs, "protectFromDeletion">;
    /**
     * Encrypt the account's token vault with a customer-managed key created here.
     * The vault is account- and region-wide: enable this in one stack only.
     * @default false
     */
    tokenVaultKey?: boolean;
    /**
     * Protect the providers and the workload identity (`protect`): a change that would replace
     * one (its name, an OAuth2 provider's vendor) stops at preview, since agents and gateway
     * targets use them by name and ARN. Set for prod.
     * @default false
     */
    protectFromDeletion?: boolean;
    /** Tags for the providers and the key. */
    tags?: Record<string, string>;
}

/**
 * The AgentCore Identity resources of one agent: its credential providers (by
 * name), an optional workload identity and, optionally, the token vault's key.
 */
export class AgentIdentity extends pulumi.ComponentResource {
    /** API-key providers by name. */
    readonly apiKeys: Record<string, ApiKeyCredentialProvider> = {};
    /** OAuth2 providers by name. */
    readonly oauth2: Record<string, OAuth2CredentialProvider> = {};
    /** The workload identity, when asked for. */
    readonly workloadIdentity?: WorkloadIdentity;
    /** The token vault key, when asked for. */
    readonly tokenVaultKey?: TokenVaultKey;

    constructor(name: string, args: AgentIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentIdentity`, name, {}, opts);
        const problems = new Problems();
        checkIdentityArgs(problems, name, args);
        problems.throwIfAny(`AgentIdentity ${name}`);

        for (const [key, provider] of Object.entries(args.apiKeys ?? {})) {
            this.apiKeys[key] = new ApiKeyCredentialProvider(`${name}-${key}`, { providerName: key, ...provider, protectFromDeletion: args.protectFromDeletion, tags: args.tags }, { parent: this });
        }
        for (const [key, provider] of Object.entries(args.oauth2 ?? {})) {
            this.oauth2[key] = new OAuth2CredentialProvider(`${name}-${key}`, { providerName: key, ...provider, protectFromDeletion: args.protectFromDeletion, tags: args.tags }, { parent: this });
        }
        if (args.workloadIdentity) {
            this.workloadIdentity = new WorkloadIdentity(workloadIdentityName(name), { ...args.workloadIdentity, protectFromDeletion: args.protectFromDeletion }, { parent: this });
        }
        if (args.tokenVaultKey) {
            this.tokenVaultKey = new TokenVaultKey(`${name}-vault-key`, { tags: args.tags }, { parent: this });
        }
        this.registerOutputs({});
    }

    /** The provider of this name; throws naming the known ones when there is none. */
    provider(providerName: string): CredentialProvider {
        const found = this.apiKeys[providerName] ?? this.oauth2[providerName];
        if (!found) {
            throw new Error(`no credential provider named "${providerName}" (known: ${[...Object.keys(this.apiKeys), ...Object.keys(this.oauth2)].join(", ") || "none"})`);
        }
        return found;
    }
}

/** Name of the workload identity component of an `AgentIdentity` (and its default identity name). */
function workloadIdentityName(name: string): string {
    return `${name}-workload`;
}

/**
 * Checks every argument of an `AgentIdentity` named `name` and of the providers
 * and workload identity it creates (values known at plan time; the children
 * check the rest when it resolves), recording all problems; `prefix` is the
 * section's argument path in the caller's args ("" or "identity.").
 */
export function checkIdentityArgs(problems: Problems, name: string, args: AgentIdentityArgs, prefix = ""): void {
    for (const key of Object.keys(args.oauth2 ?? {}).filter((k) => k in (args.apiKeys ?? {}))) {
        problems.add(`${prefix}oauth2.${key}`, key, "names a provider that apiKeys already defines: provider names must be unique");
    }
    for (const [key, provider] of Object.entries(args.apiKeys ?? {})) {
        checkApiKeyProviderArgs(problems, provider.providerName ?? key, provider, `${prefix}apiKeys.${key}.`);
    }
    for (const [key, provider] of Object.entries(args.oauth2 ?? {})) {
        checkOAuth2ProviderArgs(problems, provider.providerName ?? key, provider, `${prefix}oauth2.${key}.`);
    }
    if (args.workloadIdentity) {
        checkWorkloadIdentityArgs(problems, args.workloadIdentity.identityName ?? workloadIdentityName(name), args.workloadIdentity, `${prefix}workloadIdentity.`);
    }
    checkTags(problems, args.tags, `${prefix}tags`);
}
