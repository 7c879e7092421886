/**
 * IAM actions around an AgentCore Gateway, named for what they allow. Sources: AWS
 * AgentCore developer guide, "Set up permissions for AgentCore Gateway" (gateway
 * service role), "Encrypt your AgentCore gateway with a customer-managed KMS key"
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-encryption.html),
 * "Get workload access token"
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/get-workload-access-token.html),
 * the Service Authorization Reference, and AWS CDK's AgentCore gateway constructs
 * (`aws-bedrockagentcore` `gateway/perms.ts`, `outbound-auth/oauth.ts`).
 */

/** Call a gateway's MCP endpoint with SigV4 (AWS_IAM inbound auth). */
export const GATEWAY_INVOKE = ["bedrock-agentcore:InvokeGateway"];
/** Invoke the Lambda function behind a Lambda target. */
export const LAMBDA_INVOKE = ["lambda:InvokeFunction"];
/** Obtain the gateway's own workload access token when no user token came in (AWS_IAM or NONE inbound auth). */
export const GATEWAY_WORKLOAD_TOKEN = ["bedrock-agentcore:GetWorkloadAccessToken"];
/** Obtain the gateway's workload access token for the caller's JWT (CUSTOM_JWT inbound auth, external issuer or Cognito). */
export const GATEWAY_WORKLOAD_TOKEN_FOR_JWT = ["bedrock-agentcore:GetWorkloadAccessTokenForJWT"];
/** Obtain the gateway's workload access token for a user id (three-legged OAuth, grant type AUTHORIZATION_CODE). */
export const GATEWAY_WORKLOAD_TOKEN_FOR_USER = ["bedrock-agentcore:GetWorkloadAccessTokenForUserId"];
/** Complete the user's consent of a three-legged OAuth flow (grant type AUTHORIZATION_CODE). */
export const OAUTH2_COMPLETE_AUTH = ["bedrock-agentcore:CompleteResourceTokenAuth"];
/**
 * What the gateway's role, and the identity that creates or updates the gateway,
 * may do with a customer-managed key, only through AgentCore (`kms:ViaService`
 * `bedrock-agentcore.<region>.amazonaws.com`): the four actions the gateway
 * encryption page lists.
 */
export const GATEWAY_KEY_USE = ["kms:CreateGrant", "kms:DescribeKey", "kms:Decrypt", "kms:GenerateDataKey"];
/** The service AgentCore Gateway calls KMS through, for the `kms:ViaService` condition. */
export function agentCoreViaService(region: string): string {
    return `bedrock-agentcore.${region}.amazonaws.com`;
}
/** The OAuth scope the gateway's Cognito resource server defines for machine clients. */
export const COGNITO_INVOKE_SCOPE = "invoke";
