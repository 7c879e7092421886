import { resourceRule } from "../../common/rule";
import { T } from "../../common/types";
import { at } from "../../common/values";

const ENV: Record<string, string> = {
    [T.runtime]: "environmentVariables",
    [T.nativeRuntime]: "environmentVariables",
};

/** Words of a variable name that mark a secret value (`OPENAI_API_KEY`, `DB_PASSWORD`, `GITHUB_TOKEN`). */
const SECRET_WORDS = new Set(["KEY", "APIKEY", "SECRET", "SECRETS", "TOKEN", "PASSWORD", "PASSWD", "PWD", "PASSPHRASE", "CREDENTIAL", "CREDENTIALS", "PAT"]);
/**
 * Last words that name, point to or size something rather than hold it: `MEMORY_ID`,
 * `GATEWAY_URL`, `DB_SECRET_ARN`, `AWS_ACCESS_KEY_ID`, `API_KEY_NAME`, `TOKEN_ENDPOINT`, `TOKEN_TTL`.
 */
const REFERENCE_WORDS = new Set(["ID", "IDS", "ARN", "ARNS", "URL", "URI", "ENDPOINT", "NAME", "PATH", "REGION", "FILE", "TYPE", "VERSION", "HEADER", "PARAM", "PARAMETER", "PREFIX", "LIMIT", "TTL", "EXPIRY", "SIZE", "LENGTH", "COUNT", "ENABLED"]);

/** True for an environment variable name that looks like it holds a secret value. */
export function looksSecret(name: string): boolean {
    const words = name.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w.length > 0);
    if (words.length === 0 || REFERENCE_WORDS.has(words[words.length - 1])) {
        return false;
    }
    return words.some((w) => SECRET_WORDS.has(w) || w.includes("SECRET") || w.includes("PASSWORD"));
}

export const runtimeEnvSecrets = resourceRule({
    name: "agentcore-runtime-env-secrets",
    description: "Runtime environment variables carry no secrets.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Keep secrets in the token vault (credential providers) or Secrets Manager and pass only their ARN or name (e.g. *_SECRET_ARN) in the environment.",
    types: Object.keys(ENV),
    check: (res) => {
        const env = at(res.props, ENV[res.type]);
        if (!env || typeof env !== "object") {
            return [];
        }
        // aws uses a map; aws-native may use a map too (CFN EnvironmentVariables is a map).
        const names = Array.isArray(env) ? env.map((e) => e?.name ?? e?.key).filter((n) => typeof n === "string") : Object.keys(env);
        return names
            .filter(looksSecret)
            .map((n) => `Runtime environment variable ${n} looks like a secret: pass a Secrets Manager ARN (e.g. ${n}_SECRET_ARN) or use a credential provider instead`);
    },
});
