export { AgentEnvironment, AgentEnvironmentArgs } from "./agentEnvironment";
export { ENVIRONMENT_NAMES, ENVIRONMENT_PROFILES, EnvironmentName, EnvironmentProfile } from "./profiles";
export { EnvironmentGatewayArgs, EnvironmentIdentityArgs, GATEWAY_URL_VARIABLE } from "./toolAccess";
