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
];

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

    it("links only to files that exist", () => {
        const links = [...README.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^https?:/.test(l));
        assert.deepEqual(links.filter((link) => !fs.existsSync(path.join(ROOT, link))), []);
    });

    it("its two commands are scripts of package.json, and CI runs the test one", () => {
        const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
        assert.match(README, /npm ci && npm run plan/);
        assert.match(README, /npm ci && npm test/);
        assert.ok(scripts.plan && scripts.test);
        const ci = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
        assert.match(ci, /^npm ci/m);
        assert.match(ci, /^npm test$/m);
    });
});
