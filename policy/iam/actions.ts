import { globToRegExp } from "../common/values";
import { ActionData, allServices, serviceActions } from "./reference";

/** Questions the rules ask of the IAM service reference (`reference.ts`), cached so they cost microseconds. */
const expandCache = new Map<string, string[]>();

/** `service:Action` as AWS spells it, for an exact (non-wildcard) action; undefined if unknown. */
export function canonicalAction(action: string): string | undefined {
    const [service, name] = splitAction(action);
    const data = name === undefined ? undefined : serviceActions(service)?.get(name.toLowerCase());
    return data ? `${service.toLowerCase()}:${data.name}` : undefined;
}

function splitAction(action: string): [string, string | undefined] {
    const i = action.indexOf(":");
    return i < 0 ? [action, undefined] : [action.slice(0, i), action.slice(i + 1)];
}

/**
 * Every known action a pattern (`s3:Get*`, `bedrock-agentcore:*`, `*`) matches, canonical
 * spelling, case-insensitive as IAM matches. `*` expands over every service (slow once, cached).
 */
export function expandAction(pattern: string): string[] {
    const key = pattern.toLowerCase();
    const cached = expandCache.get(key);
    if (cached) {
        return cached;
    }
    let result: string[] = [];
    if (!/[*?]/.test(key)) {
        const c = canonicalAction(key);
        result = c ? [c] : [];
    } else {
        const [svcPattern, namePattern] = key === "*" ? ["*", "*"] : splitAction(key);
        if (namePattern !== undefined) {
            const svcRe = globToRegExp(svcPattern, "i");
            const nameRe = globToRegExp(namePattern, "i");
            const services = /[*?]/.test(svcPattern) ? allServices().filter((s) => svcRe.test(s)) : [svcPattern];
            for (const s of services) {
                for (const [k, v] of serviceActions(s) ?? []) {
                    if (nameRe.test(k)) {
                        result.push(`${s}:${v.name}`);
                    }
                }
            }
        }
    }
    expandCache.set(key, result);
    return result;
}

const coverCache = new Map<string, Map<string, boolean>>();

/** True if the pattern (case-insensitive, wildcards allowed) covers the given exact action; cached per pair (rules ask the same pairs for every role). */
export function patternCovers(pattern: string, action: string): boolean {
    let byAction = coverCache.get(pattern);
    if (!byAction) {
        byAction = new Map();
        coverCache.set(pattern, byAction);
    }
    let hit = byAction.get(action);
    if (hit === undefined) {
        hit = globToRegExp(pattern, "i").test(action);
        byAction.set(action, hit);
    }
    return hit;
}

/** True for a known service whose part after `:` is a wildcard-only pattern such as `s3:*`. */
export function isServiceWildcard(pattern: string): boolean {
    const [, name] = splitAction(pattern);
    return name !== undefined && /^\*+$/.test(name);
}

/** True if the exact action can be scoped to resources (its IAM resource-types list is non-empty). */
export function hasResourceLevelSupport(action: string): boolean {
    const [service, name] = splitAction(action);
    const data = name === undefined ? undefined : serviceActions(service)?.get(name.toLowerCase());
    return (data?.resourceTypes.length ?? 0) > 0;
}

let commandActions: string[] | undefined;

/**
 * Every `bedrock-agentcore` action that runs commands in a runtime, per the IAM service
 * reference: scoped to the `runtime` resource type and described as invoking a command
 * (`InvokeAgentRuntimeCommand`, `InvokeAgentRuntimeCommandShell`, and any later one).
 */
export function runtimeCommandActions(): string[] {
    commandActions ??= [...(serviceActions("bedrock-agentcore") ?? new Map<string, ActionData>()).values()]
        .filter((a) => a.resourceTypes.some((r) => r.name === "runtime") && /\bcommand/i.test(a.description ?? ""))
        .map((a) => `bedrock-agentcore:${a.name}`)
        .sort();
    return commandActions;
}
