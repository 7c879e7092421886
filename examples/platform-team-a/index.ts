import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, PlatformOutputs, checkedPlatform, platformOutputs } from "@agentcore-platform/pulumi-agentcore";

/**
 * The platform's outputs: from the platform stack (config `platformStack`, e.g.
 * "acme/agentcore-platform/prod", read with a StackReference), or, for the offline
 * plan (no Pulumi backend), from the config object `platform`, a copy of the platform
 * stack's `platform` output (Pulumi.prod.yaml holds the one examples/platform plans).
 */
async function platform(): Promise<PlatformOutputs> {
    const config = new pulumi.Config();
    const copied = config.getObject<unknown>("platform");
    return copied !== undefined ? checkedPlatform(copied, "config agentcore-platform-team-a:platform") : platformOutputs(config.require("platformStack"));
}

export = async () => {
    const model = "us.anthropic.claude-sonnet-4-20250514-v1:0";
    const shared = await platform();
    const agent = new AgentEnvironment("team-a-agent", {
        environment: "prod",
        platform: shared,
        image: { build: { context: path.join(__dirname, "..", "sample-agent") } },
        models: [model],
        memory: {},
        runtimeVersion: "1",
        environmentVariables: { AGENT_MODEL_ID: model },
        // issue 24 item 1: publish this agent to the organization's registry (the platform's), so other teams find it.
        // Records are created by this stack's deployer through @pulumi/aws-native (an optional peer, installed here);
        // they are created in DRAFT and submitted for approval after each change by a command `pulumi up` runs
        // (node, with @aws-sdk/client-bedrock-agentcore-control, an optional peer: `npm install @aws-sdk/client-bedrock-agentcore-control`).
        // A dev registry approves at once; here (prod) a curator approves each record before it shows up in search.
        // `submit: false` keeps them in DRAFT; then submit by hand after each update:
        // `aws bedrock-agentcore-control submit-registry-record-for-approval --registry-id <id> --record-id <id>` (ids in recordArns).
        publish: { registry: shared.registryArn ?? "", description: "Team A's support agent" },
    });
    return { runtimeArn: agent.runtimeArn, invokeEndpointArn: agent.invokeEndpointArn, latestVersion: agent.latestVersion, recordArns: agent.publication?.recordArns, recordStatuses: agent.publication?.recordStatuses };
};
