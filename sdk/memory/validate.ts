import { MODEL_REFERENCE } from "../runtime/models";
import { Problems, checkShape, isKnown } from "../validation";
import { MemoryStrategySpec, ModelPromptOverride, StrategyOverride } from "./types";

/**
 * Days short-term events may be kept as the aws provider accepts them
 * (`AgentcoreMemory.eventExpiryDuration`: 7-365). The API model
 * (shape CreateMemoryInputEventExpiryDurationInteger) allows 3-365; the stricter
 * provider rule decides what deploys.
 */
export const PROVIDER_MIN_EVENT_EXPIRY_DAYS = 7;
/** Most strategies one memory may have (aws provider AgentcoreMemoryStrategy: 6 in total). */
export const MAX_STRATEGIES_PER_MEMORY = 6;
/** Hint added to namespace problems: the template variables AWS accepts. */
const NAMESPACE_HINT = "(template variables allowed: {actorId}, {sessionId}, {memoryStrategyId})";
/** Override types of the API that this package builds (SELF_MANAGED needs an SNS topic and S3 bucket it does not manage yet). */
const SUPPORTED_OVERRIDES = ["SEMANTIC_OVERRIDE", "SUMMARY_OVERRIDE", "USER_PREFERENCE_OVERRIDE", "EPISODIC_OVERRIDE"];
/** Steps each override type has, and which are required. */
const OVERRIDE_STEPS: Record<string, { allowed: string[]; required: string[] }> = {
    SEMANTIC_OVERRIDE: { allowed: ["extraction", "consolidation"], required: [] },
    USER_PREFERENCE_OVERRIDE: { allowed: ["extraction", "consolidation"], required: [] },
    SUMMARY_OVERRIDE: { allowed: ["consolidation"], required: ["consolidation"] },
    EPISODIC_OVERRIDE: { allowed: ["extraction", "consolidation", "reflection"], required: ["reflection"] },
};

/** The memory arguments checked before anything is registered. */
export interface MemorySettings {
    memoryName: string;
    eventExpiryDays: number;
    description?: string;
    strategies: MemoryStrategySpec[];
}

/** Checks the memory and every strategy against the API model and the provider, recording all problems. */
export function checkMemorySettings(problems: Problems, s: MemorySettings): void {
    checkShape(problems, "memoryName", s.memoryName, "Name", { hint: "(letters, digits and underscores; no hyphens)" });
    checkEventExpiry(problems, s.eventExpiryDays);
    checkShape(problems, "description", s.description, "Description");
    if (s.strategies.length > MAX_STRATEGIES_PER_MEMORY) {
        problems.add("strategies", `${s.strategies.length} strategies`, `must have at most ${MAX_STRATEGIES_PER_MEMORY} entries (aws provider AgentcoreMemoryStrategy: at most 6 strategies per memory)`);
    }
    const names = new Set<string>();
    const builtIns = new Set<string>();
    s.strategies.forEach((strategy, i) => {
        const at = `strategies[${i}]`;
        checkShape(problems, `${at}.type`, strategy.type, "MemoryStrategyType");
        const name = strategyName(strategy);
        if (name === undefined) {
            problems.add(`${at}.name`, undefined, "is required for a CUSTOM strategy");
        } else {
            checkShape(problems, `${at}.name`, name, "Name", { hint: "(letters, digits and underscores; no hyphens)" });
            if (names.has(name)) {
                problems.add(`${at}.name`, name, "must be unique among the memory's strategies");
            }
            names.add(name);
        }
        if (strategy.type !== "CUSTOM" && builtIns.has(strategy.type)) {
            problems.add(`${at}.type`, strategy.type, "may appear once per memory (only one strategy of each built-in type; use CUSTOM for more)");
        }
        builtIns.add(strategy.type);
        checkShape(problems, `${at}.description`, strategy.description, "Description");
        checkNamespace(problems, `${at}.namespace`, strategy.namespace);
        if (strategy.type === "EPISODIC") {
            checkNamespace(problems, `${at}.reflectionNamespace`, strategy.reflectionNamespace);
        }
        if (strategy.type === "CUSTOM") {
            checkOverride(problems, `${at}.override`, strategy.override);
        }
    });
}

/** The strategy's name as it will be created; undefined only for a CUSTOM strategy without one. */
export function strategyName(strategy: MemoryStrategySpec): string | undefined {
    return strategy.name ?? (strategy.type === "CUSTOM" ? undefined : strategy.type.toLowerCase());
}

function checkEventExpiry(problems: Problems, days: number): void {
    const before = problems.count;
    checkShape(problems, "eventExpiryDays", days, "CreateMemoryInputEventExpiryDurationInteger");
    if (problems.count > before) {
        return;
    }
    if (!Number.isInteger(days) || days < PROVIDER_MIN_EVENT_EXPIRY_DAYS) {
        problems.add("eventExpiryDays", days, `must be a whole number of days from ${PROVIDER_MIN_EVENT_EXPIRY_DAYS} to 365 (aws provider AgentcoreMemory.eventExpiryDuration)`);
    }
}

function checkNamespace(problems: Problems, path: string, namespace: string | undefined): void {
    checkShape(problems, path, namespace, "Namespace", { hint: NAMESPACE_HINT });
}

function checkOverride(problems: Problems, path: string, override: StrategyOverride | undefined): void {
    if (override === undefined) {
        problems.add(path, undefined, "is required for a CUSTOM strategy (the built-in steps it overrides, with their models)");
        return;
    }
    const before = problems.count;
    checkShape(problems, `${path}.type`, override.type, "OverrideType");
    if (problems.count > before) {
        return;
    }
    if (!SUPPORTED_OVERRIDES.includes(override.type)) {
        problems.add(`${path}.type`, override.type, `is not supported by AgentMemory; use one of ${SUPPORTED_OVERRIDES.join(", ")}`);
        return;
    }
    const steps = OVERRIDE_STEPS[override.type];
    const given = override as unknown as Record<string, ModelPromptOverride | undefined>;
    for (const step of ["extraction", "consolidation", "reflection"]) {
        const value = given[step];
        if (value !== undefined && !steps.allowed.includes(step)) {
            problems.add(`${path}.${step}`, step, `is not a step of ${override.type} (it has ${steps.allowed.join(" and ")})`);
        } else if (value === undefined && steps.required.includes(step)) {
            problems.add(`${path}.${step}`, undefined, `is required for ${override.type}`);
        } else if (value !== undefined) {
            checkModelPrompt(problems, `${path}.${step}`, value);
        }
    }
    if (steps.required.length === 0 && steps.allowed.every((step) => given[step] === undefined)) {
        problems.add(path, override.type, "must override at least one step (otherwise use the built-in strategy)");
    }
    if (override.type === "EPISODIC_OVERRIDE" && override.reflection) {
        checkNamespace(problems, `${path}.reflection.namespace`, override.reflection.namespace);
    }
}

function checkModelPrompt(problems: Problems, path: string, step: ModelPromptOverride): void {
    if (!MODEL_REFERENCE.test(step.modelId ?? "")) {
        problems.add(`${path}.modelId`, step.modelId, "must be a Bedrock model id (provider.model), an inference profile id (us.provider.model) or a bedrock ARN; wildcards are not accepted");
    }
    if (isKnown(step.appendToPrompt)) {
        checkShape(problems, `${path}.appendToPrompt`, step.appendToPrompt, "Prompt");
    }
}
