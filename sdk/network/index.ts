export { AgentNetwork, AgentNetworkArgs, ENI_RELEASE_TIMEOUT, HTTPS, waitForReleasedInterfaces } from "./agentNetwork";
export { ENDPOINTS, ENDPOINT_SERVICES, EndpointKind, EndpointService, EndpointSpec, NO_FEATURES, NetworkFeatures, requiredEndpoints } from "./features";
export { endpointPolicy } from "./policies";
export { ExistingVpcNetwork, NatGatewayStrategy, NetworkSettings, NewVpcNetwork, PublicNetwork, ToolNetwork, VpcNetworkSettings } from "./types";
export { MIN_ZONES, SubnetFacts, VPC_CIDR, VPC_ID, checkSubnetPlacement, checkVpcNetworkSettings } from "./validate";
export { SUPPORTED_ZONE_IDS, ZONES_SOURCE, pickSupportedZones, supportedZoneIds } from "./zones";
export * as networkPerms from "./perms";
