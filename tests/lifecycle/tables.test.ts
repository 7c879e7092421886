import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { LIFECYCLE_READ_AT, LifecycleContract } from "../../sdk/common/lifecycle";
import { LIFECYCLE_CONTRACTS, REPLACEMENTS_DOC, generateReplacementsDoc } from "../../scripts/replacements-docs";
import { ESTABLISHED, record } from "../harness";
import { everything, NETWORKS } from "../crosscheck/stacks";
import { AgentEnvironment, AgentPlatform } from "../../sdk";

// issue 21 item 1 and 2: the lifecycle tables, their cross-check against CloudFormation's
// create-only properties, the provider version they were read at, and the page generated from them.

const JUDGE = { name: "judge", level: "TRACE" as const, llmAsAJudge: { instructions: "Is it right?", modelId: "anthropic.claude-3-5-haiku-20241022-v1:0", ratingScale: { numerical: [{ value: 1, label: "good", definition: "right" }] } } };
const ROOT = path.join(__dirname, "..", "..");
const NATIVE = path.join(ROOT, "node_modules", "@pulumi", "aws-native");

/** `replaceOnChanges` of an `@pulumi/aws-native` resource, read from its generated .js (the SDK passes them as a resource option). */
export function nativeReplaceOnChanges(module: string): string[] {
    const file = path.join(NATIVE, `${module}.js`);
    const text = fs.readFileSync(file, "utf8");
    const match = /const replaceOnChanges = \{ replaceOnChanges: (\[.*\]) \};/.exec(text);
    return match ? (JSON.parse(match[1]) as string[]) : [];
}

/** Every difference between a table's replace list and CloudFormation's create-only properties, with the recorded reason ("" when none). */
export function nativeDisagreements(c: LifecycleContract): { property: string; side: "provider only" | "CloudFormation only"; reason: string }[] {
    if ("none" in c.native) {
        return [];
    }
    const native = new Set(nativeReplaceOnChanges(c.native.module));
    const out: { property: string; side: "provider only" | "CloudFormation only"; reason: string }[] = [];
    const matched = new Set<string>();
    for (const row of c.replaces) {
        if (row.native === null) {
            continue;
        }
        const property = row.native ?? row.argument;
        matched.add(property);
        if (!native.has(property)) {
            out.push({ property: `${row.argument} (${property})`, side: "provider only", reason: row.nativeDisagrees ?? "" });
        }
    }
    for (const property of native) {
        if (!matched.has(property)) {
            out.push({ property, side: "CloudFormation only", reason: c.native.onlyNative?.[property] ?? "" });
        }
    }
    return out;
}

describe("lifecycle tables (issue 21 item 1)", function () {
    this.timeout(300000);
    it("one table per type, each with a provider source per replace row and a delete behaviour", () => {
        const types = LIFECYCLE_CONTRACTS.map((c) => c.type);
        assert.equal(new Set(types).size, types.length, "duplicate tables");
        for (const c of LIFECYCLE_CONTRACTS) {
            for (const r of c.replaces) {
                assert.ok(/^(internal\/service\/[a-z0-9]+\/[a-z0-9_]+\.go|@pulumi\/)/.test(r.source), `${c.type}/${r.argument}: source must name the provider's Go file: ${r.source}`);
            }
            for (const r of c.restrictions) {
                assert.match(r.source, /^(https:\/\/docs\.aws\.amazon\.com\/|internal\/service\/)/, `${c.type}/${r.id}`);
            }
        }
    });

    it("every resource type the package creates (every component, every profile, the platform) has a table", async () => {
        const seen = new Set<string>();
        const builds: (() => unknown)[] = [
            () => new AgentEnvironment("agent", everything("dev", NETWORKS.public)),
            ...(["staging", "prod"] as const).map(
                (env) => () =>
                    new AgentEnvironment("agent", {
                        ...everything(env, NETWORKS["new VPC, isolated"]),
                        frontDoor: true,
                        previousVersion: "1",
                        canary: { version: "2", weight: 10 },
                        evaluation: { customEvaluators: [JUDGE], evaluators: ["Builtin.Helpfulness", "judge"], transactionSearch: "account" },
                    }),
            ),
            () => new AgentEnvironment("agent", { ...everything("prod", NETWORKS["existing VPC, groups created here"]), identity: { ...everything("prod", NETWORKS.public).identity } }),
            () => new AgentPlatform("platform", {}),
            // issue 24 item 1: the registry (classic) and an environment's records (aws-native).
            () => new AgentPlatform("platform", { registry: { environment: "prod" } }),
            () => new AgentEnvironment("agent", { ...everything("dev", NETWORKS.public), publish: { registry: "AbCdEf12345678" } }),
            // issue 23 item 1: a code package instead of an image, where the profile wants customer keys.
            () => new AgentEnvironment("agent", { ...everything("prod", NETWORKS["new VPC, isolated"]), image: undefined, code: { source: path.join(ROOT, "examples", "code-agent", "agent"), runtime: "PYTHON_3_12", entryPoint: ["main.py"] } }),
        ];
        for (const build of builds) {
            for (const r of (await record(build, "prod", "agentcore-test", ESTABLISHED)).all) {
                if (r.custom) {
                    seen.add(r.type);
                }
            }
        }
        const tabled = new Set(LIFECYCLE_CONTRACTS.map((c) => c.type));
        assert.deepEqual([...seen].filter((t) => !tabled.has(t) && t !== "awsx:ec2:Vpc").sort(), []);
    });

    it("every replace list agrees with @pulumi/aws-native 1.79's replaceOnChanges, or the difference carries its reason (issue 21 item 1)", () => {
        const unexplained: string[] = [];
        const listed: string[] = [];
        for (const c of LIFECYCLE_CONTRACTS) {
            if (!("none" in c.native)) {
                assert.ok(fs.existsSync(path.join(NATIVE, `${c.native.module}.js`)), `${c.type}: no @pulumi/aws-native module ${c.native.module}`);
            }
            for (const d of nativeDisagreements(c)) {
                (d.reason ? listed : unexplained).push(`${c.type} ${d.property}: ${d.side}${d.reason ? ` — ${d.reason}` : ""}`);
            }
        }
        assert.deepEqual(unexplained, [], `differences without a recorded reason (set nativeDisagrees on the row, or onlyNative on the table):\n${unexplained.join("\n")}`);
        // The list is the review record: print it so a provider upgrade shows what changed.
        console.log(`      ${listed.length} recorded differences with CloudFormation:\n${listed.map((l) => `        ${l}`).join("\n")}`);
    });

    it("a recorded reason names a real difference (no stale nativeDisagrees)", () => {
        const stale: string[] = [];
        for (const c of LIFECYCLE_CONTRACTS) {
            if ("none" in c.native) {
                continue;
            }
            const native = new Set(nativeReplaceOnChanges(c.native.module));
            for (const r of c.replaces) {
                if (r.nativeDisagrees && native.has(r.native ?? r.argument)) {
                    stale.push(`${c.type}/${r.argument}`);
                }
            }
            for (const p of Object.keys(c.native.onlyNative ?? {})) {
                if (!native.has(p)) {
                    stale.push(`${c.type} onlyNative ${p}`);
                }
            }
        }
        assert.deepEqual(stale, []);
    });

    it("the tables were read at the @pulumi/aws version package.json depends on (issue 21: an upgrade needs a review)", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
        assert.equal(
            pkg.dependencies["@pulumi/aws"],
            LIFECYCLE_READ_AT,
            `package.json depends on @pulumi/aws ${pkg.dependencies["@pulumi/aws"]} but the lifecycle tables were read at ${LIFECYCLE_READ_AT}: review every sdk/*/lifecycle.ts against the provider's Go source of the new version, then set LIFECYCLE_READ_AT (sdk/common/lifecycle.ts) and regenerate docs/replacements.md`,
        );
        for (const c of LIFECYCLE_CONTRACTS.filter((c) => c.type.startsWith("aws:"))) {
            assert.equal(c.readAt, LIFECYCLE_READ_AT, c.type);
        }
    });

    it("docs/replacements.md's tables are what scripts/replacements-docs.ts generates (issue 21 item 2)", () => {
        const page = fs.readFileSync(REPLACEMENTS_DOC, "utf8");
        assert.ok(page === generateReplacementsDoc(page), "docs/replacements.md is out of date: run npx tsx scripts/replacements-docs.ts");
    });
});
