import * as path from "path";
import { evaluatePolicies } from "../../policy/evaluate";
import { RecordedResource } from "../../plan/mocks";
import { PlanReport } from "../../plan/report";
import { TOOL_DIR, planStack } from "../../plan/run";
import { Registrations } from "../harness";

/** The policy config of each environment: dev has its own, staging and prod share the strict one. */
export const POLICY_CONFIG = {
    dev: path.join(TOOL_DIR, "policy", "config", "dev.json"),
    staging: path.join(TOOL_DIR, "policy", "config", "prod.json"),
    prod: path.join(TOOL_DIR, "policy", "config", "prod.json"),
};

/** A planned example: the (masked) report and the raw registrations, secrets still wrapped. */
export interface PlannedExample {
    report: PlanReport;
    reg: Registrations;
}

/** Plans `examples/<name>` with one stack and the policy config of its environment, as `npm run plan` does. */
export async function planExample(name: string, stack: keyof typeof POLICY_CONFIG): Promise<PlannedExample> {
    let recorded: RecordedResource[] = [];
    const report = await planStack({
        programDir: path.join(TOOL_DIR, "examples", name),
        stack,
        policyConfig: POLICY_CONFIG[stack],
        evaluate: (resources, options) => {
            recorded = resources;
            return evaluatePolicies(resources, options);
        },
    });
    return { report, reg: new Registrations(recorded) };
}
