import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";

const REPO = path.join(__dirname, "..", "..");
const EVALUATOR = "@cloud-copilot/iam-simulate";

function sources(dir: string): string[] {
    return fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = `${dir}/${e.name}`;
        return e.isDirectory() ? (e.name === "node_modules" ? [] : sources(rel)) : /\.(ts|js|mjs|cjs|mts)$/.test(e.name) ? [rel] : [];
    });
}

describe("the AGPL IAM evaluator stays in tests", () => {
    it(`is a devDependency only`, () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
        assert.equal(pkg.dependencies?.[EVALUATOR], undefined);
        assert.equal(pkg.peerDependencies?.[EVALUATOR], undefined);
        assert.match(pkg.devDependencies?.[EVALUATOR] ?? "", /^\d+\.\d+\.\d+$/);
    });

    it("no file outside tests/ imports it", () => {
        const imports = new RegExp(`(from\\s*|require\\(\\s*|import\\(\\s*)["']${EVALUATOR}`);
        const outside = ["sdk", "policy", "plan", "scripts", "bench", "examples"].filter((d) => fs.existsSync(path.join(REPO, d))).flatMap(sources);
        assert.ok(outside.length > 50, `found only ${outside.length} source files: the scan is not looking where the code is`);
        assert.deepEqual(outside.filter((f) => fs.readFileSync(path.join(REPO, f), "utf8").match(imports) !== null), []);
    });

    it("tests/ does use it (the scan above would catch a move)", () => {
        assert.ok(fs.readFileSync(path.join(REPO, "tests", "contracts", "simulate.ts"), "utf8").includes(`from "${EVALUATOR}"`));
    });
});
