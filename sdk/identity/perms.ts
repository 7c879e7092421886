/**
 * IAM actions of AgentCore Identity, named for what they allow. Sources: the
 * Service Authorization Reference for `bedrock-agentcore` (resource types each
 * action requires: the credential provider, the token vault, the workload
 * identity and its directory) and AWS's "Set customer managed key policy" page
 * for the token vault key
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/identity-encryption.html).
 */

/** Read the API key stored for an API-key credential provider. */
export const API_KEY_READ = ["bedrock-agentcore:GetResourceApiKey"];
/** Obtain an OAuth2 access token through an OAuth2 credential provider. */
export const OAUTH2_TOKEN_READ = ["bedrock-agentcore:GetResourceOauth2Token"];
/** Read the Secrets Manager secret in which the token vault keeps a provider's credential. */
export const VAULT_SECRET_READ = ["secretsmanager:GetSecretValue"];
/** What the identity service may do with the token vault's key (encrypt and decrypt vault entries). */
export const TOKEN_VAULT_KEY_USE = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext"];
/** Let the identity service check the token vault's key. */
export const TOKEN_VAULT_KEY_DESCRIBE = ["kms:DescribeKey"];
/** The encryption-context key the identity service sets to the token vault's ARN. */
export const TOKEN_VAULT_ENCRYPTION_CONTEXT = "kms:EncryptionContext:aws-crypto-ec:aws:bedrock-agentcore-identity:token-vault-arn";
/** The token vault every account and region has; the only one AgentCore uses today. */
export const DEFAULT_TOKEN_VAULT = "default";
/** The workload identity directory every account and region has. */
export const DEFAULT_WORKLOAD_DIRECTORY = "default";
