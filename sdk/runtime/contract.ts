import { AccessContract } from "../common/contract";

const RUNTIME_PERMISSIONS = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html";
const SERVICE_REFERENCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html";

/**
 * What the runtime's execution role and the AgentCore service may do for one
 * runtime. Bindings: `${runtimeName}`, `${runtimeId}` (a runtime id of this
 * runtime: `<runtimeName>-<suffix>`), `${repositoryArn}`, `${model}` (a listed
 * foundation model id).
 */
export const RUNTIME_CONTRACT: AccessContract = {
    component: "AgentRuntime",
    summary: "The runtime's execution role (role:runtime), assumed by AgentCore for this runtime only.",
    allowed: [
        {
            id: "assume-role",
            principal: "service:bedrock-agentcore.amazonaws.com",
            action: "sts:AssumeRole",
            resource: "${runtimeRoleArn}",
            context: { "aws:SourceAccount": "${account}", "aws:SourceArn": "arn:${partition}:bedrock-agentcore:${region}:${account}:runtime/${runtimeId}" },
            resourcePolicies: ["trust:runtime"],
            why: "AgentCore assumes the execution role to run this runtime (confused-deputy conditions: this account, this runtime).",
            source: RUNTIME_PERMISSIONS,
        },
        {
            id: "pull-image",
            principal: "role:runtime",
            action: "ecr:BatchGetImage",
            resource: "${repositoryArn}",
            resourcePolicies: ["endpoint:ecr.dkr"],
            why: "AgentCore pulls the agent image with the execution role.",
            source: RUNTIME_PERMISSIONS,
        },
        {
            id: "pull-layers",
            principal: "role:runtime",
            action: "ecr:GetDownloadUrlForLayer",
            resource: "${repositoryArn}",
            resourcePolicies: ["endpoint:ecr.dkr"],
            why: "Image layers are downloaded through pre-signed URLs obtained with the execution role.",
            source: RUNTIME_PERMISSIONS,
        },
        {
            id: "ecr-token",
            principal: "role:runtime",
            action: "ecr:GetAuthorizationToken",
            resource: "*",
            resourcePolicies: ["endpoint:ecr.api"],
            why: "An ECR authorization token precedes every pull; the action supports no resource-level permission.",
            source: RUNTIME_PERMISSIONS,
        },
        {
            id: "write-logs",
            principal: "role:runtime",
            action: "logs:PutLogEvents",
            resource: "arn:${partition}:logs:${region}:${account}:log-group:/aws/bedrock-agentcore/runtimes/${runtimeId}-DEFAULT:log-stream:abc",
            resourcePolicies: ["endpoint:logs"],
            why: "The runtime writes its application logs to its own log group.",
            source: RUNTIME_PERMISSIONS,
        },
        {
            id: "invoke-model",
            principal: "role:runtime",
            action: "bedrock:InvokeModel",
            resource: "arn:${partition}:bedrock:${region}::foundation-model/${model}",
            resourcePolicies: ["endpoint:bedrock-runtime"],
            why: "The agent calls the models it lists.",
            source: RUNTIME_PERMISSIONS,
        },
    ],
    denied: [
        {
            id: "assume-role-for-other-runtime",
            principal: "service:bedrock-agentcore.amazonaws.com",
            action: "sts:AssumeRole",
            resource: "${runtimeRoleArn}",
            context: { "aws:SourceAccount": "${account}", "aws:SourceArn": "arn:${partition}:bedrock-agentcore:${region}:${account}:runtime/someoneelse-AbCdEf1234" },
            resourcePolicies: ["trust:runtime"],
            why: "Another runtime must not run with this role.",
            source: RUNTIME_PERMISSIONS,
        },
        {
            id: "pull-other-repository",
            principal: "role:runtime",
            action: "ecr:BatchGetImage",
            resource: "arn:${partition}:ecr:${region}:${account}:repository/another-team",
            why: "Only this agent's repository.",
            source: RUNTIME_PERMISSIONS,
        },
        {
            id: "run-commands",
            principal: "role:runtime",
            action: "bedrock-agentcore:InvokeAgentRuntimeCommand",
            resource: "arn:${partition}:bedrock-agentcore:${region}:${account}:runtime/${runtimeId}",
            why: "Running commands inside a runtime is an operator action, never the agent's.",
            source: SERVICE_REFERENCE,
        },
        {
            id: "invoke-unlisted-model",
            principal: "role:runtime",
            action: "bedrock:InvokeModel",
            resource: "arn:${partition}:bedrock:${region}::foundation-model/unlisted.model-v1:0",
            why: "Only the models the agent lists.",
            source: RUNTIME_PERMISSIONS,
        },
    ],
};
