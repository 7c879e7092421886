import { strict as assert } from "assert";
import { AgentcorePolicy } from "../../policy/common/rule";
import { compliantStack, messages, Spec } from "./fixtures";

export interface FailingCase {
    title: string;
    specs: Spec[];
    config?: Record<string, any>;
    /** Exact `resource-name: message` lines, in order. */
    expect: string[];
}

export interface RuleTable {
    policy: AgentcorePolicy;
    /** Config for the compliant run (defaults otherwise). */
    config?: Record<string, any>;
    /** One change to the compliant stack per case. */
    failing: FailingCase[];
    /** Resources of other types that would violate the rule if it applied to them. */
    notApplicable: Spec[];
    /** The compliant stack with the rule's key value unknown (preview). */
    unknown: Spec[];
}

/** The four kinds of cases every rule has: compliant, one change per failure, not applicable, unknown. */
export function describeRule(t: RuleTable): void {
    describe(t.policy.name, () => {
        it("passes the compliant stack", async () => {
            assert.deepEqual(await messages(compliantStack(), t.policy, t.config), []);
        });
        for (const c of t.failing) {
            it(c.title, async () => {
                assert.deepEqual(await messages(c.specs, t.policy, c.config ?? t.config), c.expect);
            });
        }
        it("does not apply to other resource types", async () => {
            assert.deepEqual(await messages(t.notApplicable, t.policy, t.config), []);
        });
        it("skips values that are unknown during preview", async () => {
            assert.deepEqual(await messages(t.unknown, t.policy, t.config), []);
        });
    });
}
