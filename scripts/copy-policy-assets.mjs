// Copies what the compiled policy pack needs besides JavaScript into dist/policy,
// so that dist/policy is a runnable CrossGuard pack (`pulumi preview --policy-pack`):
// PulumiPolicy.yaml and the policy configs (config/*.json, also the plan's defaults).
import fs from "node:fs";
import path from "node:path";

const source = "policy";
const target = path.join("dist", "policy");

fs.mkdirSync(target, { recursive: true });
fs.copyFileSync(path.join(source, "PulumiPolicy.yaml"), path.join(target, "PulumiPolicy.yaml"));
const configs = path.join(source, "config");
if (fs.existsSync(configs)) {
    fs.mkdirSync(path.join(target, "config"), { recursive: true });
    for (const file of fs.readdirSync(configs).filter((f) => f.endsWith(".json"))) {
        fs.copyFileSync(path.join(configs, file), path.join(target, "config", file));
    }
}
