import { strict as assert } from "assert";
import { eventRetention } from "../../policy/rules/memory/event-retention";
import { credentialProviderSecrets } from "../../policy/rules/secrets/credential-provider-secrets";
import { looksSecret, runtimeEnvSecrets } from "../../policy/rules/secrets/runtime-env-secrets";
import { change, compliantStack, UNKNOWN_STRING } from "./fixtures";
import { describeRule } from "./table";

const S = compliantStack();
const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "sk-live-123" };

describeRule({
    policy: credentialProviderSecrets,
    failing: [
        { title: "flags a plaintext apiKey", specs: change(S, "search-key", "apiKey", "sk-live-123"), expect: ['search-key: API key credential provider must not take a plaintext apiKey (use apiKeyWo or apiKeySecretSource "EXTERNAL")'] },
        {
            title: "flags a secret-marked apiKey too (the analyzer unwraps secrets)",
            specs: change(S, "search-key", "apiKey", SECRET),
            expect: ['search-key: API key credential provider must not take a plaintext apiKey (use apiKeyWo or apiKeySecretSource "EXTERNAL")'],
        },
        {
            title: "flags a plaintext OAuth2 clientSecret",
            specs: change(S, "github-oauth", "oauth2ProviderConfig.githubOauth2ProviderConfig.clientSecret", "s3cr3t"),
            expect: ['github-oauth: OAuth2 credential provider must not take a plaintext clientSecret in githubOauth2ProviderConfig (use clientSecretWo or clientSecretSource "EXTERNAL")'],
        },
        {
            title: "accepts an EXTERNAL Secrets Manager source",
            specs: change(change(S, "search-key", "apiKeyWo", undefined), "search-key", "apiKeySecretSource", "EXTERNAL"),
            expect: [],
        },
    ],
    notApplicable: [{ type: "aws:secretsmanager/secretVersion:SecretVersion", name: "v", inputs: { apiKey: "x", secretString: "x" } }],
    unknown: change(S, "search-key", "apiKey", UNKNOWN_STRING),
});

describe("looksSecret", () => {
    const table: [string, boolean][] = [
        ["OPENAI_API_KEY", true],
        ["API_KEY", true],
        ["DB_PASSWORD", true],
        ["GITHUB_TOKEN", true],
        ["CLIENT_SECRET", true],
        ["slack_bot_token", true],
        ["AWS_SECRET_ACCESS_KEY", true],
        ["MEMORY_ID", false],
        ["GATEWAY_URL", false],
        ["AWS_REGION", false],
        ["AWS_ACCESS_KEY_ID", false],
        ["API_KEY_SECRET_ARN", false],
        ["TOKEN_ENDPOINT", false],
        ["MAX_TOKENS", false],
        ["KEY_ID", false],
        ["SECRET_NAME", false],
        ["PARTITION_KEY_NAME", false],
    ];
    for (const [name, secret] of table) {
        it(`${name} → ${secret ? "secret" : "not secret"}`, () => assert.equal(looksSecret(name), secret));
    }
});

describeRule({
    policy: runtimeEnvSecrets,
    failing: [
        {
            title: "flags secret-looking variables, one message each",
            specs: change(change(S, "agent-runtime", "environmentVariables.OPENAI_API_KEY", "sk"), "agent-runtime", "environmentVariables.DB_PASSWORD", "pw"),
            expect: [
                // The analyzer's protobuf Struct hands keys over sorted.
                "agent-runtime: Runtime environment variable DB_PASSWORD looks like a secret: pass a Secrets Manager ARN (e.g. DB_PASSWORD_SECRET_ARN) or use a credential provider instead",
                "agent-runtime: Runtime environment variable OPENAI_API_KEY looks like a secret: pass a Secrets Manager ARN (e.g. OPENAI_API_KEY_SECRET_ARN) or use a credential provider instead",
            ],
        },
        {
            title: "flags aws-native runtimes",
            specs: [{ type: "aws-native:bedrockagentcore:Runtime", name: "n", inputs: { environmentVariables: { GITHUB_TOKEN: "t" } } }],
            expect: ["n: Runtime environment variable GITHUB_TOKEN looks like a secret: pass a Secrets Manager ARN (e.g. GITHUB_TOKEN_SECRET_ARN) or use a credential provider instead"],
        },
    ],
    notApplicable: [{ type: "aws:lambda/function:Function", name: "f", inputs: { environmentVariables: { OPENAI_API_KEY: "x" } } }],
    unknown: change(S, "agent-runtime", "environmentVariables", UNKNOWN_STRING),
});

describeRule({
    policy: eventRetention,
    failing: [
        { title: "flags retention above the default maximum of 90 days", specs: change(S, "agent-memory", "eventExpiryDuration", 365), expect: ["agent-memory: Memory keeps events for 365 days, more than the allowed 90 (lower eventExpiryDuration)"] },
        { title: "flags retention above a configured maximum", specs: S, config: { maxEventExpiryDays: 14 }, expect: ["agent-memory: Memory keeps events for 30 days, more than the allowed 14 (lower eventExpiryDuration)"] },
        { title: "accepts retention at the maximum", specs: change(S, "agent-memory", "eventExpiryDuration", 90), expect: [] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy", name: "s", inputs: { eventExpiryDuration: 365 } }],
    unknown: change(S, "agent-memory", "eventExpiryDuration", "3eeb2bf0-c639-47a8-9e75-3b44932eb421"),
});
