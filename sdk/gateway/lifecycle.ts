import { LIFECYCLE_READ_AT, LifecycleContract, tfSource } from "../common/lifecycle";

const gateway = tfSource("bedrockagentcore/gateway.go", "013f173");
const target = tfSource("bedrockagentcore/gateway_target.go", "00ee2ca");
const cognito = (file: string) => tfSource(`cognitoidp/${file}`);
const NOT_REREAD = "ForceNew (schema; not re-read line by line for this table, cross-checked against CloudFormation)";

const RATE_LIMIT_NATIVE = (property: string) => `@pulumi/aws-native 1.79 bedrockagentcore/gatewayRateLimit.js \`${property}\`: replaceOnChanges (CloudFormation AWS::BedrockAgentCore::GatewayRateLimit create-only)`;

/** Lifecycle of what `AgentGateway` (and its Cognito authorizer) creates. */
export const GATEWAY_LIFECYCLE: readonly LifecycleContract[] = [
    {
        // issue 24 item 3. Classic @pulumi/aws 7.48 has no rate-limit resource: the only source is CloudFormation's schema as aws-native generates it.
        type: "aws-native:bedrockagentcore:GatewayRateLimit",
        createdBy: ["AgentGateway"],
        providerSource: "@pulumi/aws-native (CloudFormation AWS::BedrockAgentCore::GatewayRateLimit)",
        readAt: "1.79.0",
        replaces: [
            { argument: "gatewayIdentifier", source: RATE_LIMIT_NATIVE("gatewayIdentifier") },
            { argument: "rateLimitId", source: RATE_LIMIT_NATIVE("rateLimitId") },
            {
                argument: "dimensionKeys",
                native: "dimensionKeys[*]",
                source: RATE_LIMIT_NATIVE("dimensionKeys[*]"),
                note: "UpdateGatewayRateLimit takes only description and entries (\"key and dimensionKeys are immutable and cannot be changed\", API model)",
            },
        ],
        name: { argument: "rateLimitId", scope: "the gateway", scopeArguments: ["gatewayIdentifier"] },
        restrictions: [],
        delete: { kind: "real", why: "DeleteGatewayRateLimit: the gateway stops counting that limit", source: RATE_LIMIT_NATIVE("DeleteGatewayRateLimit") },
        references: ["gatewayIdentifier"],
        native: { module: "bedrockagentcore/gatewayRateLimit" },
        notes: [
            "`description` and `entries` (the rates) update in place (UpdateGatewayRateLimit).",
            "The resource is named after its sorted dimension keys, and AWS's `rateLimitId` is the limit's id + the keys' hash: a renamed id replaces the same resource, deleting the old limit first; new keys are a new limit (new AWS id), created before the old one is deleted.",
        ],
    },
    {
        type: "aws:bedrock/agentcoreGateway:AgentcoreGateway",
        createdBy: ["AgentGateway", "CanaryFrontDoor"],
        providerSource: "internal/service/bedrockagentcore/gateway.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            {
                argument: "name",
                source: gateway("name", 97),
                nativeDisagrees: "CloudFormation marks no create-only property on AWS::BedrockAgentCore::Gateway: UpdateGateway takes name (required) in the API model, so CloudFormation renames in place; the provider replaces",
            },
            {
                argument: "authorizerType",
                source: gateway("authorizer_type", 68),
                nativeDisagrees: "UpdateGateway takes authorizerType (required) in the API model, so CloudFormation updates it in place; the provider replaces",
            },
        ],
        name: { argument: "name", scope: "the account and region" },
        restrictions: [
            {
                id: "search-type-at-creation",
                arguments: ["protocolConfiguration.mcp.searchType"],
                refusedWhen: "always",
                why: "AWS documents semantic search as chosen when the gateway is created (\"If you enabled semantic search for your gateway when you created it\"); the provider would send an in-place UpdateGateway, which was not confirmed to work, so the package replaces instead",
                source: "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-using-mcp-semantic-search.html",
            },
        ],
        delete: { kind: "real", why: "DeleteGateway: the gateway URL callers use is gone; its targets must be deleted first", source: gateway("Delete()", undefined, "DeleteGateway + waitGatewayDeleted") },
        references: ["roleArn", "kmsKeyArn", "policyEngineConfiguration"],
        native: { module: "bedrockagentcore/gateway" },
        notes: [
            "`protocolConfiguration.mcp.searchType` (semantic search) carries no plan modifier, so the provider updates it in place (UpdateGateway). The package puts it in the replace-safe name, or, with an explicit `gatewayName`, must ask for a replacement itself (restriction above).",
            "`kmsKeyArn` carries no plan modifier: changing the key is an in-place UpdateGateway (whether AWS accepts it was not confirmed).",
        ],
    },
    {
        type: "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget",
        createdBy: ["AgentGateway", "CanaryFrontDoor"],
        providerSource: "internal/service/bedrockagentcore/gateway_target.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "gatewayIdentifier", source: target("gateway_identifier") },
            { argument: "name", source: target("name"), nativeDisagrees: "UpdateGatewayTarget takes name in the API model, so CloudFormation renames in place; the provider replaces" },
            {
                argument: "targetConfiguration.mcp",
                on: "kind",
                source: target("target_configuration.mcp", undefined, "ModifyPlan: a change of TargetType() (lambda / openApiSchema / smithyModel / mcpServer) sets RequiresReplace (provider audit 2026-12 §2)"),
                native: null,
            },
            { argument: "targetConfiguration", on: "kind", source: target("target_configuration", undefined, "ModifyPlan: mcp <-> http changes the target type"), native: null },
        ],
        name: { argument: "name", scope: "the gateway (agents see tools as `<target>___<tool>`)", scopeArguments: ["gatewayIdentifier"], referencedByName: true },
        restrictions: [],
        delete: { kind: "real", why: "DeleteGatewayTarget: the gateway's tools from it disappear", source: target("Delete()", undefined, "DeleteGatewayTarget") },
        references: ["gatewayIdentifier", "targetConfiguration", "credentialProviderConfiguration"],
        native: { module: "bedrockagentcore/gatewayTarget" },
    },
    {
        type: "aws:cognito/userPool:UserPool",
        createdBy: ["CognitoMachineAuth (AgentGateway inboundAuth.cognito)"],
        providerSource: "internal/service/cognitoidp/user_pool.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            {
                argument: "name",
                source: cognito("user_pool.go")("name", undefined, NOT_REREAD),
                native: "userPoolName",
                nativeDisagrees: "CloudFormation marks no create-only property on AWS::Cognito::UserPool (its handler updates the pool name); UpdateUserPool has no PoolName, so the provider replaces",
            },
            { argument: "usernameAttributes", source: cognito("user_pool.go")("username_attributes", undefined, NOT_REREAD), nativeDisagrees: "not create-only in CloudFormation's schema; the package never sets it" },
            { argument: "aliasAttributes", source: cognito("user_pool.go")("alias_attributes", undefined, NOT_REREAD), nativeDisagrees: "not create-only in CloudFormation's schema; the package never sets it" },
        ],
        name: { argument: "name", scope: "not unique: Cognito allows several pools with one name", unique: false },
        restrictions: [],
        delete: { kind: "real", why: "DeleteUserPool; refused while deletionProtection is ACTIVE (the package sets it in prod)", source: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html" },
        native: { module: "cognito/userPool" },
    },
    {
        type: "aws:cognito/userPoolClient:UserPoolClient",
        createdBy: ["CognitoMachineAuth"],
        providerSource: "internal/service/cognitoidp/user_pool_client.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "userPoolId", source: cognito("user_pool_client.go")("user_pool_id", undefined, NOT_REREAD) },
            { argument: "generateSecret", source: cognito("user_pool_client.go")("generate_secret", undefined, NOT_REREAD) },
        ],
        name: null,
        restrictions: [],
        delete: { kind: "real", why: "DeleteUserPoolClient: the client id and secret callers hold stop working", source: cognito("user_pool_client.go")("Delete()", undefined, "DeleteUserPoolClient") },
        references: ["userPoolId"],
        native: { module: "cognito/userPoolClient" },
        notes: ["The client id is generated: a replacement gives callers a new id and secret."],
    },
    {
        type: "aws:cognito/userPoolDomain:UserPoolDomain",
        createdBy: ["CognitoMachineAuth"],
        providerSource: "internal/service/cognitoidp/user_pool_domain.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "domain", source: cognito("user_pool_domain.go")("domain", undefined, NOT_REREAD) },
            { argument: "userPoolId", source: cognito("user_pool_domain.go")("user_pool_id", undefined, NOT_REREAD) },
        ],
        name: { argument: "domain", scope: "the region (a prefix domain is global to Cognito in the region)" },
        restrictions: [],
        delete: { kind: "real", why: "DeleteUserPoolDomain", source: cognito("user_pool_domain.go")("Delete()", undefined, "DeleteUserPoolDomain") },
        references: ["userPoolId"],
        native: { module: "cognito/userPoolDomain" },
    },
    {
        type: "aws:cognito/resourceServer:ResourceServer",
        createdBy: ["CognitoMachineAuth"],
        providerSource: "internal/service/cognitoidp/resource_server.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "identifier", source: cognito("resource_server.go")("identifier", undefined, NOT_REREAD) },
            { argument: "userPoolId", source: cognito("resource_server.go")("user_pool_id", undefined, NOT_REREAD) },
        ],
        name: { argument: "identifier", scope: "the user pool", scopeArguments: ["userPoolId"] },
        restrictions: [],
        delete: { kind: "real", why: "DeleteResourceServer: its scopes disappear from issued tokens", source: cognito("resource_server.go")("Delete()", undefined, "DeleteResourceServer") },
        references: ["userPoolId"],
        native: { module: "cognito/userPoolResourceServer" },
    },
];
