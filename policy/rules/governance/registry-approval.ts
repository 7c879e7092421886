import { resourceRule } from "../../common/rule";
import { T } from "../../common/types";
import { asArray, at, containsUnknown } from "../../common/values";

/**
 * A registry that approves every submitted record (agent registry `approvalConfiguration.
 * autoApprovalRules: ["APPROVE_ALL"]`, "When omitted or empty, submitted records require manual
 * review" per @pulumi/aws agentregistry/registry.d.ts; the deprecated AgentcoreRegistry's
 * `approvalConfigurations[].autoApproval: true`) publishes whatever anyone allowed to submit
 * registers: an MCP server or agent card that agents then discover and call (issue 25 item 7).
 *
 * issue 24 item 1: the deprecated `aws.bedrock.AgentcoreRegistry` is flagged outright. @pulumi/aws 7.48
 * marks it deprecated ("This resource will continue to work until September 17, 2026. Use the
 * `aws.agentregistry.Registry` resource for all new registries", node_modules/@pulumi/aws/bedrock/agentcoreRegistry.d.ts):
 * after that date its API is gone, so a stack that still declares one cannot be updated and its
 * records are unreachable to the discovery agents use now.
 */
export const DEPRECATED_REGISTRY_MESSAGE =
    "Registry uses the deprecated aws.bedrock.AgentcoreRegistry, which stopped working on 2026-09-17 when Agent Registry moved to the agent-registry namespace: use aws.agentregistry.Registry (AgentPlatform `registry`)";
export const registryApproval = resourceRule({
    name: "agentcore-registry-approval",
    description: "Agent registries review submitted records: no automatic approval of every record (APPROVE_ALL), which would let anyone allowed to submit publish the MCP servers and agents that agents discover and call; and no deprecated aws.bedrock.AgentcoreRegistry, which stopped working on 2026-09-17.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Components: AgentPlatform `registry.approval: "manual"` (the staging and prod profiles; AgentRegistry refuses "auto" outside dev, and a dev registry that auto-approves carries the exemption tag with its reason). Raw resources: remove "APPROVE_ALL" from approvalConfiguration.autoApprovalRules and approve records after review; replace the deprecated aws.bedrock.AgentcoreRegistry with aws.agentregistry.Registry.',
    types: [T.agentRegistry, T.nativeAgentRegistry, T.registry],
    check: (res) => {
        if (res.type === T.registry) {
            const configs = at(res.props, "approvalConfigurations");
            const approves = !containsUnknown(configs) && asArray(configs).some((c) => c?.autoApproval === true);
            return [
                DEPRECATED_REGISTRY_MESSAGE,
                ...(approves ? ["Registry approves every record on creation (approvalConfigurations[].autoApproval true): records are published without review; set autoApproval to false"] : []),
            ];
        }
        const rules = at(res.props, "approvalConfiguration.autoApprovalRules");
        if (containsUnknown(rules)) {
            return [];
        }
        return asArray(rules).includes("APPROVE_ALL")
            ? ['Registry approves every submitted record (approvalConfiguration.autoApprovalRules "APPROVE_ALL"): records are published without review; remove APPROVE_ALL']
            : [];
    },
});
