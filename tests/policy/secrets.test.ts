import { strict as assert } from "assert";
import { eventRetention } from "../../policy/rules/memory/event-retention";
import { credentialProviderSecrets } from "../../policy/rules/secrets/credential-provider-secrets";
import { credentialIn } from "../../policy/rules/secrets/detect";
import { gatewayLambdaEnvSecrets } from "../../policy/rules/secrets/gateway-lambda-env-secrets";
import { looksSecret, runtimeEnvSecrets } from "../../policy/rules/secrets/runtime-env-secrets";
import { change, compliantStack, Spec, UNKNOWN_STRING } from "./fixtures";
import { describeRule } from "./table";

const S = compliantStack();
const FIX = "keep it in Secrets Manager or the token vault and pass only its ARN or name";
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
        {
            title: "flags harmless names whose values carry a credential, never repeating the value",
            specs: change(
                change(change(S, "agent-runtime", "environmentVariables.OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Basic dXNlcjpwYXNzd29yZA=="), "agent-runtime", "environmentVariables.DATABASE_URL", "postgres://agent:hunter2pw@db.internal:5432/agent"),
                "agent-runtime",
                "environmentVariables.UPSTREAM",
                `ghp${"_"}abcdefghijklmnopqrstuvwxyz0123456789`,
            ),
            expect: [
                `agent-runtime: Runtime environment variable DATABASE_URL holds a credential in plaintext (its value is a URL with a password): ${FIX}`,
                `agent-runtime: Runtime environment variable OTEL_EXPORTER_OTLP_HEADERS holds a credential in plaintext (its value is an Authorization header value): ${FIX}`,
                `agent-runtime: Runtime environment variable UPSTREAM holds a credential in plaintext (its value is a GitHub token): ${FIX}`,
            ],
        },
        {
            title: "flags a harness's environment",
            specs: [{ type: "aws:bedrock/agentcoreHarness:AgentcoreHarness", name: "h", inputs: { environmentVariables: { LOG_LEVEL: "info", SEARCH_API_KEY: "k" } } }],
            expect: ["h: Harness environment variable SEARCH_API_KEY looks like a secret: pass a Secrets Manager ARN (e.g. SEARCH_API_KEY_SECRET_ARN) or use a credential provider instead"],
        },
        {
            title: "issue 25 item 7: flags an aws-native harness's environment",
            specs: [{ type: "aws-native:bedrockagentcore:Harness", name: "nh", inputs: { environmentVariables: { SLACK_BOT_TOKEN: "t" } } }],
            expect: ["nh: Harness environment variable SLACK_BOT_TOKEN looks like a secret: pass a Secrets Manager ARN (e.g. SLACK_BOT_TOKEN_SECRET_ARN) or use a credential provider instead"],
        },
        {
            title: "issue 25 item 9: flags a credential moved from the environment into a harness remote MCP tool's headers",
            specs: change(S, "agent-harness", "tools", [
                { type: "remoteMcp", name: "docs", config: { remoteMcp: { url: "https://docs.example.com/mcp", headers: { Authorization: "Bearer abcdefghijklmnop", "X-Client": "agent" } } } },
                { type: "remoteMcp", config: { remoteMcp: { url: "https://x.example.com/mcp", headers: { "x-api-key": "k-123" } } } },
            ]),
            expect: [
                "agent-harness: Harness tool docs sends header Authorization with a credential in plaintext (its value is a bearer token): reach the server through an agentcoreGateway tool whose target holds the credential in the token vault",
                "agent-harness: Harness a remote MCP tool sends header x-api-key with a credential in plaintext: reach the server through an agentcoreGateway tool whose target holds the credential in the token vault",
            ],
        },
    ],
    notApplicable: [{ type: "aws:lambda/function:Function", name: "f", inputs: { environmentVariables: { OPENAI_API_KEY: "x" } } }],
    unknown: change(S, "agent-runtime", "environmentVariables", UNKNOWN_STRING),
});

// Token-shaped test values are split in the source so that secret scanners do not take them for real ones.
describe("credentialIn (secrets by value)", () => {
    const table: [string, string | undefined][] = [
        ["Authorization=Bearer abc.def.ghi", "an Authorization header value"],
        ["x-honeycomb-team=abc,authorization=Basic Zm9vOmJhcg==", "an Authorization header value"],
        ["x-api-key=0123456789", "an API key header value"],
        ["https://user:p4ss@example.com/path", "a URL with a password"],
        ["Bearer eyJhbGciOiJIUzI1NiJ9xx", "a bearer token"],
        [`AKIA${"IOSFODNN7EXAMPLE"}`, "an AWS access key id"],
        [`github${"_pat_"}11ABCDEFG0123456789_abcdefghij`, "a GitHub token"],
        [`xox${"b-"}123456789012-abcdefghij`, "a Slack token"],
        [`sk${"_live_"}0123456789abcdef`, "a Stripe secret key"],
        [`sk${"-ant-"}api03-abcdefghijklmnopqrstuv`, "an OpenAI or Anthropic API key"],
        [`AIza${"SyA-0123456789abcdefghijklmnopqrstu"}`, "a Google API key"],
        ["-----BEGIN RSA PRIVATE KEY-----\nMIIE", "a private key"],
        ["eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig", "a JSON Web Token"],
        ["https://gw.example.com/mcp", undefined],
        ["http://localhost:4318", undefined],
        ["arn:aws:secretsmanager:us-east-1:123456789012:secret:key-AbCdEf", undefined],
        ["anthropic.claude-sonnet-4-20250514-v1:0", undefined],
        ["service.name=agent,deployment.environment=prod", undefined],
        ["task-scheduler", undefined],
    ];
    for (const [value, what] of table) {
        it(`${JSON.stringify(value)} → ${what ?? "no credential"}`, () => assert.equal(credentialIn(value), what));
    }
});

const FN_ARN = "arn:aws:lambda:us-east-1:123456789012:function:tool";
/** The compliant stack plus the gateway's Lambda tool and its target. */
function withTool(env: Record<string, string> | string, targetArn = FN_ARN): Spec[] {
    return [
        ...S,
        { type: "aws:lambda/function:Function", name: "tool", inputs: { name: "tool", environment: { variables: env } }, outputs: { arn: FN_ARN } },
        { type: "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget", name: "tool-target", inputs: { name: "tool", gatewayIdentifier: "gw-1", targetConfiguration: { mcp: { lambda: { lambdaArn: targetArn } } } } },
    ];
}
describeRule({
    policy: gatewayLambdaEnvSecrets,
    failing: [
        {
            title: "flags a secret by value and by name in a gateway target's function",
            specs: withTool({ SEARCH_ENDPOINT: "https://search", UPSTREAM_HEADERS: "Authorization: Bearer abcdefghijklmnop", SEARCH_API_KEY: "k" }),
            expect: [
                "tool: Lambda function tool (target tool-target of a gateway): Environment variable SEARCH_API_KEY looks like a secret: pass a Secrets Manager ARN (e.g. SEARCH_API_KEY_SECRET_ARN) or use a credential provider instead",
                `tool: Lambda function tool (target tool-target of a gateway): Environment variable UPSTREAM_HEADERS holds a credential in plaintext (its value is an Authorization header value): ${FIX}`,
            ],
        },
        {
            title: "matches a target that names a function version or alias",
            specs: withTool({ TOKEN: "t" }, `${FN_ARN}:live`),
            expect: ["tool: Lambda function tool (target tool-target of a gateway): Environment variable TOKEN looks like a secret: pass a Secrets Manager ARN (e.g. TOKEN_SECRET_ARN) or use a credential provider instead"],
        },
        { title: "accepts a function that passes only the secret's ARN", specs: withTool({ SEARCH_API_KEY_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:search" }), expect: [] },
    ],
    // A function no gateway target names is not a gateway tool.
    notApplicable: [{ type: "aws:lambda/function:Function", name: "other", inputs: { environment: { variables: { OPENAI_API_KEY: "x" } } }, outputs: { arn: FN_ARN } }],
    unknown: withTool({ TOKEN: "t" }, UNKNOWN_STRING),
});

describeRule({
    policy: eventRetention,
    failing: [
        { title: "flags retention above the default maximum of 90 days", specs: change(S, "agent-memory", "eventExpiryDuration", 365), expect: ["agent-memory: Memory keeps events for 365 days, more than the allowed 90 (lower eventExpiryDuration)"] },
        { title: "flags retention above a configured maximum", specs: S, config: { maxEventExpiryDays: 14 }, expect: ["agent-memory: Memory keeps events for 30 days, more than the allowed 14 (lower eventExpiryDuration)"] },
        { title: "accepts retention at the maximum", specs: change(S, "agent-memory", "eventExpiryDuration", 90), expect: [] },
        {
            title: "issue 25 item 7: judges a harness's managed memory",
            specs: change(S, "agent-harness", "memory", { managedMemoryConfiguration: { eventExpiryDuration: 365, encryptionKeyArn: "k" } }),
            expect: ["agent-harness: Memory keeps events for 365 days, more than the allowed 90 (lower eventExpiryDuration)"],
        },
        {
            title: "red-team finding 1: a harness without a memory block keeps events for AWS's managed-memory default (30 days)",
            specs: change(S, "agent-harness", "memory", undefined),
            config: { maxEventExpiryDays: 14 },
            expect: ["agent-memory: Memory keeps events for 30 days, more than the allowed 14 (lower eventExpiryDuration)", "agent-harness: Memory keeps events for 30 days, more than the allowed 14 (lower eventExpiryDuration)"],
        },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy", name: "s", inputs: { eventExpiryDuration: 365 } }],
    unknown: change(S, "agent-memory", "eventExpiryDuration", "3eeb2bf0-c639-47a8-9e75-3b44932eb421"),
});
