import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_TARGET, MockTarget, RecordedResource, installMocks, settle } from "../plan/mocks";
import { InputValidationError } from "../sdk/validation";
import { setOptionalLoaderForTests } from "../sdk/common/optional";

/** Everything a test program registered, with finders that fail loudly. */
export class Registrations {
    constructor(readonly all: RecordedResource[]) {}

    /** Resources of a type token. */
    ofType(type: string): RecordedResource[] {
        return this.all.filter((r) => r.type === type);
    }

    /** The one resource of a type (and name, if given); throws when there are none or several. */
    one(type: string, name?: string): RecordedResource {
        const found = this.ofType(type).filter((r) => name === undefined || r.name === name);
        if (found.length !== 1) {
            throw new Error(`expected exactly one ${type}${name ? ` named ${name}` : ""}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`);
        }
        return found[0];
    }

    /** Count of registrations per type token. */
    typeCounts(): Record<string, number> {
        const counts: Record<string, number> = {};
        for (const r of this.all) {
            counts[r.type] = (counts[r.type] ?? 0) + 1;
        }
        return counts;
    }
}

/**
 * Runs `program` under fresh recording mocks and returns every registration once
 * all of them have settled. Errors thrown by the program propagate. `target`
 * says what the mocks answer with (e.g. {@link ESTABLISHED} for a stack whose
 * runtime already has several versions).
 */
export async function record(program: () => unknown, stack = "test", project = "agentcore-test", target: MockTarget = DEFAULT_TARGET): Promise<Registrations> {
    const mocks = await installMocks(project, stack, target);
    // A stack that deploys aws-native resources sets aws-native:region (checkAwsNativeReady): the test stack does, unless a test set it.
    const restore = withConfigDefault("aws-native:region", target.region);
    try {
        await program();
        await settle();
    } finally {
        restore();
    }
    return new Registrations(mocks.resources);
}

/** Sets config `key` to `value` unless it is set; returns how to undo that. */
export function withConfigDefault(key: string, value: string): () => void {
    if (pulumi.runtime.getConfig(key) !== undefined) {
        return () => undefined;
    }
    pulumi.runtime.setConfig(key, value);
    return () => {
        const all = { ...pulumi.runtime.allConfig() };
        delete all[key];
        pulumi.runtime.setAllConfig(all);
    };
}

/** The mock account with runtimes that already have versions 1-9 (a stack deployed many times before). */
export const ESTABLISHED: MockTarget = { ...DEFAULT_TARGET, runtimeVersion: "9" };

/** What a program registered, what it threw, and what failed after it returned. */
export interface Failures {
    registrations: Registrations;
    /** The error the program threw (plan-time validation), if any. */
    thrown: unknown;
    /** Errors raised once values resolved (deferred checks reject the registration of the resource consuming them). */
    late: unknown[];
}

/**
 * Runs `program` like {@link record}, catching what it throws and collecting the
 * rejections that surface after it returned, as a deployment would report them.
 */
export async function recordFailures(program: () => unknown, target: MockTarget = DEFAULT_TARGET): Promise<Failures> {
    let thrown: unknown;
    const late: unknown[] = [];
    const onRejection = (reason: unknown) => {
        if (!late.includes(reason)) {
            late.push(reason);
        }
    };
    process.on("unhandledRejection", onRejection);
    try {
        const registrations = await record(() => {
            try {
                program();
            } catch (e) {
                thrown = e;
            }
        }, undefined, undefined, target);
        // Rejections nobody handled are reported by Node after the current macrotask.
        await new Promise((resolve) => setImmediate(resolve));
        return { registrations, thrown, late };
    } finally {
        process.off("unhandledRejection", onRejection);
    }
}

/** Resolves an Output to its value (for assertions outside `apply`). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((v) => resolve(v)));
}

/** Parses a JSON policy string input, unwrapping a Pulumi secret wrapper if present. */
export function parseJsonInput(value: unknown): any {
    const raw = typeof value === "object" && value !== null && "value" in (value as any) ? (value as any).value : value;
    return typeof raw === "string" ? JSON.parse(raw) : raw;
}

/** The problems an InputValidationError thrown by `build` lists (none when it does not throw); other errors propagate. */
export function problemsOf(build: () => unknown): string[] {
    try {
        build();
    } catch (e) {
        if (e instanceof InputValidationError) {
            return e.problems;
        }
        throw e;
    }
    return [];
}

/** A module loader that finds nothing, as where no optional peer (e.g. @pulumi/aws-native) is installed. */
export function missingModule(name: string): never {
    const error = new Error(`Cannot find module '${name}'`) as Error & { code: string };
    error.code = "MODULE_NOT_FOUND";
    throw error;
}

/** Runs `body` with `loader` as the optional-peer loader (sdk/common/optional.ts), restoring the real one after. */
export async function withOptionalLoader<T>(loader: (name: string) => unknown, body: () => T | Promise<T>): Promise<T> {
    const previous = setOptionalLoaderForTests(loader);
    try {
        return await body();
    } finally {
        setOptionalLoaderForTests(previous);
    }
}
