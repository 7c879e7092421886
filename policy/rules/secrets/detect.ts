/**
 * Recognising secrets in environment variables: by name (`OPENAI_API_KEY`) and by value (a
 * value that carries a credential whatever the variable is called). Messages never repeat a
 * value: they say what kind of credential it carries.
 */

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

/**
 * Value shapes that carry a credential, most specific first. Prefixes are the providers'
 * documented token formats (GitHub `ghp_`/`github_pat_`, Slack `xox?-`, Stripe `sk_live_`,
 * OpenAI/Anthropic `sk-`, AWS access key ids `AKIA`/`ASIA`, Google API keys `AIza`).
 */
const VALUE_PATTERNS: { what: string; re: RegExp }[] = [
    { what: "a private key", re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
    { what: "an Authorization header value", re: /(^|[,;\s"'{])(proxy-)?authorization\s*[=:]\s*\S/i },
    { what: "an API key header value", re: /(^|[,;\s"'{])(x-api-key|api-key|x-auth-token)\s*[=:]\s*\S/i },
    { what: "a URL with a password", re: /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i },
    { what: "a bearer token", re: /\bbearer\s+[A-Za-z0-9\-._~+/]{8,}=*/i },
    { what: "an AWS access key id", re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
    { what: "a GitHub token", re: /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/ },
    { what: "a Slack token", re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
    { what: "a Stripe secret key", re: /\b[sr]k_live_[A-Za-z0-9]{10,}/ },
    { what: "an OpenAI or Anthropic API key", re: /\bsk-(ant-|proj-)?[A-Za-z0-9_-]{20,}/ },
    { what: "a Google API key", re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
    { what: "a JSON Web Token", re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/ },
];

/** What kind of credential a value carries (`an Authorization header value`), or undefined. */
export function credentialIn(value: unknown): string | undefined {
    if (typeof value !== "string" || value.length < 8) {
        return undefined;
    }
    return VALUE_PATTERNS.find((p) => p.re.test(value))?.what;
}

/** Environment variables as name → value, from a map or a `[{name|key, value}]` list. */
export function envEntries(env: unknown): [string, unknown][] {
    if (!env || typeof env !== "object") {
        return [];
    }
    if (Array.isArray(env)) {
        return env.map((e) => [e?.name ?? e?.key, e?.value] as [unknown, unknown]).filter((e): e is [string, unknown] => typeof e[0] === "string");
    }
    return Object.entries(env as Record<string, unknown>);
}

/** One problem per variable: by value first (it is certain), else by name. `what` is e.g. "Runtime environment variable". */
export function envSecretProblems(env: unknown, what: string, fix: string): string[] {
    const out: string[] = [];
    for (const [name, value] of envEntries(env)) {
        const carried = credentialIn(value);
        if (carried) {
            out.push(`${what} ${name} holds a credential in plaintext (its value is ${carried}): ${fix}`);
        } else if (looksSecret(name)) {
            out.push(`${what} ${name} looks like a secret: pass a Secrets Manager ARN (e.g. ${name}_SECRET_ARN) or use a credential provider instead`);
        }
    }
    return out;
}
