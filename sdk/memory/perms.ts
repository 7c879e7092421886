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

/** AgentCore guide, "Encrypt AgentCore Memory" (storage encryption), as AWS CDK's Memory construct cites it. */
export const STORAGE_ENCRYPTION = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/storage-encryption.html";

/**
 * Use the memory's customer-managed key through AgentCore, which acts with the
 * caller's credentials: the principal that creates the memory (CreateMemory), the
 * memory's execution role and every agent that reads or writes the memory. The
 * actions AWS CDK's Memory construct grants for the storage-encryption page
 * (`kms:CreateGrant`, `Decrypt`, `DescribeKey`, `GenerateDataKey*`, `ReEncrypt*`);
 * always paired with a `kms:ViaService` condition (`bedrock-agentcore.<region>.amazonaws.com`)
 * so the key cannot be used directly.
 */
export const KEY_USE_VIA_SERVICE = ["kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncrypt*"];

/**
 * The control-plane actions a least-privileged deployer needs on its memories, besides
 * `CreateMemory` (wildcard-only in the IAM service reference, limited by the
 * `bedrock-agentcore:KmsKeyArn` condition instead) and the key (see {@link memoryDeployerStatements}).
 */
export const MEMORY_DEPLOY = [
    "bedrock-agentcore:GetMemory",
    "bedrock-agentcore:UpdateMemory",
    "bedrock-agentcore:DeleteMemory",
    "bedrock-agentcore:TagResource",
    "bedrock-agentcore:UntagResource",
    "bedrock-agentcore:ListTagsForResource",
];
/**
 * What the key policy lets the AgentCore service itself do with a memory key
 * (the actions the AgentCore storage-encryption guide lists, without
 * `kms:CreateGrant`, which the deploying principal holds through the account).
 */
export const KEY_USE_BY_SERVICE = ["kms:Decrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncrypt*", "kms:DescribeKey"];

/** Invoke the models that custom strategies override extraction, consolidation or reflection with. */
export const MODEL_INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];

/**
 * The identity policy statements a least-privileged deployer needs to create and
 * manage a memory encrypted with a customer-managed key: the memory control plane on
 * memories of this name, and the key, only through AgentCore in this region. The key
 * policies this package writes delegate to the account's IAM policies (statement
 * `AccountAdministersKey`), so these statements are enough; a key given as `{ arn }`
 * must do the same or name the deployer. Passing the execution role
 * (`iam:PassRole`, condition `iam:PassedToService` = `bedrock-agentcore.amazonaws.com`)
 * is needed too when custom strategies create one.
 */
export function memoryDeployerStatements(p: { partition: string; region: string; account: string; memoryName: string; keyArn: string }): object[] {
    return [
        {
            Sid: "ManageMemory",
            Effect: "Allow",
            Action: MEMORY_DEPLOY,
            Resource: `arn:${p.partition}:bedrock-agentcore:${p.region}:${p.account}:memory/${p.memoryName}-??????????`,
        },
        {
            Sid: "CreateMemoriesWithThisKey",
            Effect: "Allow",
            Action: ["bedrock-agentcore:CreateMemory"],
            Resource: "*",
            Condition: { StringEquals: { "bedrock-agentcore:KmsKeyArn": p.keyArn } },
        },
        {
            Sid: "UseMemoryKeyThroughAgentCore",
            Effect: "Allow",
            Action: KEY_USE_VIA_SERVICE,
            Resource: p.keyArn,
            Condition: { StringEquals: { "kms:ViaService": `bedrock-agentcore.${p.region}.amazonaws.com` } },
        },
    ];
}
