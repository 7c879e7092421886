export { ApiKeyCredentialProvider, ApiKeyCredentialProviderArgs, checkApiKeyProviderArgs } from "./apiKeyCredentialProvider";
export { OAuth2CredentialProvider, OAuth2CredentialProviderArgs, OAuth2Vendor, BuiltInOAuth2Vendor, TenantOAuth2Vendor, TENANT_OAUTH2_VENDORS, checkOAuth2ProviderArgs } from "./oauth2CredentialProvider";
export { CredentialProvider } from "./credentialProvider";
export { WorkloadIdentity, WorkloadIdentityArgs, checkWorkloadIdentityArgs } from "./workloadIdentity";
export { AgentIdentity, AgentIdentityArgs, checkIdentityArgs } from "./agentIdentity";
export { TokenVaultKey, TokenVaultKeyArgs } from "./tokenVaultKey";
export { requireSecret, MARK_SECRET_HINT } from "./secretInput";
export { tokenVaultArn, workloadDirectoryArn } from "./vault";
export * as identityPerms from "./perms";
