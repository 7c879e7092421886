import { AccessCall, AccessContract } from "../common/contract";
import {
    AGENT_REGISTRY_SERVICE_REFERENCE as REFERENCE,
    CLOUD_CONTROL,
    CLOUD_CONTROL_REFERENCE,
    REGISTRY_KMS_KEY_POLICY,
    REGISTRY_RECORD_LIFECYCLE,
    registryAdminStatements,
    registryPublisherStatements,
} from "./perms";

const VIA_REGISTRY = { "kms:ViaService": "agent-registry.${region}.amazonaws.com" };
/** Another registry of the account (another team's or the platform's staging one). */
const OTHER_REGISTRY = "arn:${partition}:agent-registry:${region}:${account}:registry/OtherRegistry01";
/** The AgentCore runtime/gateway docs name no call of the agent to a registry: discovery is by consumers (search, MCP endpoint). */
const DISCOVERY_AUTH = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-supported-auth-types.html";

const key = (id: string, principal: string, action: string, why: string, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal,
    action,
    resource: "${registryKeyArn}",
    context: VIA_REGISTRY,
    resourcePolicies: ["key:registry"],
    why,
    source: REGISTRY_KMS_KEY_POLICY,
    ...more,
});

const pretty = (statements: object[]) => "```json\n" + JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2) + "\n```";

/**
 * Who may manage the organization's registry and publish to it (issue 24 item 1). Bindings:
 * `${registryArn}`, `${registryId}`, `${recordArn}` (a record in it), `${registryKeyArn}`.
 * Principals: `account:registry-admin` (deploys `AgentRegistry`), `account:publisher` (deploys an
 * `AgentEnvironment` with `publish`), `role:runtime` (the published agent).
 */
export const REGISTRY_CONTRACT: AccessContract = {
    component: "AgentRegistry",
    summary:
        "The principal that deploys the registry (account:registry-admin), the principal that publishes an environment's records to it (account:publisher: Pulumi creates the records through CloudFormation with the deployer's credentials), and the published agent's role (role:runtime), which needs nothing of the registry.",
    notes: [
        "Records are created by the deployer, not by the agent: AWS documents no call from a runtime or gateway to the registry (consumers search it and call its MCP endpoint with `agent-registry:SearchDiscoverableRegistryRecords` (the service reference's name for SearchRegistryRecords) and `agent-registry:InvokeRegistryMcp`), so the runtime role gets no registry grant. The publisher may create records in one registry and manage and submit that registry's records (record ids are generated, so `registry/<id>/record/*`: that is every record of the registry, other teams' included. The service reference gives `registry-record` the `aws:ResourceTag/${TagKey}` condition key, but CreateRegistryRecord takes no tags (its request has registryId, name, description, descriptorType, descriptors, recordVersion, synchronization settings and clientToken only: the agent-registry API model in data/aws-models), so a record is tagged after it exists, by TagResource on `record/*`, which would also let a publisher put its tag on another team's record: tag scoping would not isolate teams, so it is not done. **A platform whose teams must not change or delete each other's records gives each team its own registry** (the `publisher-deletes-another-teams-record` row shows the shared-registry grant)), and use the registry's key through the service; it may not change the registry (its approval rules and authorizer) nor approve records (`UpdateRegistryRecordStatus` is the curator's). Records are created in DRAFT (record lifecycle: Create → DRAFT → Submit → PENDING_APPROVAL) and CloudFormation's RegistryRecord has no submit property, so after a record is written (created, or edited into a new DRAFT revision) a command that `pulumi up` runs (`node sdk/registry/submit.mjs`, with the deployer's credentials) reads it until it leaves CREATING/UPDATING and submits it: which is why `GetRegistryRecord` and `SubmitRegistryRecordForApproval` are granted (with `publish.submit: false` the records stay DRAFT and the publisher submits them itself: `aws bedrock-agentcore-control submit-registry-record-for-approval --registry-id <id> --record-id <id>`). The command calls the two operations through `@aws-sdk/client-bedrock-agentcore-control` 3.1149.0 (npm has no `@aws-sdk/client-agent-registry-control`, the JavaScript client of AWS's Agent Registry Control API, on 2026-12-05; endpoint `bedrock-agentcore-control`, SigV4 signing name `bedrock-agentcore`); the IAM service reference lists both actions under `agent-registry` and also under `bedrock-agentcore`, and no source read says which prefix these calls are evaluated under: these rows assume `agent-registry`; if a submission is denied, the error names the action to grant. Pulumi manages the records through the Cloud Control API (`@pulumi/aws-native`), so the publisher also needs its `cloudformation:*Resource*` actions on `*`.",
        "Minimal identity policy of the registry's deployer (evaluated as `account:registry-admin`; creating the key needs its own permissions):",
        pretty(registryAdminStatements({ partition: "${partition}", region: "${region}", account: "${account}", keyArn: "${registryKeyArn}" })),
        "Minimal identity policy of a publisher (evaluated as `account:publisher`):",
        pretty(registryPublisherStatements({ partition: "${partition}", region: "${region}", account: "${account}", registryId: "${registryId}", keyArn: "${registryKeyArn}" })),
    ],
    allowed: [
        { id: "admin-create-registry", principal: "account:registry-admin", action: "agent-registry:CreateRegistry", resource: "*", why: "CreateRegistry has no resource type (wildcard only).", source: REFERENCE },
        { id: "admin-update-registry", principal: "account:registry-admin", action: "agent-registry:UpdateRegistry", resource: "${registryArn}", why: "Pulumi updates approval and description in place.", source: REFERENCE },
        { id: "admin-delete-registry", principal: "account:registry-admin", action: "agent-registry:DeleteRegistry", resource: "${registryArn}", why: "A replacement or a destroy deletes the registry (unless protected).", source: REFERENCE },
        key("admin-key-create-grant", "account:registry-admin", "kms:CreateGrant", "CreateRegistry with a customer-managed key uses the key with the caller's credentials, through the service."),
        key("admin-key-data-key", "account:registry-admin", "kms:GenerateDataKey", "…and generates data keys."),
        key("admin-key-describe", "account:registry-admin", "kms:DescribeKey", "…and checks the key."),
        { id: "publisher-create-record", principal: "account:publisher", action: "agent-registry:CreateRegistryRecord", resource: "${registryArn}", why: "Pulumi creates the environment's records in the registry named by publish.registry.", source: REFERENCE },
        { id: "publisher-update-record", principal: "account:publisher", action: "agent-registry:UpdateRegistryRecord", resource: "${recordArn}", why: "A changed descriptor updates the record (a new DRAFT revision).", source: REGISTRY_RECORD_LIFECYCLE },
        { id: "publisher-get-record", principal: "account:publisher", action: "agent-registry:GetRegistryRecord", resource: "${recordArn}", why: "Refresh reads the record, and the submission command reads its status until it settles (issue 24 red-team item 1).", source: REFERENCE },
        { id: "publisher-delete-record", principal: "account:publisher", action: "agent-registry:DeleteRegistryRecord", resource: "${recordArn}", why: "Removing publish (or a replacement) deletes the record.", source: REFERENCE },
        { id: "publisher-submit-record", principal: "account:publisher", action: "agent-registry:SubmitRegistryRecordForApproval", resource: "${recordArn}", why: "The submission command (publish.submit, default on) moves each DRAFT record to PENDING_APPROVAL (APPROVED at once where the registry auto-approves) after every change.", source: REGISTRY_RECORD_LIFECYCLE },
        // issue 24 red-team item 5: @pulumi/aws-native manages records through the Cloud Control API (wildcard-only actions).
        ...CLOUD_CONTROL.map((action) => ({
            id: `publisher-cloudcontrol-${action.split(":")[1].replace(/[A-Z]/g, (c, i) => (i === 0 ? c.toLowerCase() : `-${c.toLowerCase()}`))}`,
            principal: "account:publisher",
            action,
            resource: "*",
            why: "@pulumi/aws-native creates, reads, updates and deletes the RegistryRecord through the Cloud Control API with the deployer's credentials (and waits on the request status).",
            source: CLOUD_CONTROL_REFERENCE,
        })),
        // issue 24 red-team item 6: allowed, and not wanted: every publisher of a registry can change or delete every
        // record of it, other teams' included (see the notes: give each team its own registry where that matters).
        { id: "publisher-deletes-another-teams-record", principal: "account:publisher", action: "agent-registry:DeleteRegistryRecord", resource: "${registryArn}/record/OtherTeam12345", why: "Not wanted, but granted: record ids are generated, so a publisher's grant is registry/<id>/record/* and covers other teams' records of the same registry. Teams that must not touch each other's records get one registry each.", source: REFERENCE },
                key("publisher-key-data-key", "account:publisher", "kms:GenerateDataKey", "Record descriptors are encrypted with the registry's key, with the caller's credentials, through the service."),
        key("publisher-key-decrypt", "account:publisher", "kms:Decrypt", "…and decrypted when the record is read."),
    ],
    denied: [
        { id: "publisher-approve-own-record", principal: "account:publisher", action: "agent-registry:UpdateRegistryRecordStatus", resource: "${recordArn}", why: "A publisher must not approve its own records: approval is the curator's review.", source: REGISTRY_RECORD_LIFECYCLE },
        { id: "publisher-update-registry", principal: "account:publisher", action: "agent-registry:UpdateRegistry", resource: "${registryArn}", why: "A publisher must not switch the registry to APPROVE_ALL or change who may search it.", source: REFERENCE },
        { id: "publisher-delete-registry", principal: "account:publisher", action: "agent-registry:DeleteRegistry", resource: "${registryArn}", why: "…nor delete it.", source: REFERENCE },
        { id: "publisher-other-registry", principal: "account:publisher", action: "agent-registry:CreateRegistryRecord", resource: OTHER_REGISTRY, why: "A publisher publishes to the registry it names only.", source: REFERENCE },
        { id: "publisher-other-registry-records", principal: "account:publisher", action: "agent-registry:DeleteRegistryRecord", resource: `${OTHER_REGISTRY}/record/AbCdEf123456`, why: "…and touches no other registry's records.", source: REFERENCE },
        key("publisher-key-outside-registry", "account:publisher", "kms:Decrypt", "The registry's key is usable through Agent Registry only.", { context: {} }),
        { id: "agent-searches-registry", principal: "role:runtime", action: "agent-registry:SearchDiscoverableRegistryRecords", resource: "${registryArn}", why: "The published agent makes no registry call: the registry gets no runtime-side grant.", source: DISCOVERY_AUTH },
        { id: "agent-creates-record", principal: "role:runtime", action: "agent-registry:CreateRegistryRecord", resource: "${registryArn}", why: "…and cannot publish or alter records at run time.", source: DISCOVERY_AUTH },
    ],
};
