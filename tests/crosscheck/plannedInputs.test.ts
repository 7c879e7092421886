import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { listStacks } from "../../plan/config";
import { answeredCalls, isSecretWrapper, RecordedResource } from "../../plan/mocks";
import { PlanReport } from "../../plan/report";
import { planStack, ProgramError } from "../../plan/run";
import { fixture } from "../plan/helpers";
import { failuresAt, ROOT } from "./gate";

/**
 * Fixture programs meant to fail (their own tests assert how): they have no plan to scan.
 * Any other fixture is planned below, so a new one is covered without being listed.
 */
// `pinned` pins version 4, which a first deployment does not have: it fails unless planned with
// `--runtime-version` (tests/plan/runtimeVersion.test.ts plans it both ways).
const FAILING_FIXTURES = ["apply-error", "bad-inputs", "bad-policies", "dangling-apply", "invalid", "pinned"];

/** Every Pulumi program of the repository: the root project, each example (bad-stack too) and each fixture program. */
function allPrograms(): string[] {
    const under = (dir: string) =>
        fs
            .readdirSync(dir)
            .map((name) => path.join(dir, name))
            .filter((d) => fs.existsSync(path.join(d, "Pulumi.yaml")))
            .sort();
    return [ROOT, ...under(path.join(ROOT, "examples")), ...under(fixture("."))];
}

/** `path: value` of every string (at any depth, inside secrets too) that shows a value the program never had. */
export function suspiciousStrings(value: unknown, at = ""): string[] {
    if (typeof value === "string") {
        return value.includes("undefined") || value.includes("[object") ? [`${at}: ${value}`] : [];
    }
    if (Array.isArray(value)) {
        return value.flatMap((v, i) => suspiciousStrings(v, `${at}[${i}]`));
    }
    if (value !== null && typeof value === "object") {
        if (isSecretWrapper(value)) {
            return suspiciousStrings(value.value, at);
        }
        return Object.entries(value).flatMap(([k, v]) => suspiciousStrings(v, at ? `${at}.${k}` : k));
    }
    return [];
}

/** The recorded (unmasked) resources and the report of one stack. */
async function plan(programDir: string, stack: string): Promise<{ resources: RecordedResource[]; report: PlanReport }> {
    let resources: RecordedResource[] = [];
    const report = await planStack({ programDir, stack, evaluate: async (recorded) => ((resources = recorded), []) });
    return { resources, report };
}

/** Tokens of the data sources a module of @pulumi/* calls (its `invoke`/`invokeOutput` calls). */
function tokensOf(moduleName: string): string[] {
    const file = require.resolve(moduleName, { paths: [ROOT] });
    return [...fs.readFileSync(file, "utf8").matchAll(/\.invoke(?:Output|SingleOutput)?\("([^"]+)"/g)].map((m) => m[1]);
}

/** Every `@pulumi/...` data-source module (`get*`) imported by a source file under `dir`. */
function dataSourceImports(dir: string): string[] {
    const files = (d: string): string[] =>
        fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : e.name.endsWith(".ts") ? [path.join(d, e.name)] : []));
    const imports = files(dir).flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/from "(@pulumi\/[^"]*\/get[A-Z][A-Za-z0-9]*)"/g)].map((m) => m[1]));
    return [...new Set(imports)].sort();
}

describe("cross-check: the plan's mocks answer what the components ask", () => {
    it("answers every data source a component calls with a mocked result", () => {
        const sdk = path.join(ROOT, "sdk");
        const modules = dataSourceImports(sdk);
        // The components' lookups: account context, image, network.
        assert.deepEqual(modules, [
            "@pulumi/aws/ec2/getPrefixList",
            "@pulumi/aws/ec2/getRouteTable",
            "@pulumi/aws/ec2/getSubnet",
            "@pulumi/aws/ecr/getAuthorizationToken",
            "@pulumi/aws/ecr/getImage",
            "@pulumi/aws/getAvailabilityZones",
            "@pulumi/aws/getCallerIdentity",
            "@pulumi/aws/getPartition",
            "@pulumi/aws/getRegion",
        ]);
        const tokens = [...new Set(modules.flatMap(tokensOf))];
        assert.equal(tokens.length, modules.length);
        assert.deepEqual(tokens.filter((t) => !answeredCalls().includes(t)), []);
    });

    it("no component calls a function by token directly (runtime.invoke) or reads an existing resource (Resource.get), which the import scan above would miss", () => {
        const files = (d: string): string[] =>
            fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : e.name.endsWith(".ts") ? [path.join(d, e.name)] : []));
        const direct = files(path.join(ROOT, "sdk")).filter((f) => /runtime\.(invoke|call)\w*\(|\b[A-Z]\w*\.get\(\s*["'`]/.test(fs.readFileSync(f, "utf8")));
        assert.deepEqual(direct, []);
    });

    it("finds a string showing a missing value at any depth, secrets included", () => {
        const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "token-undefined" };
        assert.deepEqual(suspiciousStrings({ a: "ok", b: ["x", { c: "repo@undefined" }], d: secret, e: "[object Object]", f: 3, g: null }), [
            "b[1].c: repo@undefined",
            "d: token-undefined",
            "e: [object Object]",
        ]);
    });
});

describe("cross-check: no planned input of any program holds `undefined` or `[object`", function () {
    this.timeout(300_000);
    const programs = allPrograms();

    it("plans the root project, every example and every fixture program but those meant to fail", () => {
        const names = programs.map((d) => path.relative(ROOT, d) || ".");
        for (const expected of [".", "examples/quickstart", "examples/bad-stack", "tests/fixtures/programs/basic", "tests/fixtures/programs/existing-image"]) {
            assert.ok(names.includes(expected), `${expected} missing from ${names.join(", ")}`);
        }
        assert.deepEqual(FAILING_FIXTURES.filter((f) => !names.includes(`tests/fixtures/programs/${f}`)), []);
    });

    for (const programDir of programs) {
        const name = path.relative(ROOT, programDir) || "root project";
        const meantToFail = FAILING_FIXTURES.some((f) => programDir === fixture(f));
        for (const stack of listStacks(programDir)) {
            it(`${name} stack ${stack}`, async () => {
                if (meantToFail) {
                    await assert.rejects(plan(programDir, stack), ProgramError);
                    return;
                }
                const { resources, report } = await plan(programDir, stack);
                const found = resources.flatMap((r) => suspiciousStrings(r.inputs).map((s) => `${r.type} ${r.name} ${s}`));
                assert.deepEqual(found, []);
                assert.deepEqual(report.unansweredCalls, []);
            });
        }
    }
});

describe("plan of an existing image given by tag (docs/promotion.md)", () => {
    it("resolves the tag to a digest through the mocked ECR lookup", async () => {
        const { resources } = await plan(fixture("existing-image"), "prod");
        const runtime = resources.find((r) => r.type === "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime")!;
        assert.match(runtime.inputs.agentRuntimeArtifact.containerConfiguration.containerUri, /^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/agents\/support@sha256:[0-9a-f]{64}$/);
        assert.deepEqual(await failuresAt(resources, "prod"), []);
        const again = await plan(fixture("existing-image"), "prod");
        const runtimeAgain = again.resources.find((r) => r.type === runtime.type)!;
        assert.equal(runtimeAgain.inputs.agentRuntimeArtifact.containerConfiguration.containerUri, runtime.inputs.agentRuntimeArtifact.containerConfiguration.containerUri);
    });

    it("keeps a digest as given", async () => {
        const { resources } = await plan(fixture("existing-image"), "staging");
        const runtime = resources.find((r) => r.type === "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime")!;
        assert.equal(
            runtime.inputs.agentRuntimeArtifact.containerConfiguration.containerUri,
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        );
    });
});
