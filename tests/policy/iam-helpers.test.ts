import { strict as assert } from "assert";
import { canonicalAction, expandAction, hasResourceLevelSupport } from "../../policy/iam/actions";
import { parseDocument } from "../../policy/iam/document";

describe("IAM document parsing", () => {
    const expected = [{ effect: "Allow", action: ["s3:GetObject"], resource: ["arn:aws:s3:::b/*"], conditions: [["aws:sourceaccount", ["1"]]] }];
    const shape = (doc: unknown) => parseDocument(doc)?.map((s) => ({ effect: s.effect, action: s.action, resource: s.resource, conditions: [...s.conditions] }));
    const table: [string, unknown][] = [
        ["JSON string, statement list", JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::b/*"], Condition: { StringEquals: { "aws:SourceAccount": "1" } } }] })],
        ["object, single statement, string fields", { Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: { StringEquals: { "aws:SourceAccount": ["1"] } } } }],
    ];
    for (const [title, doc] of table) {
        it(title, () => assert.deepEqual(shape(doc), expected));
    }
    it("returns undefined for text that is not a policy", () => assert.equal(parseDocument("not json"), undefined));
});

describe("IAM action data", () => {
    it("knows actions case-insensitively", () => assert.equal(canonicalAction("BEDROCK-AGENTCORE:invokeagentruntimecommand"), "bedrock-agentcore:InvokeAgentRuntimeCommand"));
    it("expands wildcards", () =>
        assert.deepEqual(expandAction("bedrock-agentcore:GetWorkloadAccessToken*").sort(), [
            "bedrock-agentcore:GetWorkloadAccessToken",
            "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
            "bedrock-agentcore:GetWorkloadAccessTokenForUserId",
        ]));
    it("expands \"*\" to every action, including InvokeAgentRuntimeCommand", () => assert.ok(expandAction("*").includes("bedrock-agentcore:InvokeAgentRuntimeCommand")));
    it("tells which actions have resource-level permissions", () => {
        assert.deepEqual(
            ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "xray:PutTraceSegments", "bedrock-agentcore:CreateAgentRuntime", "bedrock:InvokeModel"].map(hasResourceLevelSupport),
            [false, true, false, false, true],
        );
    });
});
