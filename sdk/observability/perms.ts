/**
 * IAM actions and service principals of the observability resources, named for
 * what they allow. Sources: CloudWatch "Enable transaction search" (CloudFormation
 * variant), "Logs sent to CloudWatch Logs" and "Traces sent to X-Ray" (vended log
 * delivery), "Encrypt log data in CloudWatch Logs using AWS KMS", and CloudWatch
 * "Using Amazon SNS with encrypted topics for alarm actions".
 */

/** X-Ray writes spans into the Transaction Search log groups. */
export const TRANSACTION_SEARCH_WRITE = ["logs:PutLogEvents"];
/** The log groups Transaction Search writes into (fixed by CloudWatch). */
export const TRANSACTION_SEARCH_LOG_GROUPS = ["aws/spans", "/aws/application-signals/data"];
/** Name of the account-level CloudWatch Logs resource policy of Transaction Search (as the AWS docs name it). */
export const TRANSACTION_SEARCH_POLICY_NAME = "TransactionSearchAccess";

/** Vended log delivery creates streams and writes events into one log group. */
export const LOG_DELIVERY_WRITE = ["logs:CreateLogStream", "logs:PutLogEvents"];
/** Vended trace delivery writes segments into X-Ray; X-Ray actions have no resource-level support. */
export const TRACE_DELIVERY_WRITE = ["xray:PutTraceSegments"];

/**
 * The AgentCore resource types whose TRACES the account's trace delivery policy admits (ARN resource prefixes):
 * every kind `DOCUMENTED_DELIVERY` (logTypes.ts) traces; tests/observability/toolObservability.test.ts keeps the two equal.
 */
export const AGENTCORE_TRACE_SOURCES = ["runtime", "memory", "gateway", "browser-custom", "code-interpreter-custom"];

/** CloudWatch Logs encrypts and decrypts a log group's data with the key. */
export const LOGS_KEY_USE = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"];
/** Vended log delivery encrypts what it writes into an encrypted destination. */
export const LOG_DELIVERY_KEY_USE = ["kms:GenerateDataKey*", "kms:Decrypt"];
/** CloudWatch publishes alarm notifications to a topic encrypted with the key. */
export const ALARM_TOPIC_KEY_USE = ["kms:Decrypt", "kms:GenerateDataKey*"];

/** The principal of X-Ray. */
export const XRAY_PRINCIPAL = "xray.amazonaws.com";
/** The principal of CloudWatch Logs vended delivery. */
export const LOG_DELIVERY_PRINCIPAL = "delivery.logs.amazonaws.com";
/** The principal of CloudWatch alarms. */
export const CLOUDWATCH_PRINCIPAL = "cloudwatch.amazonaws.com";
