import { AgentHarnessArgs } from "../../sdk";

/** The model every harness fixture runs: a US cross-Region inference profile. */
export const PROFILE = "us.anthropic.claude-sonnet-4-20250514-v1:0";

/** A harness with a gateway, memory and Cedar tool policies, in one environment. */
export function harnessArgs(environment: "dev" | "staging" | "prod", more: Partial<AgentHarnessArgs> = {}): AgentHarnessArgs {
    return {
        environment,
        model: PROFILE,
        systemPrompt: "You answer questions about orders.",
        memory: {},
        gateway: {
            targets: [{ type: "lambda", name: "orders", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:orders", tools: [{ name: "lookup_order", description: "Find an order", inputSchema: { type: "object", properties: [{ name: "orderId", type: "string", required: true }] } }] }],
            toolPolicies: {
                policies: [
                    {
                        name: "lookup",
                        statement: 'permit(principal is AgentCore::IamEntity, action == AgentCore::Action::"orders___lookup_order", resource == AgentCore::Gateway::"{{gatewayArn}}") when { context.input.orderId != "" };',
                    },
                ],
            },
        },
        // Pinned environments list models explicitly (red-team finding 2).
        ...(environment === "dev" ? {} : { harnessVersion: "1", models: [PROFILE] }),
        ...more,
    } as AgentHarnessArgs;
}

