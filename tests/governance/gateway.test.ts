import { strict as assert } from "assert";
import { AgentEnvironment, AgentGateway, InputValidationError } from "../../sdk";
import { parseJsonInput, record } from "../harness";

const GATEWAY = "aws:bedrock/agentcoreGateway:AgentcoreGateway";
const ENGINE = "aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine";
const POLICY = "aws:bedrock/agentcorePolicy:AgentcorePolicy";
const FN = "arn:aws:lambda:us-east-1:123456789012:function:order-lookup";
const SHARED = "arn:aws:bedrock-agentcore:us-east-1:123456789012:policy-engine/shared_tools-a1b2c3d4e5";
const LAMBDA = {
    type: "lambda" as const,
    name: "orders",
    functionArn: FN,
    tools: [{ name: "lookup_order", description: "Find an order", inputSchema: { type: "object", properties: [{ name: "orderId", type: "string", required: true }] } }],
};
const STATEMENT = 'permit(principal is AgentCore::IamEntity, action == AgentCore::Action::"orders___lookup_order", resource == AgentCore::Gateway::"{{gatewayArn}}");';
const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent@sha256:${"d".repeat(64)}` };

describe("AgentGateway toolPolicies", () => {
    it("creates an engine before the gateway, attaches it in the given mode, and one policy per entry with the gateway's ARN", async () => {
        const reg = await record(() => new AgentGateway("tools", { targets: [LAMBDA], toolPolicies: { mode: "LOG_ONLY", policies: [{ name: "lookup", description: "Look up", statement: STATEMENT }] } }));
        const engine = reg.one(ENGINE);
        const gateway = reg.one(GATEWAY);
        assert.deepEqual(engine.inputs, { name: "tools_policies" });
        assert.deepEqual(gateway.inputs.policyEngineConfiguration, { arn: engine.outputs.policyEngineArn, mode: "LOG_ONLY" });
        const policy = reg.one(POLICY, "tools-policies-lookup");
        assert.deepEqual(policy.inputs, {
            policyEngineId: engine.outputs.policyEngineId,
            name: "lookup",
            description: "Look up",
            definition: { cedar: { statement: STATEMENT.replace("{{gatewayArn}}", gateway.outputs.gatewayArn) } },
            validationMode: "FAIL_ON_ANY_FINDINGS",
        });
        assert.match(policy.outputs.policyArn, /^arn:aws:bedrock-agentcore:us-east-1:123456789012:policy-engine\/tools_policies-[0-9a-f]{10}\/policy\/lookup-[0-9a-f]{10}$/);
        const evaluation = reg.one("aws:iam/rolePolicy:RolePolicy", "tools-policy-engine");
        assert.equal(evaluation.inputs.role, reg.one("aws:iam/role:Role").id);
        assert.deepEqual(parseJsonInput(evaluation.inputs.policy).Statement[0].Resource, [engine.outputs.policyEngineArn, "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/tools-d4d497-??????????"]);
    });

    it("a shared engine is attached, not created, and its ARN is what the role may evaluate", async () => {
        const reg = await record(() => new AgentGateway("tools", { targets: [LAMBDA], toolPolicies: { mode: "ENFORCE", sharedPolicyEngineArn: SHARED } }));
        assert.equal(reg.ofType(ENGINE).length, 0);
        assert.equal(reg.ofType(POLICY).length, 0);
        assert.deepEqual(reg.one(GATEWAY).inputs.policyEngineConfiguration, { arn: SHARED, mode: "ENFORCE" });
        assert.deepEqual(parseJsonInput(reg.one("aws:iam/rolePolicy:RolePolicy", "tools-policy-engine").inputs.policy).Statement[0].Resource[0], SHARED);
    });

    it("without toolPolicies there is no engine, no attachment and no evaluation grant", async () => {
        const reg = await record(() => new AgentGateway("tools", { targets: [LAMBDA] }));
        assert.equal(reg.ofType(ENGINE).length, 0);
        assert.equal(reg.one(GATEWAY).inputs.policyEngineConfiguration, undefined);
        assert.deepEqual(reg.ofType("aws:iam/rolePolicy:RolePolicy").map((r) => r.name), ["tools-targets"]);
    });

    it("refuses every problem at once, before anything registers", () => {
        assert.throws(
            () =>
                new AgentGateway("tools", {
                    inboundAuth: { type: "NONE", acknowledgeUnauthenticated: true },
                    targets: [LAMBDA],
                    toolPolicies: { mode: "ENFORCE", validationMode: "IGNORE_ALL_FINDINGS", policies: [] },
                }),
            (err: unknown) => {
                assert.ok(err instanceof InputValidationError);
                assert.deepEqual(err.problems, [
                    'toolPolicies.validationMode "IGNORE_ALL_FINDINGS" must be FAIL_ON_ANY_FINDINGS where policies are enforced (mode ENFORCE): AgentCore\'s findings must stop a faulty policy',
                    'toolPolicies "inboundAuth NONE" needs an inbound authorizer that yields a principal the policies can name: CUSTOM_JWT (AgentCore::OAuthUser) or AWS_IAM (AgentCore::IamEntity), not NONE',
                    "toolPolicies.policies [] must hold at least one policy in ENFORCE mode: an enforcing policy engine without policies denies every tool call",
                ]);
                return true;
            },
        );
    });
});

describe("AgentEnvironment gateway.toolPolicies: the mode comes from the profile", () => {
    const environment = (env: "dev" | "staging" | "prod", mode?: "LOG_ONLY" | "ENFORCE") => () =>
        new AgentEnvironment("agent", {
            environment: env,
            image: IMAGE,
            runtimeVersion: env === "dev" ? undefined : "1",
            network: { mode: "PUBLIC" },
            gateway: { targets: [LAMBDA], toolPolicies: { mode, policies: [{ name: "lookup", statement: STATEMENT }] } },
        });

    for (const [env, mode] of [["dev", "LOG_ONLY"], ["staging", "LOG_ONLY"], ["prod", "ENFORCE"]] as const) {
        it(`${env}: ${mode}, with the engine encrypted ${env === "dev" ? "by AWS" : "with the gateway's customer-managed key"}`, async () => {
            const reg = await record(environment(env), env);
            assert.equal(reg.one(GATEWAY).inputs.policyEngineConfiguration.mode, mode);
            const key = env === "dev" ? undefined : reg.one("aws:kms/key:Key", "agent-gateway-cmk-key").outputs.arn;
            assert.equal(reg.one(ENGINE).inputs.encryptionKeyArn, key);
            assert.equal(reg.one(ENGINE).inputs.tags["agentcore:environment"], env);
        });
    }

    it("staging may try ENFORCE before prod", async () => {
        const reg = await record(environment("staging", "ENFORCE"), "staging");
        assert.equal(reg.one(GATEWAY).inputs.policyEngineConfiguration.mode, "ENFORCE");
    });

    it("prod refuses LOG_ONLY", () => {
        assert.throws(environment("prod", "LOG_ONLY"), (err: unknown) => {
            assert.ok(err instanceof InputValidationError);
            assert.deepEqual(err.problems, ['gateway.toolPolicies.mode "LOG_ONLY" must be ENFORCE in prod: its profile enforces tool policies (shadow them with LOG_ONLY in dev or staging first)']);
            return true;
        });
    });
});
