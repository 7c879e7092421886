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
/** The credentials the stack carries in environment variables (issue 14, class 4): never shown either. */
const PLAINTEXT_ENV = ["YWdlbnQ6bm90LWEtcmVhbC1wYXNzd29yZA==", "not-a-real-password", "not-a-real-mcp-key"];

/** Every (policy, resource name) the bad stack must be rejected for, one per wrong thing it does (README.md there). */
const EXPECTED: readonly string[] = [
    "agentcore-runtime-vpc agent-runtime",
    "agentcore-runtime-image-digest agent-runtime",
    // The endpoint without a version is reported on the endpoint (issue 14, class 7).
    "agentcore-runtime-pinned-endpoint agent-prod",
    "agentcore-ecr-immutable-tags agent-repo",
    "agentcore-iam-no-broad-managed-policies agent-full-access",
    // `bedrock-agentcore:*` and `*` on Resource "*", and what those wildcards reach.
    "agentcore-iam-no-wildcard-actions agent-everything",
    "agentcore-iam-resource-scoping agent-everything",
    "agentcore-iam-no-invoke-runtime-command agent-everything",
    "agentcore-iam-workload-token-user-id agent-everything",
    "agentcore-iam-metrics-namespace agent-everything",
    // issue 24 item 4: a bare "*" reaches elasticfilesystem:ClientRootAccess too.
    "agentcore-iam-file-system-root agent-everything",
    // A bare "*" reaches iam:PassRole, model invocation, ECR push and deleting recordings too: reported even when no-wildcard-actions is exempted.
    "agentcore-iam-passrole-scoped agent-everything",
    "agentcore-iam-model-allowlist agent-everything",
    "agentcore-ecr-push-scoped agent-everything",
    "agentcore-browser-recording-deletion agent-everything",
    "agentcore-credential-provider-secrets search-key",
    "agentcore-gateway-authorizer tools-gateway",
    "agentcore-gateway-policy-engine tools-gateway",
    "agentcore-policy-allow-all allow-everything",
    "agentcore-policy-validation-mode allow-everything",
    "agentcore-customer-managed-keys tools-gateway",
    "agentcore-customer-managed-keys agent-memory",
    // Class 1: the statements of the AWS managed BedrockAgentCoreFullAccess, judged like inline ones.
    "agentcore-iam-no-wildcard-actions agent-full-access",
    "agentcore-iam-resource-scoping agent-full-access",
    "agentcore-iam-no-invoke-runtime-command agent-full-access",
    "agentcore-iam-workload-token-user-id agent-full-access",
    "agentcore-iam-passrole-scoped agent-full-access",
    "agentcore-iam-model-allowlist agent-full-access",
    // Class 2: InvokeAgentRuntimeCommandShell by name.
    "agentcore-iam-no-invoke-runtime-command ops-shell",
    // Class 3: invoke on function:*.
    "agentcore-iam-resource-scoping gateway-role",
    // Class 4: a credential by value, in the runtime and in a gateway target's function.
    "agentcore-runtime-env-secrets agent-runtime",
    "agentcore-gateway-lambda-env-secrets search-tool",
    // Class 5: roles outside the agent roles.
    "agentcore-ecr-push-scoped ci-build-role",
    "agentcore-lambda-permission-source search-tool-invoke",
    "agentcore-browser-recording-deletion support-role",
    // Class 6: settings the pack did not read.
    "agentcore-gateway-exception-level tools-gateway",
    "agentcore-ecr-lifecycle-keeps-tagged agent-repo-lifecycle",
    "agentcore-browser-recording-tls agent-browser",
    "agentcore-browser-network agent-browser",
    "agentcore-browser-recording-encrypted agent-browser",
    // Class 8: new resource types (the LOG_ONLY engine is agentcore-gateway-policy-engine's, above).
    "agentcore-customer-managed-keys tool-policies",
    // Issue 25 item 5: aws:SourceArn "…:*" is any AgentCore resource of the account.
    "agentcore-iam-trust-confused-deputy agent-role",
    "agentcore-iam-trust-confused-deputy gateway-role",
    "agentcore-iam-trust-confused-deputy browser-role",
    "agentcore-iam-trust-confused-deputy harness-role",
    // Issue 25 item 7: a harness with every tool, on the public network, an API key in a header, a role that invokes any model.
    // A harness without a memory block gets AWS's managed memory under AWS's key (harness red-team finding 1).
    "agentcore-customer-managed-keys agent-harness",
    "agentcore-harness-tools agent-harness",
    "agentcore-runtime-vpc agent-harness",
    "agentcore-runtime-env-secrets agent-harness",
    "agentcore-iam-model-allowlist harness-role",
    "agentcore-iam-resource-scoping harness-role",
    // Issue 25 item 7: an agent registry publishing every record, open to any token of its issuer, under AWS's key.
    "agentcore-registry-approval tool-registry",
    "agentcore-jwt-audience tool-registry",
    "agentcore-customer-managed-keys tool-registry",
    // Issue 25 item 8: memory under a customer-managed key logging to a log group without one.
    "agentcore-exported-data-encrypted chat-memory-log-delivery",
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

    it("never repeats a credential found in an environment variable in a violation (output, violations, SARIF)", () => {
        // The JSON report's resource inputs do hold them: the program passes them in plaintext, which is what the rules report.
        for (const text of [run.stdout, run.stderr, JSON.stringify(report.violations), JSON.stringify(sarif)]) {
            for (const secret of PLAINTEXT_ENV) {
                assert.equal(text.includes(secret), false, secret);
            }
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
