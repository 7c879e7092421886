import { LIFECYCLE_READ_AT, LifecycleContract, tfSource } from "../common/lifecycle";

const harness = tfSource("bedrockagentcore/harness.go", "001ee55");

/** Lifecycle of what `AgentHarness` creates (issue 23 item 3). */
export const HARNESS_LIFECYCLE: readonly LifecycleContract[] = [
    {
        type: "aws:bedrock/agentcoreHarness:AgentcoreHarness",
        createdBy: ["AgentHarness"],
        providerSource: "internal/service/bedrockagentcore/harness.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [{ argument: "harnessName", source: harness("harness_name", undefined, "RequiresReplace (the schema's only RequiresReplace)") }],
        name: { argument: "harnessName", scope: "the account and region" },
        restrictions: [],
        delete: {
            kind: "real",
            why: "DeleteHarness, then waits until it is gone: every version and endpoint of the harness goes with it (pinned targets are lost); the component protects it where the profile protects data",
            source: harness("Delete()", undefined, "DeleteHarness + waitHarnessDeleted"),
        },
        references: ["executionRoleArn", "tools", "memory", "environments"],
        native: {
            module: "bedrockagentcore/harness",
            onlyNative: {
                "memory.managedMemoryConfiguration.encryptionKeyArn":
                    "CloudFormation recreates a harness whose managed memory changes key; AgentHarness never uses managed memory (its memory is an AgentMemory, referenced by agentcoreMemoryConfiguration.arn, or memory is sent disabled), so the property is never set.",
            },
        },
        notes: [
            "Every in-place update (model, prompt, tools, allowedTools, memory, network, role) makes a new immutable harness version; DEFAULT follows it, a pinned endpoint stays on its version (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-versioning.html).",
            "A derived harnessName changes only with the component name, so a replacement always has a new name: create-before-delete never collides.",
            "A replacement (a new harnessName) is a new harness whose versions start again at 1 (harness versioning guide: creating a harness makes version 1): a pinned endpoint naming a higher version (harnessVersion \"7\") fails. Set harnessVersion to \"1\" in the same change (or unpin in dev), then promote again.",
        ],
    },
    {
        type: "aws-native:bedrockagentcore:HarnessEndpoint",
        createdBy: ["AgentHarness (staging and prod, and dev with harnessVersion)"],
        providerSource: "@pulumi/aws-native/bedrockagentcore/harnessEndpoint (CloudFormation AWS::BedrockAgentCore::HarnessEndpoint)",
        readAt: "1.79.0",
        replaces: [
            { argument: "harnessId", source: "@pulumi/aws-native/bedrockagentcore/harnessEndpoint.js replaceOnChanges (create-only in CloudFormation)" },
            { argument: "endpointName", source: "@pulumi/aws-native/bedrockagentcore/harnessEndpoint.js replaceOnChanges (create-only in CloudFormation)" },
        ],
        name: { argument: "endpointName", scope: "the harness", scopeArguments: ["harnessId"], referencedByName: true },
        restrictions: [],
        delete: {
            kind: "real",
            why: "DeleteHarnessEndpoint by harness id and endpoint name; callers of that endpoint name get errors until it exists again",
            source: "https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_DeleteHarnessEndpoint.html",
        },
        references: ["harnessId"],
        native: { module: "bedrockagentcore/harnessEndpoint" },
        notes: ["Changing `targetVersion` is an in-place UpdateHarnessEndpoint: promotion and rollback never replace the endpoint."],
    },
];
