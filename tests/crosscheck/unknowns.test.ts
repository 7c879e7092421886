import { strict as assert } from "assert";
import * as path from "path";
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { UNKNOWN_STRING } from "../../policy/analyzer";
import { evaluatePolicies, PlanViolation } from "../../policy/evaluate";
import type { RecordedResource } from "../../plan/mocks";
import { planStack } from "../../plan/run";
import { AgentEnvironment } from "../../sdk";
import { record } from "../harness";
import { policyConfigOf, ROOT } from "./gate";
import { everything, NETWORKS } from "./stacks";

/** A value with every leaf unknown, as the engine sends values no provider has computed yet (secret wrappers kept). */
function unknownLeaves(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(unknownLeaves);
    }
    if (value !== null && typeof value === "object") {
        const object = value as Record<string, unknown>;
        if (object[specialSigKey] === specialSecretSig) {
            return { ...object, value: unknownLeaves(object.value) };
        }
        return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, unknownLeaves(v)]));
    }
    return UNKNOWN_STRING;
}

/** The resources with `change` applied to the properties (inputs and outputs) of each. */
function withProps(resources: RecordedResource[], change: (props: Record<string, any>) => Record<string, any>): RecordedResource[] {
    return resources.map((r) => ({ ...r, inputs: change(r.inputs), outputs: change(r.outputs) }));
}

/** The resources with property `key` unknown wherever it is set: as a whole, or leaf by leaf. */
function withUnknownProperty(resources: RecordedResource[], key: string, how: "whole" | "leaves"): RecordedResource[] {
    return withProps(resources, (props) => (key in props ? { ...props, [key]: how === "whole" ? UNKNOWN_STRING : unknownLeaves(props[key]) } : props));
}

/** `policy resource-name` of each violation, sorted and without repeats. */
function found(violations: PlanViolation[]): string[] {
    return [...new Set(violations.map((v) => `${v.policy} ${v.urn.split("::").pop()}`))].sort();
}

/**
 * Runs the whole pack under the prod config; fails if a rule threw, or let the analyzer's
 * "can't run policy during preview" escape. Returns what it found.
 */
async function evaluateUnknowns(resources: RecordedResource[]): Promise<string[]> {
    const violations = await evaluatePolicies(resources, { configPath: policyConfigOf("prod") });
    assert.deepEqual(violations.filter((v) => v.message.startsWith("can't run policy")), []);
    return found(violations);
}

/** Records what a program registers (the plan's evaluator sees the unmasked resources). */
async function planned(programDir: string, stack: string): Promise<RecordedResource[]> {
    let resources: RecordedResource[] = [];
    await planStack({ programDir, stack, evaluate: async (recorded) => ((resources = recorded), []) });
    return resources;
}

describe("cross-check: unknown values (as during a preview) never make a rule throw or fail", function () {
    this.timeout(120_000);
    /** Stacks to blank out, with what the pack still finds when every value is unknown: only what is absent, not unknown. */
    const stacks: Record<string, { resources: () => Promise<RecordedResource[]>; allUnknown: string[] }> = {
        "prod AgentEnvironment with every section": {
            resources: async () => (await record(() => new AgentEnvironment("support-agent", everything("prod", NETWORKS["new VPC, isolated"])), "prod")).all,
            allUnknown: [],
        },
        "root project, prod stack": { resources: () => planned(ROOT, "prod"), allUnknown: [] },
        // The memory, the gateway and the policy engine have no key property at all: absent is known, whatever else is unknown.
        // (Whether the gateway is an MCP gateway, which the policy-engine rule asks, is unknown here: its protocolType is blanked out.)
        "the bad stack": {
            resources: () => planned(path.join(ROOT, "examples", "bad-stack"), "prod"),
            // Issue 25: the registry's key, the harness's allowedTools and network are absent too.
            allUnknown: [
                "agentcore-customer-managed-keys agent-harness",
                "agentcore-customer-managed-keys agent-memory",
                "agentcore-customer-managed-keys tool-policies",
                "agentcore-customer-managed-keys tool-registry",
                "agentcore-customer-managed-keys tools-gateway",
                "agentcore-harness-tools agent-harness",
                "agentcore-runtime-vpc agent-harness",
            ],
        },
    };

    it("the sentinel is the engine's unknown value", () => {
        assert.equal(UNKNOWN_STRING, unknownValue);
    });

    for (const [name, stack] of Object.entries(stacks)) {
        describe(name, () => {
            let resources: RecordedResource[];
            let known: string[];
            before(async () => {
                resources = await stack.resources();
                known = await evaluateUnknowns(resources);
            });

            it("every value unknown: no rule throws, and only what is absent is reported", async () => {
                assert.deepEqual(await evaluateUnknowns(withProps(resources, (props) => unknownLeaves(props) as Record<string, any>)), stack.allUnknown);
            });

            it("each property unknown in turn, as a whole and leaf by leaf: no rule throws or finds more than with known values", async () => {
                const keys = [...new Set(resources.flatMap((r) => [...Object.keys(r.inputs), ...Object.keys(r.outputs)]))].sort();
                assert.ok(keys.length > 5, `only ${keys.length} properties`);
                for (const key of keys) {
                    for (const how of ["whole", "leaves"] as const) {
                        const extra = (await evaluateUnknowns(withUnknownProperty(resources, key, how))).filter((f) => !known.includes(f));
                        assert.deepEqual(extra, [], `${key} unknown (${how})`);
                    }
                }
            });
        });
    }
});
