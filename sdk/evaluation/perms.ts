/**
 * IAM actions of the online evaluation execution role, named for what they allow.
 * Source: AgentCore developer guide, "Prerequisites" of online evaluation, section
 * "Service execution role" (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/evaluations-prerequisites.html),
 * and the API reference of `CloudWatchOutputConfig` (results log group, `logs:CreateLogGroup`,
 * metrics namespace `Bedrock-AgentCore/Evaluations`). The full statement list of that
 * page could not be read here; these are the actions its text names, scoped as below.
 */

/** Read the agent's spans and logs (the endpoint's log group and Transaction Search's `aws/spans`). */
export const LOGS_READ = ["logs:StartQuery", "logs:GetQueryResults", "logs:FilterLogEvents", "logs:GetLogEvents", "logs:DescribeLogStreams"];
/** List log groups (no resource-level permission beyond `log-group:*`). */
export const LOGS_DESCRIBE_GROUPS = ["logs:DescribeLogGroups"];
/** Write evaluation results into the configuration's results log group. */
export const RESULTS_WRITE = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];
/** Publish evaluation scores as metrics, only into {@link EVALUATION_NAMESPACE} (by condition). */
export const METRICS_WRITE = ["cloudwatch:PutMetricData"];
/** Call the judge models of custom LLM-as-a-judge evaluators. */
export const JUDGE_INVOKE = ["bedrock:InvokeModel"];
/** Call the functions of code-based evaluators. */
export const CODE_EVALUATOR_INVOKE = ["lambda:InvokeFunction"];

/** Namespace AgentCore publishes evaluation scores to when `metricsNamespace` is not set (API reference, CloudWatchOutputConfig). */
export const EVALUATION_NAMESPACE = "Bedrock-AgentCore/Evaluations";
/** Prefix of the log groups AgentCore writes results to: `<prefix><online-evaluation-config-id>` ("Results and output"). */
export const RESULTS_LOG_GROUP_PREFIX = "/aws/bedrock-agentcore/evaluations/results/";
/** Log group of Transaction Search's spans. */
export const SPANS_LOG_GROUP = "aws/spans";
