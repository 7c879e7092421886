import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AgentImage, InputValidationError } from "../../sdk";
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

async function tagOf(context: string): Promise<string> {
    const reg = await record(() => new AgentImage("agent", { build: { context } }));
    return reg.one(IMAGE).inputs.tags[0];
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
        assert.match(image.tags[0], new RegExp(`^${repo.outputs.repositoryUrl}:ctx-[0-9a-f]{16}$`));
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
