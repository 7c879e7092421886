import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Provider as AwsProvider } from "@pulumi/aws/provider";
import { Provider as NativeProvider } from "@pulumi/aws-native/provider";
import { AWS_NATIVE_RANGE, MissingOptionalDependencyError, awsNativeAgentCore, checkAwsNativeReady, setOptionalLoaderForTests } from "../../sdk/common/optional";
import { AgentGateway } from "../../sdk/gateway/agentGateway";
import { AgentHarness } from "../../sdk/harness/agentHarness";
import { harnessArgs } from "../harness/fixtures";
import { Registrations, missingModule, record, withOptionalLoader } from "../harness";

describe("optional peer @pulumi/aws-native", () => {
    it("a missing module gives an error naming the feature and the install command", async () => {
        await withOptionalLoader(missingModule, () => {
            assert.throws(
                () => awsNativeAgentCore("AgentHarness endpoints"),
                (error: unknown) =>
                    error instanceof MissingOptionalDependencyError &&
                    /AgentHarness endpoints needs the optional peer dependency @pulumi\/aws-native\/bedrockagentcore/.test(error.message) &&
                    /npm install @pulumi\/aws-native@">=1\.79\.0 <2"/.test(error.message),
                "missing module -> MissingOptionalDependencyError",
            );
        });
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

// red-team finding 2: the aws-native provider has its own region and ignores an explicit aws provider.
describe("checkAwsNativeReady (aws-native region and provider pre-flight)", () => {
    const FEATURE = "gateway rate limits";
    const scope = () => new pulumi.ComponentResource("test:index:Scope", "scope");

    it("no aws-native:region and no AWS_REGION: refuses, naming the feature, the key and the command", async () => {
        await record(() => {
            assert.throws(
                () => checkAwsNativeReady(FEATURE, scope(), { awsRegion: "us-east-1" }),
                (e: Error) => e.message.includes(FEATURE) && e.message.includes("pulumi config set aws-native:region <region>") && e.message.includes("us-east-1"),
                "missing region refused",
            );
        });
    });

    it("aws:region and aws-native:region differ: refuses; equal, or only the env var: accepted", async () => {
        await record(() => {
            assert.throws(
                () => checkAwsNativeReady(FEATURE, scope(), { awsRegion: "us-east-1", nativeRegion: "eu-west-1" }),
                (e: Error) => e.message.includes("aws:region is us-east-1 but aws-native:region is eu-west-1"),
                "two regions refused",
            );
            assert.doesNotThrow(() => checkAwsNativeReady(FEATURE, scope(), { awsRegion: "us-east-1", nativeRegion: "us-east-1" }));
            assert.doesNotThrow(() => checkAwsNativeReady(FEATURE, scope(), { envRegion: "us-east-1" }));
        });
    });

    it("an explicit aws provider without an aws-native one: refused; with an aws-native provider: accepted without any region config", async () => {
        await record(() => {
            const aws = new AwsProvider("aws", { region: "eu-west-1" });
            const onlyAws = new pulumi.ComponentResource("test:index:Scope", "only-aws", {}, { providers: [aws] });
            assert.throws(() => checkAwsNativeReady(FEATURE, onlyAws, { nativeRegion: "us-east-1" }), (e: Error) => e.message.includes("explicit aws provider but no aws-native provider"), "aws provider alone refused");
            const native = new NativeProvider("native", { region: "eu-west-1" });
            const both = new pulumi.ComponentResource("test:index:Scope", "both", {}, { providers: [aws, native] });
            assert.doesNotThrow(() => checkAwsNativeReady(FEATURE, both, {}));
            // Inherited from a parent, as AgentEnvironment passes { parent: this } to AgentGateway.
            const child = new pulumi.ComponentResource("test:index:Scope", "child", {}, { parent: both });
            assert.doesNotThrow(() => checkAwsNativeReady(FEATURE, child, {}));
        });
    });

    /** Builds under a stack with neither aws-native:region nor AWS_REGION/AWS_DEFAULT_REGION; what it threw, and what it registered. */
    async function withoutNativeRegion(build: () => void, stack?: string): Promise<{ thrown: unknown; reg: Registrations }> {
        const saved = { AWS_REGION: process.env.AWS_REGION, AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION };
        delete process.env.AWS_REGION;
        delete process.env.AWS_DEFAULT_REGION;
        let thrown: unknown;
        try {
            const reg = await record(() => {
                const all = { ...pulumi.runtime.allConfig() };
                delete all["aws-native:region"];
                pulumi.runtime.setAllConfig(all);
                try {
                    build();
                } catch (e) {
                    thrown = e;
                }
            }, stack);
            return { thrown, reg };
        } finally {
            Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([, v]) => v !== undefined)));
        }
    }

    it("AgentGateway with rate limits reads the stack's config: no aws-native:region (and no AWS_REGION) fails before anything is registered", async () => {
        const { thrown, reg } = await withoutNativeRegion(() => {
            new AgentGateway("tools", { rateLimits: [{ id: "per-tool", dimensionKeys: ["toolName"], entries: [{ dimensions: { toolName: "*" }, requests: { rate: 1, period: "second" } }] }] });
        });
        assert.deepStrictEqual(reg.ofType("aws-native:bedrockagentcore:GatewayRateLimit"), [], "no rate limit registered");
        assert.ok(thrown instanceof Error && thrown.message.includes("pulumi config set aws-native:region"), `expected the region error, got ${String(thrown)}`);
    });

    it("AgentHarness with a pinned endpoint runs the same pre-flight: no aws-native:region fails before anything is registered", async () => {
        const { thrown, reg } = await withoutNativeRegion(() => {
            new AgentHarness("agent", harnessArgs("prod"));
        }, "prod");
        assert.deepStrictEqual(reg.ofType("aws-native:bedrockagentcore:HarnessEndpoint"), [], "no harness endpoint registered");
        assert.deepStrictEqual(reg.ofType("aws:bedrock/agentcoreHarness:AgentcoreHarness"), [], "no harness registered");
        assert.ok(thrown instanceof Error && thrown.message.includes("AgentHarness endpoints") && thrown.message.includes("pulumi config set aws-native:region"), `expected the region error, got ${String(thrown)}`);
    });
});
