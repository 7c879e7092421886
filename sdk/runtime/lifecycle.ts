import { LIFECYCLE_READ_AT, LifecycleContract, tfSource } from "../common/lifecycle";

const runtime = tfSource("bedrockagentcore/agent_runtime.go");
const endpoint = tfSource("bedrockagentcore/agent_runtime_endpoint.go", "00a3530");

/** Lifecycle of what `AgentRuntime` creates. */
export const RUNTIME_LIFECYCLE: readonly LifecycleContract[] = [
    {
        type: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
        createdBy: ["AgentRuntime"],
        providerSource: "internal/service/bedrockagentcore/agent_runtime.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "agentRuntimeName", source: runtime("agent_runtime_name") },
            {
                argument: "agentRuntimeArtifact",
                on: "kind",
                source: runtime("agent_runtime_artifact", undefined, "ModifyPlan: switching between code_configuration and container_configuration replaces"),
                nativeDisagrees: "CloudFormation updates AgentRuntimeArtifact in place (UpdateAgentRuntime takes agentRuntimeArtifact, API model); only the provider replaces on a code <-> container switch. With AgentEnvironment that is changing `image` to `code` or back (issue 23): the runtime and every version, pinned ones included, are replaced; prod protects the runtime, so the switch stops at preview. Switch by creating a new environment (another name) and moving callers.",
            },
        ],
        name: { argument: "agentRuntimeName", scope: "the account and region" },
        restrictions: [],
        delete: { kind: "real", why: "DeleteAgentRuntime: every version and endpoint of the runtime goes with it (pinned and rollback targets are lost)", source: runtime("Delete()", undefined, "DeleteAgentRuntime") },
        references: ["roleArn", "networkConfiguration"],
        native: { module: "bedrockagentcore/runtime" },
        notes: ["Every in-place update (image, environment variables, role, network, filesystemConfigurations: agent_runtime.go filesystem_configuration has no RequiresReplace) makes a new immutable version; the DEFAULT endpoint follows it, custom endpoints stay on the version they pin."],
    },
    {
        type: "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint",
        createdBy: ["AgentRuntime", "AgentEnvironment (promotion, canary, previousVersion)"],
        providerSource: "internal/service/bedrockagentcore/agent_runtime_endpoint.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "agentRuntimeId", source: endpoint("agent_runtime_id", 65) },
            { argument: "name", source: endpoint("name", 81) },
        ],
        name: { argument: "name", scope: "the runtime", scopeArguments: ["agentRuntimeId"], referencedByName: true },
        restrictions: [],
        delete: { kind: "real", why: "DeleteAgentRuntimeEndpoint by runtime id and name", source: endpoint("Delete()", undefined, "DeleteAgentRuntimeEndpoint{AgentRuntimeId, EndpointName}") },
        references: ["agentRuntimeId"],
        native: { module: "bedrockagentcore/runtimeEndpoint" },
        notes: ["Changing `agentRuntimeVersion` is an in-place UpdateAgentRuntimeEndpoint: promotion and rollback never replace an endpoint."],
    },
];
