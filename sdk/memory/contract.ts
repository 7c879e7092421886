import { AccessCall, AccessContract } from "../common/contract";
import { STORAGE_ENCRYPTION, memoryDeployerStatements } from "./perms";

const SERVICE_REFERENCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html";
const PROFILE_PREREQUISITES = "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html";
/** AWS CDK's Memory construct: custom strategies get an execution role that AgentCore assumes to invoke their models. */
const MEMORY_ROLE = "https://github.com/aws/aws-cdk/blob/main/packages/@aws-cdk/aws-bedrock-agentcore-alpha/lib/memory/memory.ts";
const CONDITION_OPERATORS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN";
const KEY_POLICY_DEFAULT = "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam";

const VIA_AGENTCORE = { "kms:ViaService": "bedrock-agentcore.${region}.amazonaws.com" };
const MEMORY_ARN_OF = (id: string) => `arn:\${partition}:bedrock-agentcore:\${region}:\${account}:memory/${id}`;
/** Another memory whose name merely starts with this one's. */
const ADMIN_MEMORY = "${memoryName}-admin-AbCdEf1234";

const key = (id: string, principal: string, action: string, why: string, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal,
    action,
    resource: "${memoryKeyArn}",
    resourcePolicies: ["key:memory"],
    when: ["cmk"],
    why,
    source: STORAGE_ENCRYPTION,
    ...more,
});

const serviceKey = (id: string, action: string, sourceArn: string, why: string, source = STORAGE_ENCRYPTION): AccessCall =>
    key(id, "service:bedrock-agentcore.amazonaws.com", action, why, { context: { "aws:SourceAccount": "${account}", "aws:SourceArn": sourceArn }, source });

const memoryTrust = (id: string, sourceArn: string, why: string, source = MEMORY_ROLE): AccessCall => ({
    id,
    principal: "service:bedrock-agentcore.amazonaws.com",
    action: "sts:AssumeRole",
    resource: "${memoryRoleArn}",
    context: { "aws:SourceAccount": "${account}", "aws:SourceArn": sourceArn },
    resourcePolicies: ["trust:memory"],
    when: ["custom-strategy"],
    why,
    source,
});

/** The minimal deployer identity policy, with placeholders, as docs/access.md shows it. */
const DEPLOYER_POLICY = JSON.stringify({
    Version: "2012-10-17",
    Statement: memoryDeployerStatements({ partition: "${partition}", region: "${region}", account: "${account}", memoryName: "${memoryName}", keyArn: "${memoryKeyArn}" }),
});

/**
 * Who may use one memory and its customer-managed key. Bindings: `${memoryName}`,
 * `${memoryId}`, `${memoryArn}`, `${memoryKeyArn}`, `${memoryRoleArn}` (the execution
 * role custom strategies get), `${profile}`/`${profileModel}` (a US cross-Region
 * profile a custom strategy runs on, and its model).
 */
export const MEMORY_CONTRACT: AccessContract = {
    component: "AgentMemory",
    summary:
        "The memory's execution role (role:memory, only with custom strategies), the AgentCore service using the memory's customer-managed key, the agent granted the memory (role:runtime), and the least-privileged principal that deploys it (account:deployer).",
    notes: [
        "A least-privileged deployer (the principal Pulumi runs as) calls CreateMemory with the key, and AgentCore uses the key with that caller's credentials, so the deployer needs the key actions through AgentCore as well as the memory control plane. The key policies this package writes keep the account in control (`AccountAdministersKey`: the account root, which delegates to IAM policies), so this identity policy is enough; with a key given as `{ arn }`, its key policy must do the same or name the deployer. With custom strategies, the deployer also needs `iam:PassRole` on the memory role (condition `iam:PassedToService` = `bedrock-agentcore.amazonaws.com`). Minimal deployer identity policy for the memory and its key use (evaluated as `account:deployer` below; creating the key, roles and other components needs their own permissions, not listed here; the storage-encryption page itself could not be read when this was written: the key actions are those AWS CDK's Memory construct grants for it):",
        "```json\n" + JSON.stringify(JSON.parse(DEPLOYER_POLICY), null, 2) + "\n```",
    ],
    allowed: [
        memoryTrust("assume-memory-role", MEMORY_ARN_OF("${memoryId}"), "AgentCore assumes the memory role to run custom strategies' models for this memory only."),
        {
            id: "strategy-invoke-profile",
            principal: "role:memory",
            action: "bedrock:InvokeModel",
            resource: "arn:${partition}:bedrock:${region}:${account}:inference-profile/${profile}",
            when: ["custom-strategy"],
            why: "A custom strategy's step runs on the cross-Region profile it names.",
            source: PROFILE_PREREQUISITES,
        },
        {
            id: "strategy-invoke-profile-model",
            principal: "role:memory",
            action: "bedrock:InvokeModel",
            resource: "arn:${partition}:bedrock:us-west-2::foundation-model/${profileModel}",
            when: ["custom-strategy"],
            why: "…and Bedrock authorizes the profile's foundation model in the destination Region too.",
            source: PROFILE_PREREQUISITES,
        },
        key("memory-role-data-key", "role:memory", "kms:GenerateDataKey", "The memory role writes extracted records encrypted under the memory's key, through AgentCore.", {
            context: VIA_AGENTCORE,
            when: ["cmk", "custom-strategy"],
        }),
        serviceKey("service-data-key", "kms:GenerateDataKey", MEMORY_ARN_OF("${memoryId}"), "AgentCore encrypts this memory's data with the key (key policy: this account, this memory)."),
        serviceKey("service-decrypt", "kms:Decrypt", MEMORY_ARN_OF("${memoryId}"), "…and decrypts it."),
        serviceKey("service-describe-key", "kms:DescribeKey", MEMORY_ARN_OF("${memoryId}"), "AgentCore checks the key when the memory is created."),
        key("deployer-create-grant", "account:deployer", "kms:CreateGrant", "CreateMemory makes AgentCore create a grant on the key with the caller's credentials.", { context: VIA_AGENTCORE }),
        key("deployer-describe-key", "account:deployer", "kms:DescribeKey", "CreateMemory checks the key with the caller's credentials.", { context: VIA_AGENTCORE }),
        key("deployer-data-key", "account:deployer", "kms:GenerateDataKeyWithoutPlaintext", "CreateMemory generates the memory's data key with the caller's credentials.", { context: VIA_AGENTCORE }),
        key("deployer-reencrypt", "account:deployer", "kms:ReEncryptFrom", "Changing keys re-encrypts data keys.", { context: VIA_AGENTCORE }),
        {
            id: "deployer-create-memory",
            principal: "account:deployer",
            action: "bedrock-agentcore:CreateMemory",
            resource: "*",
            context: { "bedrock-agentcore:KmsKeyArn": "${memoryKeyArn}" },
            when: ["cmk"],
            why: "CreateMemory is wildcard-only in the IAM service reference; the deployer may call it with this key only (condition bedrock-agentcore:KmsKeyArn).",
            source: SERVICE_REFERENCE,
        },
        {
            id: "deployer-update-memory",
            principal: "account:deployer",
            action: "bedrock-agentcore:UpdateMemory",
            resource: "${memoryArn}",
            when: ["cmk"],
            why: "Pulumi updates the memory it created.",
            source: SERVICE_REFERENCE,
        },
        { id: "agent-create-event", principal: "role:runtime", action: "bedrock-agentcore:CreateEvent", resource: "${memoryArn}", why: "The agent granted the memory records events.", source: SERVICE_REFERENCE },
        { id: "agent-retrieve-records", principal: "role:runtime", action: "bedrock-agentcore:RetrieveMemoryRecords", resource: "${memoryArn}", why: "…and searches its long-term records.", source: SERVICE_REFERENCE },
        key("agent-decrypt", "role:runtime", "kms:Decrypt", "Reading the memory decrypts with the caller's credentials, through AgentCore.", { context: VIA_AGENTCORE }),
        key("agent-data-key", "role:runtime", "kms:GenerateDataKey", "Writing events encrypts with the caller's credentials, through AgentCore.", { context: VIA_AGENTCORE }),
    ],
    denied: [
        memoryTrust("assume-memory-role-other-memory", MEMORY_ARN_OF("other_memory-AbCdEf1234"), "Another memory must not run with this role."),
        memoryTrust("assume-memory-role-name-prefix", MEMORY_ARN_OF(ADMIN_MEMORY), "A memory whose name only starts with this one's must not match (`<name>-??????????`, not `<name>-*`).", CONDITION_OPERATORS),
        {
            id: "strategy-invoke-unlisted-model",
            principal: "role:memory",
            action: "bedrock:InvokeModel",
            resource: "arn:${partition}:bedrock:${region}::foundation-model/unlisted.model-v1:0",
            when: ["custom-strategy"],
            why: "Only the models its strategies name.",
            source: MEMORY_ROLE,
        },
        serviceKey("service-key-other-memory", "kms:Decrypt", MEMORY_ARN_OF("other_memory-AbCdEf1234"), "The key serves this memory only."),
        serviceKey("service-key-name-prefix", "kms:Decrypt", MEMORY_ARN_OF(ADMIN_MEMORY), "Not a memory whose name only starts with this one's.", CONDITION_OPERATORS),
        key("service-key-other-account", "service:bedrock-agentcore.amazonaws.com", "kms:Decrypt", "Not the same memory name in another account (confused deputy).", {
            context: { "aws:SourceAccount": "210987654321", "aws:SourceArn": "arn:${partition}:bedrock-agentcore:${region}:210987654321:memory/${memoryId}" },
        }),
        key("agent-decrypt-directly", "role:runtime", "kms:Decrypt", "The agent may use the key only through AgentCore, never directly."),
        key("deployer-decrypt-directly", "account:deployer", "kms:Decrypt", "The deployer may use the key only through AgentCore.", { source: KEY_POLICY_DEFAULT }),
        {
            id: "deployer-create-memory-other-key",
            principal: "account:deployer",
            action: "bedrock-agentcore:CreateMemory",
            resource: "*",
            context: { "bedrock-agentcore:KmsKeyArn": "arn:${partition}:kms:${region}:${account}:key/00000000-0000-0000-0000-000000000000" },
            when: ["cmk"],
            why: "The minimal deployer policy creates memories with this key only.",
            source: SERVICE_REFERENCE,
        },
        { id: "agent-other-memory", principal: "role:runtime", action: "bedrock-agentcore:CreateEvent", resource: MEMORY_ARN_OF("other_memory-AbCdEf1234"), why: "Another agent's memory.", source: SERVICE_REFERENCE },
        { id: "agent-delete-memory", principal: "role:runtime", action: "bedrock-agentcore:DeleteMemory", resource: "${memoryArn}", why: "The agent never deletes or reconfigures its memory.", source: SERVICE_REFERENCE },
    ],
};
