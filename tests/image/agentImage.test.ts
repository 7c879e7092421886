import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AgentImage, InputValidationError } from "../../sdk";
import { resolveBuild, SOURCE_DATE_EPOCH } from "../../sdk/image/agentImage";
import type { RecordedResource } from "../../plan/mocks";
import { planStack } from "../../plan/run";
import { record, valueOf } from "../harness";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-agent");
const IMAGE = "docker-build:index:Image";

/** A throwaway build context with a Dockerfile and one source file. */
function makeContext(source: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agent-ctx-"));
    fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM --platform=linux/arm64 node:20-slim\nCOPY app.js .\n");
    fs.writeFileSync(path.join(dir, "app.js"), source);
    fs.writeFileSync(path.join(dir, ".dockerignore"), "notes/\n");
    return dir;
}

async function tagOf(context: string, stack = "test", name = "agent", build: Partial<{ buildOnPreview: boolean; buildArgs: Record<string, string> }> = {}): Promise<string> {
    const reg = await record(() => new AgentImage(name, { build: { context, ...build }, repository: { name: "shared/agent" } }), stack);
    return reg.one(IMAGE).inputs.tags[0].split(":").pop();
}

describe("AgentImage", () => {
    it("builds for linux/arm64 only and pushes to its own repository with a registry cache", async () => {
        const reg = await record(() => new AgentImage("agent", { build: { context: SAMPLE } }));
        const repo = reg.one("aws:ecr/repository:Repository");
        const image = reg.one(IMAGE).inputs;
        assert.deepEqual(image.platforms, ["linux/arm64"]);
        assert.equal(image.push, true);
        assert.deepEqual(image.context, { location: SAMPLE });
        assert.deepEqual(image.dockerfile, { location: path.join(SAMPLE, "Dockerfile") });
        assert.match(image.tags[0], new RegExp(`^${repo.outputs.repositoryUrl}:ctx-[0-9a-f]{16}-[0-9a-f]{8}$`));
        assert.deepEqual(image.buildArgs, { SOURCE_DATE_EPOCH: "315532800" });
        assert.equal(image.buildOnPreview, false);
        assert.deepEqual(image.cacheFrom, [{ registry: { ref: `${repo.outputs.repositoryUrl}:buildcache` } }]);
        assert.deepEqual(image.cacheTo, [{ registry: { ref: `${repo.outputs.repositoryUrl}:buildcache`, imageManifest: true, ociMediaTypes: true, mode: "max" } }]);
        // Only the ECR password is sent as a secret; the recorded inputs lift it to the whole list.
        assert.deepEqual(reg.one(IMAGE).secretInputs, ["registries[0].password"]);
        assert.deepEqual(image.registries.value, [{ address: repo.outputs.repositoryUrl, username: "AWS", password: "mock-ecr-password" }]);
    });

    it("creates the repository with immutable tags, scan on push and KMS", async () => {
        const reg = await record(() => new AgentImage("agent", { build: { context: SAMPLE } }));
        const repo = reg.one("aws:ecr/repository:Repository").inputs;
        assert.equal(repo.imageTagMutability, "IMMUTABLE_WITH_EXCLUSION");
        assert.deepEqual(repo.imageTagMutabilityExclusionFilters, [{ filter: "buildcache*", filterType: "WILDCARD" }]);
        assert.deepEqual(repo.imageScanningConfiguration, { scanOnPush: true });
        assert.deepEqual(repo.encryptionConfigurations, [{ encryptionType: "KMS" }]);
        assert.equal(repo.forceDelete, false);
    });

    it("expires only untagged images", async () => {
        const reg = await record(() => new AgentImage("agent", { build: { context: SAMPLE }, repository: { untaggedImageExpiryDays: 10 } }));
        const policy = JSON.parse(reg.one("aws:ecr/lifecyclePolicy:LifecyclePolicy").inputs.policy);
        assert.deepEqual(policy.rules.map((r: any) => r.selection), [{ tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 10 }]);
    });

    it("references the image by digest", async () => {
        let image: AgentImage | undefined;
        const reg = await record(() => (image = new AgentImage("agent", { build: { context: SAMPLE } })));
        const repo = reg.one("aws:ecr/repository:Repository").outputs;
        assert.equal(await valueOf(image!.imageUri), `${repo.repositoryUrl}@${reg.one(IMAGE).outputs.digest}`);
        assert.match(await valueOf(image!.imageUri), /@sha256:[0-9a-f]{64}$/);
    });

    it("tags from a hash of the build context: same code, same tag; changed code, new tag; ignored files don't count", async () => {
        const context = makeContext("console.log(1)");
        const first = await tagOf(context);
        assert.equal(await tagOf(context), first);
        fs.mkdirSync(path.join(context, "notes"));
        fs.writeFileSync(path.join(context, "notes", "todo.txt"), "ignored by .dockerignore");
        assert.equal(await tagOf(context), first);
        fs.writeFileSync(path.join(context, "app.js"), "console.log(2)");
        assert.notEqual(await tagOf(context), first);
    });

    it("counts a file's executable bit and symbolic links, which change the image too", async () => {
        const context = makeContext("console.log(1)");
        const first = await tagOf(context);
        fs.chmodSync(path.join(context, "app.js"), 0o755);
        const executable = await tagOf(context);
        assert.notEqual(executable, first);
        fs.symlinkSync("app.js", path.join(context, "main.js"));
        const linked = await tagOf(context);
        assert.notEqual(linked, executable);
        fs.unlinkSync(path.join(context, "main.js"));
        fs.symlinkSync("Dockerfile", path.join(context, "main.js"));
        assert.notEqual(await tagOf(context), linked);
    });

    it("counts a file a !exception brings back from an ignored directory, as Docker sends it", async () => {
        const context = makeContext("console.log(1)");
        fs.writeFileSync(path.join(context, ".dockerignore"), "notes/\n!notes/keep.txt\n");
        fs.mkdirSync(path.join(context, "notes"));
        fs.writeFileSync(path.join(context, "notes", "keep.txt"), "v1");
        fs.writeFileSync(path.join(context, "notes", "todo.txt"), "ignored");
        const first = await tagOf(context);
        fs.writeFileSync(path.join(context, "notes", "todo.txt"), "still ignored");
        assert.equal(await tagOf(context), first);
        fs.writeFileSync(path.join(context, "notes", "keep.txt"), "v2");
        assert.notEqual(await tagOf(context), first);
    });

    it("never gives two builders or two build settings the same tag: the content part is shared, the build key is not", async () => {
        const context = makeContext("console.log(1)");
        const dev = await tagOf(context, "dev");
        const [content, key] = dev.slice("ctx-".length).split("-");
        assert.match(content, /^[0-9a-f]{16}$/);
        assert.match(key, /^[0-9a-f]{8}$/);
        assert.equal(await tagOf(context, "dev"), dev); // same everything: same tag, so docker-build has nothing to rebuild
        const others = [
            await tagOf(context, "prod"), // another stack pushing to the same named repository
            await tagOf(context, "dev", "agent-two"), // another component in the same stack
            await tagOf(context, "dev", "agent", { buildOnPreview: true }),
        ];
        for (const other of others) {
            assert.equal(other.split("-")[1], content);
            assert.notEqual(other, dev);
        }
        assert.equal(new Set(others).size, others.length);
        // The same source moved elsewhere (another checkout path): docker-build sees a new context and builds again, under a new tag.
        const moved = makeContext("console.log(1)");
        const movedTag = await tagOf(moved, "dev");
        assert.equal(movedTag.split("-")[1], content);
        assert.notEqual(movedTag, dev);
    });

    it("builds with SOURCE_DATE_EPOCH (part of the content hash) and keeps one the user sets", async () => {
        const context = makeContext("console.log(1)");
        const resolved = resolveBuild({ context }, { project: "p", stack: "s", name: "agent" });
        assert.deepEqual(resolved.buildArgs, { SOURCE_DATE_EPOCH: "315532800" });
        assert.equal(SOURCE_DATE_EPOCH, String(Date.UTC(1980, 0, 1) / 1000));
        const own = resolveBuild({ context, buildArgs: { SOURCE_DATE_EPOCH: "1700000000", MODE: "x" } }, { project: "p", stack: "s", name: "agent" });
        assert.deepEqual(own.buildArgs, { SOURCE_DATE_EPOCH: "1700000000", MODE: "x" });
        assert.notEqual(own.contentHash, resolved.contentHash);
        // Every build argument counts: a changed one makes docker-build build again, so the tag must change too.
        const mode = (value: string) => resolveBuild({ context, buildArgs: { MODE: value } }, { project: "p", stack: "s", name: "agent" });
        assert.notEqual(mode("a").tag, mode("b").tag);
        assert.equal(mode("a").tag, mode("a").tag);
        assert.equal(resolved.tag, `ctx-${resolved.contentHash.slice(0, 16)}-${resolved.tag.slice(-8)}`);
    });

    it("does not build during preview unless build.buildOnPreview is set", async () => {
        const off = await record(() => new AgentImage("agent", { build: { context: SAMPLE } }));
        assert.equal(off.one(IMAGE).inputs.buildOnPreview, false);
        const on = await record(() => new AgentImage("agent", { build: { context: SAMPLE, buildOnPreview: true } }));
        assert.equal(on.one(IMAGE).inputs.buildOnPreview, true);
    });

    it("uses an existing image by digest without building", async () => {
        const uri = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/agent@sha256:${"c".repeat(64)}`;
        let image: AgentImage | undefined;
        const reg = await record(() => (image = new AgentImage("agent", { imageUri: uri })));
        assert.deepEqual(reg.all.map((r) => r.type), ["agentcore:index:AgentImage"]);
        assert.equal(await valueOf(image!.imageUri), uri);
        assert.equal(await valueOf(image!.repositoryArn), "arn:aws:ecr:eu-west-1:123456789012:repository/team/agent");
    });

    const invalid: [string, ConstructorParameters<typeof AgentImage>[1], string[]][] = [
        ["an x86 platform", { build: { context: SAMPLE, platform: "linux/amd64" } }, ['image.build.platform "linux/amd64" must be linux/arm64: AgentCore Runtime runs ARM64 containers only']],
        [
            ":latest",
            { imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:latest" },
            ['image.imageUri "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:latest" must name a digest (@sha256:...) or an immutable version tag, not :latest or no tag: a reused tag makes runtime versions run unreviewed code'],
        ],
        ["both sources", { build: { context: SAMPLE }, imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent@sha256:${"d".repeat(64)}` }, ["image: set exactly one of image.build (build from source) or image.imageUri (an existing ECR image)"]],
    ];
    for (const [title, args, expected] of invalid) {
        it(`refuses ${title}`, async () => {
            let error: unknown;
            await record(() => {
                try {
                    new AgentImage("agent", args);
                } catch (e) {
                    error = e;
                }
            });
            assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
            assert.deepEqual(error.problems, expected);
        });
    }
});

describe("AgentImage in the root program's stacks (planned inputs)", function () {
    this.timeout(120_000);
    const ROOT = path.join(__dirname, "..", "..");

    async function imageInputs(stack: string): Promise<Record<string, any>> {
        let recorded: RecordedResource[] = [];
        await planStack({ programDir: ROOT, stack, evaluate: async (resources) => ((recorded = resources), []) });
        return recorded.find((r) => r.type === IMAGE)!.inputs;
    }

    it("gives each stack its own tag with the same content part, no build on preview, and SOURCE_DATE_EPOCH", async () => {
        const dev = await imageInputs("dev");
        const prod = await imageInputs("prod");
        const tag = (inputs: Record<string, any>) => /:ctx-([0-9a-f]{16})-([0-9a-f]{8})$/.exec(inputs.tags[0])!;
        assert.equal(tag(dev)[1], tag(prod)[1]);
        assert.notEqual(tag(dev)[2], tag(prod)[2]);
        for (const inputs of [dev, prod]) {
            assert.equal(inputs.buildOnPreview, false);
            assert.deepEqual(inputs.buildArgs, { SOURCE_DATE_EPOCH: "315532800" });
            assert.equal(inputs.push, true);
        }
    });

    it("builds on preview when the stack sets buildImageOnPreview", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "root-preview-"));
        // The root program with the dev stack's config plus the switch; index.ts resolves the sample agent from its own folder.
        fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8") + "  agentcore-agent:buildImageOnPreview: true\n");
        fs.writeFileSync(path.join(dir, "index.ts"), `module.exports = require(${JSON.stringify(path.join(ROOT, "index.ts"))});\n`);
        let recorded: RecordedResource[] = [];
        await planStack({ programDir: dir, stack: "dev", evaluate: async (resources) => ((recorded = resources), []) });
        assert.equal(recorded.find((r) => r.type === IMAGE)!.inputs.buildOnPreview, true);
    });
});

describe("AgentImage keeps the images pinned versions run", () => {
    it("a built image is retained on delete (docker-build would otherwise delete its tag on the next build)", async () => {
        const reg = await record(() => new AgentImage("agent", { build: { context: path.join(__dirname, "..", "..", "examples", "sample-agent") } }));
        const image = reg.one("docker-build:index:Image");
        assert.equal(image.options.retainOnDelete, true);
    });
});
