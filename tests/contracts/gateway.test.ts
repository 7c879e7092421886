import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, AgentEnvironmentArgs, EnvironmentGatewayArgs, gatewayDeployerKeyStatement, policyEngineDeployerKeyStatements, policyEngineKeyPolicyStatements } from "../../sdk";
import { GATEWAY_CONTRACT } from "../../sdk/gateway/contract";
import { record, valueOf } from "../harness";
import { RenderedAccess, documentOf, evaluate, renderedRole, unexercised, violations } from "./simulate";

const DIGEST = `sha256:${"a".repeat(64)}`;
const FN = "arn:aws:lambda:us-east-1:123456789012:function:order-lookup";
/** issue 24 item 2: the gateway's PII-redacting interceptor. */
const INTERCEPTOR = "arn:aws:lambda:us-east-1:123456789012:function:pii-redactor";
const TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";
/** A team's MCP server on an AgentCore Runtime, behind the gateway. */
const MCP_RUNTIME = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/orders_mcp-AbCdEf1234";
const SUPPLIED_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
/** The key policy AWS gives a key created without one: the account's IAM policies decide (KMS "Default key policy"). */
const DEFAULT_KEY_POLICY = { Version: "2012-10-17", Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" }] };
const DYNAMO_MODEL = JSON.stringify({
    smithy: "2.0",
    shapes: {
        "com.example#Orders": {
            type: "service",
            version: "2012-08-10",
            operations: [{ target: "com.example#GetItem" }, { target: "com.example#Query" }],
            traits: { "aws.api#service": { sdkId: "DynamoDB", arnNamespace: "dynamodb" }, "aws.auth#sigv4": { name: "dynamodb" } },
        },
        "com.example#GetItem": { type: "operation" },
        "com.example#Query": { type: "operation" },
    },
});

type Inbound = "iam" | "jwt" | "cognito" | "authenticate-only";
type Grant = "CLIENT_CREDENTIALS" | "AUTHORIZATION_CODE" | "TOKEN_EXCHANGE";

/** An environment whose gateway has a Lambda, a Smithy, an API-key and an OAuth2 target. */
function gatewayEnvironment(environment: "dev" | "staging" | "prod", inbound: Inbound, grant: Grant, encryption?: EnvironmentGatewayArgs["encryption"]): AgentEnvironmentArgs {
    const inboundAuth: EnvironmentGatewayArgs["inboundAuth"] =
        inbound === "iam"
            ? { type: "AWS_IAM" }
            : inbound === "jwt"
              ? { type: "CUSTOM_JWT", discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedAudiences: ["tools"] }
              : inbound === "authenticate-only"
                ? { type: "AUTHENTICATE_ONLY", discoveryUrl: "https://idp.example.com/.well-known/openid-configuration" }
                : { type: "CUSTOM_JWT", cognito: {} };
    // AUTHENTICATE_ONLY authorizes nothing itself: the package requires an enforcing policy engine (issue 20 item 11).
    const toolPolicies: EnvironmentGatewayArgs["toolPolicies"] =
        inbound === "authenticate-only"
            ? {
                  mode: "ENFORCE",
                  policies: [
                      {
                          name: "lookup_by_app",
                          statement:
                              'permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::"orders___lookup_order", resource == AgentCore::Gateway::"{{gatewayArn}}") when { principal.hasTag("client_id") && principal.getTag("client_id") == "app" };',
                      },
                  ],
              }
            : undefined;
    return {
        environment,
        image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/support@${DIGEST}` },
        models: ["amazon.nova-lite-v1:0"],
        ...(environment === "dev" ? {} : { runtimeVersion: "1" }),
        identity: {
            apiKeys: { search: { apiKey: pulumi.secret("search-api-key-0123456789") } },
            oauth2: {
                crm: {
                    vendor: {
                        type: "CustomOauth2",
                        discoveryUrl: "https://login.example.com/.well-known/openid-configuration",
                        // issue 24 item 5: on-behalf-of token exchange (RFC 8693).
                        ...(grant === "TOKEN_EXCHANGE" ? { tokenExchange: { actorTokenContent: "NONE" as const } } : {}),
                    },
                    clientId: "crm-client",
                    clientSecret: pulumi.secret("crm-client-secret-0123456789"),
                },
            },
        },
        gateway: {
            inboundAuth,
            ...(encryption ? { encryption } : {}),
            // Issue 20 item 3: a policy engine of the gateway's own, encrypted with the gateway's key when it has one.
            toolPolicies: toolPolicies ?? {
                policies: [
                    {
                        name: "lookup",
                        statement:
                            inbound === "iam"
                                ? 'permit(principal is AgentCore::IamEntity, action == AgentCore::Action::"orders___lookup_order", resource == AgentCore::Gateway::"{{gatewayArn}}") when { principal.id like "arn:aws:iam::123456789012:*" };'
                                : 'permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::"orders___lookup_order", resource == AgentCore::Gateway::"{{gatewayArn}}") when { principal.hasTag("scope") };',
                    },
                ],
            },
            interceptors: [{ functionArn: INTERCEPTOR, points: ["REQUEST", "RESPONSE"] }],
            targets: [
                { type: "lambda", name: "orders", functionArn: FN, tools: [{ name: "lookup_order", description: "Find an order", inputSchema: { type: "object" } }] },
                { type: "smithy", name: "dynamo", schema: { inline: DYNAMO_MODEL }, permissions: { resources: [TABLE] } },
                { type: "openApi", name: "search", schema: { inline: '{"openapi":"3.0.1"}' }, credentials: { apiKey: "search" } },
                { type: "agentRuntime", name: "ordersmcp", runtimeArn: MCP_RUNTIME, qualifier: "prod" },
                { type: "apiGateway", name: "pets", restApiId: "a1b2c3d4e5", stage: "prod", toolFilters: [{ path: "/pets/*", methods: ["GET"] }] },
                {
                    type: "mcpServer",
                    name: "crm",
                    endpoint: "https://mcp.example.com/mcp",
                    credentials: { oauth2: "crm", scopes: ["crm.read"], grantType: grant, ...(grant === "AUTHORIZATION_CODE" ? { defaultReturnUrl: "https://app.example.com/callback" } : {}) },
                },
            ],
        },
    };
}

/** Renders the environment and binds what the gateway contract names. */
async function gatewayShape(environment: "dev" | "staging" | "prod", inbound: Inbound, grant: Grant, encryption?: EnvironmentGatewayArgs["encryption"]): Promise<RenderedAccess> {
    let deployer: pulumi.Output<unknown> | undefined;
    let env: AgentEnvironment | undefined;
    const reg = await record(() => {
        env = new AgentEnvironment("support", gatewayEnvironment(environment, inbound, grant, encryption));
    }, environment);
    const engine = reg.one("aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine");
    // A supplied key with AWS's default key policy: the account-root statement leaves every principal's access to IAM.
    const suppliedKeyPolicy = DEFAULT_KEY_POLICY;
    const engineDeployer = env!.gateway!.policyEngineDeployerKeyStatements;
    const gateway = reg.one("aws:bedrock/agentcoreGateway:AgentcoreGateway");
    const keys = reg.ofType("aws:kms/key:Key").filter((k) => k.name === "support-gateway-cmk-key");
    const keyArn = keys.length === 1 ? keys[0].outputs.arn : typeof encryption === "object" ? encryption.kmsKeyArn : undefined;
    const apiKey = reg.one("aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider");
    const oauth = reg.one("aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider");
    const gatewayRole = renderedRole(reg, "support-gateway-role");
    if (keyArn) {
        deployer = gatewayDeployerKeyStatement(keyArn as string, "us-east-1");
    }
    const features = ["interceptor", "tool-policies", "lambda", "smithy", "runtime-target", "api-gateway-target", "credentials", "api-key", "oauth2", inbound === "iam" ? "iam-inbound" : "jwt", grant === "AUTHORIZATION_CODE" ? "three-legged" : grant === "TOKEN_EXCHANGE" ? "token-exchange" : "client-credentials"];
    if (keyArn) {
        features.push("cmk");
    }
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: {
            gatewayRoleArn: gatewayRole.arn,
            gatewayId: gateway.outputs.gatewayId,
            gatewayArn: gateway.outputs.gatewayArn,
            functionArn: FN,
            interceptorArn: INTERCEPTOR,
            tableArn: TABLE,
            mcpRuntimeArn: MCP_RUNTIME,
            workloadIdentityArn: gateway.outputs.workloadIdentityDetails[0].workloadIdentityArn,
            apiKeyProviderArn: apiKey.outputs.credentialProviderArn,
            apiKeySecretArn: apiKey.outputs.apiKeySecretArns[0].secretArn,
            oauthProviderArn: oauth.outputs.credentialProviderArn,
            oauthSecretArn: oauth.outputs.clientSecretArns[0].secretArn,
            ...(keyArn ? { keyArn: keyArn as string } : {}),
            policyEngineArn: engine.outputs.policyEngineArn,
            policyEngineName: engine.inputs.name,
        },
        roles: { gateway: gatewayRole, runtime: renderedRole(reg, "support-role") },
        resourcePolicies: keyArn ? { "key:gateway": keys.length === 1 ? documentOf(reg, "aws:kms/key:Key", "support-gateway-cmk-key", "policy") : suppliedKeyPolicy } : {},
        endpointPolicies: {},
        accountIdentities: {
            ...(deployer ? { deployer: [{ Version: "2012-10-17", Statement: [await valueOf(deployer)] }] } : {}),
            ...(engineDeployer ? { engineDeployer: [{ Version: "2012-10-17", Statement: await valueOf(engineDeployer) }] } : {}),
        },
        features: new Set(features),
    };
}

describe("access contract: AgentGateway", () => {
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        shapes["dev (IAM inbound, client credentials, supplied key)"] = await gatewayShape("dev", "iam", "CLIENT_CREDENTIALS", { kmsKeyArn: SUPPLIED_KEY });
        shapes["dev (IAM inbound, three-legged, AWS-owned key)"] = await gatewayShape("dev", "iam", "AUTHORIZATION_CODE");
        shapes["staging (external JWT, three-legged, created key)"] = await gatewayShape("staging", "jwt", "AUTHORIZATION_CODE");
        shapes["prod (Cognito, client credentials, created key)"] = await gatewayShape("prod", "cognito", "CLIENT_CREDENTIALS");
        shapes["staging (AUTHENTICATE_ONLY external issuer, client credentials, created key)"] = await gatewayShape("staging", "authenticate-only", "CLIENT_CREDENTIALS");
        shapes["prod (external JWT, token exchange, created key)"] = await gatewayShape("prod", "jwt", "TOKEN_EXCHANGE");
    });

    for (const shape of [
        "dev (IAM inbound, client credentials, supplied key)",
        "dev (IAM inbound, three-legged, AWS-owned key)",
        "staging (external JWT, three-legged, created key)",
        "prod (Cognito, client credentials, created key)",
        "staging (AUTHENTICATE_ONLY external issuer, client credentials, created key)",
        "prod (external JWT, token exchange, created key)",
    ]) {
        it(`every allowed call is allowed and every denied call denied: ${shape}`, async () => {
            assert.deepEqual(await violations(GATEWAY_CONTRACT, shapes[shape]), []);
        });
    }

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(GATEWAY_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: a created key whose policy holds only the account-root statement denies a deployer without the deployer statement", async () => {
        const shape = shapes["prod (Cognito, client credentials, created key)"];
        const grant = GATEWAY_CONTRACT.allowed.find((c) => c.id === "deployer-creates-grant")!;
        assert.equal((await evaluate(grant, "Allowed", shape)).decision, "Allowed");
        const noStatement = { ...shape, accountIdentities: { deployer: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "bedrock-agentcore:*", Resource: "*" }] }] } };
        assert.equal((await evaluate(grant, "Allowed", noStatement)).decision, "ImplicitlyDenied");
    });

    it("red-team finding 1: a created key admits no service principal; the engine's deployer holds AWS's three FAS statements, narrowed to this engine", async () => {
        const created = shapes["prod (Cognito, client credentials, created key)"];
        const keyPolicy = created.resourcePolicies["key:gateway"];
        // The key keeps its account-root statement (IAM decides) and the gateway role's: nothing for bedrock-agentcore.amazonaws.com.
        assert.deepEqual(
            keyPolicy.Statement.map((st: { Sid: string; Principal: unknown }) => [st.Sid, st.Principal]),
            [
                ["AccountAdministersKey", { AWS: "arn:aws:iam::123456789012:root" }],
                ["GatewayRoleUsesKeyThroughAgentCore", { AWS: created.roles.gateway.arn }],
            ],
        );
        const row = (id: string) => [...GATEWAY_CONTRACT.allowed, ...GATEWAY_CONTRACT.denied].find((c) => c.id === id)!;
        assert.equal((await evaluate(row("service-principal-uses-engine-key"), "Denied", created)).decision, "ImplicitlyDenied");
        // Without the engine statements the engine's deployer can do nothing with the key.
        const bare = { ...created, accountIdentities: { ...created.accountIdentities, engineDeployer: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "bedrock-agentcore:*", Resource: "*" }] }] } };
        for (const id of ["engine-deployer-creates-grant", "engine-deployer-decrypt", "engine-deployer-generate-data-key", "engine-deployer-describes-key"]) {
            assert.equal((await evaluate(row(id), "Allowed", created)).decision, "Allowed", id);
            assert.equal((await evaluate(row(id), "Allowed", bare)).decision, "ImplicitlyDenied", id);
        }
        // gatewayDeployerKeyStatement on the same key is a superset: the gateway's deployer needs nothing more for the engine.
        const asGatewayDeployer = { ...created, accountIdentities: { ...created.accountIdentities, engineDeployer: created.accountIdentities!.deployer } };
        for (const id of ["engine-deployer-creates-grant", "engine-deployer-decrypt", "engine-deployer-generate-data-key", "engine-deployer-describes-key"]) {
            assert.equal((await evaluate(row(id), "Allowed", asGatewayDeployer)).decision, "Allowed", id);
        }
    });

    it("red-team finding 1: a supplied key whose policy does not delegate to IAM works with policyEngineKeyPolicyStatements naming the deployer, and only so", async () => {
        const shape = shapes["dev (IAM inbound, client credentials, supplied key)"];
        const deployerArn = "arn:aws:iam::123456789012:role/engineDeployer";
        const scope = { accountId: "123456789012", region: "us-east-1", policyEngineName: shape.bindings.policyEngineName };
        const statements = await valueOf(policyEngineKeyPolicyStatements(scope, deployerArn));
        // AWS's "Complete AWS KMS key policy", statement by statement, with the engine's ARN pattern in place of policy-engine/*.
        const engine = `arn:aws:bedrock-agentcore:us-east-1:123456789012:policy-engine/${shape.bindings.policyEngineName}-??????????`;
        const context = "kms:EncryptionContext:aws:bedrock-agentcore-policy:policy-engine-arn";
        const via = "bedrock-agentcore.us-east-1.amazonaws.com";
        assert.deepEqual(statements, [
            {
                Sid: "PolicyEngineCreatesGrants",
                Effect: "Allow",
                Action: ["kms:CreateGrant"],
                Principal: { AWS: deployerArn },
                Resource: "*",
                Condition: {
                    StringEquals: { "kms:ViaService": via, "kms:GrantConstraintType": "EncryptionContextSubset" },
                    StringLike: { [context]: engine },
                    "ForAllValues:StringEquals": { "kms:GrantOperations": ["Encrypt", "Decrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo"] },
                },
            },
            { Sid: "PolicyEngineKmsOperations", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Principal: { AWS: deployerArn }, Resource: "*", Condition: { StringEquals: { "kms:ViaService": via }, StringLike: { [context]: engine } } },
            { Sid: "PolicyEngineKmsValidation", Effect: "Allow", Action: ["kms:DescribeKey"], Principal: { AWS: deployerArn }, Resource: "*", Condition: { StringEquals: { "kms:ViaService": via } } },
        ]);
        // The identity-policy form is the same three statements on the key.
        const identity = await valueOf(policyEngineDeployerKeyStatements(scope, SUPPLIED_KEY));
        assert.deepEqual(
            identity.map((st) => [st.Action, st.Resource, st.Condition]),
            statements.map((st) => [st.Action, SUPPLIED_KEY, st.Condition]),
        );
        // Evaluated: a key policy of only these statements (no account-root statement), a deployer with no identity policy of its own.
        const namesDeployer = { ...shape, resourcePolicies: { "key:gateway": { Version: "2012-10-17", Statement: statements } }, accountIdentities: { engineDeployer: [] } };
        const engineRows = (rows: typeof GATEWAY_CONTRACT.allowed) => rows.filter((c) => c.principal === "account:engineDeployer");
        assert.equal(engineRows(GATEWAY_CONTRACT.allowed).length, 4);
        assert.equal(engineRows(GATEWAY_CONTRACT.denied).length, 7);
        for (const call of engineRows(GATEWAY_CONTRACT.allowed)) {
            assert.equal((await evaluate(call, "Allowed", namesDeployer)).decision, "Allowed", call.id);
        }
        for (const call of engineRows(GATEWAY_CONTRACT.denied)) {
            assert.equal((await evaluate(call, "Denied", namesDeployer)).decision, "ImplicitlyDenied", call.id);
        }
        // A key policy naming another principal admits nobody here.
        const other = await valueOf(policyEngineKeyPolicyStatements(scope, "arn:aws:iam::123456789012:role/someoneelse"));
        const namesOther = { ...namesDeployer, resourcePolicies: { "key:gateway": { Version: "2012-10-17", Statement: other } } };
        assert.equal((await evaluate(engineRows(GATEWAY_CONTRACT.allowed)[0], "Allowed", namesOther)).decision, "ImplicitlyDenied");
    });

    it("the evaluator can fail: a gateway role without the key statement cannot use a supplied key", async () => {
        const shape = shapes["dev (IAM inbound, client credentials, supplied key)"];
        const decrypt = GATEWAY_CONTRACT.allowed.find((c) => c.id === "role-decrypt")!;
        const role = shape.roles.gateway;
        const stripped = { ...shape, roles: { ...shape.roles, gateway: { ...role, policies: role.policies.filter((p) => p.name !== "gateway-key") } } };
        assert.equal((await evaluate(decrypt, "Allowed", stripped)).decision, "ImplicitlyDenied");
    });

    it("the evaluator can fail: the JWT-bound token is refused to a role granted only the plain token", async () => {
        const shape = shapes["staging (external JWT, three-legged, created key)"];
        const forJwt = GATEWAY_CONTRACT.allowed.find((c) => c.id === "workload-token-for-jwt")!;
        const plainOnly = { ...shape, features: new Set([...shape.features].filter((f) => f !== "jwt").concat("iam-inbound")), roles: shapes["dev (IAM inbound, three-legged, AWS-owned key)"].roles };
        assert.equal((await evaluate(forJwt, "Allowed", plainOnly)).decision, "ImplicitlyDenied");
    });
});
