import { strict as assert } from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, AgentEnvironmentArgs, InputValidationError } from "../../sdk";
import { Registrations, parseJsonInput, record } from "../harness";
import { plaintextOccurrences } from "../secretScan";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-agent");
const VPC = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"], securityGroupIds: ["sg-0123456789abcdef0"] };
const GATEWAY = "aws:bedrock/agentcoreGateway:AgentcoreGateway";
const API_KEY = "env-search-api-key-0123456789";
const FN = "arn:aws:lambda:us-east-1:123456789012:function:order-lookup";

function args(overrides: Partial<AgentEnvironmentArgs>): AgentEnvironmentArgs {
    return {
        environment: "dev",
        image: { build: { context: SAMPLE } },
        identity: { apiKeys: { search: { apiKey: pulumi.secret(API_KEY) } } },
        gateway: {
            targets: [
                { type: "openApi", name: "search", schema: { inline: "{}" }, credentials: { apiKey: "search" } },
                { type: "lambda", name: "orders", functionArn: FN, tools: [{ name: "lookup", description: "Find an order", inputSchema: { type: "object" } }] },
            ],
        },
        ...overrides,
    };
}

const plan = (overrides: Partial<AgentEnvironmentArgs>): Promise<Registrations> => record(() => new AgentEnvironment("support-agent", args(overrides)));

describe("AgentEnvironment identity and gateway", () => {
    it("dev: gateway with DEBUG errors and AWS-owned key; the runtime gets the URL and invoke on this gateway only", async () => {
        const reg = await plan({});
        const gateway = reg.one(GATEWAY);
        assert.equal(gateway.name, "support-agent-gateway-gateway");
        assert.equal(gateway.inputs.exceptionLevel, "DEBUG");
        assert.equal(gateway.inputs.kmsKeyArn, undefined);
        const runtime = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime");
        assert.deepEqual(runtime.inputs.environmentVariables, { AGENTCORE_GATEWAY_URL: gateway.outputs.gatewayUrl });
        const invoke = reg.one("aws:iam/rolePolicy:RolePolicy", "support-agent-gateway-invoke");
        assert.deepEqual(parseJsonInput(invoke.inputs.policy).Statement, [
            { Sid: "InvokeGateway", Effect: "Allow", Action: ["bedrock-agentcore:InvokeGateway"], Resource: [gateway.outputs.gatewayArn] },
        ]);
        assert.equal(reg.all.filter((r) => r.name.startsWith("support-agent-credential-")).length, 0);
        assert.deepEqual(plaintextOccurrences(reg, API_KEY), []);
    });

    it("prod: customer-managed, protected key and no debug detail", async () => {
        const reg = await plan({ environment: "prod", runtimeVersion: "1", network: VPC });
        const gateway = reg.one(GATEWAY);
        assert.equal(gateway.inputs.exceptionLevel, undefined);
        const key = reg.one("aws:kms/key:Key", "support-agent-gateway-cmk-key");
        assert.equal(gateway.inputs.kmsKeyArn, key.outputs.arn);
        assert.equal(key.options.protect, true);
        assert.deepEqual(plaintextOccurrences(reg, API_KEY), []);
    });

    it("agentProviders grants the runtime use of that provider as its own workload identity", async () => {
        const reg = await plan({ identity: { apiKeys: { search: { apiKey: pulumi.secret(API_KEY) } }, agentProviders: ["search"] } });
        const grant = reg.one("aws:iam/rolePolicy:RolePolicy", "support-agent-credential-search");
        assert.deepEqual(parseJsonInput(grant.inputs.policy).Statement[0].Resource.slice(-1), ["arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/support_agent-??????????"]);
    });

    it("refuses provider names the identity section does not define", async () => {
        let error: unknown;
        await record(() => {
            try {
                new AgentEnvironment(
                    "support-agent",
                    args({
                        identity: { agentProviders: ["crm"] },
                        gateway: { targets: [{ type: "openApi", name: "search", schema: { inline: "{}" }, credentials: { apiKey: "search" } }] },
                    }),
                );
            } catch (e) {
                error = e;
            }
        });
        assert.ok(error instanceof InputValidationError);
        assert.deepEqual(error.problems, [
            'identity.agentProviders[0] "crm" must name a provider of identity.apiKeys or identity.oauth2 (defined: none)',
            'gateway.targets[0].credentials.apiKey "search" must name a provider of identity.apiKeys (defined: none)',
        ]);
    });
});
