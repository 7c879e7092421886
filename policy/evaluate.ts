import { readFileSync } from "fs";
import { EnforcementLevel, ReportViolation, ResourceValidationPolicy, StackValidationPolicy, UnknownValueError } from "@pulumi/policy";
import { RecordedResource } from "../plan/mocks";
import { AnalyzedResource, analyzerProps, NotApplicableError, resourceArgs, stackArgs } from "./analyzer";
import { AgentcorePolicy, withDefaults } from "./common/rule";
import { allPolicies } from "./rules";

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

/** The pack's own default when neither config nor policy says (as in policy/index.ts). */
const PACK_LEVEL: EnforcementLevel = "advisory";
const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

export type PolicyConfigEntry = { enforcementLevel?: EnforcementLevel } & Record<string, any>;

/**
 * Reads a `--policy-pack-config` file: `{ "all": level | {enforcementLevel}, "<policy>": level |
 * { enforcementLevel?, ...properties } }`. Unknown policy names and levels are errors, as they
 * are for `pulumi preview --policy-pack-config`.
 */
export function loadPolicyConfig(path: string | undefined, policies: readonly AgentcorePolicy[] = allPolicies): Record<string, PolicyConfigEntry> {
    if (!path) {
        return {};
    }
    const raw = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    const names = new Set(policies.map((p) => p.name));
    const out: Record<string, PolicyConfigEntry> = {};
    for (const [name, value] of Object.entries(raw)) {
        if (name !== "all" && !names.has(name)) {
            throw new Error(`${path}: policy "${name}" is not in the agentcore policy pack`);
        }
        const entry: PolicyConfigEntry = typeof value === "string" ? { enforcementLevel: value as EnforcementLevel } : { ...(value as object) };
        if (entry.enforcementLevel !== undefined && !LEVELS.includes(entry.enforcementLevel)) {
            throw new Error(`${path}: policy "${name}" has unknown enforcementLevel "${entry.enforcementLevel}"`);
        }
        out[name] = entry;
    }
    return out;
}

/** Level a policy runs at: its own config entry, else `all`, else its default, else the pack's. */
export function levelOf(p: AgentcorePolicy, config: Record<string, PolicyConfigEntry>): EnforcementLevel {
    const level = config[p.name]?.enforcementLevel ?? config.all?.enforcementLevel ?? p.enforcementLevel ?? PACK_LEVEL;
    return level === "remediate" ? "mandatory" : level;
}

function isStackPolicy(p: AgentcorePolicy): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}

function toAnalyzed(r: RecordedResource, from: "inputs" | "outputs"): AnalyzedResource {
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        parent: r.parent,
        properties: r[from] ?? {},
        protect: r.options?.protect,
        deleteBeforeReplace: r.options?.deleteBeforeReplace,
        dependencies: r.options?.dependsOn ?? [],
    };
}

/**
 * Evaluates the AgentCore policy pack against recorded resources, building the validator
 * arguments the way `@pulumi/policy`'s analyzer builds them: resource policies see each
 * resource's inputs, stack policies see every resource's outputs (as `analyzeStack` does).
 * Component resources are included: the engine sends them to analyzers too; rules ignore
 * types they do not know. Props are built once per resource and shared by all policies.
 */
export async function evaluatePolicies(resources: RecordedResource[], options: EvaluateOptions = {}): Promise<PlanViolation[]> {
    return runPolicies(resources, loadPolicyConfig(options.configPath), allPolicies);
}

/** {@link evaluatePolicies} with the config already parsed and the policies given (tests run one rule at a time). */
export async function runPolicies(resources: RecordedResource[], config: Record<string, PolicyConfigEntry>, policies: readonly AgentcorePolicy[]): Promise<PlanViolation[]> {
    const violations: PlanViolation[] = [];
    const active = policies.map((p) => ({ p, level: levelOf(p, config) })).filter((x) => x.level !== "disabled");
    const getConfigFor = (p: AgentcorePolicy) => () => {
        const { enforcementLevel: _ignored, ...props } = config[p.name] ?? {};
        return withDefaults<Record<string, any>>(p.configSchema, props);
    };
    const reporter = (p: AgentcorePolicy, level: EnforcementLevel, fallbackUrn: string): ReportViolation => (message, urn) => {
        violations.push({ policy: p.name, level: level as PlanViolation["level"], urn: urn ?? fallbackUrn, message, severity: p.severity });
    };
    const guard = async (p: AgentcorePolicy, run: () => unknown, urn: string) => {
        try {
            await Promise.resolve(run());
        } catch (e) {
            if (e instanceof UnknownValueError) {
                // The analyzer turns this into an advisory diagnostic.
                violations.push({ policy: p.name, level: "advisory", urn, message: `can't run policy '${p.name}' during preview: ${(e as Error).message}`, severity: p.severity });
            } else if (!(e instanceof NotApplicableError)) {
                throw new Error(`Error validating resource with policy '${p.name}': ${e instanceof Error ? e.message : String(e)}`);
            }
        }
    };

    const resourcePolicies = active.filter((x) => !isStackPolicy(x.p));
    for (const r of resources) {
        const analyzed = toAnalyzed(r, "inputs");
        let props: Record<string, any> | undefined;
        for (const { p, level } of resourcePolicies) {
            const rp = p as ResourceValidationPolicy & { types?: readonly string[] };
            if (rp.types && !rp.types.includes(r.type)) {
                continue; // not applicable: no need to build props
            }
            props ??= analyzerProps(analyzed.properties);
            const args = resourceArgs(analyzed, getConfigFor(p), props);
            const validations = Array.isArray(rp.validateResource) ? rp.validateResource : [rp.validateResource];
            for (const v of validations) {
                if (v) {
                    await guard(p, () => v(args, reporter(p, level, r.urn)), r.urn);
                }
            }
        }
    }

    const stackPolicies = active.filter((x) => isStackPolicy(x.p));
    if (stackPolicies.length) {
        const analyzed = resources.map((r) => toAnalyzed(r, "outputs"));
        const props = analyzed.map((a) => analyzerProps(a.properties));
        const shared = stackArgs(analyzed, () => ({}), props);
        for (const { p, level } of stackPolicies) {
            const args = { ...shared, getConfig: getConfigFor(p) as typeof shared.getConfig };
            await guard(p, () => (p as StackValidationPolicy).validateStack(args, reporter(p, level, "")), "");
        }
    }
    return violations;
}
