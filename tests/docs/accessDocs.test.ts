import { strict as assert } from "assert";
import * as fs from "fs";
import { ACCESS_DOC, generateAccessDoc } from "../../scripts/access-docs";
import { ACCESS_CONTRACTS } from "../../sdk/access";

describe("access page (docs/access.md)", () => {
    it("is what scripts/access-docs.ts generates from the contracts", () => {
        assert.ok(fs.readFileSync(ACCESS_DOC, "utf8") === generateAccessDoc(), "docs/access.md is out of date: run npx tsx scripts/access-docs.ts");
    });

    it("lists every row of every contract with its source", () => {
        const page = fs.readFileSync(ACCESS_DOC, "utf8");
        const missing = ACCESS_CONTRACTS.flatMap((c) => [...c.allowed, ...c.denied].filter((r) => !page.includes(`${r.why.replace(/\|/g, "\\|")} [source](${r.source})`)).map((r) => `${c.component}/${r.id}`));
        assert.deepEqual(missing, []);
    });

    it("every row has an AWS documentation or AWS code source and a unique id", () => {
        for (const c of ACCESS_CONTRACTS) {
            const rows = [...c.allowed, ...c.denied];
            assert.deepEqual(rows.filter((r) => !/^https:\/\/(docs\.aws\.amazon\.com|github\.com\/aws)/.test(r.source)).map((r) => r.id), [], c.component);
            assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, `${c.component} has duplicate row ids`);
        }
    });
});
