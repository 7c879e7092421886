import { strict as assert } from "assert";
import { AgentEnvironmentArgs } from "../../sdk";
import { changeOf } from "./changeSet";
import { base, environmentPath, RUNTIME } from "./paths";

// issue 24 item 4: the documented change paths of an environment's EFS storage (sdk/storage/lifecycle.ts).

const FS = "aws:efs/fileSystem:FileSystem";
const AP = "aws:efs/accessPoint:AccessPoint";
const MT = "aws:efs/mountTarget:MountTarget";

function withStorage(environment: "staging" | "prod", storage?: AgentEnvironmentArgs["storage"]): AgentEnvironmentArgs {
    return { ...base(environment), network: { mode: "NEW_VPC" }, ...(storage ? { storage } : {}) };
}

describe("storage change paths (issue 24 item 4)", function () {
    this.timeout(300000);

    it("staging: a new POSIX user replaces the access point only; the runtime is updated in place (a new version) and the file system and mount targets stay", async () => {
        const path = await environmentPath([
            withStorage("staging", [{ type: "EFS", mountPath: "/mnt/shared" }]),
            withStorage("staging", [{ type: "EFS", mountPath: "/mnt/shared", posixUser: { uid: 2000, gid: 2000 } }]),
        ]);
        const t = path.transitions[0];
        assert.equal(changeOf(t, AP).kind, "replace");
        assert.equal(changeOf(t, FS).kind, "same");
        for (const c of t.changes.filter((c) => c.type === MT)) {
            assert.equal(c.kind, "same", c.name);
        }
        assert.equal(changeOf(t, RUNTIME).kind, "update");
        assert.deepEqual(path.summary, [], path.findings.join("\n"));
    });

    it("staging: adding SESSION storage beside EFS is an in-place runtime update", async () => {
        const path = await environmentPath([
            withStorage("staging", [{ type: "EFS", mountPath: "/mnt/shared" }]),
            withStorage("staging", [{ type: "SESSION", mountPath: "/mnt/scratch" }, { type: "EFS", mountPath: "/mnt/shared" }]),
        ]);
        assert.equal(changeOf(path.transitions[0], RUNTIME).kind, "update");
        assert.equal(changeOf(path.transitions[0], AP).kind, "same", "reordering the list renames nothing: children are named after the mount path");
        assert.deepEqual(path.summary, [], path.findings.join("\n"));
    });

    it("prod: removing the EFS storage stops at preview: the file system is protected", async () => {
        const path = await environmentPath([withStorage("prod", [{ type: "EFS", mountPath: "/mnt/shared" }]), withStorage("prod")]);
        assert.ok(
            path.summary.includes("1→2 protected-delete aws:efs/fileSystem:FileSystem agent-fs-shared-fs"),
            `the prod file system must be protected:\n${path.summary.join("\n")}\n${path.findings.join("\n")}`,
        );
    });

    it("red-team finding 4 (issue 24): staging: changing an unnamed EFS entry's mount path deletes its file system and creates a new, empty one", async () => {
        const path = await environmentPath([withStorage("staging", [{ type: "EFS", mountPath: "/mnt/shared" }]), withStorage("staging", [{ type: "EFS", mountPath: "/mnt/data" }])]);
        const t = path.transitions[0];
        const fs = t.changes.filter((c) => c.type === FS).map((c) => `${c.kind} ${c.name}`);
        assert.deepEqual(fs.sort(), ["create agent-fs-data-fs", "delete agent-fs-shared-fs"]);
    });

    it("red-team finding 4 (issue 24): prod: the same change stops at the file system's protection", async () => {
        const path = await environmentPath([withStorage("prod", [{ type: "EFS", mountPath: "/mnt/shared" }]), withStorage("prod", [{ type: "EFS", mountPath: "/mnt/data" }])]);
        assert.ok(
            path.summary.includes("1→2 protected-delete aws:efs/fileSystem:FileSystem agent-fs-shared-fs"),
            `the prod file system must be protected:\n${path.summary.join("\n")}\n${path.findings.join("\n")}`,
        );
    });

    it("red-team finding 4 (issue 24): staging: a named EFS entry keeps its file system when its mount path changes (the runtime is updated in place)", async () => {
        const path = await environmentPath([
            withStorage("staging", [{ type: "EFS", name: "shared", mountPath: "/mnt/shared" }]),
            withStorage("staging", [{ type: "EFS", name: "shared", mountPath: "/mnt/data" }]),
        ]);
        const t = path.transitions[0];
        assert.equal(changeOf(t, FS).kind, "same");
        assert.equal(changeOf(t, AP).kind, "same");
        assert.equal(changeOf(t, RUNTIME).kind, "update");
        assert.deepEqual(path.summary, [], path.findings.join("\n"));
    });
});
