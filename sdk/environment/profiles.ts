/** The environments this package knows; each selects one row of {@link ENVIRONMENT_PROFILES}. */
export type EnvironmentName = "dev" | "staging" | "prod";

export const ENVIRONMENT_NAMES: readonly EnvironmentName[] = ["dev", "staging", "prod"];

/**
 * Defaults of one environment. Security controls are on in every row; rows differ
 * only in cost, convenience and how strictly changes are gated.
 */
export interface EnvironmentProfile {
    /** How callers reach the runtime: AgentCore's DEFAULT endpoint (newest version) or a custom endpoint pinned to a reviewed version. */
    endpoint: "DEFAULT" | "pinned";
    /** Network mode when the args do not say. */
    networkMode: "PUBLIC" | "VPC";
    /** Encrypt data (memory, gateway, token vault, logs) with customer-managed KMS keys. */
    customerManagedKeys: boolean;
    /** Protect stateful resources (memory, keys) from deletion: `protect` plus retain on delete. */
    protectData: boolean;
    /** Days short-term memory events are kept (7-365). */
    memoryEventExpiryDays: number;
    /** Days CloudWatch keeps logs. */
    logRetentionDays: number;
    /** Gateway returns debug error detail to callers (never outside dev). */
    gatewayDebugErrors: boolean;
    /** Create the CloudWatch dashboard and alarms. */
    dashboardAndAlarms: boolean;
    /** Days untagged images (build leftovers) are kept in ECR. */
    untaggedImageExpiryDays: number;
    /** Days browser session recordings are kept in their bucket. */
    browserRecordingRetentionDays: number;
    /** How a gateway's tool policies are applied: LOG_ONLY (shadow: decisions recorded as traces, not enforced) where changes are tried, ENFORCE where they must hold. */
    toolPolicyMode: "LOG_ONLY" | "ENFORCE";
    /**
     * Percentage of live traces online evaluation scores when an `evaluation` section
     * or a canary asks for evaluation and names no `samplingPercentage`; 0 means none
     * unless asked (dev).
     */
    evaluationSamplingPercentage: number;
    /**
     * Requests per minute each caller of an environment's gateway may make (a `per-principal` rate limit,
     * `AWS::BedrockAgentCore::GatewayRateLimit` through the optional peer `@pulumi/aws-native`); 0 means
     * no limit. "Each caller" is each calling role or client, not each user: the key is
     * `$.context.iam.principal` ("The IAM principal ARN of the caller", gateway-rate-limits-dimensions.html)
     * or the JWT's `sub`, and every session of an agent calls with the one runtime execution role (or,
     * behind the Cognito machine authorizer, one client, whose token's `sub` is the client id). So the limit
     * caps the whole agent's traffic, and every MCP request counts (initialize and tools/list as well as
     * tools/call). It is therefore a safety ceiling against a runaway loop or a leaked credential, not a
     * per-user quota: 6000 a minute (100 a second) is e.g. 50 concurrent sessions each sending two MCP
     * requests a second, well above a normal agent's load. The same in staging and prod, so prod is never
     * throttled below what staging accepted. Per-user limits need a per-user key (a user's own JWT `sub`).
     */
    gatewayRequestsPerPrincipalPerMinute: number;
}

/** The one table environment defaults come from; an `environment` argument picks a row. */
export const ENVIRONMENT_PROFILES: Readonly<Record<EnvironmentName, Readonly<EnvironmentProfile>>> = {
    dev: {
        endpoint: "DEFAULT",
        networkMode: "PUBLIC",
        customerManagedKeys: false,
        protectData: false,
        memoryEventExpiryDays: 30,
        logRetentionDays: 14,
        gatewayDebugErrors: true,
        dashboardAndAlarms: false,
        untaggedImageExpiryDays: 7,
        browserRecordingRetentionDays: 7,
        toolPolicyMode: "LOG_ONLY",
        evaluationSamplingPercentage: 0,
        gatewayRequestsPerPrincipalPerMinute: 0,
    },
    staging: {
        endpoint: "pinned",
        networkMode: "VPC",
        customerManagedKeys: true,
        protectData: false,
        memoryEventExpiryDays: 30,
        logRetentionDays: 30,
        gatewayDebugErrors: false,
        dashboardAndAlarms: false,
        untaggedImageExpiryDays: 14,
        browserRecordingRetentionDays: 30,
        toolPolicyMode: "LOG_ONLY",
        evaluationSamplingPercentage: 10,
        gatewayRequestsPerPrincipalPerMinute: 6000,
    },
    prod: {
        endpoint: "pinned",
        networkMode: "VPC",
        customerManagedKeys: true,
        protectData: true,
        memoryEventExpiryDays: 90,
        logRetentionDays: 365,
        gatewayDebugErrors: false,
        dashboardAndAlarms: true,
        untaggedImageExpiryDays: 30,
        browserRecordingRetentionDays: 90,
        toolPolicyMode: "ENFORCE",
        evaluationSamplingPercentage: 5,
        gatewayRequestsPerPrincipalPerMinute: 6000,
    },
};
