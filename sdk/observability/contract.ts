import { AccessContract } from "../common/contract";

const LOGS_KMS = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html";
const LOGS_TO_CWL = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-CloudWatchLogs.html";
const TRACES_TO_XRAY = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-XRayTraces.html";
const VENDED_KMS = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html";

const LOG_DELIVERY = "service:delivery.logs.amazonaws.com";
/** A delivery request of this account's delivery source. */
const THIS_ACCOUNT_SOURCE = { "aws:SourceAccount": "${account}", "aws:SourceArn": "arn:${partition}:logs:${region}:${account}:delivery-source:${logSourceName}" };
/** The same request made for another account's delivery source. */
const OTHER_ACCOUNT_SOURCE = { "aws:SourceAccount": "210987654321", "aws:SourceArn": "arn:${partition}:logs:${region}:210987654321:delivery-source:${logSourceName}" };

/**
 * Who may write an environment's logs and traces and use its logs key:
 * CloudWatch Logs (the key, only for these log groups), vended log delivery (the
 * log groups' resource policies, the key) and vended trace delivery (the account's
 * one X-Ray resource policy, `TraceDeliveryPolicy`). Bindings: `${logsKeyArn}`,
 * `${runtimeLogGroup}` (its name), `${runtimeLogGroupArn}`, `${logSourceName}`,
 * `${traceSourceName}`, `${runtimeArn}`.
 */
export const OBSERVABILITY_CONTRACT: AccessContract = {
    component: "AgentObservability",
    summary:
        "Service principals writing the environment's logs and traces: CloudWatch Logs with the logs key (key:logs), vended log delivery into the log groups (logs:runtime), and vended trace delivery through the account's one X-Ray resource policy (xray).",
    allowed: [
        ...(["kms:GenerateDataKey", "kms:Decrypt"] as const).map((action) => ({
            id: `logs-service-${action === "kms:Decrypt" ? "decrypts" : "encrypts"}`,
            principal: "service:logs.${region}.amazonaws.com",
            action,
            resource: "${logsKeyArn}",
            context: { "kms:EncryptionContext:aws:logs:arn": "arn:${partition}:logs:${region}:${account}:log-group:${runtimeLogGroup}" },
            resourcePolicies: ["key:logs"],
            when: ["cmk"],
            why: "CloudWatch Logs encrypts and decrypts the agent's log group with the key; the encryption context names the log group.",
            source: LOGS_KMS,
        })),
        {
            id: "delivery-encrypts-into-log-group",
            principal: LOG_DELIVERY,
            action: "kms:GenerateDataKey",
            resource: "${logsKeyArn}",
            context: THIS_ACCOUNT_SOURCE,
            resourcePolicies: ["key:logs"],
            when: ["cmk"],
            why: "Vended log delivery of this account's sources writes into the encrypted log groups (unconfirmed for log-group destinations, see the key statement).",
            source: VENDED_KMS,
        },
        {
            id: "delivery-creates-stream",
            principal: LOG_DELIVERY,
            action: "logs:CreateLogStream",
            resource: "${runtimeLogGroupArn}:log-stream:abc",
            context: THIS_ACCOUNT_SOURCE,
            resourcePolicies: ["logs:runtime"],
            why: "Vended log delivery creates a stream in the runtime's log group.",
            source: LOGS_TO_CWL,
        },
        {
            id: "delivery-writes-logs",
            principal: LOG_DELIVERY,
            action: "logs:PutLogEvents",
            resource: "${runtimeLogGroupArn}:log-stream:abc",
            context: THIS_ACCOUNT_SOURCE,
            resourcePolicies: ["logs:runtime"],
            why: "Vended log delivery writes the runtime's APPLICATION_LOGS.",
            source: LOGS_TO_CWL,
        },
        {
            id: "delivery-writes-traces",
            principal: LOG_DELIVERY,
            action: "xray:PutTraceSegments",
            resource: "*",
            context: {
                "aws:SourceAccount": "${account}",
                "aws:SourceArn": "arn:${partition}:logs:${region}:${account}:delivery-source:${traceSourceName}",
                "logs:LogGeneratingResourceArns": ["${runtimeArn}"],
            },
            resourcePolicies: ["xray"],
            why: "Vended trace delivery writes the runtime's TRACES into X-Ray through the account's one policy.",
            source: TRACES_TO_XRAY,
        },
        {
            id: "delivery-writes-another-agents-traces",
            principal: LOG_DELIVERY,
            action: "xray:PutTraceSegments",
            resource: "*",
            context: {
                "aws:SourceAccount": "${account}",
                "aws:SourceArn": "arn:${partition}:logs:${region}:${account}:delivery-source:gw-billing-gw-traces",
                "logs:LogGeneratingResourceArns": ["arn:${partition}:bedrock-agentcore:${region}:${account}:gateway/billing-gw-abcdef1234"],
            },
            resourcePolicies: ["xray"],
            why: "The account's one X-Ray policy covers every AgentCore resource of the account, so the 6th agent needs no policy of its own.",
            source: TRACES_TO_XRAY,
        },
        {
            id: "delivery-writes-custom-browser-traces",
            principal: LOG_DELIVERY,
            action: "xray:PutTraceSegments",
            resource: "*",
            context: {
                "aws:SourceAccount": "${account}",
                "aws:SourceArn": "arn:${partition}:logs:${region}:${account}:delivery-source:br-support_browser-traces",
                "logs:LogGeneratingResourceArns": ["arn:${partition}:bedrock-agentcore:${region}:${account}:browser-custom/support_browser-abcdef1234"],
            },
            resourcePolicies: ["xray"],
            why: "Issue 24 item 7: a custom browser's TRACES (built-in tools tracing, observability-configure.html) reach X-Ray through the account's one policy.",
            source: "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/observability-configure.html#observability-configure-cloudwatch",
        },
        {
            id: "delivery-writes-custom-code-interpreter-traces",
            principal: LOG_DELIVERY,
            action: "xray:PutTraceSegments",
            resource: "*",
            context: {
                "aws:SourceAccount": "${account}",
                "aws:SourceArn": "arn:${partition}:logs:${region}:${account}:delivery-source:ci-support_ci-traces",
                "logs:LogGeneratingResourceArns": ["arn:${partition}:bedrock-agentcore:${region}:${account}:code-interpreter-custom/support_ci-abcdef1234"],
            },
            resourcePolicies: ["xray"],
            why: "Issue 24 item 7: a custom code interpreter's TRACES (built-in tools tracing, observability-configure.html) reach X-Ray through the account's one policy.",
            source: "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/observability-configure.html#observability-configure-cloudwatch",
        },
    ],
    denied: [
        {
            id: "logs-service-other-log-group",
            principal: "service:logs.${region}.amazonaws.com",
            action: "kms:Decrypt",
            resource: "${logsKeyArn}",
            context: { "kms:EncryptionContext:aws:logs:arn": "arn:${partition}:logs:${region}:${account}:log-group:/aws/lambda/payroll" },
            resourcePolicies: ["key:logs"],
            when: ["cmk"],
            why: "The key protects the agent's log groups only.",
            source: LOGS_KMS,
        },
        {
            id: "other-service-uses-logs-key",
            principal: "service:s3.amazonaws.com",
            action: "kms:Decrypt",
            resource: "${logsKeyArn}",
            resourcePolicies: ["key:logs"],
            when: ["cmk"],
            why: "No other service may use the logs key.",
            source: LOGS_KMS,
        },
        {
            id: "other-account-delivery-uses-logs-key",
            principal: LOG_DELIVERY,
            action: "kms:GenerateDataKey",
            resource: "${logsKeyArn}",
            context: OTHER_ACCOUNT_SOURCE,
            resourcePolicies: ["key:logs"],
            when: ["cmk"],
            why: "Delivery on behalf of another account must not use this key (confused deputy).",
            source: VENDED_KMS,
        },
        {
            id: "other-account-delivery-writes-logs",
            principal: LOG_DELIVERY,
            action: "logs:PutLogEvents",
            resource: "${runtimeLogGroupArn}:log-stream:abc",
            context: OTHER_ACCOUNT_SOURCE,
            resourcePolicies: ["logs:runtime"],
            why: "Another account's delivery source must not write into this log group.",
            source: LOGS_TO_CWL,
        },
        {
            id: "other-account-delivery-writes-traces",
            principal: LOG_DELIVERY,
            action: "xray:PutTraceSegments",
            resource: "*",
            context: {
                "aws:SourceAccount": "210987654321",
                "aws:SourceArn": "arn:${partition}:logs:${region}:210987654321:delivery-source:${traceSourceName}",
                "logs:LogGeneratingResourceArns": ["arn:${partition}:bedrock-agentcore:${region}:210987654321:runtime/other-abcdef1234"],
            },
            resourcePolicies: ["xray"],
            why: "Another account's delivery sources must not write into this account's X-Ray.",
            source: TRACES_TO_XRAY,
        },
        {
            id: "delivery-writes-non-agentcore-traces",
            principal: LOG_DELIVERY,
            action: "xray:PutTraceSegments",
            resource: "*",
            context: {
                "aws:SourceAccount": "${account}",
                "aws:SourceArn": "arn:${partition}:logs:${region}:${account}:delivery-source:other-traces",
                "logs:LogGeneratingResourceArns": ["arn:${partition}:lambda:${region}:${account}:function:payroll"],
            },
            resourcePolicies: ["xray"],
            why: "The policy admits AgentCore resources only; other services' trace delivery needs its own decision.",
            source: TRACES_TO_XRAY,
        },
    ],
};
