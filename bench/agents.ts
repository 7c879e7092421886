import { AgentEnvironment, ENDPOINT_SERVICES } from "../sdk";

/** Subnets of the shared VPC every agent of the scaling program runs in (zones AgentCore supports in us-east-1). */
const SUBNETS = ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"];

/**
 * The scaling program of the benchmark: `count` prod agents, each an
 * `AgentEnvironment` with memory and an MCP gateway (one Lambda target), in one
 * shared, centrally managed VPC whose endpoints already exist — the way a
 * platform team runs many agents in one stack.
 */
export function agentsProgram(count: number): AgentEnvironment[] {
    return Array.from(
        { length: count },
        (_, i) =>
            new AgentEnvironment(`agent-${i}`, {
                environment: "prod",
                image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent-${i}@sha256:${"0".repeat(63)}${i % 10}` },
                runtimeVersion: "1",
                models: ["us.anthropic.claude-sonnet-4-20250514-v1:0"],
                network: {
                    mode: "EXISTING_VPC",
                    vpcId: "vpc-0123456789abcdef",
                    subnetIds: SUBNETS,
                    securityGroupIds: ["sg-0123456789abcdef0"],
                    sharedEndpoints: ENDPOINT_SERVICES,
                },
                memory: { strategies: [{ type: "SEMANTIC" }] },
                gateway: {
                    targets: [
                        {
                            type: "lambda",
                            name: "orders",
                            functionArn: `arn:aws:lambda:us-east-1:123456789012:function:orders-${i}`,
                            tools: [{ name: "lookup_order", description: "Find an order by its id", inputSchema: { type: "object" } }],
                        },
                    ],
                },
            }),
    );
}
