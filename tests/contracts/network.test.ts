import { strict as assert } from "assert";
import { AgentEnvironment } from "../../sdk";
import { NETWORK_CONTRACT } from "../../sdk/network/contract";
import { record } from "../harness";
import { RenderedAccess, endpointPoliciesOf, evaluate, unexercised, violations } from "./simulate";

const DIGEST = `sha256:${"e".repeat(64)}`;
/** Another account's bucket whose policy admits everyone: only the endpoint policy can stop a write into it. */
const OPEN_BUCKET = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::exfil-bucket/*" }] };

/** An environment with memory and a gateway, in a profile's network shape. */
async function networkShape(environment: "dev" | "staging" | "prod"): Promise<RenderedAccess> {
    const reg = await record(
        () =>
            new AgentEnvironment("support", {
                environment,
                image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/support@${DIGEST}` },
                models: ["amazon.nova-lite-v1:0"],
                ...(environment === "dev" ? {} : { runtimeVersion: "1" }),
                memory: { strategies: [{ type: "SEMANTIC" }] },
                gateway: {},
            }),
        environment,
    );
    const endpointPolicies = endpointPoliciesOf(reg, "us-east-1");
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: {
            repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/support",
            runtimeLogGroupArn: reg.one("aws:cloudwatch/logGroup:LogGroup", "support-observability-support-log-group").outputs.arn,
            memoryArn: reg.one("aws:bedrock/agentcoreMemory:AgentcoreMemory").outputs.arn,
            gatewayArn: reg.one("aws:bedrock/agentcoreGateway:AgentcoreGateway").outputs.gatewayArn,
        },
        roles: {},
        resourcePolicies: { "bucket:exfil": OPEN_BUCKET },
        endpointPolicies,
        features: new Set(["memory", "gateway", ...(Object.keys(endpointPolicies).length > 0 ? ["vpc"] : [])]),
    };
}

describe("access contract: AgentNetwork (VPC endpoint policies)", () => {
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            shapes[env] = await networkShape(env);
        }
    });

    for (const env of ["dev", "staging", "prod"]) {
        it(`every allowed call is allowed and every denied call denied (${env})`, async () => {
            assert.deepEqual(await violations(NETWORK_CONTRACT, shapes[env]), []);
        });
    }

    it("the VPC shapes render every endpoint the rows name; dev renders none", () => {
        const named = [...new Set([...NETWORK_CONTRACT.allowed, ...NETWORK_CONTRACT.denied].flatMap((c) => c.resourcePolicies ?? []).filter((k) => k.startsWith("endpoint:")).map((k) => k.slice(9)))].sort();
        assert.deepEqual(named, ["bedrock-agentcore", "bedrock-agentcore.gateway", "ecr.api", "ecr.dkr", "logs", "s3"]);
        for (const env of ["staging", "prod"]) {
            assert.deepEqual(named.filter((s) => shapes[env].endpointPolicies[s] === undefined), [], env);
        }
        assert.deepEqual(shapes.dev.endpointPolicies, {});
    });

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(NETWORK_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: with an endpoint policy that admits everyone, the other account's call and the exfiltration pass", async () => {
        const open = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };
        const wide = { ...shapes.staging, endpointPolicies: Object.fromEntries(Object.keys(shapes.staging.endpointPolicies).map((s) => [s, open])) };
        for (const id of ["other-account-through-ecr-endpoint", "exfiltrate-to-other-account-bucket", "other-account-gateway-through-endpoint"]) {
            const row = NETWORK_CONTRACT.denied.find((c) => c.id === id)!;
            assert.equal((await evaluate(row, "Denied", wide)).decision, "Allowed", id);
        }
    });
});
