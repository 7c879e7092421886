import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AgentEnvironmentArgs, EnvironmentName } from "../../sdk";
import { changeOf } from "./changeSet";
import { base, ENDPOINT, environmentPath, PROFILES, RUNTIME } from "./paths";

// issue 23 items 1 and 3: the change paths of a code package, planned as sequences of states and
// compared the way the engine does (tests/lifecycle/changeSet.ts).

const OBJECT = "aws:s3/bucketObjectv2:BucketObjectv2";
const SAMPLE = path.join(__dirname, "..", "..", "examples", "code-agent", "agent");

function editedCopy(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "code-path-"));
    for (const f of fs.readdirSync(SAMPLE)) {
        fs.copyFileSync(path.join(SAMPLE, f), path.join(dir, f));
    }
    fs.appendFileSync(path.join(dir, "main.py"), "\n# a new version\n");
    return dir;
}

const withCode = (env: EnvironmentName, source: string, extra: Partial<AgentEnvironmentArgs> = {}): AgentEnvironmentArgs => ({
    ...base(env),
    image: undefined,
    code: { source, runtime: "PYTHON_3_12", entryPoint: ["main.py"] },
    ...extra,
});

describe("change paths: code packages (issue 23 item 3)", function () {
    this.timeout(300000);
    const edited = editedCopy();
    for (const env of PROFILES) {
        it(`${env}: an edited folder makes a new object (the old one kept) and a new runtime version; the pinned endpoint stays until promoted`, async () => {
            const steps = [withCode(env, SAMPLE), withCode(env, edited), ...(env === "dev" ? [] : [withCode(env, edited, { runtimeVersion: "2", previousVersion: "1" })])];
            const { transitions, findings } = await environmentPath(steps);
            assert.deepEqual(findings, []);
            const [edit, promote] = transitions;
            assert.equal(changeOf(edit, OBJECT).kind, "replace", "a new content hash is a new key");
            assert.equal(changeOf(edit, RUNTIME).kind, "update", "the runtime is updated in place: a new version");
            assert.deepEqual(changeOf(edit, RUNTIME).changed, ["agentRuntimeArtifact.codeConfiguration.code.s3.prefix", "agentRuntimeArtifact.codeConfiguration.code.s3.versionId"]);
            if (env !== "dev") {
                assert.equal(changeOf(edit, ENDPOINT, `-${env}`).kind, "same", "the pinned endpoint keeps serving the reviewed version");
                assert.equal(changeOf(promote, RUNTIME).kind, "same", "promotion never touches the runtime");
                assert.deepEqual(changeOf(promote, ENDPOINT, `-${env}`).changed, ["agentRuntimeVersion"]);
            }
        });

        it(`${env}: the same folder twice changes nothing`, async () => {
            const { transitions, findings } = await environmentPath([withCode(env, SAMPLE), withCode(env, SAMPLE)]);
            assert.deepEqual(findings, []);
            assert.deepEqual(transitions[0].changes.filter((c) => c.kind !== "same").map((c) => `${c.type} ${c.kind}`), []);
        });
    }

    it("prod: switching image → code replaces the runtime, which protection stops at preview (docs/choosing.md)", async () => {
        const { summary } = await environmentPath([base("prod"), withCode("prod", SAMPLE)]);
        assert.ok(summary.some((s) => s.startsWith("1→2 protected-replace") && s.includes("runtime")), summary.join("\n"));
    });
});
