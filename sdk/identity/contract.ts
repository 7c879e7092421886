import { AccessCall, AccessContract } from "../common/contract";
import { TOKEN_VAULT_ENCRYPTION_CONTEXT } from "./perms";

const VAULT_KEY_POLICY = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/kms-key-policy-configuration.html";
const SERVICE_REFERENCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html";

const VAULT_ARN = "arn:${partition}:bedrock-agentcore:${region}:${account}:token-vault/default";
/** The request context of a call the identity service makes on the vault key with a caller's credentials. */
const THROUGH_IDENTITY = {
    "kms:ViaService": "bedrock-agentcore-identity.${region}.amazonaws.com",
    "aws:ResourceAccount": "${account}",
    [TOKEN_VAULT_ENCRYPTION_CONTEXT]: VAULT_ARN,
};

const vaultKey = (id: string, action: string, why: string, context: Record<string, string> = THROUGH_IDENTITY, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal: "account:vault-caller",
    action,
    resource: "${vaultKeyArn}",
    context,
    resourcePolicies: ["key:vault"],
    when: ["vault-key"],
    why,
    source: VAULT_KEY_POLICY,
    ...more,
});

const credential = (id: string, action: string, resource: string, why: string, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal: "role:runtime",
    action,
    resource,
    when: [action.endsWith("Oauth2Token") ? "oauth2" : "api-key"],
    why,
    source: SERVICE_REFERENCE,
    ...more,
});

/**
 * The token vault's customer-managed key and the credential providers an agent may
 * use. Bindings: `${vaultKeyArn}`, `${apiKeyProviderArn}`, `${oauth2ProviderArn}`,
 * `${runtimeName}`, `${runtimeId}`, `${apiKeySecretArn}`.
 *
 * `account:vault-caller` is a principal of this account with no identity policy of
 * its own: the key policy alone must admit it through the identity service and
 * refuse it otherwise.
 */
export const IDENTITY_CONTRACT: AccessContract = {
    component: "AgentIdentity",
    summary:
        "The token vault key's policy (AgentCore Identity uses the key with the caller's credentials, through bedrock-agentcore-identity, for this account and this vault only) and the credential providers the runtime's role may read as its own workload identity.",
    allowed: [
        vaultKey("vault-decrypt", "kms:Decrypt", "The identity service decrypts vault entries with the caller's credentials, through bedrock-agentcore-identity, for this account's default vault."),
        vaultKey("vault-encrypt", "kms:Encrypt", "…and encrypts them."),
        vaultKey("vault-data-key", "kms:GenerateDataKeyWithoutPlaintext", "…and generates their data keys."),
        vaultKey("vault-describe", "kms:DescribeKey", "The identity service checks the key (no encryption context on DescribeKey).", {
            "kms:ViaService": "bedrock-agentcore-identity.${region}.amazonaws.com",
            "aws:ResourceAccount": "${account}",
        }),
        credential("get-api-key", "bedrock-agentcore:GetResourceApiKey", "${apiKeyProviderArn}", "The agent reads the API key of a provider it lists (resource: the provider)."),
        credential("get-api-key-vault", "bedrock-agentcore:GetResourceApiKey", VAULT_ARN, "…the action also requires the token vault…"),
        credential("get-api-key-directory", "bedrock-agentcore:GetResourceApiKey", "arn:${partition}:bedrock-agentcore:${region}:${account}:workload-identity-directory/default", "…the workload identity directory…"),
        credential(
            "get-api-key-own-identity",
            "bedrock-agentcore:GetResourceApiKey",
            "arn:${partition}:bedrock-agentcore:${region}:${account}:workload-identity-directory/default/workload-identity/${runtimeId}",
            "…and the caller's own workload identity (all four resource types are required in the service reference).",
        ),
        credential("read-api-key-secret", "secretsmanager:GetSecretValue", "${apiKeySecretArn}", "The vault keeps the key in a Secrets Manager secret read with the caller's credentials (AWS CDK's identity perms cite the managed-policy page for it).", {
            source: "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/security-iam-awsmanpol.html",
        }),
        credential("get-oauth2-token", "bedrock-agentcore:GetResourceOauth2Token", "${oauth2ProviderArn}", "The agent obtains an OAuth2 token from a provider it lists."),
    ],
    denied: [
        vaultKey("vault-decrypt-directly", "kms:Decrypt", "Never directly, only through the identity service.", { "aws:ResourceAccount": "${account}", [TOKEN_VAULT_ENCRYPTION_CONTEXT]: VAULT_ARN }),
        vaultKey("vault-decrypt-via-other-service", "kms:Decrypt", "Not through another service.", { ...THROUGH_IDENTITY, "kms:ViaService": "secretsmanager.${region}.amazonaws.com" }),
        vaultKey("vault-decrypt-other-vault", "kms:Decrypt", "Only with this vault's encryption context.", {
            ...THROUGH_IDENTITY,
            [TOKEN_VAULT_ENCRYPTION_CONTEXT]: "arn:${partition}:bedrock-agentcore:${region}:210987654321:token-vault/default",
        }),
        vaultKey("vault-decrypt-other-principal-account", "kms:Decrypt", "Not for a caller of another account.", { ...THROUGH_IDENTITY, "aws:PrincipalAccount": "210987654321" }),
        vaultKey("vault-decrypt-other-resource-account", "kms:Decrypt", "Not on behalf of a resource in another account (aws:ResourceAccount).", { ...THROUGH_IDENTITY, "aws:ResourceAccount": "210987654321" }),
        credential("get-api-key-other-provider", "bedrock-agentcore:GetResourceApiKey", "arn:${partition}:bedrock-agentcore:${region}:${account}:token-vault/default/apikeycredentialprovider/other", "Only the providers the agent lists."),
        credential(
            "get-api-key-other-identity",
            "bedrock-agentcore:GetResourceApiKey",
            "arn:${partition}:bedrock-agentcore:${region}:${account}:workload-identity-directory/default/workload-identity/${runtimeName}-admin-AbCdEf1234",
            "Only as its own workload identity, not one whose name starts with the runtime's.",
        ),
        credential("read-other-secret", "secretsmanager:GetSecretValue", "arn:${partition}:secretsmanager:${region}:${account}:secret:bedrock-agentcore-identity!default/apikey/other-AbCdEf", "Only the secret of a provider it lists."),
    ],
};
