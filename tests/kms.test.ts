import { strict as assert } from "assert";
import { CustomerManagedKey } from "../sdk";
import { parseJsonInput, record } from "./harness";

describe("CustomerManagedKey", () => {
    it("rotates, keeps the account in control and adds the service statements", async () => {
        const reg = await record(
            () =>
                new CustomerManagedKey("memory-key", {
                    purpose: "agent memory",
                    serviceStatements: (ctx) => [{ Sid: "Svc", Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: ["kms:Decrypt"], Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": ctx.accountId } } }],
                }),
        );
        const key = reg.one("aws:kms/key:Key");
        assert.equal(key.inputs.enableKeyRotation, true);
        assert.equal(key.inputs.deletionWindowInDays, 30);
        assert.deepEqual(parseJsonInput(key.inputs.policy).Statement, [
            { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
            { Sid: "Svc", Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: ["kms:Decrypt"], Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } },
        ]);
        assert.deepEqual(key.options, { protect: false, retainOnDelete: false, dependsOn: [], explicitDependsOn: [], deleteBeforeReplace: false, replaceOnChanges: [], ignoreChanges: [] });
    });

    it("protects the key from deletion when asked", async () => {
        const reg = await record(() => new CustomerManagedKey("memory-key", { purpose: "agent memory", protectFromDeletion: true }));
        const options = reg.one("aws:kms/key:Key").options;
        assert.equal(options.protect, true);
        assert.equal(options.retainOnDelete, true);
    });

    it("refuses a deletion window KMS does not accept", async () => {
        await record(() => assert.throws(() => new CustomerManagedKey("k", { purpose: "x", deletionWindowInDays: 5 }), /deletionWindowInDays 5 must be a whole number from 7 to 30 \(KMS ScheduleKeyDeletion PendingWindowInDays\)/));
    });
});
