import { strict as assert } from "assert";
import { AgentEnvironment, AgentEnvironmentArgs, AgentGateway, AgentGatewayArgs } from "../../sdk";
import { MissingOptionalDependencyError } from "../../sdk/common/optional";
import * as pulumi from "@pulumi/pulumi";
import { userDataWarnings } from "../../sdk/gateway/agentGateway";
import { awsRateLimitId, rateLimitResourceName } from "../../sdk/gateway/extensions";
import { ENVIRONMENT_PROFILES } from "../../sdk/environment/profiles";
import { missingModule, parseJsonInput, problemsOf as problemsOfBuild, record, withOptionalLoader } from "../harness";

const pulumiSecret = (value: string) => pulumi.secret(value);

// issue 24 items 2 (interceptors) and 3 (rate limits) on AgentGateway and AgentEnvironment.

const GATEWAY = "aws:bedrock/agentcoreGateway:AgentcoreGateway";
const RATE_LIMIT = "aws-native:bedrockagentcore:GatewayRateLimit";
const PII = "arn:aws:lambda:us-east-1:123456789012:function:pii-redactor";
const TENANT = "arn:aws:lambda:us-east-1:123456789012:function:tenant-check:live";
const SAMPLE_IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent@sha256:${"d".repeat(64)}`, repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/agent" };
const PER_TOOL = { id: "per-tool", dimensionKeys: ["toolName"], entries: [{ dimensions: { toolName: "*" }, requests: { rate: 100, period: "minute" as const } }] };

function problemsOf(args: AgentGatewayArgs): string[] {
    return problemsOfBuild(() => new AgentGateway("tools", args));
}

function environment(env: "dev" | "staging" | "prod", gateway: AgentEnvironmentArgs["gateway"]): AgentEnvironmentArgs {
    return { environment: env, image: SAMPLE_IMAGE, models: ["amazon.nova-lite-v1:0"], runtimeVersion: env === "dev" ? undefined : "1", network: { mode: "PUBLIC" }, gateway };
}

describe("AgentGateway interceptors (issue 24 item 2)", () => {
    it("sends each interceptor (headers off unless asked) and grants the role invoke on exactly those ARNs, before the gateway exists", async () => {
        const reg = await record(
            () =>
                new AgentGateway("tools", {
                    interceptors: [
                        { functionArn: PII, points: ["RESPONSE"] },
                        { functionArn: TENANT, points: ["REQUEST"], passRequestHeaders: true },
                    ],
                }),
        );
        const gateway = reg.one(GATEWAY);
        assert.deepEqual(gateway.inputs.interceptorConfigurations, [
            { interceptionPoints: ["RESPONSE"], interceptor: { lambda: { arn: PII } }, inputConfiguration: { passRequestHeaders: false } },
            { interceptionPoints: ["REQUEST"], interceptor: { lambda: { arn: TENANT } }, inputConfiguration: { passRequestHeaders: true } },
        ]);
        const grant = reg.one("aws:iam/rolePolicy:RolePolicy", "tools-interceptors");
        assert.deepEqual(parseJsonInput(grant.inputs.policy).Statement, [{ Sid: "InvokeInterceptors", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [PII, TENANT] }]);
        assert.ok(gateway.options.explicitDependsOn.includes(grant.urn), "the gateway waits for the interceptor grant");
        assert.equal(reg.ofType("aws:lambda/permission:Permission").length, 0, "no Lambda resource policy: the gateway calls with its role");
    });

    it("no interceptors: nothing sent, no grant", async () => {
        const reg = await record(() => new AgentGateway("tools"));
        assert.equal(reg.one(GATEWAY).inputs.interceptorConfigurations, undefined);
        assert.equal(reg.ofType("aws:iam/rolePolicy:RolePolicy").length, 0);
    });

    const cases: [string, AgentGatewayArgs["interceptors"], string[]][] = [
        [
            "three interceptors",
            [
                { functionArn: PII, points: ["REQUEST"] },
                { functionArn: PII, points: ["RESPONSE"] },
                { functionArn: TENANT, points: ["REQUEST"] },
            ],
            [
                "interceptors (a list of 3 items) must have at most 2 items (one REQUEST and one RESPONSE interceptor at most)",
                "interceptors[2].points[0] \"REQUEST\" is already taken by interceptors[0]",
            ],
        ],
        ["a point twice", [{ functionArn: PII, points: ["REQUEST", "REQUEST"] }], ['interceptors[0].points[1] "REQUEST" is listed twice']],
        ["an unknown point", [{ functionArn: PII, points: ["BEFORE" as "REQUEST"] }], ['interceptors[0].points[0] "BEFORE" must be one of']],
        ["no point", [{ functionArn: PII, points: [] }], ["interceptors[0].points [] must have at least 1 items"]],
        ["not a Lambda ARN", [{ functionArn: "arn:aws:s3:::bucket", points: ["REQUEST"] }], ['interceptors[0].functionArn "arn:aws:s3:::bucket" must match']],
        [
            "payloadFilter (not in @pulumi/aws 7.48)",
            [{ functionArn: PII, points: ["RESPONSE"], payloadFilter: { exclude: [{ field: "RESPONSE_BODY" }] } } as never],
            ["interceptors[0].payloadFilter", "is not a known field"],
        ],
    ];
    for (const [what, interceptors, expected] of cases) {
        it(`refuses ${what}, naming the field`, () => {
            const problems = problemsOf({ interceptors }).join("\n");
            for (const e of expected) {
                assert.ok(problems.includes(e), `expected "${e}" in:\n${problems}`);
            }
        });
    }
});

describe("AgentGateway rate limits (issue 24 item 3)", () => {
    it("creates one aws-native GatewayRateLimit per limit, on this gateway, old one deleted first on replacement", async () => {
        const reg = await record(() => new AgentGateway("tools", { rateLimits: [PER_TOOL] }));
        const limit = reg.one(RATE_LIMIT, rateLimitResourceName("tools", ["toolName"]));
        assert.deepEqual(limit.inputs, {
            gatewayIdentifier: reg.one(GATEWAY).outputs.gatewayId,
            // red-team 3: AWS's id carries the hash of the keys; the resource is named after the keys.
            rateLimitId: awsRateLimitId(PER_TOOL),
            dimensionKeys: ["toolName"],
            entries: [{ dimensions: { toolName: "*" }, requests: [{ rate: 100, period: "minute" }] }],
        });
        assert.equal(limit.options.deleteBeforeReplace, true);
    });

    it("without @pulumi/aws-native: the loader's error names the feature, the install command and how AgentEnvironment turns it off", async () => {
        await withOptionalLoader(missingModule, () => {
            assert.throws(
                () => new AgentGateway("tools", { rateLimits: [PER_TOOL] }),
                (e: unknown) => e instanceof MissingOptionalDependencyError && /gateway rate limits/.test(e.message) && /gateway\.rateLimits: "none"/.test(e.message) && /npm install @pulumi\/aws-native/.test(e.message),
                "missing aws-native -> MissingOptionalDependencyError",
            );
            // No rate limits: nothing loads.
            assert.doesNotThrow(() => new AgentGateway("plain"));
        });
    });

    const cases: [string, AgentGatewayArgs, string[]][] = [
        ["a bad id", { rateLimits: [{ ...PER_TOOL, id: "-x" }] }, ['rateLimits[0].id "-x" must match']],
        ["a duplicate id", { rateLimits: [PER_TOOL, PER_TOOL] }, ['rateLimits[1].id "per-tool" must be unique']],
        ["an unknown dimension key", { rateLimits: [{ ...PER_TOOL, dimensionKeys: ["user"], entries: [{ dimensions: { user: "*" }, requests: { rate: 1, period: "second" } }] }] }, ['rateLimits[0].dimensionKeys[0] "user" must match']],
        [
            "a JWT claim on an AWS_IAM gateway",
            { rateLimits: [{ id: "jwt", dimensionKeys: ["$.context.jwt.sub"], entries: [{ dimensions: { "$.context.jwt.sub": "*" }, requests: { rate: 1, period: "second" } }] }] },
            ["rateLimits[0].dimensionKeys[0] \"$.context.jwt.sub\" counts by a claim of the caller's JWT"],
        ],
        ["an entry naming another key", { rateLimits: [{ ...PER_TOOL, entries: [{ dimensions: { targetName: "orders" }, requests: { rate: 1, period: "second" } }] }] }, ["rateLimits[0].entries[0].dimensions.targetName \"orders\" must be one of the limit's dimensionKeys (toolName)"]],
        ["an entry without a rate", { rateLimits: [{ ...PER_TOOL, entries: [{ dimensions: { toolName: "*" } }] }] }, ["rateLimits[0].entries[0] (not set) must limit requests, tokens or connections"]],
        ["a rate out of range", { rateLimits: [{ ...PER_TOOL, entries: [{ dimensions: { toolName: "*" }, requests: { rate: 20000000, period: "minute" } }] }] }, ["rateLimits[0].entries[0].requests.rate 20000000 must be between 0 and 10000000"]],
        ["an hourly period", { rateLimits: [{ ...PER_TOOL, entries: [{ dimensions: { toolName: "*" }, requests: { rate: 1, period: "hour" as "minute" } }] }] }, ['rateLimits[0].entries[0].requests.period "hour" must be one of']],
        ["connections per minute", { rateLimits: [{ ...PER_TOOL, entries: [{ dimensions: { toolName: "*" }, connections: { rate: 1, period: "minute" } }] }] }, ['rateLimits[0].entries[0].connections.period "minute" must be "second"']],
        [
            "an entry missing a dimension key",
            { rateLimits: [{ ...PER_TOOL, dimensionKeys: ["toolName", "targetName"], entries: [{ dimensions: { toolName: "*" }, requests: { rate: 1, period: "second" } }] }] },
            ["rateLimits[0].entries[0].dimensions", "must give a value for every dimension key of the limit (missing: targetName"],
        ],
        [
            "an exact value after a wildcard",
            { rateLimits: [{ ...PER_TOOL, dimensionKeys: ["targetName", "toolName"], entries: [{ dimensions: { targetName: "*", toolName: "orders___lookup" }, requests: { rate: 1, period: "second" } }] }] },
            ['rateLimits[0].entries[0].dimensions.toolName "orders___lookup" must be "*": a wildcard may only be followed by wildcards'],
        ],
        ["an id too long for the keys' suffix", { rateLimits: [{ ...PER_TOOL, id: "a".repeat(56) }] }, [`rateLimits[0].id "${"a".repeat(56)}" must be at most 55 characters`]],
        ["two limits with the same dimension keys in another order", { rateLimits: [{ ...PER_TOOL, dimensionKeys: ["toolName", "targetName"], entries: [{ dimensions: { toolName: "*", targetName: "*" }, requests: { rate: 1, period: "second" } }] }, { ...PER_TOOL, id: "b", dimensionKeys: ["targetName", "toolName"], entries: [{ dimensions: { toolName: "*", targetName: "*" }, requests: { rate: 1, period: "second" } }] }] }, ["rateLimits[1].dimensionKeys", "no two limits of a gateway may share the same dimensionKeys"]],
        ["two limits with the same dimension keys", { rateLimits: [PER_TOOL, { ...PER_TOOL, id: "per-tool-2" }] }, ["rateLimits[1].dimensionKeys", "no two limits of a gateway may share the same dimensionKeys"]],
        ["no entries", { rateLimits: [{ ...PER_TOOL, entries: [] }] }, ["rateLimits[0].entries [] must have at least 1 items"]],
        ["an unknown key", { rateLimits: [{ ...PER_TOOL, limit: 5 } as never] }, ["rateLimits[0].limit 5 is not a known field"]],
    ];
    for (const [what, args, expected] of cases) {
        it(`refuses ${what}, naming the field`, () => {
            const problems = problemsOf(args).join("\n");
            for (const e of expected) {
                assert.ok(problems.includes(e), `expected "${e}" in:\n${problems}`);
            }
        });
    }
});

describe("AgentEnvironment gateway rate limits from the profile (issue 24 item 3)", () => {
    it("none in dev; a per-principal ceiling of 6000/min in staging and prod (red-team 1: never lower in prod); JWT gateways count by sub; \"none\" turns it off", async () => {
        const limitsOf = async (env: "dev" | "staging" | "prod", gateway: AgentEnvironmentArgs["gateway"]) =>
            (await record(() => new AgentEnvironment("agent", environment(env, gateway)), env)).ofType(RATE_LIMIT).map((r) => ({ id: r.inputs.rateLimitId.replace(/-[0-9a-f]{8}$/, ""), keys: r.inputs.dimensionKeys, entries: r.inputs.entries }));
        assert.deepEqual(await limitsOf("dev", {}), []);
        const perPrincipal = (rate: number, key: string) => [{ id: "per-principal", keys: [key], entries: [{ dimensions: { [key]: "*" }, requests: [{ rate, period: "minute" }] }] }];
        assert.deepEqual(await limitsOf("staging", {}), perPrincipal(6000, "$.context.iam.principal"));
        assert.deepEqual(await limitsOf("prod", {}), perPrincipal(6000, "$.context.iam.principal"));
        const jwt = { type: "CUSTOM_JWT" as const, discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedAudiences: ["tools"] };
        assert.deepEqual(await limitsOf("prod", { inboundAuth: jwt }), perPrincipal(6000, "$.context.jwt.sub"));
        assert.deepEqual(await limitsOf("prod", { rateLimits: "none" }), []);
        assert.deepEqual(await limitsOf("dev", { rateLimits: [PER_TOOL] }), [{ id: "per-tool", keys: ["toolName"], entries: [{ dimensions: { toolName: "*" }, requests: [{ rate: 100, period: "minute" }] }] }]);
    });

    it("red-team 1: the profile's per-principal ceiling is never lower in prod than in staging (one principal is the whole agent)", () => {
        const { staging, prod } = ENVIRONMENT_PROFILES;
        assert.ok(prod.gatewayRequestsPerPrincipalPerMinute >= staging.gatewayRequestsPerPrincipalPerMinute, `prod ${prod.gatewayRequestsPerPrincipalPerMinute} < staging ${staging.gatewayRequestsPerPrincipalPerMinute}`);
        assert.ok(prod.gatewayRequestsPerPrincipalPerMinute >= 3000, `prod ceiling ${prod.gatewayRequestsPerPrincipalPerMinute}/min is too low for a whole agent`);
    });

    it("the environment checks its rate limits before anything is built, under gateway.", () => {
        const problems = problemsOfBuild(() => new AgentEnvironment("agent", environment("prod", { rateLimits: [{ ...PER_TOOL, id: "x" }] })));
        assert.ok(problems.some((p) => p.startsWith('gateway.rateLimits[0].id "x"')), problems.join("\n"));
    });
});

describe("end-user identity to tools (issue 24 item 5)", () => {
    const CRM_URL = "https://login.example.com/.well-known/openid-configuration";
    const JWT = { type: "CUSTOM_JWT" as const, discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedAudiences: ["tools"] };
    const withExchange = (gateway: AgentEnvironmentArgs["gateway"], tokenExchange: object | null = { actorTokenContent: "NONE" }): AgentEnvironmentArgs => ({
        ...environment("dev", gateway),
        identity: { oauth2: { crm: { vendor: { type: "CustomOauth2", discoveryUrl: CRM_URL, ...(tokenExchange ? { tokenExchange } : {}) } as never, clientId: "crm", clientSecret: pulumiSecret("crm-client-secret-0123456789") } } },
    });
    const crmTarget = (grantType: "TOKEN_EXCHANGE" | "CLIENT_CREDENTIALS" = "TOKEN_EXCHANGE") => ({
        type: "mcpServer" as const,
        name: "crm",
        endpoint: "https://mcp.example.com/mcp",
        credentials: { oauth2: "crm", scopes: ["crm.read"], grantType },
    });

    it("TOKEN_EXCHANGE: the target sends the grant type and the provider its onBehalfOfTokenExchangeConfig", async () => {
        const reg = await record(() => new AgentEnvironment("agent", withExchange({ inboundAuth: JWT, targets: [crmTarget()] })), "dev");
        assert.deepEqual(reg.one("aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget").inputs.credentialProviderConfiguration.oauth.grantType, "TOKEN_EXCHANGE");
        assert.deepEqual(parseJsonInput(reg.one("aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider").inputs.oauth2ProviderConfig).customOauth2ProviderConfig.onBehalfOfTokenExchangeConfig, {
            grantType: "TOKEN_EXCHANGE",
            tokenExchangeGrantTypeConfig: { actorTokenContent: "NONE" },
        });
    });

    const cases: [string, AgentEnvironmentArgs, string][] = [
        ["on an AWS_IAM gateway (no user token to exchange)", withExchange({ targets: [crmTarget()] }), 'gateway.targets[0].credentials.grantType "TOKEN_EXCHANGE" exchanges the caller\'s inbound JWT, which a AWS_IAM gateway does not receive'],
        ["with a provider not configured for it", withExchange({ inboundAuth: JWT, targets: [crmTarget()] }, null), 'gateway.targets[0].credentials.oauth2 "crm" must name a provider configured for token exchange'],
        [
            "actor scopes without M2M",
            withExchange({ inboundAuth: JWT, targets: [crmTarget()] }, { actorTokenContent: "NONE", actorTokenScopes: ["x"] }),
            "identity.oauth2.crm.vendor.tokenExchange.actorTokenScopes",
        ],
        [
            "behind the Cognito machine authorizer (red-team 5: client-credentials tokens, sub = client id)",
            withExchange({ inboundAuth: { type: "CUSTOM_JWT", cognito: {} }, targets: [crmTarget()] }),
            'gateway.targets[0].credentials.grantType "TOKEN_EXCHANGE" exchanges the caller\'s inbound JWT, but inboundAuth.cognito issues machine-to-machine tokens',
        ],
        [
            "with an AWS_IAM_ID_TOKEN_JWT actor (red-team 6: no documented grant)",
            withExchange({ inboundAuth: JWT, targets: [crmTarget()] }, { actorTokenContent: "AWS_IAM_ID_TOKEN_JWT" }),
            'identity.oauth2.crm.vendor.tokenExchange.actorTokenContent "AWS_IAM_ID_TOKEN_JWT" is refused',
        ],
        [
            "caller IAM credentials (AWS: AgentCore Runtime HTTP targets only)",
            withExchange({ inboundAuth: JWT, targets: [{ ...crmTarget(), credentials: { callerIam: { service: "execute-api" } } as never }] }),
            "gateway.targets[0].credentials.callerIam \"(set)\" is refused: @pulumi/aws 7.48 can send callerIamCredentials",
        ],
    ];
    for (const [what, args, expected] of cases) {
        it(`refuses TOKEN_EXCHANGE / caller identity ${what}, naming the field`, () => {
            const problems = problemsOfBuild(() => new AgentEnvironment("agent", args)).join("\n");
            assert.ok(problems.includes(expected), `expected "${expected}" in:\n${problems}`);
        });
    }

    it("a target marked reachesUserData that calls as the gateway (role, API key, client credentials) gets an advisory; one acting as the user does not", () => {
        const lambda = { type: "lambda" as const, name: "mail", functionArn: PII, tools: [], reachesUserData: true };
        const provider = { providerName: "crm", tokenExchange: true } as never;
        const warnings = userDataWarnings([
            lambda,
            { type: "mcpServer", name: "crm", endpoint: "https://x", credentials: { oauth2: provider, scopes: [], grantType: "CLIENT_CREDENTIALS" }, reachesUserData: true },
            { type: "mcpServer", name: "files", endpoint: "https://x", credentials: { oauth2: provider, scopes: [], grantType: "TOKEN_EXCHANGE" }, reachesUserData: true },
            { type: "mcpServer", name: "public", endpoint: "https://x" },
        ]);
        assert.deepEqual(
            warnings.map((w) => w.split(":")[0]),
            ["target mail reaches user data (reachesUserData) but calls with the gateway's role, not as the user", "target crm reaches user data (reachesUserData) but calls with the gateway's own OAuth token (CLIENT_CREDENTIALS), not as the user"],
        );
        // red-team 5: behind the Cognito machine authorizer a token exchange acts as the agent's client: still warned.
        const behindCognito = userDataWarnings(
            [{ type: "mcpServer", name: "files", endpoint: "https://x", credentials: { oauth2: provider, scopes: [], grantType: "TOKEN_EXCHANGE" }, reachesUserData: true }],
            { type: "CUSTOM_JWT", cognito: {} },
        );
        assert.deepEqual(behindCognito.map((w) => w.split(":")[0]), ["target files reaches user data (reachesUserData) but calls with a token exchanged for the Cognito machine client's token (inboundAuth.cognito), not a user's, not as the user"]);
    });
});
