// Copies what the compiled package needs besides JavaScript into dist/:
// - dist/policy: PulumiPolicy.yaml, a package.json and the policy configs (config/*.json),
//   so that dist/policy is a runnable CrossGuard pack (`pulumi preview --policy-pack`) and
//   the plan finds its default configs. The Pulumi CLI starts a Node.js pack with the pack
//   folder as its working directory, and @pulumi/policy's PolicyPack constructor reads the
//   pack's version from `${process.cwd()}/package.json`: without that file the pack cannot
//   start. Its `main` is the compiled index.js, its version the package's, and its
//   dependencies (what `pulumi policy publish` installs for a published pack) are those of
//   policy/package.json at the versions this package depends on;
// - dist/policy/iam/managed-policies.json: the AWS managed policy table the IAM rules read;
// - dist/sdk/smoke: the smoke-test script the SmokeTest command runs with node;
// - dist/sdk/registry: the record submission script RegistryPublication's commands run with node.
import fs from "node:fs";
import path from "node:path";

function copy(from, to) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
}

copy(path.join("policy", "PulumiPolicy.yaml"), path.join("dist", "policy", "PulumiPolicy.yaml"));
fs.writeFileSync(path.join("dist", "policy", "package.json"), JSON.stringify(policyPackManifest(), null, 2) + "\n");
for (const file of fs.readdirSync(path.join("policy", "config")).filter((f) => f.endsWith(".json"))) {
    copy(path.join("policy", "config", file), path.join("dist", "policy", "config", file));
}
copy(path.join("policy", "iam", "managed-policies.json"), path.join("dist", "policy", "iam", "managed-policies.json"));
for (const file of ["invoke.mjs", "invoke.d.mts"]) {
    copy(path.join("sdk", "smoke", file), path.join("dist", "sdk", "smoke", file));
}
for (const file of ["submit.mjs", "submit.d.mts"]) {
    copy(path.join("sdk", "registry", file), path.join("dist", "sdk", "registry", file));
}

/** The package.json of the compiled pack (dist/policy/package.json). */
function policyPackManifest() {
    const root = JSON.parse(fs.readFileSync("package.json", "utf8"));
    const pack = JSON.parse(fs.readFileSync(path.join("policy", "package.json"), "utf8"));
    const dependencies = {};
    for (const name of Object.keys(pack.dependencies)) {
        const version = root.dependencies[name];
        if (!version) {
            throw new Error(`policy/package.json depends on ${name}, which package.json does not: add it to package.json's dependencies`);
        }
        dependencies[name] = version;
    }
    return { name: pack.name, version: root.version, description: pack.description, license: root.license, private: true, main: "index.js", dependencies };
}
