/**
 * Optional peer dependencies, loaded only when a feature needs them.
 *
 * `@pulumi/aws-native` carries AgentCore resources that `@pulumi/aws` 7.48 lacks (harness endpoints, registry
 * records, gateway rate limits). It is an optional peer: a stack that uses none of those features never loads it,
 * and installing the package does not pull it in. A stack that does use one gets this error, naming the feature
 * and the command that fixes it, before anything is registered.
 */

import * as pulumi from "@pulumi/pulumi";

/** The `@pulumi/aws-native` version range this package was built and tested against (see package.json). */
export const AWS_NATIVE_RANGE = ">=1.79.0 <2";

export class MissingOptionalDependencyError extends Error {
    constructor(
        readonly moduleName: string,
        readonly feature: string,
        readonly range: string,
        cause: unknown,
    ) {
        super(
            `${feature} needs the optional peer dependency ${moduleName} (${range}), which is not installed where this ` +
                `program runs. Install it beside this package: npm install ${moduleName.split("/").slice(0, 2).join("/")}@"${range}". ` +
                `(${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)})`,
        );
        this.name = "MissingOptionalDependencyError";
    }
}

/** Module loader; tests replace it to prove the error without uninstalling anything. */
let loader: (moduleName: string) => unknown = (moduleName) => require(moduleName);

/** For tests only: swap the loader and get the old one back. */
export function setOptionalLoaderForTests(next: (moduleName: string) => unknown): (moduleName: string) => unknown {
    const previous = loader;
    loader = next;
    return previous;
}

function load<T>(moduleName: string, feature: string, range: string): T {
    try {
        return loader(moduleName) as T;
    } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND") {
            throw new MissingOptionalDependencyError(moduleName, feature, range, error);
        }
        throw error;
    }
}

/** `@pulumi/aws-native/bedrockagentcore`, loaded on first use by `feature` (e.g. "AgentHarness endpoints"). */
export function awsNativeAgentCore(feature: string): typeof import("@pulumi/aws-native/bedrockagentcore") {
    return load("@pulumi/aws-native/bedrockagentcore", feature, AWS_NATIVE_RANGE);
}

/** `@pulumi/aws-native/agentregistry`, loaded on first use by `feature` (e.g. "registry records"). */
export function awsNativeAgentRegistry(feature: string): typeof import("@pulumi/aws-native/agentregistry") {
    return load("@pulumi/aws-native/agentregistry", feature, AWS_NATIVE_RANGE);
}

/**
 * The region settings the aws-native default provider reads, in its order: the stack config `aws-native:region`,
 * then `AWS_REGION`, then `AWS_DEFAULT_REGION` ("We expect AWS region to be defined in the stack config, or in
 * AWS_REGION or AWS_DEFAULT_REGION environment variables. If none is defined, we throw an error",
 * https://github.com/pulumi/pulumi-aws-native/issues/1646; the provider's error names `aws-native:region`,
 * https://github.com/pulumi/pulumi-aws-native/pull/264; an explicit provider reads the same two variables,
 * `@pulumi/aws-native` 1.79 provider.js `utilities.getEnv("AWS_REGION", "AWS_DEFAULT_REGION")`).
 * It does not read `aws:region`, nor the region of an AWS profile (pulumi-aws-native #1646).
 */
export interface AwsNativeRegionSources {
    /** `aws-native:region` of the stack. */
    nativeRegion?: string;
    /** `aws:region` of the stack. */
    awsRegion?: string;
    /** `AWS_REGION ?? AWS_DEFAULT_REGION`. */
    envRegion?: string;
}

function regionSources(): AwsNativeRegionSources {
    const env = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined;
    return { nativeRegion: new pulumi.Config("aws-native").get("region"), awsRegion: new pulumi.Config("aws").get("region"), envRegion: env };
}

/** A resource type of each package, to ask `scope.getProvider` which provider a child created under `scope` would get. */
const NATIVE_TOKEN = "aws-native:bedrockagentcore:GatewayRateLimit";
const AWS_TOKEN = "aws:bedrock/agentcoreGateway:AgentcoreGateway";

/**
 * Pre-flight before a component creates an `@pulumi/aws-native` resource under `scope` (call it after the checks,
 * before anything is registered). Throws, naming `feature`, when:
 * - no explicit aws-native provider reaches `scope` (its `providers`/`provider` or a parent's) and the default
 *   aws-native provider has no region (neither `aws-native:region` nor `AWS_REGION`/`AWS_DEFAULT_REGION`): it
 *   would fail at deploy time after the rest of the stack is created;
 * - an explicit `aws` provider reaches `scope` but no aws-native one: the aws-native resources would use the default
 *   aws-native provider (its region and credentials), not that provider's (a provider applies to its own package only);
 * - `aws:region` and `aws-native:region` are both set and differ: the two halves of the feature would land in two regions.
 * Used by gateway rate limits; harness endpoints and registry records should call it too.
 */
export function checkAwsNativeReady(feature: string, scope: pulumi.Resource, sources: AwsNativeRegionSources = regionSources()): void {
    if (scope.getProvider(NATIVE_TOKEN) !== undefined) {
        return;
    }
    if (scope.getProvider(AWS_TOKEN) !== undefined) {
        throw new Error(
            `${feature} creates @pulumi/aws-native resources, and this component was given an explicit aws provider but no aws-native provider: ` +
                `the aws-native resources would use the default aws-native provider (stack config aws-native:region and the ambient credentials), not yours. ` +
                `Pass an aws-native provider with the same region beside it: providers: [awsProvider, new aws_native.Provider("native", { region })].`,
        );
    }
    const region = sources.nativeRegion ?? sources.envRegion;
    if (!region) {
        throw new Error(
            `${feature} creates @pulumi/aws-native resources, and the aws-native provider has no region: it reads the stack config aws-native:region ` +
                `(or AWS_REGION / AWS_DEFAULT_REGION), not aws:region. Run: pulumi config set aws-native:region <region> (the same as aws:region${sources.awsRegion ? `, ${sources.awsRegion}` : ""}).`,
        );
    }
    if (sources.awsRegion && sources.nativeRegion && sources.awsRegion !== sources.nativeRegion) {
        throw new Error(
            `${feature}: aws:region is ${sources.awsRegion} but aws-native:region is ${sources.nativeRegion}: the aws-native resources would be created in another region ` +
                `than the rest of the stack. Run: pulumi config set aws-native:region ${sources.awsRegion}`,
        );
    }
}
