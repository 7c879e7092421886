import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { ENVIRONMENT_NAMES, ENVIRONMENT_PROFILES, EnvironmentProfile } from "../../sdk";

const ROOT = path.join(__dirname, "..", "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** README row label for each profile column, in the README's order. */
const ROWS: [string, keyof EnvironmentProfile, (value: any) => string][] = [
    ["endpoint callers use", "endpoint", (v) => v],
    ["network mode", "networkMode", (v) => v],
    ["customer-managed keys", "customerManagedKeys", String],
    ["deletion protection for data", "protectData", String],
    ["memory event expiry (days)", "memoryEventExpiryDays", String],
    ["log retention (days)", "logRetentionDays", String],
    ["gateway debug errors", "gatewayDebugErrors", String],
    ["dashboard and alarms", "dashboardAndAlarms", String],
    ["untagged image expiry (days)", "untaggedImageExpiryDays", String],
    ["browser recording retention (days)", "browserRecordingRetentionDays", String],
    ["gateway tool-policy mode", "toolPolicyMode", (v) => v],
    ["online evaluation sampling (%)", "evaluationSamplingPercentage", String],
    ["gateway requests per caller per minute (0: no limit)", "gatewayRequestsPerPrincipalPerMinute", String],
];

/** Markdown files under a folder (one level of subfolders, as examples/<name>/README.md). */
function markdownIn(dir: string): string[] {
    return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
        if (entry.isFile() && entry.name.endsWith(".md")) {
            return [`${dir}/${entry.name}`];
        }
        if (entry.isDirectory()) {
            return fs.readdirSync(path.join(ROOT, dir, entry.name)).filter((f) => f.endsWith(".md")).map((f) => `${dir}/${entry.name}/${f}`);
        }
        return [];
    });
}

describe("README stays true", () => {
    it("its environment table is ENVIRONMENT_PROFILES, every column and value", () => {
        const table = README.split("<!-- profiles:start")[1].split("<!-- profiles:end -->")[0];
        const expected = [
            `| setting | ${ENVIRONMENT_NAMES.join(" | ")} |`,
            `| --- |${ENVIRONMENT_NAMES.map(() => " --- |").join("")}`,
            ...ROWS.map(([label, key, show]) => `| ${label} | ${ENVIRONMENT_NAMES.map((env) => show(ENVIRONMENT_PROFILES[env][key])).join(" | ")} |`),
        ];
        assert.deepEqual(table.split("\n").filter((line) => line.startsWith("|")), expected);
        assert.deepEqual(ROWS.map(([, key]) => key).sort(), Object.keys(ENVIRONMENT_PROFILES.dev).sort());
    });

    it("links only to files that exist, and so do the other docs", () => {
        const docs = ["README.md", "plan/README.md", "policy/README.md", "bench/README.md", "sdk/network/README.md", ...markdownIn("docs"), ...markdownIn("examples")];
        const broken = docs.flatMap((doc) =>
            [...fs.readFileSync(path.join(ROOT, doc), "utf8").matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
                .map((m) => m[1])
                .filter((link) => !/^https?:/.test(link) && !fs.existsSync(path.join(ROOT, path.dirname(doc), link)))
                .map((link) => `${doc} -> ${link}`),
        );
        assert.deepEqual(broken, []);
    });

    it("issue 22 item 5: no doc installs the package from the npm registry, where it is not published", () => {
        const docs = ["README.md", ...markdownIn("docs"), ...markdownIn("examples")];
        const fromRegistry = docs.flatMap((doc) =>
            [...fs.readFileSync(path.join(ROOT, doc), "utf8").matchAll(/"@agentcore-platform\/pulumi-agentcore":\s*"[\^~]?\d[^"]*"|npm (?:install|i) (?:-\S+ )*@agentcore-platform\/pulumi-agentcore\b/g)].map((m) => `${doc}: ${m[0]}`),
        );
        assert.deepEqual(fromRegistry, []);
        assert.match(README, /\n## Install\n/);
    });

    it("its two commands are scripts of package.json, and CI runs the test one", () => {
        const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
        assert.match(README, /npm ci && npm run plan/);
        assert.match(README, /npm ci && npm test/);
        assert.ok(scripts.plan && scripts.test);
        const ci = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
        assert.match(ci, /^npm ci/m);
        assert.match(ci, /^\s*npm test\b/m);
    });
});
