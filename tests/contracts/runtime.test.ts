import { strict as assert } from "assert";
import { AgentEnvironment } from "../../sdk";
import { RUNTIME_CONTRACT } from "../../sdk/runtime/contract";
import { record } from "../harness";
import { RenderedAccess, endpointPoliciesOf, evaluate, renderedRole, unexercised, violations } from "./simulate";

const DIGEST = `sha256:${"a".repeat(64)}`;
const MODEL = "amazon.nova-lite-v1:0";

/** Renders the runtime of an environment in a profile's shape. */
async function runtimeShape(environment: "dev" | "staging" | "prod"): Promise<RenderedAccess> {
    const reg = await record(
        () =>
            new AgentEnvironment("support", {
                environment,
                image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/support@${DIGEST}` },
                models: [MODEL],
                ...(environment === "dev" ? {} : { runtimeVersion: "1" }),
            }),
        environment,
    );
    const runtime = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime");
    const role = renderedRole(reg, "support-role");
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: {
            runtimeName: runtime.inputs.agentRuntimeName,
            runtimeId: runtime.id!,
            runtimeRoleArn: role.arn,
            repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/support",
            model: MODEL,
        },
        roles: { runtime: role },
        resourcePolicies: {},
        endpointPolicies: endpointPoliciesOf(reg, "us-east-1"),
        features: new Set(environment === "dev" ? [] : ["vpc"]),
    };
}

describe("access contract: AgentRuntime", () => {
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            shapes[env] = await runtimeShape(env);
        }
    });

    for (const env of ["dev", "staging", "prod"]) {
        it(`every allowed call is allowed and every denied call denied (${env})`, async () => {
            assert.deepEqual(await violations(RUNTIME_CONTRACT, shapes[env]), []);
        });
    }

    it("VPC shapes evaluate the endpoint policies (staging renders ecr.dkr, logs, bedrock-runtime)", () => {
        assert.deepEqual(["bedrock-runtime", "ecr.api", "ecr.dkr", "logs"].filter((s) => shapes.staging.endpointPolicies[s] === undefined), []);
    });

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(RUNTIME_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: a role without the pull statement is denied the pull", async () => {
        const stripped = { ...shapes.dev, roles: { runtime: { ...shapes.dev.roles.runtime, policies: [] } } };
        const pull = RUNTIME_CONTRACT.allowed.find((c) => c.id === "pull-image")!;
        assert.equal((await evaluate(pull, "Allowed", stripped)).decision, "ImplicitlyDenied");
    });
});

describe("access contract evaluation: VPC endpoint policies take part", () => {
    it("an endpoint policy that allows nothing denies a call the role allows", async () => {
        const shape = await runtimeShape("staging");
        const pull = RUNTIME_CONTRACT.allowed.find((c) => c.id === "pull-image")!;
        assert.equal((await evaluate(pull, "Allowed", shape)).decision, "Allowed");
        const closed = { ...shape, endpointPolicies: { ...shape.endpointPolicies, "ecr.dkr": { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] } } };
        assert.equal((await evaluate(pull, "Allowed", closed)).decision, "ImplicitlyDenied");
    });
});
