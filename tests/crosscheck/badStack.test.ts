import { strict as assert } from "assert";
import { spawnSync, SpawnSyncReturns } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { allPolicies } from "../../policy/rules";
import type { PlanReport, SarifLog } from "../../plan/report";
import { EXPECT_VIOLATIONS_MARKER, ROOT } from "./gate";

const BAD_STACK = path.join(ROOT, "examples", "bad-stack");
const PLAINTEXT_KEY = "plaintext-api-key-do-not-do-this";

/** Every (policy, resource name) the bad stack must be rejected for, one per wrong thing it does (README.md there). */
const EXPECTED: readonly string[] = [
    "agentcore-runtime-vpc agent-runtime",
    "agentcore-runtime-image-digest agent-runtime",
    "agentcore-runtime-pinned-endpoint agent-runtime",
    "agentcore-ecr-immutable-tags agent-repo",
    "agentcore-iam-no-broad-managed-policies agent-full-access",
    // `bedrock-agentcore:*` and `*` on Resource "*", and what those wildcards reach.
    "agentcore-iam-no-wildcard-actions agent-everything",
    "agentcore-iam-resource-scoping agent-everything",
    "agentcore-iam-no-invoke-runtime-command agent-everything",
    "agentcore-iam-workload-token-user-id agent-everything",
    "agentcore-iam-metrics-namespace agent-everything",
    // A bare "*" reaches iam:PassRole and model invocation too: reported even when no-wildcard-actions is exempted.
    "agentcore-iam-passrole-scoped agent-everything",
    "agentcore-iam-model-allowlist agent-everything",
    "agentcore-credential-provider-secrets search-key",
    "agentcore-gateway-authorizer tools-gateway",
    "agentcore-gateway-policy-engine tools-gateway",
    "agentcore-policy-allow-all allow-everything",
    "agentcore-policy-validation-mode allow-everything",
    "agentcore-customer-managed-keys tools-gateway",
    "agentcore-customer-managed-keys agent-memory",
];

/** The logical name a URN ends in. */
const nameOf = (urn: string) => urn.split("::").pop();

describe("cross-check: the deliberately bad stack fails the gate (spawns the plan CLI)", function () {
    this.timeout(120_000);
    let run: SpawnSyncReturns<string>;
    let report: PlanReport;
    let sarif: SarifLog;

    before(() => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "bad-stack-"));
        const json = path.join(out, "plan.json");
        const sarifFile = path.join(out, "plan.sarif");
        run = spawnSync("npm", ["run", "plan", "--", "--program", "examples/bad-stack", "--stack", "prod", "--json", json, "--sarif", sarifFile], { cwd: ROOT, encoding: "utf8" });
        if (!fs.existsSync(json)) {
            throw new Error(`the plan wrote no report (exit ${run.status}): ${run.stderr}`);
        }
        report = JSON.parse(fs.readFileSync(json, "utf8"));
        sarif = JSON.parse(fs.readFileSync(sarifFile, "utf8"));
    });

    it(`is marked ${EXPECT_VIOLATIONS_MARKER}, so the cross-check of real stacks skips it`, () => {
        assert.equal(fs.existsSync(path.join(BAD_STACK, EXPECT_VIOLATIONS_MARKER)), true);
    });

    it("exits 1 under policy/config/prod.json with exactly the expected (policy, resource) violations, all mandatory", () => {
        assert.equal(run.status, 1, run.stderr);
        assert.equal(report.policyConfig.path, path.join(ROOT, "policy", "config", "prod.json"));
        const found = [...new Set(report.violations.map((v) => `${v.policy} ${nameOf(v.urn)}`))].sort();
        assert.deepEqual(found, [...EXPECTED].sort());
        assert.deepEqual([...new Set(report.violations.map((v) => v.level))], ["mandatory"]);
    });

    it("never shows the plaintext API key (output, JSON report, SARIF)", () => {
        for (const text of [run.stdout, run.stderr, JSON.stringify(report), JSON.stringify(sarif)]) {
            assert.equal(text.includes(PLAINTEXT_KEY), false);
        }
    });

    it("writes structurally valid SARIF 2.1.0: rules with description and help, results with level and location", () => {
        assert.equal(sarif.version, "2.1.0");
        assert.equal(sarif.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
        assert.equal(sarif.runs.length, 1);
        const [sarifRun] = sarif.runs;
        assert.equal(sarifRun.tool.driver.name, "pulumi-agentcore-plan");
        assert.deepEqual(sarifRun.automationDetails, { id: "plan/examples/bad-stack/prod/" });

        const policies = new Map(allPolicies.map((p) => [p.name, p]));
        const rules = sarifRun.tool.driver.rules;
        assert.deepEqual(
            rules.map((r) => r.id),
            [...new Set(EXPECTED.map((e) => e.split(" ")[0]))].sort(),
        );
        for (const rule of rules) {
            const policy = policies.get(rule.id)!;
            assert.deepEqual(rule, { id: policy.name, name: policy.name, shortDescription: { text: policy.description }, help: { text: policy.remediationSteps } });
        }

        // One result per violation of the JSON report, in order, pointing at its rule and resource.
        assert.equal(sarifRun.results.length, report.violations.length);
        sarifRun.results.forEach((result, i) => {
            const violation = report.violations[i];
            assert.equal(result.ruleId, violation.policy);
            assert.equal(rules[result.ruleIndex].id, result.ruleId);
            assert.equal(result.level, "error");
            assert.equal(result.message.text, violation.message);
            assert.deepEqual(result.locations, [
                { physicalLocation: { artifactLocation: { uri: "examples/bad-stack/index.ts" } }, logicalLocations: [{ fullyQualifiedName: violation.urn, kind: "resource" }] },
            ]);
            assert.deepEqual(result.properties, { program: "examples/bad-stack", project: "agentcore-bad-stack", stack: "prod", severity: policies.get(violation.policy)!.severity });
        });
    });
});
