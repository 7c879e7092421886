import { AccessContract } from "../common/contract";
import { EVALUATION_NAMESPACE } from "./perms";

const PREREQUISITES = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/evaluations-prerequisites.html";
const OUTPUT_CONFIG = "https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_CloudWatchOutputConfig.html";

/**
 * What AgentCore may do with an online evaluation's execution role (role:evaluation).
 * Bindings: `${evaluationRoleArn}`, `${configId}` (a configuration id of this evaluation),
 * `${runtimeId}`, `${judgeModel}` (a custom judge's foundation model).
 */
export const EVALUATION_CONTRACT: AccessContract = {
    component: "AgentEvaluation",
    summary:
        "The online evaluation execution role (role:evaluation), assumed by AgentCore for this evaluation's configurations only: read the scored endpoints' logs and spans, write results, publish scores, call the judges.",
    allowed: [
        {
            id: "assume-role",
            principal: "service:bedrock-agentcore.amazonaws.com",
            action: "sts:AssumeRole",
            resource: "${evaluationRoleArn}",
            context: { "aws:SourceAccount": "${account}", "aws:SourceArn": "arn:${partition}:bedrock-agentcore:${region}:${account}:online-evaluation-config/${configId}" },
            resourcePolicies: ["trust:evaluation"],
            why: "AgentCore assumes the role for an online evaluation configuration of this environment.",
            source: PREREQUISITES,
        },
        {
            id: "query-endpoint-logs",
            principal: "role:evaluation",
            action: "logs:StartQuery",
            resource: "arn:${partition}:logs:${region}:${account}:log-group:/aws/bedrock-agentcore/runtimes/${runtimeId}-prod",
            why: "Scoring reads the served endpoint's log group.",
            source: PREREQUISITES,
        },
        {
            id: "read-spans",
            principal: "role:evaluation",
            action: "logs:GetLogEvents",
            resource: "arn:${partition}:logs:${region}:${account}:log-group:aws/spans:log-stream:default",
            why: "The traces scored are Transaction Search's spans.",
            source: PREREQUISITES,
        },
        {
            id: "write-results",
            principal: "role:evaluation",
            action: "logs:PutLogEvents",
            resource: "arn:${partition}:logs:${region}:${account}:log-group:/aws/bedrock-agentcore/evaluations/results/${configId}:log-stream:results",
            why: "Results go to the configuration's results log group.",
            source: OUTPUT_CONFIG,
        },
        {
            id: "publish-scores",
            principal: "role:evaluation",
            action: "cloudwatch:PutMetricData",
            resource: "*",
            context: { "cloudwatch:namespace": EVALUATION_NAMESPACE },
            why: "Scores are published as metrics in the evaluations namespace.",
            source: OUTPUT_CONFIG,
        },
        {
            id: "invoke-judge",
            principal: "role:evaluation",
            action: "bedrock:InvokeModel",
            resource: "arn:${partition}:bedrock:${region}::foundation-model/${judgeModel}",
            when: ["judge"],
            why: "An LLM-as-a-judge evaluator runs on its model with this role.",
            source: PREREQUISITES,
        },
    ],
    denied: [
        {
            id: "assume-role-for-other-config",
            principal: "service:bedrock-agentcore.amazonaws.com",
            action: "sts:AssumeRole",
            resource: "${evaluationRoleArn}",
            context: { "aws:SourceAccount": "${account}", "aws:SourceArn": "arn:${partition}:bedrock-agentcore:${region}:${account}:online-evaluation-config/payroll_prod_eval-AbCdEf1234" },
            resourcePolicies: ["trust:evaluation"],
            why: "Another team's evaluation must not read this agent's traces with this role.",
            source: PREREQUISITES,
        },
        {
            id: "assume-role-for-a-runtime",
            principal: "service:bedrock-agentcore.amazonaws.com",
            action: "sts:AssumeRole",
            resource: "${evaluationRoleArn}",
            context: { "aws:SourceAccount": "${account}", "aws:SourceArn": "arn:${partition}:bedrock-agentcore:${region}:${account}:runtime/${runtimeId}" },
            resourcePolicies: ["trust:evaluation"],
            why: "Only evaluation configurations, not other AgentCore resources of the account.",
            source: PREREQUISITES,
        },
        {
            id: "query-other-runtime-logs",
            principal: "role:evaluation",
            action: "logs:StartQuery",
            resource: "arn:${partition}:logs:${region}:${account}:log-group:/aws/bedrock-agentcore/runtimes/payroll-AbCdEf1234-prod",
            why: "Only the scored runtime's endpoints.",
            source: PREREQUISITES,
        },
        {
            id: "write-other-log-group",
            principal: "role:evaluation",
            action: "logs:PutLogEvents",
            resource: "arn:${partition}:logs:${region}:${account}:log-group:/aws/lambda/payroll:log-stream:x",
            why: "Writes only into evaluation results.",
            source: OUTPUT_CONFIG,
        },
        {
            id: "publish-other-namespace",
            principal: "role:evaluation",
            action: "cloudwatch:PutMetricData",
            resource: "*",
            context: { "cloudwatch:namespace": "bedrock-agentcore" },
            why: "Scores only, in their namespace: not the runtime's metrics.",
            source: OUTPUT_CONFIG,
        },
        {
            id: "invoke-other-model",
            principal: "role:evaluation",
            action: "bedrock:InvokeModel",
            resource: "arn:${partition}:bedrock:${region}::foundation-model/unlisted.model-v1:0",
            why: "Only the judges' models.",
            source: PREREQUISITES,
        },
    ],
};
