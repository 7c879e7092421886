export { AgentGateway, AgentGatewayArgs } from "./agentGateway";
export { GatewaySettings, checkGatewaySettings } from "./validate";
export { CognitoMachineAuth, CognitoMachineAuthArgs } from "./cognitoAuthorizer";
export { GatewayInboundAuth, GatewayTargetSpec, SchemaSource, TargetCredentials } from "./types";
export * as gatewayPerms from "./perms";
