import { strict as assert } from "assert";
import { AgentEnvironment } from "../../sdk";
import { TOOLS_CONTRACT } from "../../sdk/tools/contract";
import { record } from "../harness";
import { RenderedAccess, documentOf, endpointPoliciesOf, evaluate, renderedRole, unexercised, violations } from "./simulate";

const DATA_BUCKET = "support-analytics-data";
const call = (id: string) => [...TOOLS_CONTRACT.allowed, ...TOOLS_CONTRACT.denied].find((c) => c.id === id)!;

/** An environment with an interpreter reading one data bucket and a recording browser, in a profile's shape. */
async function toolsShape(environment: "dev" | "staging" | "prod"): Promise<RenderedAccess> {
    const reg = await record(
        () =>
            new AgentEnvironment("support", {
                environment,
                image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/support@sha256:${"a".repeat(64)}` },
                codeInterpreter: { dataBuckets: [DATA_BUCKET] },
                browser: { ...(environment === "dev" ? { networkMode: "PUBLIC" as const } : {}), recording: { prefix: "sessions/support" } },
                ...(environment === "dev" ? {} : { runtimeVersion: "1" }),
            }),
        environment,
    );
    const interpreter = reg.one("aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter");
    const browser = reg.one("aws:bedrock/agentcoreBrowser:AgentcoreBrowser");
    const recordingKeys = reg.ofType("aws:kms/key:Key").filter((k) => k.name.startsWith("support-browser-recordings"));
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: {
            codeInterpreterName: interpreter.inputs.name,
            codeInterpreterId: interpreter.id!,
            dataBucket: DATA_BUCKET,
            browserName: browser.inputs.name,
            browserId: browser.id!,
            recordingBucket: reg.one("aws:s3/bucket:Bucket", "support-browser-recordings-bucket").outputs.bucket,
            recordingPrefix: "sessions/support",
            recordingKeyArn: recordingKeys.length ? recordingKeys[0].outputs.arn : "arn:aws:kms:us-east-1:123456789012:key/none",
            ...Object.fromEntries([
                ["codeInterpreterRoleArn", renderedRole(reg, "support-code-interpreter-role").arn],
                ["browserRoleArn", renderedRole(reg, "support-browser-role").arn],
            ]),
        },
        roles: { codeInterpreter: renderedRole(reg, "support-code-interpreter-role"), browser: renderedRole(reg, "support-browser-role") },
        resourcePolicies: {
            "bucket:recording": documentOf(reg, "aws:s3/bucketPolicy:BucketPolicy", "support-browser-recordings-policy", "policy"),
            ...(recordingKeys.length ? { "key:recording": documentOf(reg, "aws:kms/key:Key", recordingKeys[0].name, "policy") } : {}),
        },
        endpointPolicies: endpointPoliciesOf(reg, "us-east-1"),
        features: new Set(["data-buckets", "recording", ...(recordingKeys.length ? ["cmk"] : []), ...(environment === "dev" ? [] : ["vpc"])]),
    };
}

describe("access contract: CodeInterpreter and Browser", () => {
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            shapes[env] = await toolsShape(env);
        }
    });

    for (const env of ["dev", "staging", "prod"]) {
        it(`every allowed call is allowed and every denied call denied (${env})`, async () => {
            assert.deepEqual(await violations(TOOLS_CONTRACT, shapes[env]), []);
        });
    }

    it("shapes: customer-managed recording key where the profile has keys, VPC endpoints (s3) in staging and prod", () => {
        assert.deepEqual(
            ["dev", "staging", "prod"].map((e) => [shapes[e].features.has("cmk"), shapes[e].endpointPolicies.s3 !== undefined]),
            [
                [false, false],
                [true, true],
                [true, true],
            ],
        );
    });

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(TOOLS_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: a browser role allowed s3:* on the bucket may read recordings back", async () => {
        const browserRole = shapes.dev.roles.browser;
        const wide = { ...shapes.dev, roles: { ...shapes.dev.roles, browser: { ...browserRole, policies: [{ name: "wide", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] } }] } } };
        assert.equal((await evaluate(call("read-recording"), "Denied", wide)).decision, "Allowed");
        assert.equal((await evaluate(call("write-without-tls"), "Denied", wide)).decision, "ExplicitlyDenied");
    });

    it("the evaluator can fail: the `<name>-*` trust this package used to render lets `<name>-admin` assume the interpreter role", async () => {
        const role = shapes.dev.roles.codeInterpreter;
        const widened = { ...shapes.dev, roles: { ...shapes.dev.roles, codeInterpreter: { ...role, trust: JSON.parse(JSON.stringify(role.trust).replace("-??????????", "-*")) } } };
        assert.equal((await evaluate(call("assume-interpreter-role-name-prefix"), "Denied", widened)).decision, "Allowed");
    });
});
