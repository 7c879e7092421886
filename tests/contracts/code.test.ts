import { strict as assert } from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment } from "../../sdk";
import { CODE_CONTRACT } from "../../sdk/code/contract";
import { policyDocument } from "../../sdk/iam/grants";
import { record, valueOf } from "../harness";
import { RenderedAccess, documentOf, endpointPoliciesOf, evaluate, renderedRole, unexercised, violations } from "./simulate";

// issue 23 item 1: the access contract of a code package.

const SAMPLE = path.join(__dirname, "..", "..", "examples", "code-agent", "agent");
const VPC = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"], securityGroupIds: ["sg-0123456789abcdef0"] };

async function codeShape(environment: "dev" | "prod"): Promise<RenderedAccess> {
    let env: AgentEnvironment | undefined;
    const reg = await record(
        () =>
            (env = new AgentEnvironment("support", {
                environment,
                code: { source: SAMPLE, runtime: "PYTHON_3_12", entryPoint: ["main.py"] },
                ...(environment === "dev" ? {} : { runtimeVersion: "1", network: VPC }),
            })),
        environment,
    );
    const object = reg.one("aws:s3/bucketObjectv2:BucketObjectv2");
    const keys = reg.ofType("aws:kms/key:Key").filter((k) => k.name === "support-code-kms-key");
    const deployer = await valueOf(pulumi.output(policyDocument(env!.code!.deployerReadStatements())));
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: { codeBucket: object.inputs.bucket, codeKey: object.inputs.key, codeKeyArn: keys.length ? keys[0].outputs.arn : "arn:aws:kms:us-east-1:123456789012:key/none" },
        roles: { runtime: renderedRole(reg, "support-role") },
        resourcePolicies: {
            "bucket:code": documentOf(reg, "aws:s3/bucketPolicy:BucketPolicy", "support-code-policy", "policy"),
            ...(keys.length ? { "key:code": documentOf(reg, "aws:kms/key:Key", keys[0].name, "policy") } : {}),
        },
        endpointPolicies: endpointPoliciesOf(reg, "us-east-1"),
        accountIdentities: { deployer: [deployer] },
        features: new Set(keys.length ? ["cmk"] : []),
    };
}

describe("access contract: AgentCode (issue 23 item 1)", () => {
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        shapes.dev = await codeShape("dev");
        shapes.prod = await codeShape("prod");
    });

    for (const env of ["dev", "prod"]) {
        it(`every allowed call is allowed and every denied call denied (${env})`, async () => {
            assert.deepEqual(await violations(CODE_CONTRACT, shapes[env]), []);
        });
    }

    it("issue 23 red-team item 1: prod's S3 gateway endpoint policy is bound, and without the execution role's grant its read is denied", async () => {
        assert.ok(shapes.prod.endpointPolicies.s3 !== undefined, `endpoints bound: ${Object.keys(shapes.prod.endpointPolicies).join(", ")}`);
        const read = CODE_CONTRACT.allowed.find((c) => c.id === "runtime-role-reads-package")!;
        assert.equal((await evaluate(read, "Allowed", shapes.prod)).decision, "Allowed");
        const ungranted = { ...shapes.prod, roles: { runtime: { ...shapes.prod.roles.runtime, policies: shapes.prod.roles.runtime.policies.filter((p: any) => p.name !== "code-package-read") } } };
        assert.equal((await evaluate(read, "Allowed", ungranted)).decision, "ImplicitlyDenied");
    });

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(CODE_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: without the deployer's statement the read is denied; an administrator without TLS is denied by the bucket", async () => {
        const read = CODE_CONTRACT.allowed.find((c) => c.id === "deployer-reads-package")!;
        assert.equal((await evaluate(read, "Allowed", shapes.prod)).decision, "Allowed");
        const bare = { ...shapes.prod, accountIdentities: { deployer: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] }] } };
        assert.equal((await evaluate(read, "Allowed", bare)).decision, "ImplicitlyDenied");
        const noTls = CODE_CONTRACT.denied.find((c) => c.id === "read-package-without-tls")!;
        const openBucket = { ...shapes.prod, resourcePolicies: { ...shapes.prod.resourcePolicies, "bucket:code": { Version: "2012-10-17", Statement: [] } } };
        assert.equal((await evaluate(noTls, "Denied", openBucket)).decision, "Allowed", "without the TLS-only policy an administrator's plain-HTTP read would pass");
    });
});
