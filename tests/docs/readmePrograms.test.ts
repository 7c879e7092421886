import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../plan/cli";
import type { PlanReport } from "../../plan/report";
import { withTypeCheck } from "../plan/helpers";

const ROOT = path.join(__dirname, "..", "..");
const PACKAGE = "@agentcore-platform/pulumi-agentcore";

/** The README's TypeScript blocks that are whole programs: they import the package and build something with it. */
export function readmePrograms(readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8")): string[] {
    return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).filter((code) => code.includes(`from "${PACKAGE}"`) && /\bnew [A-Z]\w*\(/.test(code));
}

describe("issue 22 item 4: every README code block that is a complete program plans and passes its own gate", () => {
    // Type-checked, as pulumi preview and the plan do by default.
    withTypeCheck();
    const programs = readmePrograms();

    it("the README has such a block (the headline example under \"Use it\")", () => {
        const useIt = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("## Use it")[1].split("\n## ")[0];
        assert.ok(programs.length >= 1);
        assert.ok(useIt.includes(programs[0]));
    });

    programs.forEach((code, i) => {
        it(`block ${i + 1} plans with exit 0 under the policy config of its environment, as written`, async function () {
            this.timeout(180_000);
            const environment = /environment: "(dev|staging|prod)"/.exec(code)?.[1] ?? "dev";
            // An established stack serves the version the block pins; a new stack would have only version 1.
            const runtimeVersion = /runtimeVersion: "(\d+)"/.exec(code)?.[1] ?? "1";
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readme-program-"));
            fs.mkdirSync(path.join(dir, "agent"));
            fs.writeFileSync(path.join(dir, "agent", "Dockerfile"), "FROM node:22-slim\n");
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: readme-example\nruntime: nodejs\n");
            // As the README says after the block: both providers' regions (red-team 2: aws-native reads only its own).
            fs.writeFileSync(path.join(dir, `Pulumi.${environment}.yaml`), "config:\n  aws:region: us-east-1\n  aws-native:region: us-east-1\n");
            fs.writeFileSync(path.join(dir, "index.ts"), code);
            const json = path.join(dir, "plan.json");
            let out = "";
            const code_ = await runCli(["--program", dir, "--stack", environment, "--runtime-version", runtimeVersion, "--json", json], { stdout: (t) => (out += t), stderr: (t) => (out += t) });
            assert.equal(code_, 0, out);
            const report: PlanReport = JSON.parse(fs.readFileSync(json, "utf8"));
            assert.equal(report.typeCheck.checked, true);
            assert.equal(path.basename(report.policyConfig.path), `${environment}.json`);
            assert.deepEqual(report.violations.filter((v) => v.level === "mandatory"), []);
        });
    });
});
