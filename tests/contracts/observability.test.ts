import { strict as assert } from "assert";
import { AgentEnvironment, TransactionSearch, deliveryName, logGroupName } from "../../sdk";
import { OBSERVABILITY_CONTRACT } from "../../sdk/observability/contract";
import { record } from "../harness";
import { RenderedAccess, documentOf, evaluate, unexercised, violations } from "./simulate";

const DIGEST = `sha256:${"c".repeat(64)}`;

/** Renders an environment (and the account's TransactionSearch, owner of the X-Ray policy) and binds what the contract names. */
async function observabilityShape(environment: "dev" | "staging" | "prod"): Promise<RenderedAccess> {
    const reg = await record(() => {
        new TransactionSearch("account-tx");
        new AgentEnvironment("support", {
            environment,
            image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/support@${DIGEST}` },
            models: ["amazon.nova-lite-v1:0"],
            ...(environment === "dev" ? {} : { runtimeVersion: "1" }),
        });
    }, environment);
    const runtime = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime");
    const observed = { kind: "runtime" as const, name: runtime.inputs.agentRuntimeName, arn: runtime.outputs.agentRuntimeArn };
    const group = reg.one("aws:cloudwatch/logGroup:LogGroup", `support-observability-${observed.name}-log-group`);
    const keys = reg.ofType("aws:kms/key:Key").filter((k) => k.name === "support-observability-key-key");
    const cmk = keys.length === 1;
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: {
            runtimeLogGroup: logGroupName(observed),
            runtimeLogGroupArn: group.outputs.arn,
            logSourceName: deliveryName(observed, "logs"),
            traceSourceName: deliveryName(observed, "traces"),
            runtimeArn: observed.arn,
            ...(cmk ? { logsKeyArn: keys[0].outputs.arn } : {}),
        },
        roles: {},
        resourcePolicies: {
            "logs:runtime": documentOf(reg, "aws:cloudwatch/logResourcePolicy:LogResourcePolicy", `support-observability-${observed.name}-log-policy`, "policyDocument"),
            xray: documentOf(reg, "aws:xray/resourcePolicy:ResourcePolicy", "account-tx-trace-delivery-policy", "policyDocument"),
            ...(cmk ? { "key:logs": documentOf(reg, "aws:kms/key:Key", "support-observability-key-key", "policy") } : {}),
        },
        endpointPolicies: {},
        features: new Set(cmk ? ["cmk"] : []),
    };
}

describe("access contract: AgentObservability", () => {
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            shapes[env] = await observabilityShape(env);
        }
    });

    for (const env of ["dev", "staging", "prod"]) {
        it(`every allowed call is allowed and every denied call denied (${env})`, async () => {
            assert.deepEqual(await violations(OBSERVABILITY_CONTRACT, shapes[env]), []);
        });
    }

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(OBSERVABILITY_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: a per-agent X-Ray policy (the old shape) refuses another agent's traces", async () => {
        const other = OBSERVABILITY_CONTRACT.allowed.find((c) => c.id === "delivery-writes-another-agents-traces")!;
        const perAgent = JSON.parse(JSON.stringify(shapes.dev.resourcePolicies.xray));
        perAgent.Statement[0].Condition["ForAllValues:ArnLike"]["logs:LogGeneratingResourceArns"] = [shapes.dev.bindings.runtimeArn];
        assert.equal((await evaluate(other, "Allowed", { ...shapes.dev, resourcePolicies: { ...shapes.dev.resourcePolicies, xray: perAgent } })).decision, "ImplicitlyDenied");
    });

    it("the evaluator can fail: a key policy without the CloudWatch Logs statement refuses the log group's encryption", async () => {
        const encrypt = OBSERVABILITY_CONTRACT.allowed.find((c) => c.id === "logs-service-encrypts")!;
        const key = JSON.parse(JSON.stringify(shapes.prod.resourcePolicies["key:logs"]));
        key.Statement = key.Statement.filter((s: any) => s.Sid !== "CloudWatchLogsEncryptsAgentLogGroups");
        assert.equal((await evaluate(encrypt, "Allowed", { ...shapes.prod, resourcePolicies: { ...shapes.prod.resourcePolicies, "key:logs": key } })).decision, "ImplicitlyDenied");
    });
});
