import { strict as assert } from "assert";
import * as path from "path";
import { resolveEnvironment } from "../../sdk/environment/resolve";
import { resolvePlatform } from "../../sdk/platform/resolve";
import { record } from "../harness";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-agent");

describe("resolveEnvironment: args in, one resolved value or every problem out (issue 26)", () => {
    it("resolves prod's network from the profile (NEW_VPC) with the features it needs, and registers nothing", async () => {
        let resolution: ReturnType<typeof resolveEnvironment> | undefined;
        const reg = await record(() => {
            resolution = resolveEnvironment("agent", { environment: "prod", image: { build: { context: SAMPLE } }, runtimeVersion: "3", previousVersion: "2", memory: {} });
        });
        assert.deepEqual(reg.all, []);
        assert.ok(resolution?.ok);
        const r = resolution.value;
        assert.deepEqual(r.network, { mode: "NEW_VPC" });
        assert.equal(r.networkArgs?.mode, "NEW_VPC");
        assert.equal(r.features.memory, true);
        assert.equal(r.endpointName, "prod");
        assert.deepEqual(r.runtime.endpoints.map((e) => [e.name, e.version]), [["prod", "3"], ["prod_previous", "2"]]);
        assert.equal(r.memory?.encryptionKey, "create");
        assert.equal(r.memory?.eventExpiryDays, 90);
        assert.equal(r.image?.repository?.forceDelete, false);
        assert.equal(r.delivery.settings.previousVersion, "2");
    });

    it("returns every problem at once, and no value", () => {
        const resolution = resolveEnvironment("agent", { environment: "prod", image: { build: { context: SAMPLE } }, memory: { encryptionKey: "aws-owned" }, agentName: "bad-name" });
        assert.equal(resolution.ok, false);
        const problems = resolution.ok ? [] : resolution.problems;
        assert.ok(problems.some((p) => p.startsWith("runtimeVersion (not set) is required in prod")), problems.join("\n"));
        assert.ok(problems.some((p) => p.startsWith('memory.encryptionKey "aws-owned"')), problems.join("\n"));
        assert.ok(problems.some((p) => p.startsWith('agentName "bad-name"')), problems.join("\n"));
    });

    it("carries the transaction-search warning in the resolved value", () => {
        const resolution = resolveEnvironment("agent", { environment: "dev", image: { build: { context: SAMPLE } }, evaluation: { samplingPercentage: 10 } });
        assert.ok(resolution.ok);
        assert.equal(resolution.value.warnings.length, 1);
        assert.match(resolution.value.warnings[0], /Transaction Search/);
    });
});

describe("resolvePlatform (issue 26)", () => {
    it("defaults every feature, a NEW_VPC and a protected logs key; refuses an unknown feature", () => {
        const ok = resolvePlatform("platform");
        assert.ok(ok.ok);
        assert.equal(ok.value.network.mode, "NEW_VPC");
        assert.equal(ok.value.logsKey?.protectFromDeletion, true);
        const bad = resolvePlatform("platform", { features: ["nope" as any] });
        assert.equal(bad.ok, false);
    });
});
