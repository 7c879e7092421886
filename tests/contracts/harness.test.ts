import { strict as assert } from "assert";
import { AgentHarness } from "../../sdk";
import { HARNESS_CONTRACT } from "../../sdk/harness/contract";
import { record } from "../harness";
import { harnessArgs } from "../harness/fixtures";
import { RenderedAccess, endpointPoliciesOf, renderedRole, unexercised, violations } from "./simulate";

// issue 23 item 2: the harness's execution role under the IAM evaluator, in every profile.

const PROFILE = "us.anthropic.claude-sonnet-4-20250514-v1:0";
const PROFILE_MODEL = "anthropic.claude-sonnet-4-20250514-v1:0";

async function harnessShape(environment: "dev" | "staging" | "prod", withParts = true): Promise<RenderedAccess> {
    const reg = await record(() => new AgentHarness("orders", harnessArgs(environment, withParts ? {} : { memory: undefined, gateway: undefined, allowedTools: ["@docs/search"] })), environment);
    const h = reg.one("aws:bedrock/agentcoreHarness:AgentcoreHarness");
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: {
            harnessName: h.inputs.harnessName,
            harnessId: h.outputs.harnessId,
            harnessRoleArn: renderedRole(reg, "orders-role").arn,
            harnessRuntimeId: h.outputs.environmentActuals[0].agentcoreRuntimeEnvironments[0].agentRuntimeId,
            profile: PROFILE,
            profileModel: PROFILE_MODEL,
            memoryArn: withParts ? reg.one("aws:bedrock/agentcoreMemory:AgentcoreMemory").outputs.arn : "none",
            gatewayArn: withParts ? reg.one("aws:bedrock/agentcoreGateway:AgentcoreGateway").outputs.gatewayArn : "none",
        },
        roles: { harness: renderedRole(reg, "orders-role") },
        resourcePolicies: {},
        endpointPolicies: endpointPoliciesOf(reg, "us-east-1"),
        features: new Set([...(withParts ? ["memory", "gateway"] : []), ...(environment === "dev" ? [] : ["vpc"])]),
    };
}

describe("access contract: AgentHarness (issue 23 item 2)", function () {
    this.timeout(180000);
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            shapes[env] = await harnessShape(env);
        }
        shapes.bare = await harnessShape("dev", false);
    });

    for (const env of ["dev", "staging", "prod", "bare"]) {
        it(`every allowed call is allowed and every denied call denied (${env})`, async () => {
            assert.deepEqual(await violations(HARNESS_CONTRACT, shapes[env]), []);
        });
    }

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(HARNESS_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: a role that reads every memory's records breaks the contract (issue 23 item 4)", async () => {
        const broad = {
            ...shapes.prod,
            roles: {
                harness: {
                    ...shapes.prod.roles.harness,
                    policies: [
                        ...shapes.prod.roles.harness.policies,
                        { name: "broad", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["bedrock-agentcore:RetrieveMemoryRecords", "bedrock-agentcore:DeleteMemoryRecord"], Resource: "*" }] } },
                    ],
                },
            },
        };
        const ids = (await violations(HARNESS_CONTRACT, broad)).map((v: any) => v.call?.id ?? String(v));
        assert.ok(ids.some((i: string) => i.includes("retrieve-other-memory")), `expected retrieve-other-memory to fail, got ${JSON.stringify(ids)}`);
        assert.ok(ids.some((i: string) => i.includes("delete-memory-record")), `expected delete-memory-record to fail, got ${JSON.stringify(ids)}`);
    });
});
