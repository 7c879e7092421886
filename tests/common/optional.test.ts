import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";
import { AWS_NATIVE_RANGE, MissingOptionalDependencyError, awsNativeAgentCore, setOptionalLoaderForTests } from "../../sdk/common/optional";

describe("optional peer @pulumi/aws-native", () => {
    it("a missing module gives an error naming the feature and the install command", () => {
        const previous = setOptionalLoaderForTests((name) => {
            const error = new Error(`Cannot find module '${name}'`) as Error & { code: string };
            error.code = "MODULE_NOT_FOUND";
            throw error;
        });
        try {
            assert.throws(
                () => awsNativeAgentCore("AgentHarness endpoints"),
                (error: unknown) =>
                    error instanceof MissingOptionalDependencyError &&
                    /AgentHarness endpoints needs the optional peer dependency @pulumi\/aws-native\/bedrockagentcore/.test(error.message) &&
                    /npm install @pulumi\/aws-native@">=1\.79\.0 <2"/.test(error.message),
                "missing module -> MissingOptionalDependencyError",
            );
        } finally {
            setOptionalLoaderForTests(previous);
        }
    });

    it("other load errors are not disguised as a missing module", () => {
        const previous = setOptionalLoaderForTests(() => {
            throw new SyntaxError("boom");
        });
        try {
            assert.throws(() => awsNativeAgentCore("x"), (error: unknown) => error instanceof SyntaxError, "SyntaxError passes through");
        } finally {
            setOptionalLoaderForTests(previous);
        }
    });

    it("loading the SDK's entry point does not load @pulumi/aws-native", () => {
        const root = path.resolve(__dirname, "../..");
        const script =
            `require(${JSON.stringify(path.join(root, "sdk/index.ts"))});` +
            `const loaded = Object.keys(require.cache).filter((k) => k.includes("@pulumi/aws-native"));` +
            `process.stdout.write(JSON.stringify(loaded.length));`;
        const out = execFileSync(process.execPath, ["-r", "tsx/cjs", "-e", script], { cwd: root, encoding: "utf8", env: { ...process.env, PULUMI_NODEJS_TRANSPILE_ONLY: "true" } });
        assert.strictEqual(out.trim(), "0", "sdk/index must not load @pulumi/aws-native eagerly");
    });

    it("package.json lists @pulumi/aws-native as an optional peer with the range the loader names", () => {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const pkg = require("../../package.json");
        assert.strictEqual(pkg.peerDependencies["@pulumi/aws-native"], AWS_NATIVE_RANGE, "peer range = the range the loader names");
        assert.deepStrictEqual(pkg.peerDependenciesMeta["@pulumi/aws-native"], { optional: true }, "optional peer");
        assert.ok(!pkg.dependencies || !pkg.dependencies["@pulumi/aws-native"], "never a runtime dependency");
    });
});
