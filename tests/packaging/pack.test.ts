import { strict as assert } from "assert";
import { execFileSync, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AgentEnvironment } from "../../sdk";
import { allPolicies } from "../../policy/rules";
import { record, valueOf } from "../harness";

const REPO = path.join(__dirname, "..", "..");
const PACKAGE = "@agentcore-platform/pulumi-agentcore";
const TSC = require.resolve("typescript/bin/tsc");

/** Every file the tarball must hold, derived from the sources: compiled sdk/policy/plan, the policy pack's assets, package metadata. */
function expectedFiles(): string[] {
    const sources = (dir: string): string[] =>
        fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
    const compiled = ["sdk", "policy", "plan"]
        .flatMap(sources)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
        .flatMap((f) => [`dist/${f.replace(/\.ts$/, ".js")}`, `dist/${f.replace(/\.ts$/, ".d.ts")}`]);
    const policyConfigs = fs.existsSync(path.join(REPO, "policy", "config")) ? sources("policy/config").filter((f) => f.endsWith(".json")) : [];
    const smokeScript = ["sdk/smoke/invoke.mjs", "sdk/smoke/invoke.d.mts"];
    // issue 24 red-team item 1: the record submission script RegistryPublication's commands run.
    const submitScript = ["sdk/registry/submit.mjs", "sdk/registry/submit.d.mts"];
    // The AWS managed policy table the IAM rules read (scripts/managed-policies.mjs).
    const managedPolicies = ["policy/iam/managed-policies.json"];
    const assets = ["policy/PulumiPolicy.yaml", "policy/package.json", ...policyConfigs, ...managedPolicies, ...smokeScript, ...submitScript].map((f) => `dist/${f}`);
    return [...compiled, ...assets, "package.json", "README.md", "LICENSE"].map((f) => `package/${f}`).sort();
}

/** The consumer program: what a user writes, importing the package by its name. */
const PROGRAM = `import * as path from "path";
import { AgentEnvironment } from "${PACKAGE}";

const agent = new AgentEnvironment("consumer-agent", {
    environment: "dev",
    image: { build: { context: path.join(__dirname, "agent") } },
    models: ["amazon.nova-lite-v1:0"],
});
export const invokeEndpointArn = agent.invokeEndpointArn;
`;

/** Plans the compiled consumer program under the package's own mocks and prints what it registered. */
const RUNNER = `const { installMocks, settle } = require("${PACKAGE}/mocks");
(async () => {
    const mocks = await installMocks("consumer", "dev");
    const program = require("./index.js");
    await settle();
    const invokeEndpointArn = await new Promise((resolve) => program.invokeEndpointArn.apply(resolve));
    let deepImport = "allowed";
    try { require("${PACKAGE}/dist/sdk/index.js"); } catch (e) { deepImport = e.code; }
    process.stdout.write(JSON.stringify({
        resolved: require.resolve("${PACKAGE}"),
        deepImport,
        resources: mocks.resources.map((r) => [r.type, r.name]),
        invokeEndpointArn,
    }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

const TSCONFIG = { compilerOptions: { strict: true, module: "node16", moduleResolution: "node16", target: "ES2022", skipLibCheck: true, types: ["node"], typeRoots: [path.join(REPO, "node_modules", "@types")] }, files: ["index.ts"] };

/** A Pulumi program the installed `agentcore-plan` bin plans: its environment and model come from stack config. */
const STACK_PROGRAM = `import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, EnvironmentName } from "${PACKAGE}";

const config = new pulumi.Config();
const agent = new AgentEnvironment("planned-agent", {
    environment: config.require("environment") as EnvironmentName,
    image: { build: { context: path.join(__dirname, "..", "agent") } },
    models: [config.require("model")],
    runtimeVersion: config.get("runtimeVersion"),
});
export const invokeEndpointArn = agent.invokeEndpointArn;
`;

/** A model outside prod.json's allowlist (anthropic and amazon only); dev.json keeps the pack's default (any foundation model). */
const OFF_LIST_MODEL = "meta.llama3-8b-instruct-v1:0";

/** A directory of a file inside the tarball (`package/dist/...`). */
const isShippedData = (f: string) => /^package\/(dist\/)?data\//.test(f);

describe("packaging (npm pack, install, plan)", function () {
    this.timeout(180_000);
    let work: string;
    let tarball: string;
    let files: string[];
    let app: string;

    before(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "agentcore-pack-"));
        const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
        tarball = path.join(work, packed[0].filename);
        files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter((f) => f && !f.endsWith("/"));

        app = path.join(work, "app");
        fs.mkdirSync(path.join(app, "agent"), { recursive: true });
        // Dependencies come from the repo's install as links (npm does not copy file: directories), so nothing is downloaded.
        const manifest = JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
        // A Pulumi TypeScript project also has typescript (the plan type-checks with it, as pulumi preview does through ts-node).
        const linked = Object.fromEntries([...Object.keys(manifest.dependencies), "typescript"].map((dep) => [dep, `file:${fs.realpathSync(path.join(REPO, "node_modules", dep))}`]));
        fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, dependencies: { ...linked, [PACKAGE]: `file:${tarball}` } }));
        fs.writeFileSync(path.join(app, "tsconfig.json"), JSON.stringify(TSCONFIG));
        fs.writeFileSync(path.join(app, "agent", "Dockerfile"), "FROM node:20-slim\n");
        fs.writeFileSync(path.join(app, "index.ts"), PROGRAM);
        fs.writeFileSync(path.join(app, "plan.js"), RUNNER);
        const stacks = path.join(app, "stacks");
        fs.mkdirSync(stacks);
        fs.writeFileSync(path.join(stacks, "Pulumi.yaml"), "name: consumer-stacks\nruntime: nodejs\n");
        fs.writeFileSync(path.join(stacks, "index.ts"), STACK_PROGRAM);
        fs.writeFileSync(path.join(stacks, "Pulumi.dev.yaml"), `config:\n  consumer-stacks:environment: dev\n  consumer-stacks:model: ${OFF_LIST_MODEL}\n`);
        fs.writeFileSync(path.join(stacks, "Pulumi.prod.yaml"), `config:\n  consumer-stacks:environment: prod\n  consumer-stacks:model: ${OFF_LIST_MODEL}\n  consumer-stacks:runtimeVersion: "1"\n`);

        execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", "--loglevel=error"], { cwd: app, stdio: "pipe" });
    });

    after(() => fs.rmSync(work, { recursive: true, force: true }));

    it("holds the compiled package, its type declarations, the policy pack and nothing else", () => {
        assert.deepEqual([...files].sort(), expectedFiles());
    });

    it("ships neither the API models (data/) nor the test-only @cloud-copilot/iam-simulate", () => {
        assert.deepEqual(files.filter(isShippedData), []);
        assert.deepEqual(files.filter((f) => f.includes("iam-simulate")), []);
        const manifest = JSON.parse(fs.readFileSync(path.join(app, "node_modules", PACKAGE, "package.json"), "utf8"));
        assert.equal("@cloud-copilot/iam-simulate" in (manifest.dependencies ?? {}), false);
        assert.equal("@cloud-copilot/iam-simulate" in (manifest.peerDependencies ?? {}), false);
        // No shipped file names it (require, import or dynamic import): the installed package never loads it.
        const installed = path.join(app, "node_modules", PACKAGE);
        const naming = files
            .map((f) => f.replace(/^package\//, ""))
            .filter((f) => f !== "package.json" && fs.readFileSync(path.join(installed, f), "utf8").includes("iam-simulate"));
        assert.deepEqual(naming, []);
        assert.equal(fs.existsSync(path.join(app, "node_modules", "@cloud-copilot", "iam-simulate")), false);
    });

    describe("issue 22 item 5: what npm publish would ship", () => {
        let published: { files: string[]; notice: string };
        const manifest = () => JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
        const shipped = (f: string) => fs.readFileSync(path.join(app, "node_modules", PACKAGE, f), "utf8");

        before(() => {
            // The tarball above was built by prepack; the dry run lists what `npm publish` sends from that build.
            const result = spawnSync("npm", ["publish", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO, encoding: "utf8" });
            assert.equal(result.status, 0, result.stderr);
            const report = JSON.parse(result.stdout)[PACKAGE];
            published = { files: report.files.map((f: { path: string }) => f.path).sort(), notice: result.stderr };
        });

        it("the README's Install section builds and installs this tarball, by its name", () => {
            const install = fs.readFileSync(path.join(REPO, "README.md"), "utf8").split("## Install")[1].split("\n## ")[0];
            assert.match(install, /\nnpm ci && npm pack\b/);
            assert.ok(install.includes(`npm install ../pulumi-agentcore/${path.basename(tarball)}`), `README does not install ${path.basename(tarball)}`);
        });

        it("publishes exactly the tarball's files, publicly", () => {
            assert.deepEqual(published.files, files.map((f) => f.replace(/^package\//, "")).sort());
            assert.match(published.notice, /with tag latest and public access \(dry-run\)/);
        });

        it("every entry point the manifest names ships: main, types, exports (with their types) and bin (runnable by node)", () => {
            const m = manifest();
            const targets = [m.main, m.types, ...Object.values<any>(m.exports).flatMap((e) => (typeof e === "string" ? [e] : Object.values<string>(e)))].map((t) => t.replace(/^\.\//, ""));
            assert.deepEqual(targets.filter((t) => !published.files.includes(t)), []);
            for (const [name, target] of Object.entries<string>(m.bin)) {
                assert.ok(published.files.includes(target), `bin ${name}: ${target} is not published`);
                assert.match(shipped(target), /^#!\/usr\/bin\/env node\n/, `bin ${name} has no node shebang`);
            }
        });

        it("ships no test, bench, script or example code, and requires nothing outside its dependencies (no devDependency, no AGPL code)", () => {
            assert.deepEqual(published.files.filter((f) => /^(dist\/)?(tests|bench|scripts|examples|data|provider)\//.test(f)), []);
            const m = manifest();
            const allowed = new Set([...Object.keys(m.dependencies), ...Object.keys(m.peerDependencies ?? {}), ...(require("module").builtinModules as string[])]);
            const outside = published.files
                .filter((f) => /\.(js|mjs|d\.ts|d\.mts)$/.test(f))
                .flatMap((f) =>
                    [...shipped(f).matchAll(/(?:require(?:\.resolve)?\(|import\(|from )"([^".][^"]*)"/g)]
                        .map((x) => x[1].replace(/^node:/, ""))
                        .map((spec) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/"))
                        .filter((pkg) => !allowed.has(pkg))
                        .map((pkg) => `${f}: ${pkg}`),
                );
            assert.deepEqual([...new Set(outside)], []);
            // What installing it brings in: the runtime dependency closure, none of it under the AGPL.
            const agpl = runtimeClosure(REPO, m).filter((dep) => /AGPL/i.test(JSON.stringify(dep.license ?? "")));
            assert.deepEqual(agpl.map((d) => `${d.name}@${d.version}`), []);
        });
    });

    describe("issue 22 item 1: the installed policy pack, started the way the Pulumi CLI starts it", () => {
        const packDir = () => path.join(app, "node_modules", PACKAGE, "dist", "policy");

        it("has a package.json naming the compiled entry point, the package's version and every package the pack requires", () => {
            const manifest = JSON.parse(fs.readFileSync(path.join(packDir(), "package.json"), "utf8"));
            const root = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
            assert.equal(manifest.version, root.version);
            assert.equal(manifest.main, "index.js");
            assert.ok(fs.existsSync(path.join(packDir(), manifest.main)));
            // Every bare package the compiled pack requires is a dependency, at the version the package itself depends on.
            const js = (dir: string): string[] =>
                fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? js(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : []));
            const required = new Set(
                js(packDir()).flatMap((file) =>
                    [...fs.readFileSync(file, "utf8").matchAll(/require(?:\.resolve)?\("([^".][^"]*)"\)/g)].map((m) => m[1].split("/").slice(0, m[1].startsWith("@") ? 2 : 1).join("/")),
                ),
            );
            const builtins = new Set(require("module").builtinModules as string[]);
            const packages = [...required].filter((name) => !builtins.has(name.replace(/^node:/, ""))).sort();
            // And @pulumi/pulumi: @pulumi/policy's peer dependency, which holds the entry the CLI starts (cmd/run-policy-pack).
            assert.deepEqual(Object.keys(manifest.dependencies).sort(), [...packages, "@pulumi/pulumi"].sort());
            for (const name of packages) {
                assert.equal(manifest.dependencies[name], root.dependencies[name], name);
            }
        });

        it("starts: run-policy-pack with the pack folder as working directory serves the pack over gRPC", async function () {
            this.timeout(120_000);
            // What the CLI's `pulumi-analyzer-policy` plugin does (pulumi/pulumi sdk/nodejs/dist/pulumi-analyzer-policy):
            // resolve @pulumi/pulumi/cmd/run-policy-pack from the pack folder, then run it with `<engine address> .`
            // in that folder (pkg/resource/plugin/analyzer_plugin.go: "pwd := policyPackPath").
            const entry = execFileSync(process.execPath, ["-e", "console.log(require.resolve('@pulumi/pulumi/cmd/run-policy-pack'))"], { cwd: packDir(), encoding: "utf8" }).trim();
            const child = spawn(process.execPath, [entry, "127.0.0.1:1", "."], { cwd: packDir(), stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH } });
            let stdout = "";
            let stderr = "";
            try {
                // The pack prints the port of its gRPC server as its first line (@pulumi/policy server.js `serve`), and keeps running.
                const port = await new Promise<number>((resolve, reject) => {
                    const timer = setTimeout(() => reject(new Error(`no port within 90 s; stderr: ${stderr}`)), 90_000);
                    child.stdout.on("data", (chunk) => {
                        stdout += chunk;
                        const line = /^(\d+)\n/.exec(stdout);
                        if (line) {
                            clearTimeout(timer);
                            resolve(Number(line[1]));
                        }
                    });
                    child.stderr.on("data", (chunk) => (stderr += chunk));
                    child.on("exit", (code) => {
                        clearTimeout(timer);
                        reject(new Error(`the pack exited with code ${code} before serving; stdout: ${stdout}; stderr: ${stderr}`));
                    });
                });
                // The CLI then asks what the pack holds: its name, version and policies.
                const info = await analyzerInfo(port);
                assert.equal(info.name, "agentcore");
                assert.equal(info.version, JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).version);
                assert.deepEqual(info.policies.sort(), allPolicies.map((p) => p.name).sort());
            } finally {
                child.kill();
            }
        });
    });

    describe("the installed agentcore-plan bin", () => {
        const bin = () => path.join(app, "node_modules", ".bin", "agentcore-plan");
        const configDir = () => path.join(fs.realpathSync(app), "node_modules", PACKAGE, "dist", "policy", "config");
        const planStackWithBin = (stack: string) => {
            const json = path.join(work, `plan-${stack}.json`);
            const result = spawnSync(bin(), ["--program", path.join(app, "stacks"), "--stack", stack, "--json", json], { cwd: app, encoding: "utf8", env: { PATH: process.env.PATH } });
            return { status: result.status, stdout: result.stdout, stderr: result.stderr, report: fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, "utf8")) : undefined };
        };
        const mandatory = (report: any) => report.violations.filter((v: any) => v.level === "mandatory").map((v: any) => `${v.policy}: ${v.message}`);

        it("issue 22 item 5: calls itself agentcore-plan in its help", () => {
            const result = spawnSync(bin(), ["--help"], { cwd: app, encoding: "utf8", env: { PATH: process.env.PATH } });
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stdout.split("\n")[0], "Usage: agentcore-plan [options]");
            assert.doesNotMatch(result.stdout, /npm run plan/);
        });

        it("plans a dev stack with the shipped dev.json: no mandatory violations, the off-list model allowed", () => {
            const dev = planStackWithBin("dev");
            assert.equal(dev.stderr, "");
            assert.equal(dev.status, 0, dev.stdout);
            assert.deepEqual(dev.report.policyConfig, { path: path.join(configDir(), "dev.json"), found: true });
            assert.match(dev.stdout, /^Policy config: node_modules\/@agentcore-platform\/pulumi-agentcore\/dist\/policy\/config\/dev\.json\n/m);
            assert.deepEqual(mandatory(dev.report), []);
            assert.deepEqual(dev.report.violations.filter((v: any) => v.policy === "agentcore-iam-model-allowlist" || v.policy === "agentcore-model-vendor"), []);
        });

        it("plans a prod stack with the shipped prod.json: its vendor list takes effect, as an advisory", () => {
            const prod = planStackWithBin("prod");
            assert.equal(prod.stderr, "");
            assert.deepEqual(prod.report.policyConfig, { path: path.join(configDir(), "prod.json"), found: true });
            assert.match(prod.stdout, /^Policy config: node_modules\/@agentcore-platform\/pulumi-agentcore\/dist\/policy\/config\/prod\.json\n/m);
            // The vendor list of prod.json (anthropic and amazon only); the pack's default allows every foundation model.
            // One named model of another vendor is a preference, not a least-privilege breach (issue 25 item 2): advisory.
            assert.deepEqual(mandatory(prod.report), []);
            assert.deepEqual(
                prod.report.violations.filter((v: any) => v.policy === "agentcore-model-vendor").map((v: any) => `${v.level} ${v.policy}: ${v.message}`),
                [
                    `advisory agentcore-model-vendor: Statement "InvokeAllowedModels" of role policy "planned-agent-runtime-baseline" of role planned-agent-role allows invoking arn:aws:bedrock:us-east-1::foundation-model/${OFF_LIST_MODEL}, whose vendor the vendor list (allowedModels) does not name`,
                ],
            );
            assert.equal(prod.status, 0);
        });
    });

    it("installs outside the repo and plans a program that imports it by name", async () => {
        execFileSync(process.execPath, [TSC, "-p", app], { cwd: app, stdio: "pipe" });
        const planned = JSON.parse(execFileSync(process.execPath, ["plan.js"], { cwd: app, encoding: "utf8", env: { PATH: process.env.PATH } }));

        let local: AgentEnvironment | undefined;
        const expected = await record(
            () => (local = new AgentEnvironment("consumer-agent", { environment: "dev", image: { build: { context: path.join(app, "agent") } }, models: ["amazon.nova-lite-v1:0"] })),
            "dev",
            "consumer",
        );
        assert.equal(planned.resolved, path.join(fs.realpathSync(app), "node_modules", PACKAGE, "dist", "sdk", "index.js"));
        assert.equal(planned.deepImport, "ERR_PACKAGE_PATH_NOT_EXPORTED");
        assert.deepEqual(planned.resources[0], ["agentcore:index:AgentEnvironment", "consumer-agent"]);
        assert.deepEqual(planned.resources, expected.all.map((r) => [r.type, r.name]));
        assert.equal(planned.invokeEndpointArn, await valueOf(local!.invokeEndpointArn));
        assert.match(planned.invokeEndpointArn, /^arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime\/consumer_agent-[0-9a-f]{10}\/runtime-endpoint\/DEFAULT$/);
    });
});

/** GetAnalyzerInfo of a policy pack serving at `port`, through the same generated gRPC client the Pulumi engine's protocol defines. */
function analyzerInfo(port: number): Promise<{ name: string; version: string; policies: string[] }> {
    const grpc = require("@grpc/grpc-js");
    const { AnalyzerClient } = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
    const { Empty } = require("google-protobuf/google/protobuf/empty_pb");
    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new Promise((resolve, reject) =>
        client.getAnalyzerInfo(new Empty(), (err: Error | null, response: any) => {
            client.close();
            if (err) {
                reject(err);
                return;
            }
            resolve({ name: response.getName(), version: response.getVersion(), policies: response.getPoliciesList().map((p: any) => p.getName()) });
        }),
    );
}

/** Every package installing `manifest` brings in (its dependencies, theirs, ...; not dev or optional peers), found as Node resolves them from `root`. */
function runtimeClosure(root: string, manifest: any): { name: string; version: string; license?: unknown }[] {
    const seen = new Map<string, { name: string; version: string; license?: unknown }>();
    const visit = (from: string, deps: Record<string, string> | undefined) => {
        for (const name of Object.keys(deps ?? {})) {
            let dir = from;
            let found: string | undefined;
            while (!found) {
                const candidate = path.join(dir, "node_modules", name, "package.json");
                if (fs.existsSync(candidate)) {
                    found = candidate;
                } else if (path.dirname(dir) === dir) {
                    break;
                } else {
                    dir = path.dirname(dir);
                }
            }
            if (!found || seen.has(fs.realpathSync(found))) {
                continue; // an optional dependency of another platform, or already visited
            }
            const pkg = JSON.parse(fs.readFileSync(found, "utf8"));
            seen.set(fs.realpathSync(found), { name: pkg.name, version: pkg.version, license: pkg.license ?? pkg.licenses });
            visit(path.dirname(found), { ...pkg.dependencies, ...pkg.optionalDependencies });
        }
    };
    visit(root, manifest.dependencies);
    return [...seen.values()];
}
