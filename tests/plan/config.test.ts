import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { listStacks, readProjectFile, readStackConfig, SECRET_PLACEHOLDER } from "../../plan/config";
import { fixture } from "./helpers";

describe("plan/config", () => {
    it("reads Pulumi.yaml name and main", () => {
        assert.deepStrictEqual(readProjectFile(fixture("two-stacks")), { name: "plan-two-stacks", main: "src/main.ts", defaults: {}, runtime: "nodejs" });
    });

    it("turns stack config into Pulumi's string map with namespaces, JSON objects and secret keys", () => {
        const dir = fixture("basic");
        const config = readStackConfig(dir, readProjectFile(dir), "dev");
        assert.deepStrictEqual(config.values, {
            "plan-basic:environment": "dev",
            "plan-basic:agentName": "support-agent",
            "plan-basic:maxSessions": "3",
            "plan-basic:tracing": "true",
            "plan-basic:tags": '{"team":"agents","costCenter":"42"}',
            "plan-basic:apiToken": SECRET_PLACEHOLDER,
            "aws:region": "us-east-1",
        });
        assert.deepStrictEqual(config.secretKeys, ["plan-basic:apiToken"]);
    });

    it("applies project defaults, marks nested secure values secret and lists stacks", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-config-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nconfig:\n  size: { type: integer, default: 2 }\n  mode: fast\n  required: { type: string }\n");
        fs.writeFileSync(path.join(dir, "Pulumi.b.yaml"), "config:\n  mode: slow\n  db:\n    user: admin\n    password: { secure: v1:abc }\n");
        fs.writeFileSync(path.join(dir, "Pulumi.a.yml"), "config: {}\n");
        const config = readStackConfig(dir, readProjectFile(dir), "b");
        assert.deepStrictEqual(config.values, { "p:size": "2", "p:mode": "slow", "p:db": `{"user":"admin","password":"${SECRET_PLACEHOLDER}"}` });
        assert.deepStrictEqual(config.secretKeys, ["p:db"]);
        assert.deepStrictEqual(listStacks(dir), ["a", "b"]);
    });

    it("says which stacks exist when the one asked for does not", () => {
        const dir = fixture("two-stacks");
        assert.throws(() => readStackConfig(dir, readProjectFile(dir), "dev"), {
            message: `no Pulumi.dev.yaml in ${dir}; stacks found: prod, staging`,
        });
    });

    it("tells to pass --program when there is no Pulumi.yaml", () => {
        const dir = os.tmpdir();
        assert.throws(() => readProjectFile(dir), { message: `no Pulumi.yaml in ${dir}: pass --program with the directory of a Pulumi program` });
    });
});
