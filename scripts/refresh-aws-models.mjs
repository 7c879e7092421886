// Refreshes the vendored AWS API models in data/aws-models/ from a botocore source tree.
//
//   node scripts/refresh-aws-models.mjs <botocore checkout or unpacked sdist> [--commit <sha> --date <YYYY-MM-DD>]
//
// botocore keeps each service's model at botocore/data/<service>/<api-version>/service-2.json.
// The script copies the two AgentCore models, records their sha256 and the botocore commit in
// PROVENANCE.json, and prints which shapes changed so the constraints in sdk/validation/shapes.ts
// (checked against these files by tests/validation/shapes.test.ts) can be reviewed.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const MODELS = { "bedrock-agentcore-control": "2023-06-05", "bedrock-agentcore": "2024-02-28" };
const here = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "data", "aws-models");

const [source, ...rest] = process.argv.slice(2);
if (!source) {
    console.error("usage: node scripts/refresh-aws-models.mjs <botocore tree> [--commit <sha> --date <YYYY-MM-DD>]");
    process.exit(2);
}
const flag = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
};
const provenancePath = path.join(here, "PROVENANCE.json");
const provenance = JSON.parse(fs.readFileSync(provenancePath, "utf8"));
for (const [service, apiVersion] of Object.entries(MODELS)) {
    const candidates = [path.join(source, "botocore", "data", service, apiVersion, "service-2.json"), path.join(source, "data", service, apiVersion, "service-2.json")];
    const from = candidates.find((p) => fs.existsSync(p));
    if (!from) {
        console.error(`no ${service} ${apiVersion} model under ${source} (looked at ${candidates.join(", ")})`);
        process.exit(1);
    }
    const file = `${service}.service-2.json`;
    const to = path.join(here, file);
    const before = fs.existsSync(to) ? JSON.parse(fs.readFileSync(to, "utf8")).shapes : {};
    const text = fs.readFileSync(from, "utf8");
    const after = JSON.parse(text).shapes;
    const changed = Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    fs.writeFileSync(to, text);
    provenance.files[file] = { service, apiVersion, sha256: crypto.createHash("sha256").update(text).digest("hex") };
    console.log(`${file}: ${changed.length} shapes changed${changed.length ? `: ${changed.slice(0, 40).join(", ")}${changed.length > 40 ? ", ..." : ""}` : ""}`);
}
provenance.botocoreCommit = flag("--commit") ?? "unknown (set --commit)";
provenance.botocoreCommitDate = flag("--date") ?? "unknown (set --date)";
provenance.copiedOn = new Date().toISOString().slice(0, 10);
fs.writeFileSync(provenancePath, JSON.stringify(provenance, null, 2) + "\n");
