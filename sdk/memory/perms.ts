/**
 * IAM actions of AgentCore Memory, named for what they allow. Every data-plane
 * action supports the `memory` resource type
 * (`arn:${Partition}:bedrock-agentcore:${Region}:${Account}:memory/${MemoryId}`,
 * IAM service reference), so grants always name the one memory ARN. Sources: the
 * data-plane API model `bedrock-agentcore.service-2.json` (operations on
 * `/memories/{memoryId}/...`) and AGENTCORE.md §5.
 */

/** Record conversation turns (short-term memory events). */
export const EVENTS_WRITE = ["bedrock-agentcore:CreateEvent"];
/** Read short-term memory: events, and the actors and sessions they belong to. */
export const EVENTS_READ = ["bedrock-agentcore:GetEvent", "bedrock-agentcore:ListEvents", "bedrock-agentcore:ListActors", "bedrock-agentcore:ListSessions"];
/** Read long-term memory: semantic search over records, and records by id or list. */
export const RECORDS_READ = ["bedrock-agentcore:RetrieveMemoryRecords", "bedrock-agentcore:GetMemoryRecord", "bedrock-agentcore:ListMemoryRecords"];
/** Read the memory's own configuration (strategies and their namespaces), as agent SDKs do at start-up. */
export const MEMORY_DESCRIBE = ["bedrock-agentcore:GetMemory"];

/**
 * Use the memory's customer-managed key through AgentCore (the service acts with
 * the caller's credentials); always paired with a `kms:ViaService` condition so
 * the key cannot be used directly.
 */
export const KEY_USE_VIA_SERVICE = ["kms:Decrypt", "kms:GenerateDataKey"];
/**
 * What the key policy lets the AgentCore service itself do with a memory key
 * (the actions the AgentCore storage-encryption guide lists, without
 * `kms:CreateGrant`, which the deploying principal holds through the account).
 */
export const KEY_USE_BY_SERVICE = ["kms:Decrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncrypt*", "kms:DescribeKey"];

/** Invoke the models that custom strategies override extraction, consolidation or reflection with. */
export const MODEL_INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
