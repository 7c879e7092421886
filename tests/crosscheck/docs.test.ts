import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { levelOf, loadPolicyConfig } from "../../policy/evaluate";
import { allPolicies } from "../../policy/rules";
import { DEV_ALLOWED_ADVISORIES, policyConfigOf, ROOT } from "./gate";

const README = fs.readFileSync(path.join(ROOT, "policy", "README.md"), "utf8");

/** The cells of the rows of the markdown table that follows `heading`, without the header row. */
function tableAfter(heading: string): string[][] {
    const start = README.indexOf(heading);
    assert.notEqual(start, -1, `policy/README.md has no "${heading}"`);
    const lines = README.slice(start).split("\n");
    const first = lines.findIndex((l) => l.startsWith("|"));
    const table = lines.slice(first, first + lines.slice(first).findIndex((l) => !l.startsWith("|")));
    return table.slice(2).map((row) => row.slice(1, -1).split(" | ").map((cell) => cell.trim()));
}

/** The text between the first pair of backticks of a cell. */
const code = (cell: string) => /`([^`]+)`/.exec(cell)?.[1];

/** `key: value` settings a level cell names in backticks, e.g. "advisory (`allowSandbox: true`)". */
function settingsIn(cell: string): Record<string, unknown> {
    return Object.fromEntries([...cell.matchAll(/`(\w+): (\w+)`/g)].map(([, key, value]) => [key, JSON.parse(value)]));
}

describe("cross-check: policy/README.md cannot drift from the pack", () => {
    const rows = tableAfter("## Rules");
    const dev = loadPolicyConfig(policyConfigOf("dev"));
    const prod = loadPolicyConfig(policyConfigOf("prod"));

    it("the rules table lists exactly the rules of allPolicies, in order", () => {
        assert.deepEqual(
            rows.map((cells) => code(cells[0])),
            allPolicies.map((p) => p.name),
        );
    });

    it("each row's severity, default, dev and prod levels are the rule's and the configs'", () => {
        const documented = rows.map(([id, , , severity, level, devLevel, prodLevel]) => [code(id), severity, level, devLevel.split(" ")[0], prodLevel.split(" ")[0]]);
        const actual = allPolicies.map((p) => [p.name, p.severity, p.enforcementLevel, levelOf(p, dev), levelOf(p, prod)]);
        assert.deepEqual(documented, actual);
    });

    it("settings a level cell names (`allowSandbox: true`...) are the config's", () => {
        const documented: string[] = [];
        const configured: string[] = [];
        for (const [id, , , , , devLevel, prodLevel] of rows) {
            for (const [gate, cell, config] of [["dev", devLevel, dev], ["prod", prodLevel, prod]] as const) {
                for (const [key, value] of Object.entries(settingsIn(cell))) {
                    documented.push(`${gate} ${code(id)} ${key}: ${value}`);
                    configured.push(`${gate} ${code(id)} ${key}: ${config[code(id)!]?.[key]}`);
                }
            }
        }
        assert.deepEqual(documented, configured);
    });

    it('"What dev deliberately allows" lists exactly DEV_ALLOWED_ADVISORIES', () => {
        const documented = tableAfter("### What dev deliberately allows").map(([policy, type, because]) => ({ policy: code(policy), type: code(type), because }));
        assert.deepEqual(documented, DEV_ALLOWED_ADVISORIES);
    });
});
