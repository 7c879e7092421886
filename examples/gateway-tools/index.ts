import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment } from "@agentcore-platform/pulumi-agentcore";

const config = new pulumi.Config();
const model = "us.anthropic.claude-sonnet-4-20250514-v1:0";

// The agent calls one gateway (SigV4, AWS_IAM inbound auth); the gateway calls the
// search API with a key it fetches from the token vault. The agent never holds the key.
const agent = new AgentEnvironment("research-agent", {
    environment: "dev",
    image: { build: { context: path.join(__dirname, "..", "sample-agent") } },
    models: [model],
    environmentVariables: { AGENT_MODEL_ID: model },
    identity: {
        // A Pulumi secret, sent through the provider's write-only field: encrypted in Pulumi state, never plaintext in preview or logs.
        apiKeys: { search: { apiKey: config.requireSecret("searchApiKey") } },
    },
    gateway: {
        inboundAuth: { type: "AWS_IAM" },
        semanticSearch: true,
        // The dev profile would use AWS's key; the gateway holds tool traffic, so encrypt it with a key of ours.
        encryption: "create",
        targets: [
            {
                type: "openApi",
                name: "web-search",
                description: "Web search (Tavily)",
                schema: { inline: fs.readFileSync(path.join(__dirname, "search-openapi.json"), "utf8") },
                credentials: { apiKey: "search", location: "HEADER", parameterName: "Authorization", prefix: "Bearer" },
            },
        ],
    },
});

export const runtimeArn = agent.runtimeArn;
export const invokeEndpointArn = agent.invokeEndpointArn;
export const gatewayUrl = agent.gateway!.gatewayUrl;
