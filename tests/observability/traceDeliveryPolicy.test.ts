import { strict as assert } from "assert";
import { AgentEnvironment, AgentPlatform, PlatformOutputs, TraceDeliveryPolicy, TransactionSearch } from "../../sdk";
import { parseJsonInput, record, valueOf } from "../harness";

const XRAY_POLICY = "aws:xray/resourcePolicy:ResourcePolicy";
const DIGEST = `sha256:${"b".repeat(64)}`;

/** X-Ray allows 5 resource policies per account (PutResourcePolicy); one per environment failed at the 6th. */
describe("X-Ray trace delivery policy: one per account, not one per environment", () => {
    it("six traced environments in one program create no X-Ray resource policy; the account's TransactionSearch creates the one", async () => {
        const reg = await record(() => {
            new TransactionSearch("account-tx");
            for (let i = 1; i <= 6; i++) {
                new AgentEnvironment(`agent${i}`, { environment: "dev", image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent${i}@${DIGEST}` }, models: ["amazon.nova-lite-v1:0"] });
            }
        });
        assert.equal(reg.ofType("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination").filter((d) => d.inputs.deliveryDestinationType === "XRAY").length, 6);
        assert.deepEqual(
            reg.ofType(XRAY_POLICY).map((p) => [p.name, p.inputs.policyName]),
            [["account-tx-trace-delivery-policy", "AgentCoreTraceDelivery"]],
        );
        const condition = parseJsonInput(reg.one(XRAY_POLICY).inputs.policyDocument).Statement[0].Condition;
        assert.deepEqual(condition["ForAllValues:ArnLike"]["logs:LogGeneratingResourceArns"], [
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/*",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/*",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/*",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:browser-custom/*",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:code-interpreter-custom/*",
        ]);
    });

    it('an environment that owns the account policy ("create") creates exactly one; TransactionSearch then leaves it out', async () => {
        const reg = await record(() => {
            new TransactionSearch("account-tx", { traceDeliveryPolicy: false });
            new AgentEnvironment("owner", {
                environment: "dev",
                image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/owner@${DIGEST}` },
                models: ["amazon.nova-lite-v1:0"],
                observability: { traceDeliveryPolicy: "create" },
            });
            new AgentEnvironment("other", { environment: "dev", image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/other@${DIGEST}` }, models: ["amazon.nova-lite-v1:0"] });
        });
        assert.deepEqual(
            reg.ofType(XRAY_POLICY).map((p) => p.name),
            ["owner-observability-trace-delivery-policy"],
        );
    });
});

/**
 * Issue 20 item 7: the X-Ray policy is put and deleted by name (provider xray/resource_policy.go), so the
 * owner that drops it must not delete it, or the new owner's policy (same name) goes with it.
 */
describe("X-Ray trace delivery policy: moving its ownership to AgentPlatform keeps tracing on", () => {
    const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/owner@${DIGEST}` };
    const base = { environment: "prod" as const, image: IMAGE, models: ["amazon.nova-lite-v1:0"], runtimeVersion: "1" };

    it("step A (the environment creates the policy) records it as retained on delete; step B (the platform's policy) leaves the environment with none to delete", async () => {
        // Step A: no platform yet; the environment owns the account's policy.
        const stepA = await record(() => new AgentEnvironment("owner", { ...base, observability: { traceDeliveryPolicy: "create" } }), "prod");
        const owned = stepA.one(XRAY_POLICY);
        assert.deepEqual([owned.name, owned.inputs.policyName, owned.options.retainOnDelete], ["owner-observability-trace-delivery-policy", "AgentCoreTraceDelivery", true]);

        // Step B: the platform stack puts the same policy (same name), and the environment switches to it.
        let platform: AgentPlatform | undefined;
        const platformStack = await record(() => (platform = new AgentPlatform("platform")), "prod", "platform");
        const outputs: PlatformOutputs = await valueOf(platform!.outputs);
        const platformPolicy = platformStack.one(XRAY_POLICY);
        assert.equal(platformPolicy.inputs.policyName, owned.inputs.policyName, "the platform's policy has the environment's policy's name: a delete by name would remove it");
        assert.equal(platformPolicy.options.retainOnDelete, true, "the platform's own policy is retained too (ownership may move again)");
        const stepB = await record(() => new AgentEnvironment("owner", { ...base, platform: outputs }), "prod");
        // The environment's policy is gone from the program: Pulumi deletes it from the state only,
        // because step A recorded retainOnDelete; the policy in AWS (now the platform's) stays.
        assert.deepEqual(stepB.ofType(XRAY_POLICY), []);
        assert.deepEqual(stepB.ofType("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination").filter((d) => d.inputs.deliveryDestinationType === "XRAY").length, 1);
    });

    it("Transaction Search's CloudWatch Logs policy (also put and deleted by name) is retained as well", async () => {
        const reg = await record(() => new TransactionSearch("account-tx"));
        const logPolicy = reg.one("aws:cloudwatch/logResourcePolicy:LogResourcePolicy");
        assert.deepEqual([logPolicy.inputs.policyName, logPolicy.options.retainOnDelete], ["TransactionSearchAccess", true]);
    });

    it("the component retains its policy wherever it is created (standalone, TransactionSearch, AgentObservability)", async () => {
        const reg = await record(() => {
            new TraceDeliveryPolicy("standalone", { policyName: "Standalone" });
            new TransactionSearch("account-tx");
        });
        assert.deepEqual(
            reg.ofType(XRAY_POLICY).map((p) => [p.inputs.policyName, p.options.retainOnDelete]),
            [["Standalone", true], ["AgentCoreTraceDelivery", true]],
        );
    });
});
