export { AgentGateway, AgentGatewayArgs, gatewayDeployerKeyStatement } from "./agentGateway";
export { GatewaySettings, checkGatewaySettings } from "./validate";
export { CognitoMachineAuth, CognitoMachineAuthArgs } from "./cognitoAuthorizer";
export { GatewayInboundAuth, GatewayTargetSpec, SchemaSource, SmithyPermissions, TargetCredentials } from "./types";
export * as gatewayPerms from "./perms";
export { smithyActions } from "./smithy";
