import { strict as assert } from "assert";
import { InputValidationError, TransactionSearch } from "../../sdk";
import { parseJsonInput, record } from "../harness";

const POLICY = "aws:cloudwatch/logResourcePolicy:LogResourcePolicy";
const DESTINATION = "aws:xray/traceSegmentDestination:TraceSegmentDestination";
const RULE = "aws:xray/indexingRule:IndexingRule";

describe("TransactionSearch", () => {
    it("lets only this account's X-Ray write spans into the two Transaction Search log groups", async () => {
        const reg = await record(() => new TransactionSearch("tx-search"));
        const policy = reg.one(POLICY, "tx-search-log-policy");
        assert.equal(policy.inputs.policyName, "TransactionSearchAccess");
        assert.deepEqual(parseJsonInput(policy.inputs.policyDocument), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "TransactionSearchXRayAccess",
                    Effect: "Allow",
                    Principal: { Service: "xray.amazonaws.com" },
                    Action: ["logs:PutLogEvents"],
                    Resource: [
                        "arn:aws:logs:us-east-1:123456789012:log-group:aws/spans:*",
                        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/application-signals/data:*",
                    ],
                    Condition: {
                        ArnLike: { "aws:SourceArn": "arn:aws:xray:us-east-1:123456789012:*" },
                        StringEquals: { "aws:SourceAccount": "123456789012" },
                    },
                },
            ],
        });
    });

    it("sends segments to CloudWatch Logs after the policy exists, then sets the indexing rule", async () => {
        const reg = await record(() => new TransactionSearch("tx-search", { indexingPercentage: 5 }));
        const destination = reg.one(DESTINATION, "tx-search-destination");
        const rule = reg.one(RULE, "tx-search-indexing");
        assert.deepEqual(destination.inputs, { destination: "CloudWatchLogs" });
        assert.deepEqual(destination.options.dependsOn, [reg.one(POLICY).urn]);
        assert.deepEqual(rule.inputs, { name: "Default", rule: { probabilistic: { desiredSamplingPercentage: 5 } } });
        assert.deepEqual(rule.options.dependsOn, [destination.urn]);
        assert.deepEqual(reg.typeCounts(), {
            "agentcore:index:TransactionSearch": 1,
            [POLICY]: 1,
            [DESTINATION]: 1,
            [RULE]: 1,
            // The account's one AgentCore trace delivery policy (see traceDeliveryPolicy.test.ts).
            "agentcore:index:TraceDeliveryPolicy": 1,
            "aws:xray/resourcePolicy:ResourcePolicy": 1,
        });
    });

    it("indexes AWS's free 1% by default", async () => {
        const reg = await record(() => new TransactionSearch("tx-search"));
        assert.equal(reg.one(RULE).inputs.rule.probabilistic.desiredSamplingPercentage, 1);
    });

    for (const [percentage, shown] of [[-1, "-1"], [100.5, "100.5"]] as const) {
        it(`refuses an indexing percentage of ${shown} before registering anything`, async () => {
            let error: unknown;
            const reg = await record(() => {
                try {
                    new TransactionSearch("tx-search", { indexingPercentage: percentage });
                } catch (e) {
                    error = e;
                }
            });
            assert.ok(error instanceof InputValidationError);
            assert.deepEqual(error.problems, [`indexingPercentage ${shown} must be between 0 and 100 (X-Ray UpdateIndexingRule desiredSamplingPercentage)`]);
            assert.deepEqual(reg.all.map((r) => r.type), ["agentcore:index:TransactionSearch"]);
        });
    }
});
