/**
 * IAM actions of an AgentCore Runtime execution role, named for what they allow.
 * Source: AWS AgentCore developer guide, "Permissions for AgentCore Runtime"
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html).
 */

/** Pull the agent image from its one repository (the same list a build repository's policy grants other accounts). */
export { ECR_PULL } from "../image/perms";
/** Log in to ECR; the action has no resource-level support, so it takes `*`. */
export const ECR_TOKEN = ["ecr:GetAuthorizationToken"];
/** Create the runtime's log group and find its streams. */
export const LOGS_GROUP = ["logs:CreateLogGroup", "logs:DescribeLogStreams"];
/**
 * List log groups (the runtime's logging library calls it). The IAM service reference
 * lists no resource type for it (it lists the account's groups), so only `*` grants it;
 * the runtime permissions page's `log-group:*` would not match a wildcard-only request.
 */
export const LOGS_DESCRIBE_GROUPS = ["logs:DescribeLogGroups"];
/** Write the runtime's log events. */
export const LOGS_WRITE = ["logs:CreateLogStream", "logs:PutLogEvents"];
/** Send traces; X-Ray actions have no resource-level support. */
export const XRAY_WRITE = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"];
/** Publish metrics, only into the `bedrock-agentcore` namespace (by condition). */
export const METRICS_WRITE = ["cloudwatch:PutMetricData"];
/** The CloudWatch namespace the metrics grant is limited to. */
export const METRICS_NAMESPACE = "bedrock-agentcore";
/** Obtain workload access tokens for this agent's own workload identity. */
export const WORKLOAD_TOKENS = ["bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT"];
/** Obtain workload tokens on behalf of a user id: AWS advises against it in production; opt-in only. */
export const WORKLOAD_TOKEN_FOR_USER_ID = ["bedrock-agentcore:GetWorkloadAccessTokenForUserId"];
/** Call the foundation models and inference profiles the agent is allowed to use. */
export const MODEL_INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
/**
 * Invoke an agent over HTTP (`InvokeAgentRuntime`), over a WebSocket stream, or on behalf of a
 * named user (the `…ForUser` variants, which let the caller choose the user id). The IAM
 * reference lists both `runtime` and `runtime-endpoint` as required resources of each.
 */
export const RUNTIME_INVOKE = ["bedrock-agentcore:InvokeAgentRuntime"];
export const RUNTIME_INVOKE_WEBSOCKET = ["bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream"];
export const RUNTIME_INVOKE_FOR_USER = ["bedrock-agentcore:InvokeAgentRuntimeForUser"];
export const RUNTIME_INVOKE_WEBSOCKET_FOR_USER = ["bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStreamForUser"];
