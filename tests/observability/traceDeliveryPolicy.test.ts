import { strict as assert } from "assert";
import { AgentEnvironment, TransactionSearch } from "../../sdk";
import { parseJsonInput, record } from "../harness";

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
