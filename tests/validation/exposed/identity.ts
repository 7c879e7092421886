import * as pulumi from "@pulumi/pulumi";
import {
    ApiKeyCredentialProvider,
    ApiKeyCredentialProviderArgs,
    OAuth2CredentialProvider,
    OAuth2CredentialProviderArgs,
    OAuth2Vendor,
    TokenVaultKey,
    WorkloadIdentity,
    WorkloadIdentityArgs,
} from "../../../sdk";
import { ConceptTable, ExposedField } from "../apiModel";

const API_KEY = "aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider";
const OAUTH2 = "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider";
const WORKLOAD = "aws:bedrock/agentcoreWorkloadIdentity:AgentcoreWorkloadIdentity";
const VAULT = "aws:bedrock/agentcoreTokenVaultCmk:AgentcoreTokenVaultCmk";
const DISCOVERY_URL = "https://login.example.com/.well-known/openid-configuration";

const custom = (args: Partial<OAuth2CredentialProviderArgs>) => () =>
    new OAuth2CredentialProvider("crm", { vendor: { type: "CustomOauth2", discoveryUrl: DISCOVERY_URL }, clientId: "client", clientSecret: pulumi.secret("secret"), ...args });

const apiKey = (args: Partial<ApiKeyCredentialProviderArgs>) => () => new ApiKeyCredentialProvider("search", { apiKey: pulumi.secret("key"), ...args });
const vendor = (type: string, args: Partial<OAuth2CredentialProviderArgs>) => () =>
    new OAuth2CredentialProvider("crm", { vendor: { type } as OAuth2Vendor, clientId: "client", clientSecret: pulumi.secret("secret"), ...args });
const workload = (args: WorkloadIdentityArgs) => () => new WorkloadIdentity("agent", args);

/** Tag fields of a resource type, for a builder taking tags. */
const tagFields = (type: string, build: (tags: Record<string, string>) => () => unknown): ExposedField[] => [
    { type, path: "tags", shape: "TagsMap", argPath: "tags", valid: { team: "support" }, build: (v) => build(v) },
    { type, path: "tags{key}", shape: "TagKey", argPath: "tags key", valid: "team", build: (v) => build({ [v]: "support" }) },
    { type, path: "tags{value}", shape: "TagValue", argPath: "tags.team", valid: "support", build: (v) => build({ team: v }) },
];

/** The configuration block each kind of vendor fills, with a vendor of that kind. */
const BLOCKS: [string, string, string][] = [
    ["customOauth2ProviderConfig", "CustomOauth2", "DefaultClientIdType"],
    ["googleOauth2ProviderConfig", "GoogleOauth2", "ClientIdType"],
    ["includedOauth2ProviderConfig", "OktaOauth2", "ClientIdType"],
];
/** A tenant's endpoints (the tenant vendors require them). */
const OKTA_TENANT = { issuer: "https://dev-1.okta.com/oauth2/default", authorizationEndpoint: "https://dev-1.okta.com/oauth2/default/v1/authorize", tokenEndpoint: "https://dev-1.okta.com/oauth2/default/v1/token" };
const vendorArgs = (type: string): Partial<OAuth2CredentialProviderArgs> =>
    type === "CustomOauth2" ? { vendor: { type, discoveryUrl: DISCOVERY_URL } } : type === "OktaOauth2" ? { vendor: { type, ...OKTA_TENANT } } : {};

const exposed: ExposedField[] = [
    { type: API_KEY, path: "name", shape: "CredentialProviderName", argPath: "providerName", valid: "search-key", build: (v) => apiKey({ providerName: v }) },
    { type: API_KEY, path: "apiKeyWo", shape: "DefaultApiKeyType", argPath: "apiKey", valid: "key", deferred: true, build: (v) => apiKey({ apiKey: pulumi.secret(v) }) },
    ...tagFields(API_KEY, (tags) => apiKey({ tags })),
    { type: OAUTH2, path: "name", shape: "CredentialProviderName", argPath: "providerName", valid: "crm", build: (v) => vendor("GoogleOauth2", { providerName: v }) },
    { type: OAUTH2, path: "credentialProviderVendor", shape: "CredentialProviderVendorType", argPath: "vendor.type", valid: "GoogleOauth2", build: (v) => vendor(v, {}) },
    {
        type: OAUTH2, path: "oauth2ProviderConfig.customOauth2ProviderConfig.oauthDiscovery.discoveryUrl", shape: "DiscoveryUrlType", argPath: "vendor.discoveryUrl", valid: DISCOVERY_URL,
        build: (v) => vendor("CustomOauth2", { vendor: { type: "CustomOauth2", discoveryUrl: v } }),
    },
    ...BLOCKS.flatMap(([block, type, clientIdShape]): ExposedField[] => [
        {
            type: OAUTH2, path: `oauth2ProviderConfig.${block}.clientIdWo`, shape: clientIdShape, argPath: "clientId", valid: "client",
            build: (v) => vendor(type, { ...vendorArgs(type), clientId: v }),
        },
        {
            type: OAUTH2, path: `oauth2ProviderConfig.${block}.clientSecretWo`, shape: "DefaultClientSecretType", argPath: "clientSecret", valid: "secret", deferred: true,
            build: (v) => vendor(type, { ...vendorArgs(type), clientSecret: pulumi.secret(v) }),
        },
    ]),
    ...tagFields(OAUTH2, (tags) => vendor("GoogleOauth2", { tags })),
    { type: WORKLOAD, path: "name", shape: "WorkloadIdentityNameType", argPath: "identityName", valid: "support-agent", build: (v) => workload({ identityName: v }) },
    {
        type: WORKLOAD, path: "allowedResourceOauth2ReturnUrls[]", shape: "ResourceOauth2ReturnUrlType", argPath: "allowedReturnUrls[0]", valid: "https://app.example.com/callback",
        build: (v) => workload({ allowedReturnUrls: [v] }),
    },
];

const derived: Record<string, string> = {
    [`${VAULT} tokenVaultId`]: "always the account's default vault",
    [`${VAULT} kmsConfiguration.keyType`]: "always CustomerManagedKey",
    [`${VAULT} kmsConfiguration.kmsKeyArn`]: "the key the component creates",
};

const maximal: (() => unknown)[] = [
    () => new ApiKeyCredentialProvider("search", { providerName: "search-key", apiKey: pulumi.secret("key"), apiKeyVersion: 2, tags: { team: "support" } }),
    custom({ providerName: "crm", credentialsVersion: 2, tags: { team: "support" } }),
    () => new OAuth2CredentialProvider("google", { vendor: { type: "GoogleOauth2" }, clientId: "client", clientSecret: pulumi.secret("secret") }),
    () => new OAuth2CredentialProvider("okta", { vendor: { type: "OktaOauth2", ...OKTA_TENANT }, clientId: "client", clientSecret: pulumi.secret("secret") }),
    () => new WorkloadIdentity("agent", { identityName: "support-agent", allowedReturnUrls: ["https://app.example.com/callback"] }),
    () => new TokenVaultKey("vault"),
];

/** Credential providers (custom and vendor), workload identity, token vault key. */
export const IDENTITY_TABLE: ConceptTable = { exposed, derived, maximal };
