import { strict as assert } from "assert";
import type { PlanViolation } from "../../policy/evaluate";
import { Gate, gateFailures, typeOfUrn } from "./gate";

const MEMORY_URN = "urn:pulumi:dev::p::agentcore:index:AgentMemory$aws:bedrock/agentcoreMemory:AgentcoreMemory::agent-memory";
const RUNTIME_URN = "urn:pulumi:dev::p::aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime::agent-runtime";
const keys = (level: PlanViolation["level"], urn: string): PlanViolation => ({ policy: "agentcore-customer-managed-keys", level, urn, message: "use a customer key" });

describe("cross-check gate", () => {
    it("reads the resource type from a URN, parent types and all", () => {
        assert.deepEqual([typeOfUrn(MEMORY_URN), typeOfUrn(RUNTIME_URN), typeOfUrn("")], ["aws:bedrock/agentcoreMemory:AgentcoreMemory", "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime", undefined]);
    });

    const cases: { title: string; gate: Gate; violation: PlanViolation; fails: boolean }[] = [
        { title: "dev lets an allow-listed advisory through", gate: "dev", violation: keys("advisory", MEMORY_URN), fails: false },
        { title: "dev fails the same policy on a resource type not on the list", gate: "dev", violation: keys("advisory", RUNTIME_URN), fails: true },
        { title: "dev fails an allow-listed policy when it is mandatory", gate: "dev", violation: keys("mandatory", MEMORY_URN), fails: true },
        { title: "dev fails a stack-level advisory (no resource)", gate: "dev", violation: keys("advisory", ""), fails: true },
        { title: "prod fails every advisory, allow-listed in dev or not", gate: "prod", violation: keys("advisory", MEMORY_URN), fails: true },
    ];
    for (const { title, gate, violation, fails } of cases) {
        it(title, () => {
            assert.deepEqual(gateFailures([violation], gate), fails ? [`${violation.level} ${violation.policy} ${violation.urn}: use a customer key`] : []);
        });
    }
});
