import { strict as assert } from "assert";
import { AgentEnvironment, AgentPlatform } from "../../sdk";
import { REGISTRY_CONTRACT } from "../../sdk/registry/contract";
import { RECORD_MANAGE, registryAdminStatements, registryPublisherStatements } from "../../sdk/registry/perms";
import { record, valueOf } from "../harness";
import { RenderedAccess, documentOf, evaluate, renderedRole, unexercised, violations } from "./simulate";

// issue 24 item 1: the grants of the registry's deployer and of a publisher, and nothing for the agent,
// evaluated with the IAM evaluator against what the components render.

const call = (id: string) => [...REGISTRY_CONTRACT.allowed, ...REGISTRY_CONTRACT.denied].find((c) => c.id === id)!;
const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:${"a".repeat(64)}` };

async function registryShape(environment: "dev" | "prod"): Promise<RenderedAccess> {
    let platform: AgentPlatform | undefined;
    const reg = await record(() => (platform = new AgentPlatform("platform", { registry: { environment } })), environment, "platform");
    const outputs = await valueOf(platform!.outputs);
    const team = await record(
        () => new AgentEnvironment("orders", { environment, platform: outputs, image: IMAGE, protocol: "A2A", runtimeVersion: "1", publish: { registry: outputs.registryArn! } }),
        environment,
    );
    const registry = reg.one("aws:agentregistry/registry:Registry");
    const key = reg.one("aws:kms/key:Key", "platform-registry-key-key");
    const rec = team.one("aws-native:agentregistry:RegistryRecord");
    const where = { partition: "aws", region: "us-east-1", account: "123456789012" };
    return {
        ...where,
        bindings: { registryArn: registry.outputs.registryArn, registryId: registry.outputs.registryId, recordArn: rec.outputs.recordArn, registryKeyArn: key.outputs.arn },
        roles: { runtime: renderedRole(team, "orders-role") },
        resourcePolicies: { "key:registry": documentOf(reg, "aws:kms/key:Key", "platform-registry-key-key", "policy") },
        endpointPolicies: {},
        accountIdentities: {
            "registry-admin": [{ Version: "2012-10-17", Statement: registryAdminStatements({ ...where, keyArn: key.outputs.arn }) }],
            publisher: [{ Version: "2012-10-17", Statement: registryPublisherStatements({ ...where, registryId: registry.outputs.registryId, keyArn: key.outputs.arn }) }],
        },
        features: new Set(),
    };
}

describe("access contract: AgentRegistry (issue 24 item 1)", function () {
    this.timeout(300000);
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        for (const env of ["dev", "prod"] as const) {
            shapes[env] = await registryShape(env);
        }
    });

    for (const env of ["dev", "prod"]) {
        it(`every allowed call is allowed and every denied call denied (${env})`, async () => {
            assert.deepEqual(await violations(REGISTRY_CONTRACT, shapes[env]), []);
        });
    }

    it("every row applies in some shape", () => {
        assert.deepEqual(unexercised(REGISTRY_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: a publisher granted agent-registry:* on the registry's records could approve its own", async () => {
        const widened = {
            ...shapes.prod,
            accountIdentities: {
                ...shapes.prod.accountIdentities,
                publisher: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "agent-registry:*", Resource: `${shapes.prod.bindings.registryArn}/record/*` }] }],
            },
        };
        assert.equal((await evaluate(call("publisher-approve-own-record"), "Denied", widened)).decision, "Allowed");
        assert.equal((await evaluate(call("publisher-approve-own-record"), "Denied", shapes.prod)).decision, "ImplicitlyDenied");
    });

    it("the publisher's record actions leave out approval (UpdateRegistryRecordStatus)", () => {
        assert.equal(RECORD_MANAGE.includes("agent-registry:UpdateRegistryRecordStatus"), false);
    });
});
