import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { SECRET_PLACEHOLDER } from "../../plan/config";
import { TOOL_DIR } from "../../plan/run";
import { parseJsonInput } from "../harness";
import { plaintextOccurrences, stripSecrets } from "../secretScan";
import { planExample } from "./planExample";

const PROVIDER_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/search";

describe("gateway-tools example (dev)", () => {
    let planned: Awaited<ReturnType<typeof planExample>>;
    before(async () => {
        planned = await planExample("gateway-tools", "dev");
    });

    it("plans with zero policy violations under the dev policy config", () => {
        assert.deepEqual(planned.report.violations, []);
        assert.equal(planned.report.environment, "dev");
    });

    it("never records the search API key unmasked: it reaches the provider only as a secret through the write-only field", () => {
        const { reg, report } = planned;
        // The `secure:` value of Pulumi.dev.yaml reaches the program as SECRET_PLACEHOLDER.
        assert.deepEqual(plaintextOccurrences(reg, SECRET_PLACEHOLDER), []);
        const provider = reg.one("aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider");
        assert.deepEqual(stripSecrets(provider.inputs), {
            name: "search",
            apiKeyWo: "[secret]",
            apiKeyWoVersion: 1,
            tags: provider.inputs.tags,
        });
        assert.equal(report.resources.find((r) => r.name === provider.name)!.inputs.apiKeyWo, "[secret]");
    });

    it("exposes the search API as an OpenAPI target that sends the key from the provider as a Bearer Authorization header", () => {
        const target = planned.reg.one("aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget", "research-agent-gateway-web-search");
        const schema = fs.readFileSync(path.join(TOOL_DIR, "examples", "gateway-tools", "search-openapi.json"), "utf8");
        assert.deepEqual(target.inputs.targetConfiguration, { mcp: { openApiSchema: { inlinePayload: { payload: schema } } } });
        assert.deepEqual(target.inputs.credentialProviderConfiguration, {
            apiKey: { providerArn: PROVIDER_ARN, credentialLocation: "HEADER", credentialParameterName: "Authorization", credentialPrefix: "Bearer" },
        });
    });

    it("lets the runtime role invoke exactly this gateway, and gives the key only to the gateway's role", () => {
        const { reg } = planned;
        const gateway = reg.one("aws:bedrock/agentcoreGateway:AgentcoreGateway");
        assert.equal(gateway.inputs.authorizerType, "AWS_IAM");
        const invoke = reg.one("aws:iam/rolePolicy:RolePolicy", "research-agent-gateway-invoke");
        assert.equal(invoke.inputs.role, reg.one("aws:iam/role:Role", "research-agent-role").id);
        assert.deepEqual(parseJsonInput(invoke.inputs.policy).Statement, [
            { Sid: "InvokeGateway", Effect: "Allow", Action: ["bedrock-agentcore:InvokeGateway"], Resource: [gateway.outputs.gatewayArn] },
        ]);
        const runtime = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime");
        assert.equal(runtime.inputs.environmentVariables.AGENTCORE_GATEWAY_URL, gateway.outputs.gatewayUrl);

        const gatewayRole = reg.one("aws:iam/role:Role", "research-agent-gateway-role").id;
        const readsKey = reg
            .ofType("aws:iam/rolePolicy:RolePolicy")
            .filter((p) => JSON.stringify(parseJsonInput(p.inputs.policy)).includes("bedrock-agentcore:GetResourceApiKey"))
            .map((p) => p.inputs.role);
        assert.deepEqual(readsKey, [gatewayRole]);
    });

    it("encrypts the gateway with a customer-managed key although the dev profile would not", () => {
        const { reg } = planned;
        assert.equal(reg.one("aws:bedrock/agentcoreGateway:AgentcoreGateway").inputs.kmsKeyArn, reg.one("aws:kms/key:Key", "research-agent-gateway-cmk-key").outputs.arn);
    });
});
