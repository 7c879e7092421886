/**
 * IAM actions of an AgentCore harness's execution role, named for what they allow.
 *
 * A harness "is a managed abstraction over Runtime" (harness versioning guide,
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-versioning.html): each
 * harness is backed by an AgentCore Runtime the service provisions, and its execution role
 * gets what a runtime role gets, without ECR (a harness runs no image of ours), per the
 * harness security guide (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-security.html)
 * and the runtime permissions page it refers to.
 */
export { LOGS_GROUP, LOGS_DESCRIBE_GROUPS, LOGS_WRITE, XRAY_WRITE, METRICS_WRITE, METRICS_NAMESPACE, WORKLOAD_TOKENS, MODEL_INVOKE } from "../runtime/perms";

/**
 * Long-term memory record actions (the data-plane API model `bedrock-agentcore.service-2.json`:
 * `RetrieveMemoryRecords`, `GetMemoryRecord`, `ListMemoryRecords`, `DeleteMemoryRecord`,
 * `BatchCreateMemoryRecords`, `BatchUpdateMemoryRecords`, `BatchDeleteMemoryRecords`). A harness
 * role holds the read ones on its own memory only, and never a delete.
 */
export const MEMORY_RECORD_ACTIONS = [
    "bedrock-agentcore:RetrieveMemoryRecords",
    "bedrock-agentcore:GetMemoryRecord",
    "bedrock-agentcore:ListMemoryRecords",
    "bedrock-agentcore:DeleteMemoryRecord",
    "bedrock-agentcore:BatchCreateMemoryRecords",
    "bedrock-agentcore:BatchUpdateMemoryRecords",
    "bedrock-agentcore:BatchDeleteMemoryRecords",
];
