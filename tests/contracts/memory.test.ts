import { strict as assert } from "assert";
import { AgentEnvironment } from "../../sdk";
import { MEMORY_CONTRACT } from "../../sdk/memory/contract";
import { memoryDeployerStatements } from "../../sdk/memory/perms";
import { record } from "../harness";
import { RenderedAccess, documentOf, endpointPoliciesOf, evaluate, renderedRole, unexercised, violations } from "./simulate";

const PROFILE = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
const PROFILE_MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
const call = (id: string) => [...MEMORY_CONTRACT.allowed, ...MEMORY_CONTRACT.denied].find((c) => c.id === id)!;

/** An environment whose memory has a custom strategy, in a profile's shape (staging and prod: customer-managed key, VPC). */
async function memoryShape(environment: "dev" | "staging" | "prod"): Promise<RenderedAccess> {
    const reg = await record(
        () =>
            new AgentEnvironment("support", {
                environment,
                image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/support@sha256:${"a".repeat(64)}` },
                memory: {
                    strategies: [{ type: "CUSTOM", name: "facts", override: { type: "SEMANTIC_OVERRIDE", extraction: { modelId: PROFILE, appendToPrompt: "Only facts." } } }],
                },
                ...(environment === "dev" ? {} : { runtimeVersion: "1" }),
            }),
        environment,
    );
    const memory = reg.one("aws:bedrock/agentcoreMemory:AgentcoreMemory");
    const keys = reg.ofType("aws:kms/key:Key").filter((k) => k.name === "support-memory-key");
    const memoryRole = renderedRole(reg, "support-memory-role");
    const keyArn = keys.length ? keys[0].outputs.arn : "arn:aws:kms:us-east-1:123456789012:key/none";
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: {
            memoryName: memory.inputs.name,
            memoryId: memory.id!,
            memoryArn: memory.outputs.arn,
            memoryKeyArn: keyArn,
            memoryRoleArn: memoryRole.arn,
            profile: PROFILE,
            profileModel: PROFILE_MODEL,
        },
        roles: { runtime: renderedRole(reg, "support-role"), memory: memoryRole },
        resourcePolicies: keys.length ? { "key:memory": documentOf(reg, "aws:kms/key:Key", "support-memory-key", "policy") } : {},
        endpointPolicies: endpointPoliciesOf(reg, "us-east-1"),
        accountIdentities: {
            deployer: [{ Version: "2012-10-17", Statement: memoryDeployerStatements({ partition: "aws", region: "us-east-1", account: "123456789012", memoryName: memory.inputs.name, keyArn }) }],
        },
        features: new Set(["custom-strategy", ...(keys.length ? ["cmk"] : []), ...(environment === "dev" ? [] : ["vpc"])]),
    };
}

describe("access contract: AgentMemory", () => {
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            shapes[env] = await memoryShape(env);
        }
    });

    for (const env of ["dev", "staging", "prod"]) {
        it(`every allowed call is allowed and every denied call denied (${env})`, async () => {
            assert.deepEqual(await violations(MEMORY_CONTRACT, shapes[env]), []);
        });
    }

    it("staging and prod encrypt the memory with a customer-managed key; dev does not", () => {
        assert.deepEqual(
            ["dev", "staging", "prod"].map((e) => shapes[e].features.has("cmk")),
            [false, true, true],
        );
    });

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(MEMORY_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: the key statements this package used to grant (Decrypt, GenerateDataKey) leave the deployer without CreateGrant", async () => {
        const old = {
            ...shapes.prod,
            accountIdentities: {
                deployer: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: shapes.prod.bindings.memoryKeyArn, Condition: { StringEquals: { "kms:ViaService": "bedrock-agentcore.us-east-1.amazonaws.com" } } }] }],
            },
        };
        assert.equal((await evaluate(call("deployer-create-grant"), "Allowed", old)).decision, "ImplicitlyDenied");
        assert.equal((await evaluate(call("deployer-create-grant"), "Allowed", shapes.prod)).decision, "Allowed");
    });

    it("the evaluator can fail: the `<name>-*` key policy this package used to render lets `<name>-admin` use the key", async () => {
        const widened = { ...shapes.prod, resourcePolicies: { "key:memory": JSON.parse(JSON.stringify(shapes.prod.resourcePolicies["key:memory"]).replace("support_memory-??????????", "support_memory-*")) } };
        assert.equal((await evaluate(call("service-key-name-prefix"), "Denied", widened)).decision, "Allowed");
    });
});
