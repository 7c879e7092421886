import { strict as assert } from "assert";
import { AgentEnvironment, EnvironmentInvokeAccess, InputValidationError, InvokeResourcePolicy } from "../../sdk";
import { evaluatePolicies } from "../../policy/evaluate";
import { policyConfigOf } from "../crosscheck/gate";
import { parseJsonInput, record } from "../harness";

const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent@sha256:${"d".repeat(64)}` };
const RESOURCE_POLICY = "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy";
const VPC = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"] };
const FN = "arn:aws:lambda:us-east-1:123456789012:function:order-lookup";
const LAMBDA = { type: "lambda" as const, name: "orders", functionArn: FN, tools: [{ name: "lookup_order", description: "Find", inputSchema: { type: "object" } }] };

function restricted(access: EnvironmentInvokeAccess, network: "vpc" | "public" = "vpc") {
    return () => {
        const agent = new AgentEnvironment("agent", { environment: "prod", image: IMAGE, runtimeVersion: "1", network: network === "vpc" ? VPC : { mode: "PUBLIC" }, gateway: { targets: [LAMBDA] } });
        agent.restrictInvoke(access);
    };
}

describe("AgentEnvironment.restrictInvoke: resource policies on the runtime and gateway", () => {
    it("only through the environment's VPC, and only the named account: one statement, both conditions", async () => {
        const reg = await record(restricted({ throughEnvironmentVpc: true, accounts: ["210987654321"], includeGateway: true }), "prod");
        const runtimeArn = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime").outputs.agentRuntimeArn;
        const gatewayArn = reg.one("aws:bedrock/agentcoreGateway:AgentcoreGateway").outputs.gatewayArn;
        const runtimePolicy = reg.one(RESOURCE_POLICY, "agent-runtime-access-policy");
        assert.equal(runtimePolicy.inputs.resourceArn, runtimeArn);
        assert.deepEqual(parseJsonInput(runtimePolicy.inputs.policy), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "InvokeFromAccounts",
                    Effect: "Allow",
                    Action: ["bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream"],
                    Resource: runtimeArn,
                    Principal: { AWS: ["arn:aws:iam::210987654321:root"] },
                    Condition: { StringEquals: { "aws:SourceVpc": ["vpc-0123456789abcdef"] } },
                },
            ],
        });
        const gatewayPolicy = reg.one(RESOURCE_POLICY, "agent-gateway-access-policy");
        assert.equal(gatewayPolicy.inputs.resourceArn, gatewayArn);
        assert.deepEqual(parseJsonInput(gatewayPolicy.inputs.policy).Statement[0].Action, ["bedrock-agentcore:InvokeGateway"]);
    });

    it("an organization: Principal * under aws:PrincipalOrgID, which the policy gate accepts", async () => {
        const reg = await record(restricted({ organizationId: "o-abcdefghij" }), "prod");
        const policy = reg.one(RESOURCE_POLICY);
        assert.deepEqual(parseJsonInput(policy.inputs.policy).Statement[0].Principal, "*");
        assert.deepEqual(parseJsonInput(policy.inputs.policy).Statement[0].Condition, { StringEquals: { "aws:PrincipalOrgID": "o-abcdefghij" } });
        const violations = await evaluatePolicies(reg.all, { configPath: policyConfigOf("prod") });
        assert.deepEqual(violations.filter((v) => v.policy === "agentcore-resource-policy-principal"), []);
    });

    it("refuses a policy that restricts nothing, bad ids, and options the environment cannot honour, all at once", () => {
        assert.throws(restricted({ throughEnvironmentVpc: true, includeGateway: false, accounts: ["123"], organizationId: "org-1" }, "public"), (err: unknown) => {
            assert.ok(err instanceof InputValidationError);
            assert.deepEqual(err.problems, [
                "throughEnvironmentVpc true needs a VPC network mode (the environment runs PUBLIC, so it has no VPC)",
                'access.accounts[0] "123" must match [0-9]{12} (bedrock-agentcore-control API model, shape AwsAccountId)',
                'access.organizationId "org-1" must match ^o-[a-z0-9]{10,32}$ (an AWS Organizations id)',
            ]);
            return true;
        });
        assert.throws(() => new InvokeResourcePolicy("p", { kind: "runtime", resourceArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/x" }), (err: unknown) => {
            assert.ok(err instanceof InputValidationError);
            assert.deepEqual(err.problems, ["access {\"kind\":\"runtime\",\"resourceArn\":\"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/x\"} must name accounts, an organizationId, sourceVpceIds or sourceVpcIds: a resource policy without any would allow everyone"]);
            return true;
        });
    });
});
