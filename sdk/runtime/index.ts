export { AgentRuntime, AgentRuntimeArgs, RuntimeImage } from "./agentRuntime";
export { AgentExecutionRole, AgentExecutionRoleArgs } from "./executionRole";
export { InboundAuthorizer, RuntimeEndpointSpec, RuntimeLifecycle, RuntimeNetwork, ServerProtocol } from "./types";
export { DEFAULT_ENDPOINT, MAX_ENDPOINTS_PER_RUNTIME, checkAuthorizer, checkRuntimeSettings, checkScopes, checkTags, RuntimeSettings } from "./validate";
export { INFERENCE_PROFILE_REGIONS, InferenceProfileModels, modelResourceArns } from "./models";
export * as runtimePerms from "./perms";
