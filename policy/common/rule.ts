import {
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { asArray, at, globToRegExp, knownString, plain } from "./values";

/** Tag naming the rules a resource is exempt from (comma-separated policy names). */
export const EXEMPT_TAG = "agentcore-policy-exempt";
/** Tag giving the reason for {@link EXEMPT_TAG}; an exemption without it is not honoured. */
export const EXEMPT_REASON_TAG = "agentcore-policy-exempt-reason";

/** One entry of a policy's `exemptions` config property. */
export interface ConfigExemption {
    namePattern: string;
    reason: string;
}

export interface ExemptionConfig {
    exemptions?: ConfigExemption[];
}

/** Every rule accepts `exemptions`; this is its schema, merged into each rule's configSchema. */
const EXEMPTIONS_SCHEMA = {
    type: "array",
    description: "Resources (by logical name glob) this policy does not apply to, each with the reason.",
    items: {
        type: "object",
        properties: {
            namePattern: { type: "string", minLength: 1 },
            reason: { type: "string", minLength: 1 },
        },
        required: ["namePattern", "reason"],
        additionalProperties: false,
    },
    default: [],
} as const;

/** What a rule sees of a resource: type, names and plain props (unknowns are `UNKNOWN`). */
export interface Res {
    type: string;
    name: string;
    urn: string;
    props: Record<string, any>;
}

export interface RuleMeta {
    /** `agentcore-…` */
    name: string;
    description: string;
    severity: Severity;
    enforcementLevel: EnforcementLevel;
    /** What to change, in the user's terms. */
    remediationSteps: string;
    /** Rule-specific config properties (with defaults); `exemptions` is added for every rule. */
    config?: PolicyConfigSchema["properties"];
}

export interface ResourceRuleDef<C> extends RuleMeta {
    /** Type tokens the rule applies to; anything else is not applicable. */
    types: readonly string[];
    /** Returns one message per problem (empty: compliant). Must tolerate `UNKNOWN` values. */
    check(res: Res, config: C): string[];
}

export interface Finding {
    urn: string;
    message: string;
}

export interface StackRuleDef<C> extends RuleMeta {
    /** Returns findings, each naming the resource to fix. Must tolerate `UNKNOWN` values. */
    check(resources: Res[], config: C): Finding[];
}

export type AgentcorePolicy = (ResourceValidationPolicy | StackValidationPolicy) & { types?: readonly string[] };

function schemaOf(meta: RuleMeta): PolicyConfigSchema {
    return { properties: { ...(meta.config ?? {}), exemptions: EXEMPTIONS_SCHEMA as any } };
}

/** Schema defaults merged under the given config (the CLI does the same before `configure`). */
export function withDefaults<C>(schema: PolicyConfigSchema | undefined, config: Record<string, any>): C {
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(schema?.properties ?? {})) {
        if ((v as any).default !== undefined) {
            out[k] = (v as any).default;
        }
    }
    return { ...out, ...config } as C;
}

interface ExemptionResult {
    reason?: string;
    /** Problems with an exemption that was asked for but cannot be honoured. */
    problems: string[];
}

/** Decides whether `policy` is waived for a resource by tag or by config, and why. */
export function exemptionFor(policy: string, res: Res, config: ExemptionConfig): ExemptionResult {
    const problems: string[] = [];
    const tags = tagsOf(res.props);
    const named = (tags[EXEMPT_TAG] ?? "").split(",").map((s) => s.trim());
    if (named.includes(policy)) {
        const reason = knownString(tags[EXEMPT_REASON_TAG]?.trim());
        if (reason) {
            return { reason: `tag ${EXEMPT_TAG}: ${reason}`, problems };
        }
        problems.push(`Exemption from ${policy} by tag ${EXEMPT_TAG} is rejected because it has no reason: set tag ${EXEMPT_REASON_TAG}`);
    }
    for (const ex of asArray<ConfigExemption>(config.exemptions)) {
        if (!ex || typeof ex.namePattern !== "string" || !globToRegExp(ex.namePattern).test(res.name)) {
            continue;
        }
        const reason = knownString(typeof ex.reason === "string" ? ex.reason.trim() : undefined);
        if (reason) {
            return { reason: `config namePattern "${ex.namePattern}": ${reason}`, problems };
        }
        problems.push(`Exemption from ${policy} by config namePattern "${ex.namePattern}" is rejected because it has no reason: add a reason`);
    }
    return { problems };
}

/** Tags as a string map, from a map (`aws`) or a `[{key, value}]` list (some `aws-native` types). */
function tagsOf(props: Record<string, any>): Record<string, string> {
    const raw = at(props, "tags");
    const out: Record<string, string> = {};
    if (Array.isArray(raw)) {
        for (const t of raw) {
            if (t && typeof t.key === "string" && typeof t.value === "string") {
                out[t.key] = t.value;
            }
        }
    } else if (raw && typeof raw === "object") {
        for (const [k, v] of Object.entries(raw)) {
            if (typeof v === "string") {
                out[k] = v;
            }
        }
    }
    return out;
}

/** Where exemption notices go; tests replace it. */
export const exemptionLog = {
    write: (line: string): void => console.log(line),
};

function logExemption(policy: string, res: Res, reason: string): void {
    exemptionLog.write(`[agentcore policy] ${policy} waived for ${res.urn || res.name}: ${reason}`);
}

function toRes(type: string, name: string, urn: string, props: unknown): Res {
    return { type, name, urn, props: plain(props) ?? {} };
}

/** Builds a resource policy from a pure check plus metadata, with exemptions and unknown-safety. */
export function resourceRule<C extends object>(def: ResourceRuleDef<C>): AgentcorePolicy {
    const configSchema = schemaOf(def);
    const types = new Set(def.types);
    const policy: ResourceValidationPolicy & { types: readonly string[] } = {
        name: def.name,
        description: def.description,
        severity: def.severity,
        enforcementLevel: def.enforcementLevel,
        remediationSteps: def.remediationSteps,
        configSchema,
        types: def.types,
        validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
            if (!types.has(args.type)) {
                return;
            }
            const res = toRes(args.type, args.name, args.urn, args.props);
            const config = withDefaults<C & ExemptionConfig>(configSchema, args.getConfig());
            const ex = exemptionFor(def.name, res, config);
            if (ex.reason) {
                logExemption(def.name, res, ex.reason);
                return;
            }
            for (const p of ex.problems) {
                report(p);
            }
            for (const m of def.check(res, config)) {
                report(m);
            }
        },
    };
    return policy;
}

const stackCache = new WeakMap<readonly unknown[], Res[]>();

/** The stack's resources as {@link Res}, cached per resource list so policies sharing it share derived data (e.g. the IAM role graph). */
function stackResources(list: StackValidationArgs["resources"]): Res[] {
    let out = stackCache.get(list);
    if (!out) {
        out = list.map((r) => toRes(r.type, r.name, r.urn, r.props));
        stackCache.set(list, out);
    }
    return out;
}

/** Builds a stack policy from a pure check over all resources, with per-resource exemptions. */
export function stackRule<C extends object>(def: StackRuleDef<C>): AgentcorePolicy {
    const configSchema = schemaOf(def);
    const policy: StackValidationPolicy = {
        name: def.name,
        description: def.description,
        severity: def.severity,
        enforcementLevel: def.enforcementLevel,
        remediationSteps: def.remediationSteps,
        configSchema,
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            const resources = stackResources(args.resources);
            const byUrn = new Map(resources.map((r) => [r.urn, r]));
            const config = withDefaults<C & ExemptionConfig>(configSchema, args.getConfig());
            const decided = new Map<string, ExemptionResult>();
            const seen = new Set<string>();
            for (const f of def.check(resources, config)) {
                const key = `${f.urn}\u0000${f.message}`;
                if (seen.has(key)) {
                    continue;
                }
                seen.add(key);
                const res = byUrn.get(f.urn);
                if (res) {
                    let ex = decided.get(f.urn);
                    if (!ex) {
                        ex = exemptionFor(def.name, res, config);
                        decided.set(f.urn, ex);
                        if (ex.reason) {
                            logExemption(def.name, res, ex.reason);
                        }
                        for (const p of ex.problems) {
                            report(p, f.urn);
                        }
                    }
                    if (ex.reason) {
                        continue;
                    }
                }
                report(f.message, f.urn);
            }
        },
    };
    return policy;
}
