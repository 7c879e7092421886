import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { PlanViolation } from "../../policy/evaluate";
import { runCli } from "../../plan/cli";
import { PLAN_FAILED_RULE, PlanFailure, PlanReport } from "../../plan/report";
import { programsIn, TOOL_DIR } from "../../plan/run";
import type { Evaluator } from "../../plan/run";
import { fixture } from "./helpers";

/** Why examples/python is not planned. */
const PYTHON_NOT_PLANNED =
    "Python programs are not planned (runtime python): the plan runs TypeScript and JavaScript programs (runtime nodejs) only; check it with pulumi preview --policy-pack";
const tmp = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-multi-")), name);
const example = (name: string) => path.join(TOOL_DIR, "examples", name);
const rel = (dir: string) => path.relative(process.cwd(), dir).split(path.sep).join("/");

async function cli(argv: string[], evaluate?: Evaluator) {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), evaluate });
    return { code, stdout, stderr };
}

describe("plan/cli with several programs (the multi-stack gate)", () => {
    it("writes one SARIF and one JSON for examples/quickstart and examples/production, each result naming its program and stack", async () => {
        const json = tmp("plans.json");
        const sarif = tmp("plans.sarif");
        // The real policy pack, with each stack's own policy config.
        const result = await cli(["--program", example("quickstart"), "--program", example("production"), "--json", json, "--sarif", sarif]);
        assert.deepStrictEqual([result.code, result.stderr], [0, ""]);
        const reports: PlanReport[] = JSON.parse(fs.readFileSync(json, "utf8"));
        assert.deepStrictEqual(
            reports.map((r) => [r.program, r.project, r.stack, r.summary.violations.mandatory]),
            [
                [example("quickstart"), "agentcore-quickstart", "dev", 0],
                [example("production"), "agentcore-production", "prod", 0],
                [example("production"), "agentcore-production", "staging", 0],
            ],
        );
        const log = JSON.parse(fs.readFileSync(sarif, "utf8"));
        assert.deepStrictEqual(
            log.runs.map((r: any) => r.automationDetails.id),
            [`plan/${rel(example("quickstart"))}/dev/`, `plan/${rel(example("production"))}/prod/`, `plan/${rel(example("production"))}/staging/`],
        );
        assert.match(result.stdout, /\nPlanned 3 stacks of 2 programs: 0 failed, 0 with mandatory violations \(exit 0\)\n$/);
    });

    it("expands a directory into its nodejs programs and names the folders it skips", () => {
        const found = programsIn(path.join(TOOL_DIR, "examples"));
        assert.deepStrictEqual(
            found.programs.map((p) => path.basename(p)),
            ["bad-stack", "byo-vpc", "code-agent", "gateway-tools", "harness", "platform", "platform-team-a", "platform-team-b", "production", "quickstart"],
        );
        assert.deepStrictEqual(found.skipped, [{ dir: example("python"), reason: PYTHON_NOT_PLANNED }]);
        assert.deepStrictEqual(programsIn(fixture("basic")).programs, [fixture("basic")]);
        assert.throws(() => programsIn(path.join(TOOL_DIR, "docs")), {
            message: `--program ${path.join(TOOL_DIR, "docs")}: ${path.join(TOOL_DIR, "docs")} has no Pulumi.yaml and no subfolder holding a Pulumi.yaml of the nodejs runtime`,
        });
    });

    it("plans the other stacks after one fails, writes the failure into both files and exits with the worst code (2)", async () => {
        const json = tmp("plans.json");
        const sarif = tmp("plans.sarif");
        const violation: PlanViolation = { policy: "runtime-vpc", level: "mandatory", urn: "urn:x", message: "run the agent in a VPC" };
        const onlyProd: Evaluator = async (resources) => (resources.some((r) => r.urn.startsWith("urn:pulumi:prod::")) ? [violation] : []);
        const result = await cli(["--program", fixture("invalid"), "--program", fixture("two-stacks"), "--json", json, "--sarif", sarif], onlyProd);
        assert.strictEqual(result.code, 2);
        assert.match(result.stdout, /^Plan of stack "dev" \(program \S+invalid\) FAILED:\n {2}Logs agent-logs: retentionDays 4000 must be at most 3653\n {6}at tests\/fixtures\/programs\/invalid\/index\.ts:8:27\n/);
        // Issue 22 item 7: the summary names the failing programs and stacks.
        assert.ok(
            result.stdout.endsWith(
                [
                    "\nPlanned 3 stacks of 2 programs: 1 failed, 1 with mandatory violations (exit 2)",
                    `  failed: ${rel(fixture("invalid"))} stack dev: Logs agent-logs: retentionDays 4000 must be at most 3653`,
                    `  mandatory violations: ${rel(fixture("two-stacks"))} stack prod (1: runtime-vpc)`,
                    "",
                ].join("\n"),
            ),
            result.stdout,
        );
        const entries: (PlanReport | PlanFailure)[] = JSON.parse(fs.readFileSync(json, "utf8"));
        assert.deepStrictEqual(entries[0], {
            stack: "dev",
            project: "plan-invalid",
            program: fixture("invalid"),
            main: path.join(fixture("invalid"), "index.ts"),
            error: "Logs agent-logs: retentionDays 4000 must be at most 3653\n    at tests/fixtures/programs/invalid/index.ts:8:27",
        });
        assert.deepStrictEqual(entries.slice(1).map((e) => [e.stack, (e as PlanReport).summary.resources]), [["prod", 5], ["staging", 3]]);
        const log = JSON.parse(fs.readFileSync(sarif, "utf8"));
        assert.deepStrictEqual(
            log.runs.map((r: any) => r.results.map((x: any) => [x.ruleId, x.level, x.properties.program, x.properties.stack, x.message.text])),
            [
                [[PLAN_FAILED_RULE, "error", rel(fixture("invalid")), "dev", "Logs agent-logs: retentionDays 4000 must be at most 3653\n    at tests/fixtures/programs/invalid/index.ts:8:27"]],
                [["runtime-vpc", "error", rel(fixture("two-stacks")), "prod", "run the agent in a VPC"]],
                [],
            ],
        );
        assert.deepStrictEqual(log.runs[0].tool.driver.rules.map((r: any) => r.id), [PLAN_FAILED_RULE]);
    });

    it("exits 1 when the worst stack has mandatory violations, and plans only the named stacks each program has", async () => {
        const violation: PlanViolation = { policy: "tags", level: "mandatory", urn: "", message: "tag it" };
        const onlyStaging: Evaluator = async (resources) => (resources.some((r) => r.urn.startsWith("urn:pulumi:staging::")) ? [violation] : []);
        const result = await cli(["--program", fixture("basic"), "--program", fixture("two-stacks"), "--stack", "staging", "--stack", "dev"], onlyStaging);
        assert.strictEqual(result.code, 1);
        assert.deepStrictEqual(result.stdout.match(/^Plan of stack "\w+" \(project [\w-]+/gm), ['Plan of stack "dev" (project plan-basic', 'Plan of stack "staging" (project plan-two-stacks']);
    });

    it("issue 22 item 7: says that a Python program is not planned, rather than that it has no stack files", async () => {
        const result = await cli(["--program", example("python")]);
        assert.deepStrictEqual([result.code, result.stdout], [2, ""]);
        assert.strictEqual(result.stderr, `error: --program ${example("python")}: ${PYTHON_NOT_PLANNED}\n`);
    });

    it("refuses a named stack no program has, naming the stack and the programs, and writes nothing", async () => {
        const json = tmp("plans.json");
        const result = await cli(["--program", fixture("basic"), "--program", fixture("two-stacks"), "--stack", "qa", "--stack", "prod", "--json", json]);
        assert.strictEqual(result.code, 2);
        assert.strictEqual(result.stderr, `error: --stack qa: no Pulumi.<stack>.yaml for it in any of the programs ${rel(fixture("basic"))}, ${rel(fixture("two-stacks"))}\n`);
        assert.strictEqual(fs.existsSync(json), false);
    });
});
