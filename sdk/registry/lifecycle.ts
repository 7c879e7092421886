import { LIFECYCLE_READ_AT, LifecycleContract, tfSource } from "../common/lifecycle";

// issue 24 item 1. The registry: hashicorp/terraform-provider-aws internal/service/agentregistry/registry.go, read at
// commit 04d4ec727e392d825023dbbf7d27406051752061 (the newest version of the file the source index holds; the
// @pulumi/aws 7.48 schema adds encryptionConfiguration and autoDetectionConfiguration, whose Go could not be read).
const registry = tfSource("agentregistry/registry.go", "04d4ec7");
const CONFIGURE_ENCRYPTION = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-configure-encryption.html";
const RECORD_NATIVE = "@pulumi/aws-native 1.79.0 agentregistry/registryRecord.js";

/** Lifecycle of what `AgentRegistry` and `AgentEnvironment`'s `publish` create. */
export const REGISTRY_LIFECYCLE: readonly LifecycleContract[] = [
    {
        type: "aws:agentregistry/registry:Registry",
        createdBy: ["AgentRegistry", "AgentPlatform (registry)"],
        providerSource: "internal/service/agentregistry/registry.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "discoveryConfiguration.authorizerType", native: "authorizerType", source: registry("discovery_configuration.authorizer_type", undefined, "RequiresReplace") },
            {
                argument: "discoveryConfiguration.authorizerConfiguration",
                native: null,
                source: registry("discovery_configuration (listplanmodifier.RequiresReplace) and authorizer_configuration.custom_jwt_authorizer.* (allowed_audience, allowed_clients, allowed_scopes, discovery_url, custom_claim)", undefined, "RequiresReplace"),
                note:
                    "Unsettled: registry.go at 04d4ec7 marks the JWT authorizer's settings RequiresReplace, the newest registry.go marks only authorizer_type, and the Go bundled with @pulumi/aws 7.48 could not be read (UpdateRegistry accepts name and authorizerConfiguration: agent-registry API model, UpdateRegistryRequest). " +
                    "What the component produces: its derived registry name hashes the whole authorizer, so a JWT change (issuer, audiences, clients, scopes) always changes the name. If the bundled provider replaces on it, the new registry gets the new name (no collision) and the old one's records are not carried over; if it updates in place, the registry is renamed and updated in place (records keep pointing at its id). Plan with `pulumi preview` to see which before changing a prod registry's JWT settings.",
            },
        ],
        // Names: the provider does not replace on a name change (no plan modifier on `name`; Update sends it). The component
        // derives a replace-safe name (a suffix of the authorizer and the key), so a replacement's new registry never
        // collides with the old one while both exist.
        name: { argument: "name", scope: "the account and region" },
        restrictions: [
            {
                id: "key-fixed",
                arguments: ["encryptionConfiguration.kmsKeyArn"],
                refusedWhen: "always",
                why: "\"You cannot change the KMS key after the registry is created\"; the derived name changes with the key, so a key change needs a new registry (and its records republished)",
                source: CONFIGURE_ENCRYPTION,
            },
        ],
        delete: { kind: "real", why: "DeleteRegistry, waited for until gone: its records go with it (prod registries are protected and retained)", source: registry("Delete()", undefined, "DeleteRegistry + waitRegistryDeleted") },
        references: ["encryptionConfiguration.kmsKeyArn"],
        native: { module: "agentregistry/registry" },
        notes: ["Approval (approvalConfiguration) and description update in place (UpdateRegistry with UpdatedApprovalConfiguration / UpdatedDescription)."],
    },
    {
        type: "aws-native:agentregistry:RegistryRecord",
        createdBy: ["AgentEnvironment (publish)"],
        providerSource: RECORD_NATIVE,
        readAt: "1.79.0",
        replaces: [
            { argument: "recordType", source: `${RECORD_NATIVE} replaceOnChanges recordType (CloudFormation create-only)` },
            { argument: "registryId", source: `${RECORD_NATIVE} replaceOnChanges registryId (CloudFormation create-only)` },
        ],
        // Record names derive replace-safe from the record type and the registry, so a replacement's new record never
        // collides with the old one's name in the same registry.
        name: { argument: "name", scope: "the registry", scopeArguments: ["registryId"] },
        restrictions: [],
        delete: {
            kind: "real",
            why: "DeleteRegistryRecord: the record leaves search; an edit of an APPROVED record makes a new DRAFT revision while the approved one stays searchable until the new one is approved",
            source: "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-record-lifecycle.html",
        },
        references: ["registryId"],
        native: { module: "agentregistry/registryRecord" },
    },
];
