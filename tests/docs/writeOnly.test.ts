import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const REPO = path.join(__dirname, "..", "..");

/**
 * Claims that a secret stays out of Pulumi state. Write-only fields (`apiKeyWo`,
 * `clientSecretWo`) do not keep it out: the bridged provider writes their value to the
 * resource's state inputs, encrypted as a secret
 * (https://github.com/pulumi/pulumi-terraform-bridge/issues/3201,
 * https://www.pulumi.com/docs/iac/concepts/secrets/write-only-fields/).
 */
const FALSE_CLAIMS = [
    /never[^.;:()]{0,40}\b(in|into|to) (the )?(pulumi )?state\b/i,
    /(not|never) (be )?(stored|written|kept|saved|persisted|recorded) (in|to|into) (the )?(pulumi |stack )?state\b/i,
    /(kept|stays?) out of (the )?(pulumi )?state\b/i,
];

/** Tracked docs, doc comments, examples and configs a user reads. */
function readable(): string[] {
    const tracked = execFileSync("git", ["ls-files", "-z", "README.md", "docs", "examples", "sdk", "policy", "plan", "index.ts", "Pulumi.*.yaml", "provider"], { cwd: REPO, encoding: "utf8" });
    return tracked.split("\0").filter((f) => /\.(md|ts|ya?ml|mjs|json)$/.test(f) && fs.existsSync(path.join(REPO, f)));
}

describe("docs: where write-only credentials live", () => {
    it("no doc, doc comment or example claims a credential stays out of Pulumi state", () => {
        const offenders = readable().flatMap((f) =>
            fs
                .readFileSync(path.join(REPO, f), "utf8")
                .split("\n")
                .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
                .filter(({ line }) => FALSE_CLAIMS.some((re) => re.test(line)))
                .map(({ at, line }) => `${at}: ${line.trim()}`),
        );
        assert.deepEqual(offenders, []);
    });

    it("the false-claim patterns catch the claims this repository used to make", () => {
        for (const claim of ["so they are never in state, preview output or logs", "`apiKeyWo`, so it is never stored in state.", "it never appears in state, preview or logs", "the write-only field (never stored in state)"]) {
            assert.ok(FALSE_CLAIMS.some((re) => re.test(claim)), claim);
        }
    });

    it("the README says where the value lives: Pulumi state encrypted as a secret, and the token vault's Secrets Manager secret", () => {
        const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
        assert.match(readme, /\*\*Pulumi state: yes, encrypted as a secret\.\*\*/);
        assert.match(readme, /https:\/\/github\.com\/pulumi\/pulumi-terraform-bridge\/issues\/3201/);
        assert.match(readme, /\*\*AWS: AgentCore Identity's token vault\*\*, which keeps it in an AWS Secrets\s+Manager secret/);
    });
});
