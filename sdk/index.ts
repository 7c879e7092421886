/**
 * Pulumi components for Amazon Bedrock AgentCore. Start with `AgentEnvironment`:
 * one agent in one environment (dev, staging, prod) from a single args object.
 */
export * from "./environment";
export * from "./image";
export * from "./code";
export * from "./runtime";
export * from "./iam";
export * from "./kms";
export * from "./memory";
export * from "./observability";
export * from "./smoke";
export * from "./tools";
export * from "./identity";
export * from "./gateway";
export * from "./governance";
export * from "./network";
export * from "./validation";
export { agentCoreName, TYPE_PREFIX } from "./common/naming";
export * from "./evaluation";
export * from "./delivery";
export * from "./platform";
export * from "./harness";
export * from "./registry";
export * from "./storage";
