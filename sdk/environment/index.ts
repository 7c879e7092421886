export { AgentEnvironment, AgentEnvironmentArgs, EnvironmentInvokeAccess, InvokeGrantOptions } from "./agentEnvironment";
export { featuresOf } from "./validate";
export { checkEnvironmentArgs } from "./validate";
export { ENVIRONMENT_NAMES, ENVIRONMENT_PROFILES, EnvironmentName, EnvironmentProfile } from "./profiles";
export { EnvironmentGatewayArgs, EnvironmentIdentityArgs } from "./toolAccess";
export { AGENT_VARIABLES } from "./agentVariables";
