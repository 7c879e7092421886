import * as fs from "fs";
import * as path from "path";

import * as yaml from "js-yaml";

/** Value given to every `secure:` config entry: the plan never decrypts anything. */
export const SECRET_PLACEHOLDER = "plan-placeholder-secret";

/** What `Pulumi.yaml` says about a program. */
export interface ProjectFile {
    /** Project name (`name:`). */
    name: string;
    /** Entry point relative to the program directory (`main:`), if set. */
    main?: string;
    /** Project-level config defaults, already flattened to full keys (`project:key`). */
    defaults: Record<string, string>;
    /** Language runtime (`runtime:` or `runtime.name`), e.g. `nodejs`, `python`; undefined when absent. */
    runtime?: string;
}

/** A stack's config in the shape `pulumi.runtime.setAllConfig` takes. */
export interface StackConfig {
    /** Full key (`namespace:key`) to value; objects and arrays are JSON strings, as Pulumi passes them. */
    values: Record<string, string>;
    /** Full keys whose values were `secure:` (their value is {@link SECRET_PLACEHOLDER}). */
    secretKeys: string[];
}

/** Reads and validates `Pulumi.yaml` of a program directory. */
export function readProjectFile(programDir: string): ProjectFile {
    const file = path.join(programDir, "Pulumi.yaml");
    if (!fs.existsSync(file)) {
        throw new Error(`no Pulumi.yaml in ${programDir}: pass --program with the directory of a Pulumi program`);
    }
    const doc = loadYaml(file);
    const name = doc.name;
    if (typeof name !== "string" || name === "") {
        throw new Error(`${file}: "name" must be a non-empty string`);
    }
    if (doc.main !== undefined && typeof doc.main !== "string") {
        throw new Error(`${file}: "main" must be a path relative to the program directory`);
    }
    const defaults: Record<string, string> = {};
    for (const [key, declared] of Object.entries(asMap(doc.config, `${file}: "config"`))) {
        // Project config is either `key: value` or a declaration `key: { type, default | value }`.
        const value = isPlainObject(declared) ? (declared.value ?? declared.default) : declared;
        if (value !== undefined) {
            defaults[fullKey(key, name)] = configString(value);
        }
    }
    const runtime = typeof doc.runtime === "string" ? doc.runtime : isPlainObject(doc.runtime) && typeof doc.runtime.name === "string" ? doc.runtime.name : undefined;
    return { name, main: doc.main, defaults, runtime };
}

/** Names of the stacks of a program: every `Pulumi.<stack>.yaml`, sorted. */
export function listStacks(programDir: string): string[] {
    return fs
        .readdirSync(programDir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/**
 * Reads `Pulumi.<stack>.yaml` on top of the project defaults. Keys without a
 * namespace get the project's; `secure:` values become {@link SECRET_PLACEHOLDER}
 * and their keys are listed in `secretKeys`.
 */
export function readStackConfig(programDir: string, project: ProjectFile, stack: string): StackConfig {
    const file = ["yaml", "yml"].map((ext) => path.join(programDir, `Pulumi.${stack}.${ext}`)).find((f) => fs.existsSync(f));
    if (!file) {
        const known = listStacks(programDir);
        throw new Error(`no Pulumi.${stack}.yaml in ${programDir}; stacks found: ${known.length > 0 ? known.join(", ") : "none"}`);
    }
    const values: Record<string, string> = { ...project.defaults };
    const secretKeys: string[] = [];
    for (const [key, raw] of Object.entries(asMap(loadYaml(file).config, `${file}: "config"`))) {
        const full = fullKey(key, project.name);
        const { value, secret } = replaceSecure(raw);
        values[full] = configString(value);
        if (secret) {
            secretKeys.push(full);
        }
    }
    return { values, secretKeys };
}

function loadYaml(file: string): Record<string, any> {
    let doc: unknown;
    try {
        doc = yaml.load(fs.readFileSync(file, "utf8"), { filename: file });
    } catch (err) {
        throw new Error(`cannot parse ${file}: ${(err as Error).message}`);
    }
    return asMap(doc ?? {}, file);
}

function asMap(value: unknown, what: string): Record<string, any> {
    if (value === undefined || value === null) {
        return {};
    }
    if (!isPlainObject(value)) {
        throw new Error(`${what} must be a map`);
    }
    return value;
}

function isPlainObject(value: unknown): value is Record<string, any> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fullKey(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** Pulumi passes config as strings: scalars as text, objects and arrays as JSON. */
function configString(value: unknown): string {
    return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

/** Replaces `{ secure: "..." }` (at any depth) with the placeholder; reports whether there was one. */
function replaceSecure(value: unknown): { value: unknown; secret: boolean } {
    if (Array.isArray(value)) {
        const items = value.map(replaceSecure);
        return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
    }
    if (!isPlainObject(value)) {
        return { value, secret: false };
    }
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "secure" && typeof value.secure === "string") {
        return { value: SECRET_PLACEHOLDER, secret: true };
    }
    let secret = false;
    const out: Record<string, unknown> = {};
    for (const k of keys) {
        const item = replaceSecure(value[k]);
        out[k] = item.value;
        secret ||= item.secret;
    }
    return { value: out, secret };
}
