// Copies what the compiled package needs besides JavaScript into dist/:
// - dist/policy: PulumiPolicy.yaml and the policy configs (config/*.json), so that
//   dist/policy is a runnable CrossGuard pack (`pulumi preview --policy-pack`) and the
//   plan finds its default configs;
// - dist/policy/iam/managed-policies.json: the AWS managed policy table the IAM rules read;
// - dist/sdk/smoke: the smoke-test script the SmokeTest command runs with node.
import fs from "node:fs";
import path from "node:path";

function copy(from, to) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
}

copy(path.join("policy", "PulumiPolicy.yaml"), path.join("dist", "policy", "PulumiPolicy.yaml"));
for (const file of fs.readdirSync(path.join("policy", "config")).filter((f) => f.endsWith(".json"))) {
    copy(path.join("policy", "config", file), path.join("dist", "policy", "config", file));
}
copy(path.join("policy", "iam", "managed-policies.json"), path.join("dist", "policy", "iam", "managed-policies.json"));
for (const file of ["invoke.mjs", "invoke.d.mts"]) {
    copy(path.join("sdk", "smoke", file), path.join("dist", "sdk", "smoke", file));
}
