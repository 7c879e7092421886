import * as pulumi from "@pulumi/pulumi";
import { AgentPlatform } from "@agentcore-platform/pulumi-agentcore";

// One per account and region: Transaction Search with the account's one trace delivery
// policy, and a VPC with the endpoints of every feature team stacks may use.
const agentPlatform = new AgentPlatform("platform", {
    features: ["models", "memory", "identity", "gateway", "observability", "customerManagedKeys"],
    // The organization's agent registry (issue 24 item 1): teams publish their agents and tools to it
    // (AgentEnvironment `publish`) and discover what others run. The environment picks approval (prod: a
    // curator approves each record), protection (prod) and the customer-managed key; searching it takes
    // IAM (agent-registry:SearchDiscoverableRegistryRecords, agent-registry:InvokeRegistryMcp).
    registry: { environment: new pulumi.Config().require("environment") as "dev" | "staging" | "prod", description: "Agents, MCP servers and tools of every team" },
    tags: { owner: "platform-team" },
});

// Team stacks read this output: platformOutputs("<org>/agentcore-platform/prod").
export const platform = agentPlatform.outputs;
