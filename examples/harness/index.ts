import * as pulumi from "@pulumi/pulumi";
import { AgentHarness, EnvironmentName } from "@agentcore-platform/pulumi-agentcore";

// A managed agent loop: no image, no Docker, no ECR. The model, the prompt, the tools (one gateway, decided
// by Cedar policies) and the memory are configuration; the environment profile decides the rest.
const config = new pulumi.Config();
const environment = config.require("environment") as EnvironmentName;

const orders = new AgentHarness("orders-harness", {
    environment,
    model: "us.anthropic.claude-sonnet-4-20250514-v1:0",
    // Explicit wherever an endpoint is pinned: every version shares the role, so a model change adds the new model here,
    // promotes (harnessVersion), and only then removes the old one (docs/harness.md).
    models: ["us.anthropic.claude-sonnet-4-20250514-v1:0"],
    systemPrompt: "You answer questions about customer orders. Look orders up with the tools; never guess an order's state.",
    // Pinned in staging and prod (the endpoint named after the environment); dev calls DEFAULT.
    harnessVersion: config.get("harnessVersion"),
    memory: { strategies: [{ type: "SUMMARIZATION" }] },
    gateway: {
        targets: [
            {
                type: "lambda",
                name: "orders",
                functionArn: config.require("orderLookupFunctionArn"),
                tools: [{ name: "lookup_order", description: "Find an order by id", inputSchema: { type: "object", properties: [{ name: "orderId", type: "string", required: true }] } }],
            },
        ],
        // LOG_ONLY in dev, ENFORCE in prod (the profile's toolPolicyMode).
        toolPolicies: {
            policies: [
                {
                    name: "lookup",
                    statement:
                        'permit(principal is AgentCore::IamEntity, action == AgentCore::Action::"orders___lookup_order", resource == AgentCore::Gateway::"{{gatewayArn}}") when { context.input.orderId != "" };',
                },
            ],
        },
    },
    // No builtinTools: the harness's sessions get no shell and no file tools, only the gateway's tools (@tools/*).
    maxIterations: 20,
});

export const harnessArn = orders.harnessArn;
export const endpointName = orders.endpointName;
