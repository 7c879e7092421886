import * as path from "path";
import type { GatewayTargetSpec, ToolPolicySpec } from "@agentcore-platform/pulumi-agentcore";

/** The gateway's Lambda target: the stack's order function implements both tools. */
export function orderTools(functionArn: string): GatewayTargetSpec<string, string> {
    return {
        type: "lambda",
        name: "orders",
        functionArn,
        tools: [
            {
                name: "lookup_order",
                description: "Find an order by its id",
                inputSchema: { type: "object", properties: [{ name: "orderId", type: "string", description: "The order id", required: true }] },
            },
            {
                name: "refund_order",
                description: "Refund part or all of an order",
                inputSchema: {
                    type: "object",
                    properties: [
                        { name: "orderId", type: "string", description: "The order id", required: true },
                        { name: "amount", type: "integer", description: "Amount in whole currency units", required: true },
                    ],
                },
            },
        ],
    };
}

/** Who may call which tool with which arguments: Cedar files, checked offline against the gateway's tools by `npm run plan`. */
export const TOOL_POLICIES: ToolPolicySpec[] = [
    { name: "lookup_order", description: "Callers with the invoke scope may look orders up", file: path.join(__dirname, "policies", "lookup-order.cedar") },
    { name: "refund_under_limit", description: "Support staff may refund under 500", file: path.join(__dirname, "policies", "refund-under-limit.cedar") },
];
