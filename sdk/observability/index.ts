export { TransactionSearch, TransactionSearchArgs } from "./transactionSearch";
export { TraceDeliveryPolicy, TraceDeliveryPolicyArgs, TRACE_DELIVERY_POLICY_NAME, traceDeliveryPolicyDocument } from "./traceDeliveryPolicy";
export { AgentObservability, AgentObservabilityArgs, checkObservabilityArgs, logGroupName, deliveryName, USAGE_LOG_KINDS } from "./agentObservability";
export { DOCUMENTED_DELIVERY, DocumentedDelivery, VendedLogType, tracedArnResourceTypes } from "./logTypes";
export { EnvironmentObservabilityArgs, environmentObservability } from "./environment";
export { AlarmThresholds, AlarmTopic, ObservedKind, ObservedPolicyEngine, ObservedResource } from "./types";
export { AGENTCORE_NAMESPACE, RUNTIME_METRICS, RESOURCE_METRICS, POLICY_ENGINE_METRICS, MetricsTarget, runtimeDimensions } from "./metrics";
export { LOG_RETENTION_DAYS } from "./validate";
export * as observabilityPerms from "./perms";
