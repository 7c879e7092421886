/**
 * Constraints copied from AWS's API model for the AgentCore control plane
 * (`bedrock-agentcore-control.service-2.json`, API version 2023-06-05). Each key
 * is the name of the shape in that model; `tests/validation/shapes.test.ts`
 * proves every entry equals the model, so a model update that changes a rule
 * fails the tests instead of drifting silently.
 */
export interface ShapeConstraint {
    /** Regular expression the whole value must match (the model's patterns are unanchored). */
    pattern?: string;
    /** Minimum length (strings, lists, maps) or value (numbers). */
    min?: number;
    /** Maximum length (strings, lists, maps) or value (numbers). */
    max?: number;
    /** Allowed values. */
    enum?: readonly string[];
}

export const SHAPES = {
    AgentRuntimeName: { pattern: "[a-zA-Z][a-zA-Z0-9_]{0,47}" },
    EndpointName: { pattern: "[a-zA-Z][a-zA-Z0-9_]{0,47}" },
    AgentRuntimeVersion: { pattern: "([1-9][0-9]{0,4})", min: 1, max: 5 },
    LifecycleConfigurationIdleRuntimeSessionTimeoutInteger: { min: 60, max: 1209600 },
    LifecycleConfigurationMaxLifetimeInteger: { min: 60, max: 1209600 },
    RequestHeaderAllowlist: { min: 1, max: 20 },
    HeaderName: { pattern: "[A-Za-z][A-Za-z0-9_-]{0,255}", min: 1, max: 256 },
    EnvironmentVariablesMap: { min: 0, max: 50 },
    EnvironmentVariableKey: { min: 1, max: 100 },
    EnvironmentVariableValue: { min: 0, max: 5000 },
    Description: { min: 1, max: 4096 },
    AgentEndpointDescription: { min: 1, max: 256 },
    ServerProtocol: { enum: ["MCP", "HTTP", "A2A", "AGUI"] },
    NetworkMode: { enum: ["PUBLIC", "VPC"] },
    RoleArn: { pattern: "arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+", min: 1, max: 2048 },
    DiscoveryUrl: { pattern: ".+/\\.well-known/openid-configuration" },
    AllowedAudienceList: { min: 1 },
    AllowedClientsList: { min: 1 },
    AllowedScopesType: { min: 1 },
    AllowedScopeType: { pattern: "[\\x21\\x23-\\x5B\\x5D-\\x7E]+", min: 1, max: 255 },
    TagsMap: { min: 0, max: 50 },
    TagKey: { pattern: "[a-zA-Z0-9\\s._:/=+@-]*", min: 1, max: 128 },
    TagValue: { pattern: "[a-zA-Z0-9\\s._:/=+@-]*", min: 0, max: 256 },
    RuntimeContainerUri: {
        pattern:
            "(([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?|public\\.ecr\\.aws)/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::([^:@]{1,300}))?(?:@(.+))?",
        min: 1,
        max: 1024,
    },
    SecurityGroups: { min: 1, max: 16 },
    Subnets: { min: 1, max: 16 },
    SecurityGroupId: { pattern: "sg-[0-9a-zA-Z]{8,17}" },
    SubnetId: { pattern: "subnet-[0-9a-zA-Z]{8,17}" },
    Name: { pattern: "[a-zA-Z][a-zA-Z0-9_]{0,47}" },
    CreateMemoryInputEventExpiryDurationInteger: { min: 3, max: 365 },
    Arn: { pattern: "arn:[a-z0-9-\\.]{1,63}:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[^/].{0,1023}" },
    MemoryStrategyType: { enum: ["SEMANTIC", "SUMMARIZATION", "USER_PREFERENCE", "CUSTOM", "EPISODIC"] },
    OverrideType: { enum: ["SEMANTIC_OVERRIDE", "SUMMARY_OVERRIDE", "USER_PREFERENCE_OVERRIDE", "SELF_MANAGED", "EPISODIC_OVERRIDE"] },
    NamespacesList: { min: 1, max: 1 },
    Namespace: { pattern: "[a-zA-Z0-9\\-_\\/]*(\\{(actorId|sessionId|memoryStrategyId)\\}[a-zA-Z0-9\\-_\\/]*)*", min: 1, max: 512 },
    Prompt: { min: 1, max: 30000 },
    SandboxName: { pattern: "[a-zA-Z][a-zA-Z0-9_]{0,47}" },
    CodeInterpreterNetworkMode: { enum: ["PUBLIC", "SANDBOX", "VPC"] },
    BrowserNetworkMode: { enum: ["PUBLIC", "VPC"] },
    S3LocationBucketString: { pattern: "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]" },
    S3LocationPrefixString: { min: 1, max: 1024 },
    GatewayName: { pattern: "([0-9a-zA-Z][-]?){1,48}" },
    GatewayDescription: { min: 1, max: 200 },
    TargetName: { pattern: "([0-9a-zA-Z][-]?){1,100}" },
    TargetDescription: { min: 1, max: 200 },
    LambdaFunctionArn: {
        pattern: "arn:(aws[a-zA-Z-]*)?:lambda:([a-z]{2}(-gov)?-[a-z]+-\\d{1}):(\\d{12}):function:([a-zA-Z0-9-_.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?",
        min: 1,
        max: 170,
    },
    S3BucketUri: { pattern: "s3://.{1,2043}" },
    AwsAccountId: { pattern: "[0-9]{12}" },
    SchemaType: { enum: ["string", "number", "object", "array", "boolean", "integer"] },
    McpServerTargetConfigurationEndpointString: { pattern: "https://.*" },
    KmsKeyArn: { pattern: "arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}", min: 1, max: 2048 },
    CredentialProviderName: { pattern: "[a-zA-Z0-9\\-_]+", min: 1, max: 128 },
    CredentialProviderVendorType: {
        enum: [
            "GoogleOauth2", "GithubOauth2", "SlackOauth2", "SalesforceOauth2", "MicrosoftOauth2", "CustomOauth2", "AtlassianOauth2", "LinkedinOauth2",
            "XOauth2", "OktaOauth2", "OneLoginOauth2", "PingOneOauth2", "FacebookOauth2", "YandexOauth2", "RedditOauth2", "ZoomOauth2", "TwitchOauth2",
            "SpotifyOauth2", "DropboxOauth2", "NotionOauth2", "HubspotOauth2", "CyberArkOauth2", "FusionAuthOauth2", "Auth0Oauth2", "CognitoOauth2",
        ],
    },
    ClientIdType: { min: 1, max: 256 },
    DefaultClientIdType: { min: 0, max: 256 },
    DefaultApiKeyType: { min: 0, max: 65536 },
    DefaultClientSecretType: { min: 0, max: 2048 },
    DiscoveryUrlType: { pattern: ".+/\\.well-known/(openid-configuration|oauth-authorization-server)" },
    OAuthScope: { min: 1, max: 64 },
    OAuthScopes: { min: 0, max: 100 },
    OAuthGrantType: { enum: ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE", "TOKEN_EXCHANGE"] },
    OAuthDefaultReturnUrl: { pattern: "\\w+:(\\/?\\/?)[^\\s]+", min: 1, max: 2048 },
    ApiKeyCredentialLocation: { enum: ["HEADER", "QUERY_PARAMETER"] },
    ApiKeyCredentialParameterName: { min: 1, max: 64 },
    ApiKeyCredentialPrefix: { min: 1, max: 64 },
    WorkloadIdentityNameType: { pattern: "[A-Za-z0-9_.-]+", min: 3, max: 255 },
    ResourceOauth2ReturnUrlType: { pattern: "\\w+:(\\/?\\/?)[^\\s]+", min: 1, max: 2048 },
    PolicyEngineName: { pattern: "[A-Za-z][A-Za-z0-9_]*", min: 1, max: 48 },
    PolicyName: { pattern: "[A-Za-z][A-Za-z0-9_]*", min: 1, max: 48 },
    PolicyValidationMode: { enum: ["FAIL_ON_ANY_FINDINGS", "IGNORE_ALL_FINDINGS"] },
    GatewayPolicyEngineMode: { enum: ["LOG_ONLY", "ENFORCE"] },
    GatewayPolicyEngineArn: { pattern: "arn:aws:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:policy-engine\\/[a-zA-Z][a-zA-Z0-9-_]{0,99}-[a-zA-Z0-9_]{10}", min: 1, max: 170 },
    Statement: { min: 35, max: 10000 },
    EvaluatorName: { pattern: "(Builtin.[a-zA-Z0-9_-]+|[a-zA-Z][a-zA-Z0-9_]{0,47})" },
    EvaluatorList: { min: 0, max: 10 },
    SamplingConfigSamplingPercentageDouble: { min: 0.01, max: 100 },
    SessionConfigSessionTimeoutMinutesInteger: { min: 1, max: 1440 },
    LambdaEvaluatorConfigLambdaTimeoutInSecondsInteger: { min: 1, max: 300 },
    TargetTrafficSplitEntryWeightInteger: { min: 1, max: 99 },
    TargetTrafficSplitEntryNameString: { pattern: "[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?", min: 1, max: 64 },
} as const satisfies Record<string, ShapeConstraint>;

export type ShapeName = keyof typeof SHAPES;

/** The model file the constraints come from, named in every message. */
export const MODEL_SOURCE = "bedrock-agentcore-control API model";
