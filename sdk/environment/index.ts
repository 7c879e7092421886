export { AgentEnvironment, AgentEnvironmentArgs, EnvironmentInvokeAccess, InvokeGrantOptions, featuresOf } from "./agentEnvironment";
export { checkEnvironmentArgs } from "./validate";
export { ENVIRONMENT_NAMES, ENVIRONMENT_PROFILES, EnvironmentName, EnvironmentProfile } from "./profiles";
export { EnvironmentGatewayArgs, EnvironmentIdentityArgs } from "./toolAccess";
export { AGENT_VARIABLES } from "./agentVariables";
