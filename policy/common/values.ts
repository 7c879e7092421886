import { UnknownValueError } from "@pulumi/policy";

// The proxy module's internals (its .d.ts is stripped): the sentinels the engine sends for
// unknown values, and the keys that reveal a proxy's target.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const proxy = require("@pulumi/policy/proxy") as Record<string, string>;
const SENTINELS = new Set<unknown>(
    ["unknownBooleanValue", "unknownNumberValue", "unknownStringValue", "unknownArrayValue", "unknownAssetValue", "unknownArchiveValue", "unknownObjectValue"].map((k) => proxy[k]),
);
const IS_PROXY = proxy.isSpecialProxy;
const PROXY_TARGET = proxy.getSpecialProxyTarget;

/** Marks a value that is not known yet (an unresolved output during preview). */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

const plainCache = new WeakMap<object, any>();

/**
 * Copies analyzer props (wrapped in `@pulumi/policy`'s unknown-checking proxy) into plain
 * data, replacing every value the proxy refuses to reveal with {@link UNKNOWN}. Rules work on
 * the copy, so an unknown value can never throw inside a rule. Cached per props object.
 */
export function plain(props: unknown): any {
    if (props === null || typeof props !== "object") {
        return props;
    }
    const cached = plainCache.get(props as object);
    if (cached !== undefined) {
        return cached;
    }
    // Behind @pulumi/policy's proxy, copy the target directly, turning exactly the values the
    // proxy would refuse (the unknown sentinels) into UNKNOWN: same result, no proxy per read.
    const target = (props as any)[IS_PROXY] === true ? (props as any)[PROXY_TARGET] : undefined;
    const copy = target !== undefined ? copyRaw(target) : copyValue(props);
    plainCache.set(props as object, copy);
    return copy;
}

function copyValue(value: any): any {
    if (value === null || typeof value !== "object") {
        return value;
    }
    if (Array.isArray(value)) {
        const out: any[] = [];
        for (let i = 0; i < value.length; i++) {
            out.push(copyValue(readSafely(value, i)));
        }
        return out;
    }
    const out: Record<string, any> = {};
    for (const key of Object.keys(value)) {
        out[key] = copyValue(readSafely(value, key));
    }
    return out;
}

function copyRaw(value: any): any {
    if (SENTINELS.has(value)) {
        return UNKNOWN;
    }
    if (value === null || typeof value !== "object") {
        return value;
    }
    if (Array.isArray(value)) {
        return value.map(copyRaw);
    }
    const out: Record<string, any> = {};
    for (const key of Object.keys(value)) {
        out[key] = copyRaw(value[key]);
    }
    return out;
}

function readSafely(obj: any, key: string | number): any {
    try {
        return obj[key];
    } catch (e) {
        if (e instanceof UnknownValueError) {
            return UNKNOWN;
        }
        throw e;
    }
}

export function isUnknown(v: unknown): v is Unknown {
    return v === UNKNOWN;
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: unknown): boolean {
    if (v === UNKNOWN) {
        return true;
    }
    if (Array.isArray(v)) {
        return v.some(containsUnknown);
    }
    if (v !== null && typeof v === "object") {
        return Object.values(v).some(containsUnknown);
    }
    return false;
}

/** Reads a dotted path (`a.b.c`) from plain data; stops at UNKNOWN. */
export function at(obj: any, path: string): any {
    let cur = obj;
    for (const part of path.split(".")) {
        if (cur === UNKNOWN) {
            return UNKNOWN;
        }
        if (cur === null || typeof cur !== "object") {
            return undefined;
        }
        cur = cur[part];
    }
    return cur;
}

/** Reads the first path of several that holds a value (for provider-specific property names). */
export function first(obj: any, paths: readonly string[]): any {
    for (const p of paths) {
        const v = at(obj, p);
        if (v !== undefined && v !== null) {
            return v;
        }
    }
    return undefined;
}

export function asArray<T = any>(v: unknown): T[] {
    if (v === undefined || v === null) {
        return [];
    }
    return (Array.isArray(v) ? v : [v]) as T[];
}

/** A non-empty known string, or undefined. */
export function knownString(v: unknown): string | undefined {
    return typeof v === "string" && v.length > 0 ? v : undefined;
}

/** Compiled globs per flags, then per glob (no key strings built on the hot path). */
const globCache = new Map<string, Map<string, RegExp>>();

/** Converts a simple glob (`*` and `?`) into an anchored RegExp (case-sensitive unless flags say "i"); cached. */
export function globToRegExp(glob: string, flags = ""): RegExp {
    let byGlob = globCache.get(flags);
    if (!byGlob) {
        byGlob = new Map();
        globCache.set(flags, byGlob);
    }
    let re = byGlob.get(glob);
    if (!re) {
        const escaped = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
        re = new RegExp(`^${escaped}$`, flags);
        byGlob.set(glob, re);
    }
    return re;
}
