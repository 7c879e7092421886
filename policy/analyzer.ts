import { PolicyResource, PolicyResourceOptions, ResourceValidationArgs, StackValidationArgs, unknownCheckingProxy } from "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

// Internal module of @pulumi/policy (its .d.ts is stripped): the analyzer's own deserializer.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize") as {
    deserializeProperties(struct: Struct, proxySecrets: boolean): Record<string, any>;
};

/** The sentinel the engine sends for an unknown string during preview (`@pulumi/policy/proxy`). */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** What the analyzer needs to know of one resource. */
export interface AnalyzedResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    properties: Record<string, any>;
    protect?: boolean;
    deleteBeforeReplace?: boolean;
    dependencies?: string[];
}

/**
 * The plain-data part of `@pulumi/pulumi/runtime/rpc`'s `serializeProperties`: object keys
 * whose value is undefined are dropped, undefined array elements become null, and secret
 * wrapper objects (`{4dabf…: 1b47…, value}`) pass through to be unwrapped by the deserializer;
 * functions are dropped.
 * Synchronous, so 1,000 resources serialise in milliseconds; a test checks it against the SDK.
 */
export function toWire(value: unknown): any {
    if (typeof value === "function") {
        return undefined;
    }
    if (value === undefined || value === null || typeof value !== "object") {
        return value;
    }
    if (Array.isArray(value)) {
        return value.map((v) => {
            const w = toWire(v);
            return w === undefined ? null : w;
        });
    }
    // Keys sorted, as a protobuf Struct hands them back from toJavaScript().
    const out: Record<string, any> = {};
    for (const k of Object.keys(value).sort()) {
        const w = toWire((value as Record<string, unknown>)[k]);
        if (w !== undefined) {
            out[k] = w;
        }
    }
    return out;
}

/**
 * Props exactly as `@pulumi/policy`'s server hands them to validators: deserialised by its own
 * `deserializeProperties` (secrets unwrapped) behind its unknown-checking proxy. The wire data
 * is handed over as a Struct would return it from `toJavaScript()`; for the JSON data
 * `toWire` produces the protobuf round trip is the identity (a test checks both paths agree),
 * and skipping it halves the cost.
 */
export function analyzerProps(properties: Record<string, any>): Record<string, any> {
    const wire = toWire(properties);
    return unknownCheckingProxy(deserializeProperties({ toJavaScript: () => wire } as unknown as Struct, false));
}

/** The same with the protobuf Struct round trip the gRPC server does (reference path, for tests). */
export function analyzerPropsViaStruct(properties: Record<string, any>): Record<string, any> {
    return unknownCheckingProxy(deserializeProperties(Struct.fromJavaScript(toWire(properties)), false));
}

function options(r: AnalyzedResource): PolicyResourceOptions {
    const opts: PolicyResourceOptions = {
        protect: r.protect === true,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
    };
    if (r.deleteBeforeReplace !== undefined) {
        opts.deleteBeforeReplace = r.deleteBeforeReplace;
    }
    if (r.parent) {
        opts.parent = r.parent;
    }
    return opts;
}

export class NotApplicableError extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

function throwNotApplicable(reason?: string): never {
    throw new NotApplicableError(reason);
}

const noTags: ReadonlyMap<string, string> = new Map();

/** The server's `isTypeOf`: the class's `__pulumiType`, else its `isInstance`. */
function isTypeOf(type: string, resourceClass: any): boolean {
    const pulumiType = resourceClass?.__pulumiType;
    if (typeof pulumiType === "string") {
        return type === pulumiType;
    }
    return typeof resourceClass?.isInstance === "function" && resourceClass.isInstance({ __pulumiType: type }) === true;
}

/** `ResourceValidationArgs` as `makeAnalyzeRpcFun` builds them (no provider resource). */
export function resourceArgs(r: AnalyzedResource, getConfig: () => Record<string, any>, props = analyzerProps(r.properties)): ResourceValidationArgs {
    return {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: options(r),
        stackTags: noTags,
        isType: (cls: any) => isTypeOf(r.type, cls),
        asType: ((cls: any) => (isTypeOf(r.type, cls) ? props : undefined)) as ResourceValidationArgs["asType"],
        getConfig: getConfig as ResourceValidationArgs["getConfig"],
        notApplicable: throwNotApplicable,
    };
}

/** `StackValidationArgs` as `makeAnalyzeStackRpcFun` builds them, parents and dependencies linked. */
export function stackArgs(rs: AnalyzedResource[], getConfig: () => Record<string, any>, props?: Record<string, any>[]): StackValidationArgs {
    const resources: PolicyResource[] = rs.map((r, i) => {
        const p = props?.[i] ?? analyzerProps(r.properties);
        return {
            type: r.type,
            props: p,
            urn: r.urn,
            name: r.name,
            opts: options(r),
            dependencies: [],
            propertyDependencies: {},
            isType: (cls: any) => isTypeOf(r.type, cls),
            asType: ((cls: any) => (isTypeOf(r.type, cls) ? p : undefined)) as PolicyResource["asType"],
        };
    });
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    rs.forEach((r, i) => {
        const parent = r.parent ? byUrn.get(r.parent) : undefined;
        if (parent) {
            resources[i].parent = parent;
        }
        resources[i].dependencies = (r.dependencies ?? []).map((d) => byUrn.get(d)).filter((d): d is PolicyResource => d !== undefined);
    });
    return { resources, stackTags: noTags, getConfig: getConfig as StackValidationArgs["getConfig"], notApplicable: throwNotApplicable };
}
