import { AccessCall, AccessContract } from "../common/contract";

const HARNESS_SECURITY = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-security.html";
const HARNESS_VS_RUNTIME = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-vs-runtime.html";
const PASS_ROLE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html";
const HARNESS_VERSIONING = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-versioning.html";
const RUNTIME_PERMISSIONS = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html";
const SERVICE_REFERENCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html";
const PROFILE_PREREQUISITES = "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html";
const CONDITION_OPERATORS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN";
const DATA_PLANE_MODEL = "https://docs.aws.amazon.com/bedrock-agentcore/latest/APIReference/API_Operations.html";

const LOG_GROUP = "arn:${partition}:logs:${region}:${account}:log-group:/aws/bedrock-agentcore/runtimes/${harnessRuntimeId}-DEFAULT";
const WORKLOAD_IDENTITY = "arn:${partition}:bedrock-agentcore:${region}:${account}:workload-identity-directory/default/workload-identity/${harnessRuntimeId}";
const PROFILE = "arn:${partition}:bedrock:${region}:${account}:inference-profile/${profile}";
const PROFILE_MODEL_IN = (region: string) => `arn:\${partition}:bedrock:${region}::foundation-model/\${profileModel}`;
const OTHER_MEMORY = "arn:${partition}:bedrock-agentcore:${region}:${account}:memory/someoneelse-AbCdEf1234";

const trust = (id: string, sourceArn: string, why: string, source = HARNESS_SECURITY): AccessCall => ({
    id,
    principal: "service:bedrock-agentcore.amazonaws.com",
    action: "sts:AssumeRole",
    resource: "${harnessRoleArn}",
    context: { "aws:SourceAccount": "${account}", "aws:SourceArn": sourceArn },
    resourcePolicies: ["trust:harness"],
    why,
    source,
});

const role = (id: string, action: string, resource: string, why: string, source: string, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal: "role:harness",
    action,
    resource,
    why,
    source,
    ...more,
});

/**
 * What a harness's execution role and the AgentCore service may do for one harness (issue 23
 * item 2). Bindings: `${harnessName}`, `${harnessId}` (`<harnessName>-<10 characters>`),
 * `${harnessRoleArn}`, `${harnessRuntimeId}` (the runtime AgentCore provisions for the harness,
 * `environmentActual`), `${profile}` and `${profileModel}` (the US cross-Region profile the loop
 * runs and its model), `${memoryArn}`, `${gatewayArn}`.
 */
export const HARNESS_CONTRACT: AccessContract = {
    component: "AgentHarness",
    summary:
        "The harness's execution role (role:harness), assumed by AgentCore for this harness only, with what AgentHarness grants it: the listed models, its memory (read and write, never delete, never another memory) and its gateway.",
    notes: [
        "Unsettled, checked under mocks only: the harness security guide's sample execution-role policy could not be read in full here, so the role follows the runtime permissions page (a harness is backed by an AgentCore Runtime, harness versioning guide) without ECR.",
        "The trust admits `aws:SourceArn` of this harness (`harness/<harnessName>-??????????`) or of any runtime of this account and region (`runtime/*`): harness sessions run inside a runtime AgentCore provisions (\"The harness is a managed abstraction that runs inside Runtime\", harness-vs-runtime guide), and which ARN AgentCore presents when it assumes the role is not documented; a refused assumption fails `CreateHarness`. Which runtime may use the role is guarded by `iam:PassRole` (only a principal allowed to pass the role can make a runtime or harness run with it), not by this condition; `aws:SourceAccount` keeps other accounts out.",
        "The runtime AgentCore provisions for a harness is known only once the harness exists (`environmentActual.agentcoreRuntimeEnvironment.agentRuntimeId`): the log-group and workload-token grants naming it are a second inline policy (`harness-runtime`) created after the harness.",
    ],
    allowed: [
        trust("assume-role", "arn:${partition}:bedrock-agentcore:${region}:${account}:harness/${harnessId}", "AgentCore assumes the execution role to run this harness (confused-deputy conditions: this account, this harness's id `<name>-<10 characters>`)."),
        trust(
            "assume-role-as-harness-runtime",
            "arn:${partition}:bedrock-agentcore:${region}:${account}:runtime/${harnessRuntimeId}",
            "AgentCore assumes the role for the runtime the harness runs inside, which may present the runtime's ARN (red-team finding 7); PassRole, not this condition, decides which runtime gets the role.",
            HARNESS_VS_RUNTIME,
        ),
        role("invoke-profile", "bedrock:InvokeModel", PROFILE, "The loop calls the cross-Region inference profile it runs (the model allowlist).", PROFILE_PREREQUISITES, { resourcePolicies: ["endpoint:bedrock-runtime"] }),
        role("invoke-profile-stream", "bedrock:InvokeModelWithResponseStream", PROFILE, "Streaming calls (ConverseStream) of the same profile.", PROFILE_PREREQUISITES, { resourcePolicies: ["endpoint:bedrock-runtime"] }),
        role("invoke-profile-model-us-west-2", "bedrock:InvokeModel", PROFILE_MODEL_IN("us-west-2"), "Bedrock also authorizes the profile's foundation model in each destination Region of its geography.", PROFILE_PREREQUISITES),
        role("create-log-group", "logs:CreateLogGroup", LOG_GROUP, "The harness's runtime creates its log group `/aws/bedrock-agentcore/runtimes/<runtimeId>-<endpoint>`.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:logs"] }),
        role("write-logs", "logs:PutLogEvents", `${LOG_GROUP}:log-stream:abc`, "The harness's runtime writes its logs to its own log group.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:logs"] }),
        role("put-traces", "xray:PutTraceSegments", "*", "Traces of the loop; X-Ray actions support no resource-level permission.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:xray"] }),
        role("put-metrics", "cloudwatch:PutMetricData", "*", "Metrics into the bedrock-agentcore namespace only.", RUNTIME_PERMISSIONS, { context: { "cloudwatch:namespace": "bedrock-agentcore" }, resourcePolicies: ["endpoint:monitoring"] }),
        role("workload-token", "bedrock-agentcore:GetWorkloadAccessToken", WORKLOAD_IDENTITY, "The loop obtains a workload access token for its runtime's own workload identity.", RUNTIME_PERMISSIONS, { resourcePolicies: ["endpoint:bedrock-agentcore"] }),
        role("memory-create-event", "bedrock-agentcore:CreateEvent", "${memoryArn}", "The harness records conversation turns in its memory.", SERVICE_REFERENCE, { when: ["memory"], resourcePolicies: ["endpoint:bedrock-agentcore"] }),
        role("memory-retrieve", "bedrock-agentcore:RetrieveMemoryRecords", "${memoryArn}", "The harness searches its own long-term memory.", SERVICE_REFERENCE, { when: ["memory"], resourcePolicies: ["endpoint:bedrock-agentcore"] }),
        role("invoke-gateway", "bedrock-agentcore:InvokeGateway", "${gatewayArn}", "The harness calls the tools of its gateway (its `agentcore_gateway` tool, AWS_IAM outbound auth).", SERVICE_REFERENCE, { when: ["gateway"], resourcePolicies: ["endpoint:bedrock-agentcore.gateway"] }),
    ],
    denied: [
        trust("assume-role-for-other-harness", "arn:${partition}:bedrock-agentcore:${region}:${account}:harness/someoneelse-AbCdEf1234", "Another harness must not run with this role."),
        trust("assume-role-for-name-prefix", "arn:${partition}:bedrock-agentcore:${region}:${account}:harness/${harnessName}_admin-AbCdEf1234", "A harness whose name only starts with this one's must not match: the trust names `<name>-??????????`.", CONDITION_OPERATORS),
        trust("assume-role-from-other-account", "arn:${partition}:bedrock-agentcore:${region}:210987654321:harness/${harnessId}", "The same harness id in another account is not this harness."),
        trust("assume-role-as-runtime-of-other-account", "arn:${partition}:bedrock-agentcore:${region}:210987654321:runtime/${harnessRuntimeId}", "A runtime of another account must not run with this role."),
        trust("assume-role-as-runtime-in-other-region", "arn:${partition}:bedrock-agentcore:eu-west-1:${account}:runtime/${harnessRuntimeId}", "Nor a runtime of this account in another region.", PASS_ROLE),
        role("invoke-unlisted-model", "bedrock:InvokeModel", "arn:${partition}:bedrock:${region}::foundation-model/unlisted.model-v1:0", "Only the models the harness lists (`models`).", RUNTIME_PERMISSIONS),
        role("invoke-profile-model-outside-geography", "bedrock:InvokeModel", PROFILE_MODEL_IN("eu-west-1"), "The US profile's model outside the US geography is not granted.", PROFILE_PREREQUISITES),
        role("retrieve-other-memory", "bedrock-agentcore:RetrieveMemoryRecords", OTHER_MEMORY, "Records of every other memory stay out of reach: the grant names this harness's memory only (issue 23 item 4).", SERVICE_REFERENCE, { when: ["memory"] }),
        role("list-other-memory-records", "bedrock-agentcore:ListMemoryRecords", OTHER_MEMORY, "Same for listing another memory's records.", SERVICE_REFERENCE, { when: ["memory"] }),
        role("delete-memory-record", "bedrock-agentcore:DeleteMemoryRecord", "${memoryArn}", "The harness never deletes long-term memory records, not even its own memory's.", DATA_PLANE_MODEL, { when: ["memory"] }),
        role("batch-delete-memory-records", "bedrock-agentcore:BatchDeleteMemoryRecords", "${memoryArn}", "Nor in bulk.", DATA_PLANE_MODEL, { when: ["memory"] }),
        role("invoke-other-gateway", "bedrock-agentcore:InvokeGateway", "arn:${partition}:bedrock-agentcore:${region}:${account}:gateway/someoneelse-abcdefghij", "Only its own gateway's tools, which its tool policies govern.", SERVICE_REFERENCE, { when: ["gateway"] }),
        role("invoke-own-harness", "bedrock-agentcore:InvokeHarness", "arn:${partition}:bedrock-agentcore:${region}:${account}:harness/${harnessId}", "The role cannot invoke harnesses (its own included): calling the agent is the callers' permission.", HARNESS_SECURITY),
        role("update-endpoint", "bedrock-agentcore:UpdateHarnessEndpoint", "arn:${partition}:bedrock-agentcore:${region}:${account}:harness/${harnessId}/endpoint/prod", "Moving the pinned endpoint is the deployer's action, never the agent's.", HARNESS_VERSIONING),
        role("put-metrics-other-namespace", "cloudwatch:PutMetricData", "*", "Metrics only into bedrock-agentcore.", RUNTIME_PERMISSIONS, { context: { "cloudwatch:namespace": "AWS/EC2" } }),
    ],
};
