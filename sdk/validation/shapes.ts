/**
 * Constraints copied from AWS's API model for the AgentCore control plane
 * (`bedrock-agentcore-control.service-2.json`, API version 2023-06-05). Each key
 * is the name of the shape in that model; `tests/validation/shapes.test.ts`
 * proves every entry equals the model, so a model update that changes a rule
 * fails the tests instead of drifting silently.
 */
export interface ShapeConstraint {
    /** The model's type of the value: what a caller must send (stack config and plain-JS callers can send anything). */
    type: "string" | "integer" | "list" | "map" | "double";
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
    AgentRuntimeName: { type: "string", pattern: "[a-zA-Z][a-zA-Z0-9_]{0,47}" },
    EndpointName: { type: "string", pattern: "[a-zA-Z][a-zA-Z0-9_]{0,47}" },
    AgentRuntimeVersion: { type: "string", pattern: "([1-9][0-9]{0,4})", min: 1, max: 5 },
    HarnessName: { type: "string", pattern: "[a-zA-Z][a-zA-Z0-9_]{0,39}" },
    HarnessVersion: { type: "string", pattern: "([1-9][0-9]{0,4})", min: 1, max: 5 },
    HarnessAllowedTool: { type: "string", pattern: "(\\*|@?[^/]+(/[^/]+)?)", min: 1, max: 64 },
    LifecycleConfigurationIdleRuntimeSessionTimeoutInteger: { type: "integer", min: 60, max: 1209600 },
    LifecycleConfigurationMaxLifetimeInteger: { type: "integer", min: 60, max: 1209600 },
    RequestHeaderAllowlist: { type: "list", min: 1, max: 20 },
    HeaderName: { type: "string", pattern: "[A-Za-z][A-Za-z0-9_-]{0,255}", min: 1, max: 256 },
    EnvironmentVariablesMap: { type: "map", min: 0, max: 50 },
    EnvironmentVariableKey: { type: "string", min: 1, max: 100 },
    EnvironmentVariableValue: { type: "string", min: 0, max: 5000 },
    Description: { type: "string", min: 1, max: 4096 },
    AgentEndpointDescription: { type: "string", min: 1, max: 256 },
    ServerProtocol: { type: "string", enum: ["MCP", "HTTP", "A2A", "AGUI"] },
    NetworkMode: { type: "string", enum: ["PUBLIC", "VPC"] },
    RoleArn: { type: "string", pattern: "arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+", min: 1, max: 2048 },
    DiscoveryUrl: { type: "string", pattern: ".+/\\.well-known/openid-configuration" },
    AllowedAudienceList: { type: "list", min: 1 },
    AllowedClientsList: { type: "list", min: 1 },
    AllowedScopesType: { type: "list", min: 1 },
    AllowedScopeType: { type: "string", pattern: "[\\x21\\x23-\\x5B\\x5D-\\x7E]+", min: 1, max: 255 },
    TagsMap: { type: "map", min: 0, max: 50 },
    TagKey: { type: "string", pattern: "[a-zA-Z0-9\\s._:/=+@-]*", min: 1, max: 128 },
    TagValue: { type: "string", pattern: "[a-zA-Z0-9\\s._:/=+@-]*", min: 0, max: 256 },
    RuntimeContainerUri: {
        type: "string",
        pattern:
            "(([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?|public\\.ecr\\.aws)/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::([^:@]{1,300}))?(?:@(.+))?",
        min: 1,
        max: 1024,
    },
    AgentManagedRuntimeType: { type: "string", enum: ["PYTHON_3_10", "PYTHON_3_11", "PYTHON_3_12", "PYTHON_3_13", "PYTHON_3_14", "NODE_22"] },
    CodeConfigurationEntryPointList: { type: "list", min: 1, max: 2 },
    entryPoint: { type: "string", min: 1, max: 128 },
    S3LocationVersionIdString: { type: "string", min: 3, max: 1024 },
    SecurityGroups: { type: "list", min: 1, max: 16 },
    Subnets: { type: "list", min: 1, max: 16 },
    SecurityGroupId: { type: "string", pattern: "sg-[0-9a-zA-Z]{8,17}" },
    SubnetId: { type: "string", pattern: "subnet-[0-9a-zA-Z]{8,17}" },
    Name: { type: "string", pattern: "[a-zA-Z][a-zA-Z0-9_]{0,47}" },
    CreateMemoryInputEventExpiryDurationInteger: { type: "integer", min: 3, max: 365 },
    Arn: { type: "string", pattern: "arn:[a-z0-9-\\.]{1,63}:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[^/].{0,1023}" },
    MemoryStrategyType: { type: "string", enum: ["SEMANTIC", "SUMMARIZATION", "USER_PREFERENCE", "CUSTOM", "EPISODIC"] },
    OverrideType: { type: "string", enum: ["SEMANTIC_OVERRIDE", "SUMMARY_OVERRIDE", "USER_PREFERENCE_OVERRIDE", "SELF_MANAGED", "EPISODIC_OVERRIDE"] },
    NamespacesList: { type: "list", min: 1, max: 1 },
    Namespace: { type: "string", pattern: "[a-zA-Z0-9\\-_\\/]*(\\{(actorId|sessionId|memoryStrategyId)\\}[a-zA-Z0-9\\-_\\/]*)*", min: 1, max: 512 },
    Prompt: { type: "string", min: 1, max: 30000 },
    SandboxName: { type: "string", pattern: "[a-zA-Z][a-zA-Z0-9_]{0,47}" },
    CodeInterpreterNetworkMode: { type: "string", enum: ["PUBLIC", "SANDBOX", "VPC"] },
    BrowserNetworkMode: { type: "string", enum: ["PUBLIC", "VPC"] },
    S3LocationBucketString: { type: "string", pattern: "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]" },
    S3LocationPrefixString: { type: "string", min: 1, max: 1024 },
    GatewayName: { type: "string", pattern: "([0-9a-zA-Z][-]?){1,48}" },
    GatewayDescription: { type: "string", min: 1, max: 200 },
    TargetName: { type: "string", pattern: "([0-9a-zA-Z][-]?){1,100}" },
    TargetDescription: { type: "string", min: 1, max: 200 },
    LambdaFunctionArn: {
        type: "string",
        pattern: "arn:(aws[a-zA-Z-]*)?:lambda:([a-z]{2}(-gov)?-[a-z]+-\\d{1}):(\\d{12}):function:([a-zA-Z0-9-_.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?",
        min: 1,
        max: 170,
    },
    S3BucketUri: { type: "string", pattern: "s3://.{1,2043}" },
    RuntimeArn: { type: "string", pattern: "arn:aws(-[^:]+)?:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:runtime/[a-zA-Z][a-zA-Z0-9_]{0,47}-[a-zA-Z0-9]{10}" },
    RestApiMethod: { type: "string", enum: ["GET", "DELETE", "HEAD", "OPTIONS", "PATCH", "PUT", "POST"] },
    AwsAccountId: { type: "string", pattern: "[0-9]{12}" },
    SchemaType: { type: "string", enum: ["string", "number", "object", "array", "boolean", "integer"] },
    McpServerTargetConfigurationEndpointString: { type: "string", pattern: "https://.*" },
    ListingMode: { type: "string", enum: ["DEFAULT", "DYNAMIC"] },
    KmsKeyArn: { type: "string", pattern: "arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}", min: 1, max: 2048 },
    CredentialProviderName: { type: "string", pattern: "[a-zA-Z0-9\\-_]+", min: 1, max: 128 },
    CredentialProviderVendorType: {
        type: "string",
        enum: [
            "GoogleOauth2", "GithubOauth2", "SlackOauth2", "SalesforceOauth2", "MicrosoftOauth2", "CustomOauth2", "AtlassianOauth2", "LinkedinOauth2",
            "XOauth2", "OktaOauth2", "OneLoginOauth2", "PingOneOauth2", "FacebookOauth2", "YandexOauth2", "RedditOauth2", "ZoomOauth2", "TwitchOauth2",
            "SpotifyOauth2", "DropboxOauth2", "NotionOauth2", "HubspotOauth2", "CyberArkOauth2", "FusionAuthOauth2", "Auth0Oauth2", "CognitoOauth2",
        ],
    },
    ClientIdType: { type: "string", min: 1, max: 256 },
    DefaultClientIdType: { type: "string", min: 0, max: 256 },
    DefaultApiKeyType: { type: "string", min: 0, max: 65536 },
    DefaultClientSecretType: { type: "string", min: 0, max: 2048 },
    DiscoveryUrlType: { type: "string", pattern: ".+/\\.well-known/(openid-configuration|oauth-authorization-server)" },
    OAuthScope: { type: "string", min: 1, max: 64 },
    OAuthScopes: { type: "list", min: 0, max: 100 },
    OAuthGrantType: { type: "string", enum: ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE", "TOKEN_EXCHANGE"] },
    OAuthDefaultReturnUrl: { type: "string", pattern: "\\w+:(\\/?\\/?)[^\\s]+", min: 1, max: 2048 },
    ApiKeyCredentialLocation: { type: "string", enum: ["HEADER", "QUERY_PARAMETER"] },
    ApiKeyCredentialParameterName: { type: "string", min: 1, max: 64 },
    ApiKeyCredentialPrefix: { type: "string", min: 1, max: 64 },
    WorkloadIdentityNameType: { type: "string", pattern: "[A-Za-z0-9_.-]+", min: 3, max: 255 },
    ResourceOauth2ReturnUrlType: { type: "string", pattern: "\\w+:(\\/?\\/?)[^\\s]+", min: 1, max: 2048 },
    PolicyEngineName: { type: "string", pattern: "[A-Za-z][A-Za-z0-9_]*", min: 1, max: 48 },
    PolicyName: { type: "string", pattern: "[A-Za-z][A-Za-z0-9_]*", min: 1, max: 48 },
    PolicyValidationMode: { type: "string", enum: ["FAIL_ON_ANY_FINDINGS", "IGNORE_ALL_FINDINGS"] },
    GatewayPolicyEngineMode: { type: "string", enum: ["LOG_ONLY", "ENFORCE"] },
    GatewayPolicyEngineArn: { type: "string", pattern: "arn:aws:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:policy-engine\\/[a-zA-Z][a-zA-Z0-9-_]{0,99}-[a-zA-Z0-9_]{10}", min: 1, max: 170 },
    Statement: { type: "string", min: 35, max: 10000 },
    EvaluatorName: { type: "string", pattern: "(Builtin.[a-zA-Z0-9_-]+|[a-zA-Z][a-zA-Z0-9_]{0,47})" },
    EvaluatorList: { type: "list", min: 0, max: 10 },
    SamplingConfigSamplingPercentageDouble: { type: "double", min: 0.01, max: 100 },
    SessionConfigSessionTimeoutMinutesInteger: { type: "integer", min: 1, max: 1440 },
    LambdaEvaluatorConfigLambdaTimeoutInSecondsInteger: { type: "integer", min: 1, max: 300 },
    TargetTrafficSplitEntryWeightInteger: { type: "integer", min: 1, max: 99 },
    TargetTrafficSplitEntryNameString: { type: "string", pattern: "[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?", min: 1, max: 64 },
    // issue 24 items 4 and 6: the runtime's file systems and browser profiles.
    FilesystemConfigurations: { type: "list", min: 0, max: 5 },
    MountPath: { type: "string", pattern: "/mnt/[a-zA-Z0-9._-]+/?", min: 6, max: 200 },
    EfsAccessPointArn: { type: "string", pattern: "arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-:]+:access-point/fsap-[0-9a-f]{8,40}", min: 0, max: 128 },
    S3FilesAccessPointArn: { type: "string", pattern: "arn:aws[-a-z]*:s3files:[0-9a-z-:]+:file-system/fs-[0-9a-f]{17,40}/access-point/fsap-[0-9a-f]{17,40}", min: 0, max: 256 },
    EfsFileSystemArn: { type: "string", pattern: "arn:aws[-a-z]*:elasticfilesystem:[a-z0-9-]+:[0-9]{12}:file-system/fs-[0-9a-f]{8,40}", min: 0, max: 256 },
    S3FilesFileSystemArn: { type: "string", pattern: "arn:aws[-a-z]*:s3files:[a-z0-9-]+:[0-9]{12}:file-system/fs-[0-9a-f]{17,40}", min: 0, max: 256 },
    BrowserProfileName: { type: "string", pattern: "[a-zA-Z][a-zA-Z0-9_]{0,47}" },
    // issue 24 items 2 and 3: gateway interceptors and rate limits.
    GatewayInterceptorConfigurations: { type: "list", min: 1, max: 2 },
    GatewayInterceptionPoints: { type: "list", min: 1, max: 2 },
    GatewayInterceptionPoint: { type: "string", enum: ["REQUEST", "RESPONSE"] },
    GatewayRateLimitId: { type: "string", pattern: "[a-zA-Z0-9][a-zA-Z0-9\\-_\\.]{0,62}[a-zA-Z0-9]", min: 2, max: 64 },
    GatewayRateLimitDescription: { type: "string", min: 0, max: 512 },
    DimensionKeys: { type: "list", min: 1, max: 10 },
    DimensionKey: {
        type: "string",
        pattern: "(targetName|toolName|qualifiedModelId|\\$\\.context\\.iam\\.principal|\\$\\.context\\.iam\\.sourceIdentity|\\$\\.context\\.jwt\\.[a-zA-Z_][a-zA-Z0-9_\\-\\.]{0,61}[a-zA-Z0-9_])",
        min: 1,
        max: 80,
    },
    LimitEntries: { type: "list", min: 1, max: 1000 },
    LimitEntryDimensionsMap: { type: "map", min: 1, max: 10 },
    DimensionValue: { type: "string", min: 1, max: 256 },
    RateConfigRateDouble: { type: "double", min: 0, max: 10000000 },
    Period: { type: "string", enum: ["second", "minute"] },
    // issue 24 item 5: on-behalf-of token exchange.
    ActorTokenContentType: { type: "string", enum: ["NONE", "M2M", "AWS_IAM_ID_TOKEN_JWT"] },
    ScopeType: { type: "string", min: 1, max: 128 },
} as const satisfies Record<string, ShapeConstraint>;

export type ShapeName = keyof typeof SHAPES;

/** The model file the constraints come from, named in every message. */
export const MODEL_SOURCE = "bedrock-agentcore-control API model";
