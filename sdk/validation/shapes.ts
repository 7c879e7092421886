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
} as const satisfies Record<string, ShapeConstraint>;

export type ShapeName = keyof typeof SHAPES;

/** The model file the constraints come from, named in every message. */
export const MODEL_SOURCE = "bedrock-agentcore-control API model";
