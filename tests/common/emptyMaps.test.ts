import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { AgentGateway, AgentMemory, AgentRuntime, ApiKeyCredentialProvider, Browser, CodeInterpreter, OAuth2CredentialProvider } from "../../sdk";
import { record } from "../harness";

const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent@sha256:${"a".repeat(64)}`, repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/agent" };
const RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";

/**
 * AgentCore reads an empty map back as null, and the provider then fails the update with "Provider
 * produced inconsistent result after apply" (terraform-provider-aws #45885, the runtime's
 * environment_variables). Every map this package sends to an AgentCore resource is left out when empty.
 */
const CASES: { title: string; type: string; build: () => unknown }[] = [
    { title: "AgentRuntime", type: RUNTIME, build: () => new AgentRuntime("agent", { image: IMAGE, tags: {}, endpoints: [{ name: "prod", version: "1" }] }) },
    { title: "AgentRuntime's endpoint", type: "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint", build: () => new AgentRuntime("agent", { image: IMAGE, tags: {}, endpoints: [{ name: "prod", version: "1" }] }) },
    { title: "AgentMemory", type: "aws:bedrock/agentcoreMemory:AgentcoreMemory", build: () => new AgentMemory("memory", { encryptionKey: "aws-owned", tags: {} }) },
    { title: "AgentGateway", type: "aws:bedrock/agentcoreGateway:AgentcoreGateway", build: () => new AgentGateway("tools", { tags: {} }) },
    { title: "CodeInterpreter", type: "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter", build: () => new CodeInterpreter("code", { network: { mode: "SANDBOX" }, tags: {} }) },
    { title: "Browser", type: "aws:bedrock/agentcoreBrowser:AgentcoreBrowser", build: () => new Browser("web", { network: { mode: "PUBLIC" }, tags: {} }) },
    { title: "ApiKeyCredentialProvider", type: "aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider", build: () => new ApiKeyCredentialProvider("search", { apiKey: pulumi.secret("k".repeat(20)), tags: {} }) },
    {
        title: "OAuth2CredentialProvider",
        type: "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider",
        build: () =>
            new OAuth2CredentialProvider("crm", {
                vendor: { type: "CustomOauth2", discoveryUrl: "https://login.example.com/.well-known/openid-configuration" },
                clientId: "client",
                clientSecret: pulumi.secret("secret"),
                tags: {},
            }),
    },
];

describe("empty maps are never sent to AgentCore (terraform-provider-aws #45885)", () => {
    for (const c of CASES) {
        it(`${c.title}: tags {} is sent as no tags`, async () => {
            const reg = await record(c.build);
            const resource = reg.one(c.type);
            assert.equal("tags" in resource.inputs, false, `tags sent: ${JSON.stringify(resource.inputs.tags)}`);
        });
    }

    it("AgentRuntime: environmentVariables {} is sent as no environment variables; a non-empty map is sent as given", async () => {
        const empty = await record(() => new AgentRuntime("agent", { image: IMAGE, environmentVariables: {} }));
        assert.equal("environmentVariables" in empty.one(RUNTIME).inputs, false, `sent: ${JSON.stringify(empty.one(RUNTIME).inputs.environmentVariables)}`);
        const given = await record(() => new AgentRuntime("agent", { image: IMAGE, environmentVariables: { LOG_LEVEL: "info" }, tags: { team: "support" } }));
        assert.deepEqual([given.one(RUNTIME).inputs.environmentVariables, given.one(RUNTIME).inputs.tags], [{ LOG_LEVEL: "info" }, { team: "support" }]);
    });
});
