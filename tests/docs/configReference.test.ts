import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { CONFIG_REFERENCE, generateConfigReference, rootConfigKeys } from "../../scripts/config-reference";

const ROOT_PROGRAM = fs.readFileSync(path.join(__dirname, "..", "..", "index.ts"), "utf8");

describe("configuration reference (docs/configuration.md)", () => {
    it("is what scripts/config-reference.ts generates from the code", () => {
        const committed = fs.readFileSync(CONFIG_REFERENCE, "utf8");
        assert.ok(committed === generateConfigReference(), "docs/configuration.md is out of date: run npx tsx scripts/config-reference.ts");
    });

    it("red-team 7: no description is cut short by a word the doc parser takes for a tag (e.g. a bare @pulumi/aws)", () => {
        const cut = generateConfigReference()
            .split("\n")
            .filter((line) => line.startsWith("| `") && /:\s*\|\s*$/.test(line));
        assert.deepEqual(cut.map((line) => line.slice(0, 80)), [], "descriptions ending in ':' were cut: quote package names in doc comments (`@pulumi/aws`)");
    });

    it("lists every stack config key the root program reads", () => {
        const committed = fs.readFileSync(CONFIG_REFERENCE, "utf8");
        const keys = rootConfigKeys(ROOT_PROGRAM).map((k) => k.key);
        assert.deepEqual(
            keys.filter((key) => !committed.includes(`| \`${key}\` |`)),
            [],
        );
        // The parse found keys at all, templated ones included (else the check above would pass vacuously).
        assert.deepEqual(
            ["environment", "<name>ApiKey", "<name>ClientSecret"].filter((key) => !keys.includes(key)),
            [],
        );
    });

    it("reads keys from get*/require* calls on config, templates written with <part>", () => {
        const source = [
            'const a = config.require("environment");',
            "const b = config.getObject<string[]>('models');",
            "const c = config.requireSecret(`${name}ApiKey`);",
            'const d = other.get("notConfig");',
            'const e = config.getBoolean("environment");',
        ].join("\n");
        assert.deepEqual(rootConfigKeys(source), [
            { key: "environment", method: "require" },
            { key: "models", method: "getObject" },
            { key: "<name>ApiKey", method: "requireSecret" },
        ]);
    });

    it("refuses to generate while a key read by the root program has no description, or a described key is no longer read", () => {
        assert.throws(
            () => generateConfigReference(`${ROOT_PROGRAM}\nconfig.get("newSetting");\n`),
            { message: "ROOT_CONFIG_DESCRIPTIONS in scripts/config-reference.ts is out of date with index.ts: describe newSetting" },
        );
        assert.throws(
            () => generateConfigReference(ROOT_PROGRAM.replace('config.getBoolean("enableTransactionSearch")', "false")),
            { message: "ROOT_CONFIG_DESCRIPTIONS in scripts/config-reference.ts is out of date with index.ts: remove enableTransactionSearch" },
        );
    });
});
