/**
 * IAM actions around an AgentCore Gateway, named for what they allow. Source:
 * AWS AgentCore developer guide, "Set up permissions for AgentCore Gateway"
 * (gateway service role) and the Service Authorization Reference.
 */

/** Call a gateway's MCP endpoint with SigV4 (AWS_IAM inbound auth). */
export const GATEWAY_INVOKE = ["bedrock-agentcore:InvokeGateway"];
/** Invoke the Lambda function behind a Lambda target. */
export const LAMBDA_INVOKE = ["lambda:InvokeFunction"];
/** Obtain the gateway's own workload access token, needed before it can read credentials from the token vault. */
export const GATEWAY_WORKLOAD_TOKEN = ["bedrock-agentcore:GetWorkloadAccessToken"];
/** The OAuth scope the gateway's Cognito resource server defines for machine clients. */
export const COGNITO_INVOKE_SCOPE = "invoke";
