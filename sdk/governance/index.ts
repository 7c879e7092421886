export { GatewayToolPolicies, PolicyValidationMode, ToolPolicyMode, ToolPolicySpec, GATEWAY_ARN_PLACEHOLDER } from "./types";
export { DerivedAction, DerivedSchema, deriveToolSchema } from "./schema";
export { PolicySource, ToolCallDecision, ToolCallPrincipal, cedarVersion, schemaText } from "./cedar";
export { CheckedToolPolicies, checkToolPolicies, defaultPolicyEngineName } from "./validate";
export { ToolPolicyEngine, ToolPolicyEngineArgs } from "./toolPolicyEngine";
export { ToolCall, ToolPolicyTester, ToolPolicyTesterArgs, toolPolicyTester } from "./testing";
export * as governancePerms from "./perms";
export { INVOKE_ACTIONS, InvokeAccess, InvokeResourcePolicy, InvokeResourcePolicyArgs, checkInvokeAccess, invokeStatements } from "./resourcePolicy";
