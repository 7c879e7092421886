import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, ExistingVpcNetwork } from "@agentcore-platform/pulumi-agentcore";

const config = new pulumi.Config();
const model = "us.anthropic.claude-sonnet-4-20250514-v1:0";

const agent = new AgentEnvironment("support-agent", {
    environment: "prod",
    image: { build: { context: path.join(__dirname, "..", "sample-agent") } },
    models: [model],
    environmentVariables: { AGENT_MODEL_ID: model },
    runtimeVersion: config.require("runtimeVersion"),
    // No VPC is created: the runtime joins the given subnets with the given groups, and only the
    // endpoints this agent needs that are not in `sharedEndpoints` are created (admitting 443 from those groups).
    network: { mode: "EXISTING_VPC", ...config.requireObject<Omit<ExistingVpcNetwork, "mode">>("vpc") },
    memory: { strategies: [{ type: "SEMANTIC" }] },
});

export const invokeEndpointArn = agent.invokeEndpointArn;
export const runtimeArn = agent.runtimeArn;
export const latestVersion = agent.latestVersion;
export const createdEndpoints = agent.network!.endpointServices;
