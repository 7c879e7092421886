import { strict as assert } from "assert";
import { AgentEnvironmentArgs, AgentRegistry, AgentRegistryArgs } from "../../sdk";
import { record } from "../harness";
import { changeOf, compareSequence } from "./changeSet";
import { environmentPath, summary } from "./paths";

// issue 24 item 1: the registry's and the records' documented change paths (sdk/registry/lifecycle.ts),
// planned as sequences of states and compared the way the engine does.

const REGISTRY = "aws:agentregistry/registry:Registry";
const RECORD = "aws-native:agentregistry:RegistryRecord";
const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/a@sha256:${"a".repeat(64)}` };
const JWT = { type: "CUSTOM_JWT" as const, discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedAudiences: ["registry"] };
const ARN_A = "arn:aws:agent-registry:us-east-1:123456789012:registry/AbCdEf12345678";
const ARN_B = "arn:aws:agent-registry:us-east-1:123456789012:registry/ZyXwVu98765432";

async function registryPath(steps: AgentRegistryArgs[]) {
    const states = [];
    for (const args of steps) {
        states.push((await record(() => new AgentRegistry("org-registry", args), args.environment)).all);
    }
    const { transitions, findings } = compareSequence(states);
    return { transitions, findings, summary: summary(transitions) };
}

const agent = (extra: Partial<AgentEnvironmentArgs>): AgentEnvironmentArgs => ({ environment: "dev", image: IMAGE, ...extra });

describe("change paths: agent registry and records (issue 24 item 1)", function () {
    this.timeout(300000);

    it("dev: IAM → JWT authorizer replaces the registry under a new name (no collision); approval auto → manual updates in place", async () => {
        const path = await registryPath([{ environment: "dev" }, { environment: "dev", authorizer: JWT }, { environment: "dev", authorizer: JWT, approval: "manual" }]);
        assert.deepEqual(path.summary, [], path.findings.join("\n"));
        assert.equal(changeOf(path.transitions[0], REGISTRY).kind, "replace");
        assert.equal(changeOf(path.transitions[1], REGISTRY).kind, "update");
        assert.deepEqual(changeOf(path.transitions[1], REGISTRY).changed, ["approvalConfiguration", "tags.agentcore-policy-exempt", "tags.agentcore-policy-exempt-reason"]);
    });

    it("a fixed registryName collides on that replacement (why the derived name carries a suffix)", async () => {
        const path = await registryPath([{ environment: "dev", registryName: "org" }, { environment: "dev", registryName: "org", authorizer: JWT }]);
        assert.deepEqual(path.summary, [`1→2 collision ${REGISTRY} org-registry`]);
    });

    it("prod: the protected registry stops an authorizer change at preview", async () => {
        const path = await registryPath([{ environment: "prod" }, { environment: "prod", authorizer: JWT }]);
        assert.deepEqual(path.summary, [`1→2 protected-replace ${REGISTRY} org-registry`]);
    });

    it("records: a protocol change (record type) and a new registry replace the record without collision; removing publish deletes it", async () => {
        const path = await environmentPath([
            agent({ publish: { registry: ARN_A } }),
            agent({ protocol: "A2A", publish: { registry: ARN_A } }),
            agent({ protocol: "A2A", publish: { registry: ARN_B } }),
            agent({ protocol: "A2A", publish: { registry: ARN_B, description: "Order assistant" } }),
            agent({ protocol: "A2A" }),
        ]);
        assert.deepEqual(path.summary, [], path.findings.join("\n"));
        assert.equal(changeOf(path.transitions[0], RECORD).kind, "replace");
        assert.equal(changeOf(path.transitions[1], RECORD).kind, "replace");
        assert.equal(changeOf(path.transitions[2], RECORD).kind, "update", "a new description updates the record (a new DRAFT revision)");
        assert.equal(changeOf(path.transitions[3], RECORD).kind, "delete");
    });
});
