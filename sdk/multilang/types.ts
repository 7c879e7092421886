/**
 * The arguments of the multi-language components (Python, Go, .NET, YAML, Java,
 * through `pulumi package add`). Pulumi's component schema is inferred from these
 * TypeScript types, and the inference accepts no union types: every choice the
 * TypeScript API expresses as a discriminated union is here a `type`/`mode` enum
 * (an `as const` object) plus the fields of each variant, and `resolve.ts` maps
 * them back onto the TypeScript API, refusing a field that its variant does not
 * take instead of dropping it. The TypeScript API (`AgentEnvironmentArgs`) is
 * unchanged.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AgentImageArgs } from "../image/agentImage";
import type { ModelPromptOverride, ReflectionOverride } from "../memory/types";
import type { AlarmThresholds } from "../observability/types";
import type { RuntimeEndpointSpec, RuntimeLifecycle } from "../runtime/types";
import type { WorkloadIdentityArgs } from "../identity/workloadIdentity";
import type { CanarySettings } from "../delivery/types";
import type { ToolPolicySpec } from "../governance/types";
import type { AgentCardSkill } from "../registry/types";

/** The environment profile (a row of `ENVIRONMENT_PROFILES`). */
export const Environment = { dev: "dev", staging: "staging", prod: "prod" } as const;
export type Environment = (typeof Environment)[keyof typeof Environment];

/** Server protocol of the agent container. */
export const ServerProtocol = { HTTP: "HTTP", MCP: "MCP", A2A: "A2A", AGUI: "AGUI" } as const;
export type ServerProtocol = (typeof ServerProtocol)[keyof typeof ServerProtocol];

/** How callers authenticate. */
export const AuthorizerType = { AWS_IAM: "AWS_IAM", CUSTOM_JWT: "CUSTOM_JWT" } as const;
export type AuthorizerType = (typeof AuthorizerType)[keyof typeof AuthorizerType];

/** Who may call the runtime: `AWS_IAM`, or `CUSTOM_JWT` with a discovery URL and at least one audience or client. */
export interface AuthorizerSettings {
    /** `AWS_IAM` (SigV4, the default) or `CUSTOM_JWT` (bearer tokens from an OIDC issuer). */
    type: AuthorizerType;
    /** CUSTOM_JWT only: the issuer's discovery URL (`…/.well-known/openid-configuration`). */
    discoveryUrl?: pulumi.Input<string>;
    /** CUSTOM_JWT only: accepted `aud` claims. */
    allowedAudiences?: pulumi.Input<string>[];
    /** CUSTOM_JWT only: accepted `client_id` claims. */
    allowedClients?: pulumi.Input<string>[];
    /** CUSTOM_JWT only: accepted scopes. */
    allowedScopes?: pulumi.Input<string>[];
}

/** Where sessions run. */
export const NetworkMode = { PUBLIC: "PUBLIC", EXISTING_VPC: "EXISTING_VPC", NEW_VPC: "NEW_VPC" } as const;
export type NetworkMode = (typeof NetworkMode)[keyof typeof NetworkMode];

/** NAT gateways of a new VPC. */
export const NatGateways = { None: "None", Single: "Single", OnePerAz: "OnePerAz" } as const;
export type NatGateways = (typeof NatGateways)[keyof typeof NatGateways];

/**
 * The outputs of an `AgentPlatform` stack (its `platform` stack output, e.g. read
 * with a stack reference): the shared VPC, endpoints and trace delivery policy of
 * the account and region.
 */
export interface PlatformSettings {
    /** The platform's name, named in errors. */
    platformName: string;
    /** Account id of the platform (12 digits). */
    accountId: string;
    /** Region of the platform; the stack must deploy to the same. */
    region: string;
    /** The shared VPC. */
    vpcId: string;
    /** Its private subnets. */
    subnetIds: string[];
    /** Security groups the shared endpoints admit. */
    securityGroupIds: string[];
    /** VPC endpoint services the platform provides. */
    endpoints: string[];
    /** Features team stacks may use. */
    features: string[];
    /** The shared logs key team stacks encrypt their log groups with. */
    logsKeyArn?: string;
    /** Name of the account's trace delivery policy. */
    traceDeliveryPolicyName: string;
    /** A shared policy engine, when the platform names one. */
    policyEngineArn?: string;
    /** The organization's agent registry, when the platform has one. */
    registryArn?: string;
}

/** The network: `PUBLIC`; `EXISTING_VPC` with `vpcId` and `subnetIds`; or `NEW_VPC`. */
export interface NetworkSettings {
    /** `PUBLIC` (dev default), `EXISTING_VPC` or `NEW_VPC` (staging and prod default). */
    mode: NetworkMode;
    /** EXISTING_VPC only: the VPC id. */
    vpcId?: pulumi.Input<string>;
    /** EXISTING_VPC only: private subnet ids (1-16) in zones AgentCore supports. */
    subnetIds?: pulumi.Input<string>[];
    /** EXISTING_VPC only: existing security groups for the runtime. @default a new group, egress 443 only */
    securityGroupIds?: pulumi.Input<string>[];
    /** EXISTING_VPC only: services whose VPC endpoints the VPC already has (`ecr.api`, `ecr.dkr`, `s3`, `logs`, ...). @default [] */
    sharedEndpoints?: string[];
    /** NEW_VPC only: IPv4 range, a /16 to /24. @default "10.0.0.0/16" */
    cidrBlock?: string;
    /** NEW_VPC only: availability zones (at least 2). @default 2 */
    availabilityZoneCount?: number;
    /** NEW_VPC only: NAT gateways, for agents that call the internet. @default "None" */
    natGateways?: NatGateways;
}

/** A memory strategy's kind. */
export const StrategyType = { SEMANTIC: "SEMANTIC", SUMMARIZATION: "SUMMARIZATION", USER_PREFERENCE: "USER_PREFERENCE", EPISODIC: "EPISODIC", CUSTOM: "CUSTOM" } as const;
export type StrategyType = (typeof StrategyType)[keyof typeof StrategyType];

/** What a CUSTOM strategy overrides. */
export const OverrideType = {
    SEMANTIC_OVERRIDE: "SEMANTIC_OVERRIDE",
    USER_PREFERENCE_OVERRIDE: "USER_PREFERENCE_OVERRIDE",
    SUMMARY_OVERRIDE: "SUMMARY_OVERRIDE",
    EPISODIC_OVERRIDE: "EPISODIC_OVERRIDE",
} as const;
export type OverrideType = (typeof OverrideType)[keyof typeof OverrideType];

/** The steps a CUSTOM strategy overrides and the models they run on. */
export interface StrategyOverrideSettings {
    /** Which built-in strategy is overridden. */
    type: OverrideType;
    /** The extraction step (not for SUMMARY_OVERRIDE). */
    extraction?: ModelPromptOverride;
    /** The consolidation step (required for SUMMARY_OVERRIDE). */
    consolidation?: ModelPromptOverride;
    /** EPISODIC_OVERRIDE only (required there): the reflection step. */
    reflection?: ReflectionOverride;
}

/** One long-term memory strategy. */
export interface StrategySettings {
    /** The strategy's kind. */
    type: StrategyType;
    /** Name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`); required for CUSTOM. @default the type in lower case */
    name?: string;
    /** Description (1-4096 characters). */
    description?: string;
    /** The namespace template records are filed under. @default per type */
    namespace?: string;
    /** EPISODIC only: the namespace of reflections. */
    reflectionNamespace?: string;
    /** CUSTOM only (required there): what it overrides. */
    override?: StrategyOverrideSettings;
}

/** Which key encrypts data at rest. */
export const KeyChoice = { create: "create", awsOwned: "aws-owned", existing: "existing" } as const;
export type KeyChoice = (typeof KeyChoice)[keyof typeof KeyChoice];

/** The agent's memory. */
export interface MemorySettings {
    /** AgentCore memory name. @default `<agent>_memory` */
    memoryName?: string;
    /** Description (1-4096 characters). */
    description?: string;
    /** Days short-term events are kept (7-365). @default the profile's */
    eventExpiryDays?: number;
    /** Long-term strategies (at most 6). @default [] */
    strategies?: StrategySettings[];
    /** `create` (a rotating customer-managed key), `existing` (with `kmsKeyArn`) or `aws-owned`. @default the profile's */
    encryption?: KeyChoice;
    /** With `encryption: existing`: the customer-managed key's ARN. */
    kmsKeyArn?: pulumi.Input<string>;
    /**
     * Foundation-model ARNs behind each application inference profile (by profile ARN, as listed)
     * that cannot be expanded offline; Bedrock requires invoke on them as well as on the profile.
     * @default {}
     */
    inferenceProfileModels?: { [profile: string]: string[] };
}

/** Where alarms notify. */
export const AlarmTopicType = { create: "create", existing: "existing" } as const;
export type AlarmTopicType = (typeof AlarmTopicType)[keyof typeof AlarmTopicType];

/** The alarm topic: create one, or an existing topic's ARN. */
export interface AlarmTopicSettings {
    /** `create` or `existing`. */
    type: AlarmTopicType;
    /** `existing` only: the topic's ARN. */
    arn?: pulumi.Input<string>;
}

/** The post-deploy smoke test: invoke, then check the answer contains a text or has a JSON field. */
export interface SmokeTestSettings {
    /** The request body sent to the agent. */
    payload: string;
    /** Pass when the answer contains this text (exclusive with `jsonField`). */
    contains?: string;
    /** Pass when the answer is JSON with this field (exclusive with `contains`). */
    jsonField?: string;
    /** With `jsonField`: the value the field must equal. */
    equals?: string;
}

/** Logs, traces, dashboard, alarms, smoke test. */
/** Who owns the account's X-Ray trace delivery policy. */
export const TraceDeliveryPolicyOwner = { existing: "existing", create: "create" } as const;
export type TraceDeliveryPolicyOwner = (typeof TraceDeliveryPolicyOwner)[keyof typeof TraceDeliveryPolicyOwner];

export interface ObservabilitySettings {
    /** Deliver application logs. @default true */
    logs?: boolean;
    /** Deliver traces to X-Ray. @default true */
    traces?: boolean;
    /** Also deliver the traces of custom browsers and code interpreters (AWS documents their trace delivery only through the console). @default false */
    toolTraces?: boolean;
    /** `existing`: the account's one X-Ray trace delivery policy lives in another stack (TransactionSearch); `create`: this environment creates it (one per account). @default existing */
    traceDeliveryPolicy?: TraceDeliveryPolicyOwner;
    /** Create the dashboard. @default the profile's */
    dashboard?: boolean;
    /** Create alarms. @default the profile's */
    alarms?: boolean;
    /** Alarm thresholds (implies `alarms`). @default AgentCore's defaults in the TypeScript API */
    alarmThresholds?: AlarmThresholds;
    /** Where alarms notify. @default none */
    alarmTopic?: AlarmTopicSettings;
    /** A post-deploy invocation of the endpoint callers use. @default none */
    smokeTest?: SmokeTestSettings;
}

/** Network of a code interpreter. */
export const CodeInterpreterNetworkMode = { SANDBOX: "SANDBOX", VPC: "VPC", PUBLIC: "PUBLIC" } as const;
export type CodeInterpreterNetworkMode = (typeof CodeInterpreterNetworkMode)[keyof typeof CodeInterpreterNetworkMode];

/** A code interpreter for the agent. */
export interface CodeInterpreterSettings {
    /** Use AWS's managed interpreter (no other field may be set). @default false */
    managed?: boolean;
    /** AgentCore name. */
    name?: string;
    /** SANDBOX, VPC or PUBLIC. @default VPC with a VPC, else SANDBOX */
    networkMode?: CodeInterpreterNetworkMode;
    /** S3 buckets code may read. @default [] */
    dataBuckets?: pulumi.Input<string>[];
    /** Description. */
    description?: string;
}

/** Network of a browser. */
export const BrowserNetworkMode = { VPC: "VPC", PUBLIC: "PUBLIC" } as const;
export type BrowserNetworkMode = (typeof BrowserNetworkMode)[keyof typeof BrowserNetworkMode];

/** Session recording of a browser. */
export interface RecordingSettings {
    /** Key prefix recordings are written under. @default "recordings" */
    prefix?: string;
    /** Days a recording is kept. @default the profile's */
    retentionDays?: number;
}

/** A browser for the agent. */
export interface BrowserSettings {
    /** Use AWS's managed browser (no other field may be set). @default false */
    managed?: boolean;
    /** AgentCore name. */
    name?: string;
    /** VPC or PUBLIC. @default VPC with a VPC; otherwise required */
    networkMode?: BrowserNetworkMode;
    /** Record sessions to an encrypted bucket. @default no recording */
    recording?: RecordingSettings;
    /** Description. */
    description?: string;
    /** A browser profile for logged-in browsing (issue 24 item 6). @default none */
    profile?: BrowserProfileSettings;
}

/** A browser profile (issue 24 item 6). */
export interface BrowserProfileSettings {
    /** AgentCore name. @default derived from the browser's */
    name?: string;
    /** Description (changing it replaces the profile). */
    description?: string;
    /** Let the agent save sessions into the profile. @default true */
    save?: boolean;
}

/** An API-key credential provider. */
export interface ApiKeySettings {
    /** Provider name. @default the key of the map */
    providerName?: string;
    /** The key: must be a Pulumi secret. */
    apiKey: pulumi.Input<string>;
    /** Bump when the key is rotated. @default 1 */
    apiKeyVersion?: number;
}

/** An OAuth2 credential provider. */
export interface OAuth2Settings {
    /** Provider name. @default the key of the map */
    providerName?: string;
    /** The vendor (shape CredentialProviderVendorType): `CustomOauth2` or a built-in vendor such as `GoogleOauth2`. */
    vendor: string;
    /** CustomOauth2 only (required there): the discovery URL. */
    discoveryUrl?: pulumi.Input<string>;
    /** The client id. */
    clientId: pulumi.Input<string>;
    /** The client secret: must be a Pulumi secret. */
    clientSecret: pulumi.Input<string>;
    /** Bump when the id or secret changes. @default 1 */
    credentialsVersion?: number;
}

/** Credential providers, workload identity and token vault key. */
export interface IdentitySettings {
    /** API-key providers by name. */
    apiKeys?: Record<string, ApiKeySettings>;
    /** OAuth2 providers by name. */
    oauth2?: Record<string, OAuth2Settings>;
    /** A workload identity with allowed return URLs. */
    workloadIdentity?: WorkloadIdentityArgs;
    /** Encrypt the account's token vault with a key created here (one stack per account). @default false */
    tokenVaultKey?: boolean;
    /** Providers the agent's own code uses (granted to the runtime role). @default [] */
    agentProviders?: string[];
}

/** How the gateway's callers authenticate. */
export const GatewayAuthType = { AWS_IAM: "AWS_IAM", CUSTOM_JWT: "CUSTOM_JWT", AUTHENTICATE_ONLY: "AUTHENTICATE_ONLY", NONE: "NONE" } as const;
export type GatewayAuthType = (typeof GatewayAuthType)[keyof typeof GatewayAuthType];

/** Who may call the gateway. */
export interface GatewayAuthSettings {
    /**
     * AWS_IAM, CUSTOM_JWT, AUTHENTICATE_ONLY (tokens validated, every tool call decided by
     * `toolPolicies` in ENFORCE mode, which it requires) or NONE (with `acknowledgeUnauthenticated`).
     */
    type: GatewayAuthType;
    /** CUSTOM_JWT or AUTHENTICATE_ONLY with an external issuer: its discovery URL (exclusive with `cognito`). */
    discoveryUrl?: pulumi.Input<string>;
    /** CUSTOM_JWT with an external issuer: accepted audiences. */
    allowedAudiences?: pulumi.Input<string>[];
    /** CUSTOM_JWT or AUTHENTICATE_ONLY with an external issuer: accepted clients. */
    allowedClients?: pulumi.Input<string>[];
    /** CUSTOM_JWT: accepted scopes. */
    allowedScopes?: pulumi.Input<string>[];
    /** CUSTOM_JWT or AUTHENTICATE_ONLY: create a Cognito user pool with a machine client. @default false */
    cognito?: boolean;
    /** With `cognito`: the hosted-domain prefix. */
    cognitoDomainPrefix?: pulumi.Input<string>;
    /** NONE only: must be true. */
    acknowledgeUnauthenticated?: boolean;
}

/** A gateway target's kind. */
export const TargetType = { lambda: "lambda", openApi: "openApi", smithy: "smithy", mcpServer: "mcpServer", agentRuntime: "agentRuntime", apiGateway: "apiGateway" } as const;
export type TargetType = (typeof TargetType)[keyof typeof TargetType];

/** One tool a Lambda target implements. */
export interface ToolSettings {
    /** Tool name. */
    name: string;
    /** What the tool does. */
    description: string;
    /** The tool's input schema in the provider's form (`{ type: "object", properties: [...], required: [...] }`). */
    inputSchema: any;
    /** The tool's output schema, same form. */
    outputSchema?: any;
}

/** How a target authenticates: name an API-key provider (`apiKey`) or an OAuth2 provider (`oauth2`) of the identity section. */
export interface TargetCredentialSettings {
    /** An API-key provider of `identity.apiKeys` (exclusive with `oauth2`). */
    apiKey?: string;
    /** apiKey only: HEADER or QUERY_PARAMETER. @default "HEADER" */
    location?: string;
    /** apiKey only: header or parameter name. */
    parameterName?: string;
    /** apiKey only: prefix before the key. */
    prefix?: string;
    /** An OAuth2 provider of `identity.oauth2` (exclusive with `apiKey`). */
    oauth2?: string;
    /** oauth2 only (required there): scopes to request. */
    scopes?: string[];
    /** oauth2 only: CLIENT_CREDENTIALS or AUTHORIZATION_CODE. @default "CLIENT_CREDENTIALS" */
    grantType?: string;
    /** oauth2 with AUTHORIZATION_CODE: the return URL. */
    defaultReturnUrl?: string;
}

/** One API Gateway tool filter: a resource path (explicit, or a prefix ending in `/*`) and its HTTP methods. */
export interface ApiGatewayToolFilterSettings {
    /** The resource path. */
    path: string;
    /** HTTP methods (GET, DELETE, HEAD, OPTIONS, PATCH, PUT, POST). */
    methods: string[];
}

/** One gateway target. */
export interface TargetSettings {
    /** Target name. */
    name: string;
    /** Description. */
    description?: string;
    /** lambda, openApi, smithy, mcpServer, agentRuntime (an MCP server on an AgentCore Runtime) or apiGateway. */
    type: TargetType;
    /** lambda only (required): the function ARN. */
    functionArn?: pulumi.Input<string>;
    /** lambda only (required): the tools the function implements. */
    tools?: ToolSettings[];
    /** openApi and smithy: the schema document inline (exclusive with `schemaS3Uri`). */
    schemaInline?: pulumi.Input<string>;
    /** openApi and smithy: `s3://bucket/key` of the schema document. */
    schemaS3Uri?: pulumi.Input<string>;
    /** With `schemaS3Uri`: the bucket owner's account. */
    schemaBucketOwnerAccountId?: pulumi.Input<string>;
    /** smithy only (required): the ARNs the target's operations may act on. */
    smithyResources?: pulumi.Input<string>[];
    /** smithy only: the IAM actions the target calls (`service:Action`). @default derived from an inline Smithy model */
    smithyActions?: string[];
    /** mcpServer only (required): the server URL. */
    endpoint?: pulumi.Input<string>;
    /** agentRuntime only (required): the ARN of the runtime hosting the MCP server. */
    runtimeArn?: pulumi.Input<string>;
    /** agentRuntime only: the runtime endpoint called. @default "DEFAULT" */
    qualifier?: string;
    /**
     * mcpServer and agentRuntime: how the gateway lists the server's tools, DEFAULT (cached when the
     * target is created or updated) or DYNAMIC (asked at every listing; not with semantic search or
     * AUTHORIZATION_CODE credentials; not on a target the tool policies name). @default DYNAMIC for agentRuntime (DEFAULT when the tool policies name the target), AgentCore's DEFAULT for mcpServer
     */
    listingMode?: string;
    /** apiGateway only (required): the REST API's id. */
    restApiId?: pulumi.Input<string>;
    /** apiGateway only (required): the stage. */
    stage?: string;
    /** apiGateway only (required): the operations exposed as tools. */
    toolFilters?: ApiGatewayToolFilterSettings[];
    /** openApi (required), mcpServer and apiGateway (API key only): the credential provider. */
    credentials?: TargetCredentialSettings;
}

/** How a gateway applies its tool policies. */
export const ToolPolicyMode = { LOG_ONLY: "LOG_ONLY", ENFORCE: "ENFORCE" } as const;
export type ToolPolicyMode = (typeof ToolPolicyMode)[keyof typeof ToolPolicyMode];

/** Whether AgentCore's policy analysis findings fail policy creation. */
export const PolicyValidationMode = { FAIL_ON_ANY_FINDINGS: "FAIL_ON_ANY_FINDINGS", IGNORE_ALL_FINDINGS: "IGNORE_ALL_FINDINGS" } as const;
export type PolicyValidationMode = (typeof PolicyValidationMode)[keyof typeof PolicyValidationMode];

/** Cedar policies deciding every tool call of the gateway (checked offline against the gateway's tools). */
export interface ToolPoliciesSettings {
    /** LOG_ONLY (shadow) or ENFORCE. @default the profile's (prod ENFORCE) */
    mode?: ToolPolicyMode;
    /** The policies of an engine created for the gateway (exclusive with `sharedPolicyEngineArn`). */
    policies?: ToolPolicySpec[];
    /** An existing, shared policy engine instead of one created here. */
    sharedPolicyEngineArn?: pulumi.Input<string>;
    /** AgentCore's validation of each policy. @default "FAIL_ON_ANY_FINDINGS" */
    validationMode?: PolicyValidationMode;
    /**
     * Policy engine name. A key change replaces the engine: with a name given here, change the
     * name in the same update (AWS refuses a second engine of the same name and to delete one a
     * gateway still uses; docs/governance.md). @default the gateway name plus `_policies_` and 6 hex characters of the key choice
     */
    policyEngineName?: string;
    /** Description of the policy engine. */
    description?: string;
}

/** An MCP gateway for the agent's tools. */
export interface GatewaySettings {
    /** Gateway name. */
    gatewayName?: string;
    /** Description. */
    description?: string;
    /** Who may call the gateway. @default AWS_IAM */
    inboundAuth?: GatewayAuthSettings;
    /** The targets. @default [] */
    targets?: TargetSettings[];
    /** Semantic tool search. @default false */
    semanticSearch?: boolean;
    /** `aws-owned`, `create` or `existing` (with `kmsKeyArn`). @default the profile's */
    encryption?: KeyChoice;
    /** With `encryption: existing`: the key's ARN. */
    kmsKeyArn?: pulumi.Input<string>;
    /** Cedar tool policies (AgentCore Policy). @default no policy engine */
    toolPolicies?: ToolPoliciesSettings;
}

/** What one evaluator score covers. */
export const EvaluatorLevel = { TOOL_CALL: "TOOL_CALL", TRACE: "TRACE", SESSION: "SESSION" } as const;
export type EvaluatorLevel = (typeof EvaluatorLevel)[keyof typeof EvaluatorLevel];

/** A numerical rating of an LLM judge. */
export interface NumericalRating {
    /** The value (at least 0). */
    value: number;
    /** Its label. */
    label: string;
    /** What it means. */
    definition: string;
}

/** A categorical rating of an LLM judge. */
export interface CategoricalRating {
    /** Its label. */
    label: string;
    /** What it means. */
    definition: string;
}

/** An LLM judge: a model scores each sample following the instructions. */
export interface LlmJudgeSettings {
    /** What the judge assesses. */
    instructions: string;
    /** The judge's Bedrock model or inference profile id. */
    modelId: string;
    /** Numerical ratings (exclusive with `categoricalRatings`). */
    numericalRatings?: NumericalRating[];
    /** Categorical ratings (exclusive with `numericalRatings`). */
    categoricalRatings?: CategoricalRating[];
}

/** A code-based evaluator: a Lambda function scores each sample. */
export interface CodeEvaluatorSettings {
    /** ARN of the function. */
    lambdaArn: pulumi.Input<string>;
    /** Seconds AgentCore waits for it (1-300). @default 60 */
    timeoutSeconds?: number;
}

/** A custom evaluator: an LLM judge or a Lambda function (exactly one). */
export interface CustomEvaluatorSettings {
    /** Evaluator name; `evaluators` references it. */
    name: string;
    /** TOOL_CALL, TRACE or SESSION. */
    level: EvaluatorLevel;
    /** Description. */
    description?: string;
    /** An LLM judge (exclusive with `codeBased`). */
    llmAsAJudge?: LlmJudgeSettings;
    /** A Lambda function (exclusive with `llmAsAJudge`). */
    codeBased?: CodeEvaluatorSettings;
}

/** Online evaluation of the served endpoints. */
export interface EvaluationSettings {
    /** Evaluator ids: `Builtin.<Name>` or a custom evaluator's name (1-10). @default AgentCore's helpfulness, correctness and goal success */
    evaluators?: string[];
    /** Custom evaluators. @default [] */
    customEvaluators?: CustomEvaluatorSettings[];
    /** Percentage of traces scored (0.01-100). @default the profile's */
    samplingPercentage?: number;
    /** Minutes of inactivity ending a session (1-60). @default AgentCore's */
    sessionTimeoutMinutes?: number;
    /**
     * True when another stack of this account and region enables CloudWatch Transaction Search
     * (which online evaluation reads); the TypeScript API can also take a `TransactionSearch` of the same stack.
     * @default false: the plan warns that evaluations stay empty until it is on
     */
    transactionSearchInAccount?: boolean;
}

/** A code package for direct code deployment (issue 23 item 1). */
export interface CodeArgs {
    /** The folder to pack: the agent's code with its dependencies installed as Linux ARM64 wheels. */
    source: string;
    /** The Python runtime: `PYTHON_3_10`, `PYTHON_3_11`, `PYTHON_3_12` or `PYTHON_3_13`. */
    runtime: string;
    /** The entry point: 1-2 elements, e.g. `["main.py"]`. */
    entryPoint: string[];
}

/** Arguments of the multi-language `AgentEnvironment`: one agent in one environment. */
/** A POSIX identity on an EFS file system (issue 24 item 4). */
export interface PosixUserSettings {
    /** User id (not 0). */
    uid: number;
    /** Group id (not 0). */
    gid: number;
}

/** What a storage mount is (issue 24 item 4). */
export const StorageType = { SESSION: "SESSION", EFS: "EFS", S3_FILES: "S3_FILES" } as const;
export type StorageType = (typeof StorageType)[keyof typeof StorageType];

/** One file system mounted into every session (issue 24 item 4). */
export interface StorageSettings {
    /** SESSION (AgentCore's per-session storage), EFS (a file system the environment creates in its VPC) or S3_FILES (an existing S3 Files access point; VPC only). */
    type: StorageType;
    /** Mount path, `/mnt/<name>` (exactly one level under /mnt). */
    mountPath: string;
    /** S3_FILES only: ARN of the access point. */
    accessPointArn?: string;
    /** S3_FILES only: ARN of the file system that owns the access point. */
    fileSystemArn?: string;
    /** EFS only: the identity sessions act as. @default { uid: 1000, gid: 1000 } */
    posixUser?: PosixUserSettings;
    /** EFS only: directory the access point exposes. @default "/agentcore" */
    rootDirectory?: string;
    /** EFS and S3_FILES: grant the runtime ClientMount only (read). @default false */
    readOnly?: boolean;
}

export interface AgentEnvironmentArgs {
    /** The environment: `dev`, `staging` or `prod`; selects the profile every default comes from. */
    environment: Environment;
    /** AgentCore runtime name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`). @default the resource name with hyphens as underscores */
    agentName?: string;
    /** The image: `build` (a context directory, built for linux/arm64) or `imageUri` (an existing ECR image). Exactly one of `image` or `code`. */
    image?: AgentImageArgs;
    /** The agent as a code package (direct code deployment): `source` folder, `runtime` (`PYTHON_3_10`-`PYTHON_3_13`), `entryPoint` (1-2 elements). Exactly one of `image` or `code`. */
    code?: CodeArgs;
    /** Bedrock models and inference profiles the agent may invoke. @default [] */
    models?: string[];
    /**
     * Foundation-model ARNs behind each application inference profile (by profile ARN, as listed)
     * that cannot be expanded offline; Bedrock requires invoke on them as well as on the profile.
     * @default {}
     */
    inferenceProfileModels?: { [profile: string]: string[] };
    /** The reviewed runtime version the environment's endpoint serves; required in staging and prod. */
    runtimeVersion?: string;
    /** Custom endpoints instead of the profile's one. */
    endpoints?: RuntimeEndpointSpec[];
    /** The previously promoted version, kept on the `<env>_previous` endpoint for rollback (protected in prod; removing it deletes the endpoint elsewhere). @default none */
    previousVersion?: string;
    /** Put a front-door gateway before the served endpoint(s); required with `canary`. @default false */
    frontDoor?: boolean;
    /**
     * CUSTOM_JWT runtimes with `frontDoor` only: the runtime's JWT authorizer admits only the front door's gateway
     * (`allowedWorkloadConfiguration`). Unverified on AWS: the one public report says the runtime then refused every
     * request ("Transaction token required"); try it as a canary first, and pin the new version when the gateway is replaced.
     * @default false
     */
    frontDoorOnly?: boolean;
    /** A candidate version served to `weight` percent of sessions through the front door. @default none */
    canary?: CanarySettings;
    /** Online evaluation of the served endpoints. @default none (a canary turns it on) */
    evaluation?: EvaluationSettings;
    /** Server protocol. @default "HTTP" */
    protocol?: ServerProtocol;
    /** Inbound authorization. @default AWS_IAM */
    authorizer?: AuthorizerSettings;
    /** The network. @default the profile's (dev PUBLIC, staging and prod NEW_VPC) */
    network?: NetworkSettings;
    /** The shared platform (an AgentPlatform stack's `platform` output): no own VPC, endpoints or trace delivery policy. @default none */
    platform?: PlatformSettings;
    /** Container environment variables (no secrets). */
    environmentVariables?: Record<string, pulumi.Input<string>>;
    /** Session lifecycle. */
    lifecycle?: RuntimeLifecycle;
    /** Request headers passed to the container. */
    requestHeaderAllowlist?: string[];
    /** Description of the runtime. */
    description?: string;
    /** Tags added to every resource. */
    tags?: Record<string, string>;
    /** Memory for the agent. @default none */
    memory?: MemorySettings;
    /** File systems mounted into every session (at most 5). @default none */
    storage?: StorageSettings[];
    /** Logs, traces, dashboard, alarms, smoke test. */
    observability?: ObservabilitySettings;
    /** A code interpreter. @default none */
    codeInterpreter?: CodeInterpreterSettings;
    /** A browser. @default none */
    browser?: BrowserSettings;
    /** Credential providers, workload identity, token vault key. @default none */
    identity?: IdentitySettings;
    /** An MCP gateway for the agent's tools. @default none */
    gateway?: GatewaySettings;
    /** Publish the agent, its gateway and their tools to an agent registry (needs @pulumi/aws-native). @default none */
    publish?: PublishSettings;
}

/** Publish the environment to an agent registry (issue 24 item 1). */
export interface PublishSettings {
    /** The registry's id or ARN (an AgentPlatform stack's `registryArn`). */
    registry: pulumi.Input<string>;
    /** Publish the agent (an A2A agent card when the protocol is A2A, an MCP server when MCP, else a CUSTOM record). @default true */
    agent?: boolean;
    /** Publish the gateway as an MCP server with its Lambda targets' tools. @default true when there is a gateway */
    gateway?: boolean;
    /** Description of the agent's record. @default the runtime's description */
    description?: string;
    /** Skills on the A2A agent card (A2A only). @default one skill named after the agent */
    skills?: AgentCardSkill[];
    /** The version published. @default runtimeVersion, else "1" */
    version?: string;
    /** Submit each record for approval after every change (runs node with @aws-sdk/client-bedrock-agentcore-control where the deployment runs); false keeps them in DRAFT. @default true */
    submit?: boolean;
}
