import { AgentPlatform } from "@agentcore-platform/pulumi-agentcore";

// One per account and region: Transaction Search with the account's one trace delivery
// policy, and a VPC with the endpoints of every feature team stacks may use.
const agentPlatform = new AgentPlatform("platform", {
    features: ["models", "memory", "identity", "gateway", "observability", "customerManagedKeys"],
    tags: { owner: "platform-team" },
});

// Team stacks read this output: platformOutputs("<org>/agentcore-platform/prod").
export const platform = agentPlatform.outputs;
