import * as path from "path";
import { AgentEnvironment } from "@agentcore-platform/pulumi-agentcore";

const model = "us.anthropic.claude-sonnet-4-20250514-v1:0";

// dev: PUBLIC network, callers use the DEFAULT endpoint (always the newest version).
const agent = new AgentEnvironment("quickstart-agent", {
    environment: "dev",
    image: { build: { context: path.join(__dirname, "..", "sample-agent") } },
    models: [model],
    environmentVariables: { AGENT_MODEL_ID: model },
});

export const runtimeArn = agent.runtimeArn;
export const invokeEndpointArn = agent.invokeEndpointArn;
export const latestVersion = agent.latestVersion;
