/**
 * Optional peer dependencies, loaded only when a feature needs them.
 *
 * `@pulumi/aws-native` carries AgentCore resources that `@pulumi/aws` 7.48 lacks (harness endpoints, registry
 * records, gateway rate limits). It is an optional peer: a stack that uses none of those features never loads it,
 * and installing the package does not pull it in. A stack that does use one gets this error, naming the feature
 * and the command that fixes it, before anything is registered.
 */

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
