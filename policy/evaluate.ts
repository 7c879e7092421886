import { RecordedResource } from "../plan/mocks";

/** One policy violation found in an offline plan. */
export interface PlanViolation {
    /** Policy name, e.g. `agentcore-runtime-vpc`. */
    policy: string;
    /** Enforcement level the violation was reported at. */
    level: "advisory" | "mandatory";
    /** URN of the offending resource (empty for stack-level findings without one). */
    urn: string;
    /** What must change. */
    message: string;
    /** Severity from the policy's metadata. */
    severity?: "low" | "medium" | "high" | "critical";
}

/** Options for {@link evaluatePolicies}. */
export interface EvaluateOptions {
    /** Path of a `--policy-pack-config` style JSON file (e.g. policy/config/prod.json). */
    configPath?: string;
}

/**
 * Evaluates the AgentCore policy pack against recorded resources, building the
 * validator arguments the way `@pulumi/policy`'s analyzer builds them.
 * (Contract placeholder until the policy pack lands: evaluates no rules yet.)
 */
export async function evaluatePolicies(_resources: RecordedResource[], _options: EvaluateOptions = {}): Promise<PlanViolation[]> {
    return [];
}
