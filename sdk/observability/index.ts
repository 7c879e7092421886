export { TransactionSearch, TransactionSearchArgs } from "./transactionSearch";
export { TraceDeliveryPolicy, TraceDeliveryPolicyArgs, TRACE_DELIVERY_POLICY_NAME, traceDeliveryPolicyDocument } from "./traceDeliveryPolicy";
export { AgentObservability, AgentObservabilityArgs, checkObservabilityArgs, logGroupName, deliveryName, USAGE_LOG_KINDS, VendedLogType } from "./agentObservability";
export { EnvironmentObservabilityArgs, environmentObservability } from "./environment";
export { AlarmThresholds, AlarmTopic, ObservedKind, ObservedResource } from "./types";
export { AGENTCORE_NAMESPACE, RUNTIME_METRICS, MetricsTarget, runtimeDimensions } from "./metrics";
export { LOG_RETENTION_DAYS } from "./validate";
export * as observabilityPerms from "./perms";
