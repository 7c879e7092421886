import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AgentCode, AgentEnvironment, AgentEnvironmentArgs, AgentRuntime, EnvironmentName, arm64InstallCommand } from "../../sdk";
import { packCode } from "../../sdk/code/agentCode";
import { MAX_ZIP_ENTRIES, PackedFile, contentHash, listPackedFiles, readZip, zipFiles } from "../../sdk/code/package";
import { foreignBinaries } from "../../sdk/code/platform";
import { checkFileCount, checkPackageSize } from "../../sdk/code/validate";
import { Problems } from "../../sdk/validation";
import { ESTABLISHED, parseJsonInput, problemsOf, record } from "../harness";

// issue 23 item 1: code artifacts (direct code deployment).

const SAMPLE = path.join(__dirname, "..", "..", "examples", "code-agent", "agent");
const OBJECT = "aws:s3/bucketObjectv2:BucketObjectv2";
const RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const ENDPOINT = "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint";
const CODE = { source: SAMPLE, runtime: "PYTHON_3_12" as const, entryPoint: ["main.py"] };
const VPC = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"], securityGroupIds: ["sg-0123456789abcdef0"] };

function envArgs(environment: EnvironmentName, extra: Partial<AgentEnvironmentArgs> = {}): AgentEnvironmentArgs {
    return { environment, runtimeVersion: environment === "dev" ? undefined : "1", network: environment === "dev" ? { mode: "PUBLIC" } : VPC, code: CODE, ...extra };
}

/** A copy of the sample agent in a temp folder, to edit. */
function copyOfSample(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "code-agent-"));
    for (const f of fs.readdirSync(SAMPLE)) {
        fs.copyFileSync(path.join(SAMPLE, f), path.join(dir, f));
    }
    return dir;
}

/** An ELF header (64-bit, little-endian) for machine `machine`, padded to 64 bytes. */
function elf(machine: number): Buffer {
    const b = Buffer.alloc(64);
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(b);
    b.writeUInt16LE(3, 16);
    b.writeUInt16LE(machine, 18);
    return b;
}

describe("issue 23 item 1: packing a code folder", () => {
    it("packs the sample agent: exactly its files, POSIX modes, the same bytes", () => {
        const files = listPackedFiles(SAMPLE);
        const entries = readZip(zipFiles(files));
        assert.deepEqual(entries.map((e) => e.name), ["main.py", "requirements.txt"]);
        assert.deepEqual(entries.map((e) => e.mode.toString(8)), ["100644", "100644"]);
        for (const e of entries) {
            assert.deepEqual(e.data, fs.readFileSync(path.join(SAMPLE, e.name)), e.name);
        }
    });

    it("the hash is stable: the same folder twice, or with __pycache__, .venv, .git and *.pyc added, gives the same zip", () => {
        const dir = copyOfSample();
        const before = contentHash(zipFiles(listPackedFiles(dir)));
        assert.equal(contentHash(zipFiles(listPackedFiles(dir))), before);
        assert.equal(before, contentHash(zipFiles(listPackedFiles(SAMPLE))), "same contents elsewhere, same hash");
        for (const skipped of ["__pycache__", ".venv", ".git"]) {
            fs.mkdirSync(path.join(dir, skipped));
            fs.writeFileSync(path.join(dir, skipped, "x.py"), "junk");
        }
        fs.writeFileSync(path.join(dir, "main.cpython-312.pyc"), "bytecode");
        // Timestamps do not count either.
        fs.utimesSync(path.join(dir, "main.py"), new Date(2001, 1, 1), new Date(2001, 1, 1));
        assert.equal(contentHash(zipFiles(listPackedFiles(dir))), before);
    });

    it("red-team item 6: secrets and editor folders are left out; .agentcoreignore leaves out more; auditwheel's .libs stays", () => {
        const dir = copyOfSample();
        const write = (rel: string, data: Buffer | string = "x") => {
            fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
            fs.writeFileSync(path.join(dir, rel), data);
        };
        for (const rel of [".env", ".env.local", ".aws/credentials", ".ssh/id_rsa", ".idea/workspace.xml", ".vscode/settings.json", ".gitignore", "tests/test_main.py", "docs/README.md", "sub/notes.md", "data/raw/a/b.csv", "data/keep.csv"]) {
            write(rel);
        }
        write("pkg/.libs/libz-1.so", elf(0xb7));
        write(".agentcoreignore", "# not for the runtime\ntests/\n*.md\ndata/raw/**\n");
        assert.deepEqual(listPackedFiles(dir).map((f) => f.relative), ["data/keep.csv", "main.py", "pkg/.libs/libz-1.so", "requirements.txt"]);
        write(".agentcoreignore", "!keep.md\n");
        assert.throws(() => listPackedFiles(dir), /\.agentcoreignore: "!keep\.md": re-including with ! is not supported/);
    });

    it("an edit changes the hash, hence the key, hence a new runtime version", async () => {
        const dir = copyOfSample();
        const keyOf = async (source: string) => (await record(() => new AgentEnvironment("agent", envArgs("dev", { code: { ...CODE, source } })))).one(OBJECT).inputs.key as string;
        const before = await keyOf(dir);
        assert.equal(await keyOf(dir), before, "unchanged folder, same key: nothing uploaded");
        fs.appendFileSync(path.join(dir, "main.py"), "\n# edited\n");
        const after = await keyOf(dir);
        assert.notEqual(after, before);
        assert.match(after, /^code\/[0-9a-f]{64}\.zip$/);
        fs.chmodSync(path.join(dir, "main.py"), 0o755);
        assert.notEqual(await keyOf(dir), after, "the executable bit is packed, so it counts");
    });
});

describe("issue 23 red-team: the zip cache and the file count", () => {
    it("item 4: a corrupted cached zip is rewritten, so the uploaded file hashes to its key", () => {
        const cache = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-"));
        const files = listPackedFiles(SAMPLE);
        const first = packCode(files, cache);
        assert.equal(contentHash(fs.readFileSync(first.zipPath)), first.hash);
        fs.writeFileSync(first.zipPath, "tampered");
        const again = packCode(files, cache);
        assert.equal(again.zipPath, first.zipPath, "the same path: the asset is unchanged");
        assert.equal(contentHash(fs.readFileSync(again.zipPath)), again.hash, "the file uploaded is the zip its key names");
        assert.equal(again.key, `code/${again.hash}.zip`);
        assert.deepEqual(fs.readdirSync(cache), [`${again.hash}.zip`], "no staging folder is left behind");
        assert.equal(fs.statSync(cache).mode & 0o077, 0, "the cache folder is private");
    });

    it("item 8: more files than a zip without ZIP64 holds is a problem naming the field, not a RangeError", () => {
        const problems = new Problems();
        checkFileCount(problems, "code.source", MAX_ZIP_ENTRIES);
        assert.deepEqual(problems.messages, []);
        checkFileCount(problems, "code.source", MAX_ZIP_ENTRIES + 1);
        assert.deepEqual(problems.messages, [
            'code.source "65536 files" holds more files than a code package can (at most 65535: the zip is written without ZIP64); leave out what the agent does not import, or deploy an image',
        ]);
        const many: PackedFile[] = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ relative: `f${i}`, absolute: "/nonexistent", size: 0, executable: false }));
        assert.throws(() => zipFiles(many), /^Error: 65536 files are more than a zip without ZIP64 holds \(65535\)$/);
    });
});

describe("issue 23 item 1: bad code input is refused, naming the field", () => {
    const cases: [string, Partial<AgentEnvironmentArgs>, RegExp][] = [
        ["two artifacts", { image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/a@sha256:${"a".repeat(64)}` } }, /^image and code "both set" are exclusive/],
        ["neither artifact", { code: undefined }, /^image or code \(not set\) is required/],
        ["a runtime outside the model", { code: { ...CODE, runtime: "PYTHON_3_9" as never } }, /^code\.runtime "PYTHON_3_9" must be one of PYTHON_3_10, .*NODE_22/],
        ["a runtime the provider does not take", { code: { ...CODE, runtime: "NODE_22" as never } }, /^code\.runtime "NODE_22" must be one of PYTHON_3_10, PYTHON_3_11, PYTHON_3_12, PYTHON_3_13: the API model lists it, but @pulumi\/aws 7\.48/],
        ["three entry points", { code: { ...CODE, entryPoint: ["opentelemetry-instrument", "python", "main.py"] } }, /^code\.entryPoint .* must have at most 2 items/],
        ["no entry point", { code: { ...CODE, entryPoint: [] } }, /^code\.entryPoint \[\] must have at least 1 items/],
        ["an entry point not in the folder", { code: { ...CODE, entryPoint: ["app.py"] } }, /^code\.entryPoint .* names app\.py, which is not in/],
        ["a missing folder", { code: { ...CODE, source: "/no/such/folder" } }, /^code\.source "\/no\/such\/folder" must be an existing folder/],
        ["an unknown key", { code: { ...CODE, entrypoint: ["main.py"] } as never }, /^code\.entrypoint .* is not a setting of code/],
    ];
    for (const [what, extra, expected] of cases) {
        it(`${what}`, () => {
            const problems = problemsOf(() => new AgentEnvironment("agent", envArgs("dev", extra)));
            assert.ok(problems.some((p) => expected.test(p)), `expected ${expected}, got:\n${problems.join("\n")}`);
        });
    }

    it("AgentRuntime refuses both artifacts and neither, naming both fields", () => {
        const image = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/a@sha256:${"a".repeat(64)}`, repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/a" };
        const code = { runtime: "PYTHON_3_12", entryPoint: ["main.py"], bucket: "b", key: "code/x.zip", versionId: "abc" };
        assert.match(problemsOf(() => new AgentRuntime("a", { image, code })).join("\n"), /image and code "both set" are exclusive/);
        assert.match(problemsOf(() => new AgentRuntime("a", {})).join("\n"), /image or code \(not set\) is required/);
        assert.match(problemsOf(() => new AgentRuntime("a", { code: { ...code, versionId: "" } })).join("\n"), /code\.versionId "" is required: every runtime version is pinned/);
        // red-team item 7: a code object without the versionId key at all is refused too.
        const { versionId: _omitted, ...unpinned } = code;
        assert.match(problemsOf(() => new AgentRuntime("a", { code: unpinned as never })).join("\n"), /code\.versionId \(not set\) is required: every runtime version is pinned/);
    });

    it("an x86_64 wheel (dist-info WHEEL tag) is refused with the file and the fix command", () => {
        const dir = copyOfSample();
        fs.mkdirSync(path.join(dir, "pydantic_core-2.27.2.dist-info"));
        fs.writeFileSync(path.join(dir, "pydantic_core-2.27.2.dist-info", "WHEEL"), "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp312-cp312-manylinux_2_17_x86_64\n");
        const problems = problemsOf(() => new AgentEnvironment("agent", envArgs("dev", { code: { ...CODE, source: dir } })));
        assert.deepEqual(problems, [
            `code.source "pydantic_core-2.27.2.dist-info/WHEEL" wheel tag "cp312-cp312-manylinux_2_17_x86_64" is for manylinux_2_17_x86_64, not Linux aarch64: AgentCore runs code packages on Linux ARM64 (aarch64, glibc) with the runtime's CPython only. ` +
                `Reinstall the dependencies as ARM64 wheels for it: uv pip install --python-platform aarch64-manylinux2014 --python-version 3.12 --only-binary=:all: --target ${dir} -r ${dir}/requirements.txt ` +
                `(or: pip install --platform manylinux2014_aarch64 --python-version 3.12 --implementation cp --abi cp312 --only-binary=:all: --target ${dir} -r ${dir}/requirements.txt)`,
        ]);
    });

    it("native binaries: x86_64 ELF, macOS and Windows tags are refused; aarch64 ELF and pure wheels pass", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wheels-"));
        const write = (rel: string, data: Buffer | string) => {
            fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
            fs.writeFileSync(path.join(dir, rel), data);
        };
        write("ok/_speedups.cpython-312-aarch64-linux-gnu.so", elf(0xb7));
        write("ok-1.0.dist-info/WHEEL", "Tag: py3-none-any\n");
        write("arm-1.0.dist-info/WHEEL", "Tag: cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64\n");
        write("bad/_native.so", elf(0x3e));
        write("bad/_named.cpython-312-x86_64-linux-gnu.so", elf(0xb7));
        write("mac-1.0.dist-info/WHEEL", "Tag: cp312-cp312-macosx_11_0_arm64\n");
        write("win-1.0.dist-info/WHEEL", "Tag: cp312-cp312-win_amd64\n");
        const found = foreignBinaries(listPackedFiles(dir)).map((f) => `${f.file}: ${f.reason}`);
        assert.deepEqual(found, [
            "bad/_named.cpython-312-x86_64-linux-gnu.so: is named for x86_64, not aarch64",
            "bad/_native.so: is an ELF binary for x86_64 (e_machine 62), not aarch64 (e_machine 183)",
            'mac-1.0.dist-info/WHEEL: wheel tag "cp312-cp312-macosx_11_0_arm64" is for macosx_11_0_arm64, not Linux aarch64',
            'win-1.0.dist-info/WHEEL: wheel tag "cp312-cp312-win_amd64" is for win_amd64, not Linux aarch64',
        ]);
    });

    it("red-team item 2: a wheel or extension for another CPython, or musl, is refused; the fix names the runtime's Python and an absolute requirements path", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wheels-"));
        const write = (rel: string, data: Buffer | string) => {
            fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
            fs.writeFileSync(path.join(dir, rel), data);
        };
        write("main.py", "print(1)\n");
        write("ok312-1.0.dist-info/WHEEL", "Tag: cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64\n");
        write("okabi3-1.0.dist-info/WHEEL", "Tag: cp39-abi3-manylinux_2_28_aarch64\n");
        write("okpure-1.0.dist-info/WHEEL", "Tag: py3-none-any\n");
        write("ok/_a.cpython-312-aarch64-linux-gnu.so", elf(0xb7));
        write("ok/_b.abi3.so", elf(0xb7));
        write("new-1.0.dist-info/WHEEL", "Tag: cp313-cp313-manylinux_2_17_aarch64\n");
        write("newabi3-1.0.dist-info/WHEEL", "Tag: cp313-abi3-manylinux_2_17_aarch64\n");
        write("musl-1.0.dist-info/WHEEL", "Tag: cp312-cp312-musllinux_1_2_aarch64\n");
        write("bad/_c.cpython-313-aarch64-linux-gnu.so", elf(0xb7));
        write("bad/_d.cpython-312-aarch64-linux-musl.so", elf(0xb7));
        const found = foreignBinaries(listPackedFiles(dir), "3.12").map((f) => `${f.file}: ${f.reason}`);
        assert.deepEqual(found, [
            "bad/_c.cpython-313-aarch64-linux-gnu.so: is built for CPython 3.13, not 3.12 (the runtime's Python)",
            "bad/_d.cpython-312-aarch64-linux-musl.so: is built for musl libc (musllinux), not the runtime's glibc",
            'musl-1.0.dist-info/WHEEL: wheel tag "cp312-cp312-musllinux_1_2_aarch64" is for musllinux_1_2_aarch64, musl libc: AgentCore\'s runtime takes manylinux (glibc) wheels, not musllinux',
            'new-1.0.dist-info/WHEEL: wheel tag "cp313-cp313-manylinux_2_17_aarch64" is for cp313-cp313, not CPython 3.12 (the runtime\'s Python)',
            'newabi3-1.0.dist-info/WHEEL: wheel tag "cp313-abi3-manylinux_2_17_aarch64" is for cp313-abi3, not CPython 3.12 (the runtime\'s Python)',
        ]);
        assert.deepEqual(foreignBinaries(listPackedFiles(dir), "3.13").map((f) => f.file), ["bad/_d.cpython-312-aarch64-linux-musl.so", "musl-1.0.dist-info/WHEEL", "ok/_a.cpython-312-aarch64-linux-gnu.so", "ok312-1.0.dist-info/WHEEL"]);
        const relative = path.relative(process.cwd(), dir);
        const problems = problemsOf(() => new AgentCode("pkg", { source: relative, runtime: "PYTHON_3_11", entryPoint: ["main.py"] }));
        assert.ok(problems.length > 0 && problems.every((p) => p.endsWith(`--python-version 3.11 --implementation cp --abi cp311 --only-binary=:all: --target ${dir} -r ${dir}/requirements.txt)`)), problems.join("\n"));
    });

    it("red-team item 3: setuptools' Windows launchers in a pure wheel (RECORD) pass; a .pyd, or an .exe no pure wheel lists, does not", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wheels-"));
        const write = (rel: string, data: Buffer | string) => {
            fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
            fs.writeFileSync(path.join(dir, rel), data);
        };
        const mz = Buffer.from("MZ\x90\x00", "latin1");
        write("setuptools-75.8.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: setuptools (75.8.0)\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        write(
            "setuptools-75.8.0.dist-info/RECORD",
            "setuptools/__init__.py,sha256=abc,100\nsetuptools/cli-32.exe,sha256=def,11776\nsetuptools/gui.exe,sha256=ghi,11776\nsetuptools-75.8.0.dist-info/RECORD,,\n",
        );
        write("setuptools/__init__.py", "");
        write("setuptools/cli-32.exe", mz);
        write("setuptools/gui.exe", mz);
        write("setuptools/unlisted.exe", mz);
        write("setuptools/_speedups.pyd", mz);
        assert.deepEqual(foreignBinaries(listPackedFiles(dir), "3.12"), [
            { file: "setuptools/_speedups.pyd", reason: "is a Windows binary" },
            { file: "setuptools/unlisted.exe", reason: "is a Windows binary" },
        ]);
    });

    it("an oversize folder is refused before it is packed (750 MB unzipped), and a zip over 250 MB by the quota check", () => {
        const dir = copyOfSample();
        const big = path.join(dir, "model.bin");
        fs.closeSync(fs.openSync(big, "w"));
        fs.truncateSync(big, 751 * 1024 * 1024); // sparse: nothing is written
        const problems = problemsOf(() => new AgentEnvironment("agent", envArgs("dev", { code: { ...CODE, source: dir } })));
        fs.rmSync(big);
        assert.deepEqual(problems.map((p) => p.replace(/\(not adjustable.*$/, "")), [`code.source "751.0 MB" unzipped is larger than AgentCore's 750 MB quota for a direct code deployment package `]);
        const quota = new Problems();
        checkPackageSize(quota, "code.source", { zipped: 251 * 1024 * 1024 });
        checkPackageSize(quota, "code.source", { zipped: 250 * 1024 * 1024, unzipped: 750 * 1024 * 1024 });
        assert.deepEqual(quota.messages.map((p) => p.replace(/\(not adjustable.*$/, "")), [`code.source "251.0 MB" zipped is larger than AgentCore's 250 MB quota for a direct code deployment package `]);
    });

    it("a symbolic link out of the folder is refused (the zip holds files of the folder only)", () => {
        const dir = copyOfSample();
        const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "outside-")), "secret.txt");
        fs.writeFileSync(outside, "not for the package");
        fs.symlinkSync(outside, path.join(dir, "leak.txt"));
        const problems = problemsOf(() => new AgentEnvironment("agent", envArgs("dev", { code: { ...CODE, source: dir } })));
        assert.equal(problems.length, 1, problems.join("\n"));
        assert.match(problems[0], /^code\.source ".*" cannot be packed: leak\.txt is a symbolic link to .*secret\.txt, outside the folder or not a file/);
    });

    it("the install command asks for Linux ARM64 binary wheels only", () => {
        assert.deepEqual(arm64InstallCommand({ requirements: "requirements.txt", target: "agent", pythonVersion: "3.12" }), [
            "uv", "pip", "install", "--python-platform", "aarch64-manylinux2014", "--python-version", "3.12", "--only-binary=:all:", "--target", "agent", "-r", "requirements.txt",
        ]);
        assert.deepEqual(arm64InstallCommand({ requirements: "r.txt", target: "t", pythonVersion: "3.11", installer: "pip" }), [
            "pip", "install", "--platform", "manylinux2014_aarch64", "--implementation", "cp", "--python-version", "3.11", "--abi", "cp311", "--only-binary=:all:", "--target", "t", "-r", "r.txt",
        ]);
    });
});

describe("issue 23 item 1: the runtime runs the package pinned to its object version", () => {
    it("the runtime's codeConfiguration names the bucket, the key and the object's versionId; the role gets no ECR access", async () => {
        const reg = await record(() => new AgentEnvironment("agent", envArgs("dev")));
        const object = reg.one(OBJECT);
        const artifact = reg.one(RUNTIME).inputs.agentRuntimeArtifact;
        assert.equal(artifact.containerConfiguration, undefined);
        assert.deepEqual(artifact.codeConfiguration, {
            runtime: "PYTHON_3_12",
            entryPoints: ["main.py"],
            code: { s3: { bucket: object.inputs.bucket, prefix: object.inputs.key, versionId: object.outputs.versionId } },
        });
        assert.match(object.outputs.versionId, /^v[0-9a-f]{31}$/);
        const policy = parseJsonInput(reg.ofType("aws:iam/rolePolicy:RolePolicy").find((p) => p.inputs.name === "runtime-baseline")!.inputs.policy);
        assert.deepEqual(policy.Statement.filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith("ecr:") || a.startsWith("s3:"))), []);
        assert.deepEqual(reg.ofType("aws:ecr/repository:Repository"), []);
    });

    it("issue 23 red-team item 1: the execution role reads exactly the package object (s3 + kms through S3), as the deployer does", async () => {
        for (const environment of ["dev", "prod"] as EnvironmentName[]) {
            const reg = await record(() => new AgentEnvironment("agent", envArgs(environment)), undefined, undefined, ESTABLISHED);
            const object = reg.one(OBJECT);
            const bucketArn = reg.one("aws:s3/bucket:Bucket").outputs.arn;
            const read = reg.ofType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.inputs.name === "code-package-read");
            assert.equal(read.length, 1, `${environment}: ${reg.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => p.inputs.name).join(", ")}`);
            const statements = parseJsonInput(read[0].inputs.policy).Statement;
            assert.deepEqual(statements[0], { Sid: "ReadAgentCodePackage", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [`${bucketArn}/${object.inputs.key}`] });
            if (environment === "prod") {
                const key = reg.one("aws:kms/key:Key", "agent-code-kms-key");
                assert.deepEqual(statements[1], { Sid: "DecryptAgentCodePackage", Effect: "Allow", Action: ["kms:Decrypt"], Resource: [key.outputs.arn], Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } } });
            }
            assert.equal(statements.length, environment === "prod" ? 2 : 1, environment);
        }
    });

    it("the object waits for versioning (it has a version id to pin) and is kept when it leaves the program in every environment", async () => {
        for (const environment of ["dev", "staging", "prod"] as EnvironmentName[]) {
            const reg = await record(() => new AgentEnvironment("agent", envArgs(environment)), undefined, undefined, ESTABLISHED);
            const object = reg.one(OBJECT);
            assert.equal(object.options.retainOnDelete, true, environment);
            assert.ok(object.options.dependsOn.some((u: string) => u.endsWith("::agent-code-versioning")), `${environment}: ${object.options.dependsOn.join(", ")}`);
            assert.deepEqual(reg.ofType("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"), [], `${environment}: no rule expires pinned packages`);
        }
    });

    it("dev serves DEFAULT with SSE-S3-managed KMS; staging and prod serve a pinned endpoint with a customer-managed key; prod protects the bucket", async () => {
        const dev = await record(() => new AgentEnvironment("agent", envArgs("dev")));
        assert.deepEqual(dev.ofType(ENDPOINT), []);
        assert.equal(dev.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId, undefined);
        assert.equal(dev.one("aws:s3/bucket:Bucket").inputs.forceDestroy, true);
        for (const environment of ["staging", "prod"] as EnvironmentName[]) {
            const reg = await record(() => new AgentEnvironment("agent", envArgs(environment)), undefined, undefined, ESTABLISHED);
            assert.deepEqual(reg.ofType(ENDPOINT).map((e) => [e.inputs.name, e.inputs.agentRuntimeVersion]), [[environment, "1"]]);
            const key = reg.one("aws:kms/key:Key", "agent-code-kms-key");
            const sse = reg.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules[0];
            assert.deepEqual(sse, { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs.arn }, bucketKeyEnabled: true });
            assert.equal(reg.one(OBJECT).inputs.kmsKeyId, key.outputs.arn);
            const bucket = reg.one("aws:s3/bucket:Bucket");
            assert.equal(bucket.options.protect, environment === "prod");
            assert.equal(bucket.options.retainOnDelete, environment === "prod");
            assert.equal(bucket.inputs.forceDestroy, environment !== "prod");
            assert.match(bucket.inputs.bucketPrefix, /^agent-code-$/);
        }
    });

    it("the bucket is private and TLS-only", async () => {
        const reg = await record(() => new AgentCode("pkg", CODE));
        assert.deepEqual(reg.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs, {
            bucket: reg.one("aws:s3/bucket:Bucket").outputs.bucket,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        assert.equal(reg.one("aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs.rule.objectOwnership, "BucketOwnerEnforced");
        assert.deepEqual(reg.one("aws:s3/bucketVersioning:BucketVersioning").inputs.versioningConfiguration, { status: "Enabled" });
        const policy = parseJsonInput(reg.one("aws:s3/bucketPolicy:BucketPolicy").inputs.policy);
        assert.deepEqual(policy.Statement.map((s: any) => [s.Effect, s.Condition]), [["Deny", { Bool: { "aws:SecureTransport": "false" } }]]);
    });
});
