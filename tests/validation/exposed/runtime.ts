import { AgentRuntime, AgentRuntimeArgs } from "../../../sdk";
import { ConceptTable, ExposedField } from "../apiModel";

export const RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const ENDPOINT = "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint";
export const IMAGE_URI = `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent@sha256:${"a".repeat(64)}`;
export const IMAGE = { imageUri: IMAGE_URI, repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/agent" };
export const JWT = { type: "CUSTOM_JWT" as const, discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["client"] };
export const VPC = { mode: "VPC" as const, subnetIds: ["subnet-12345678"], securityGroupIds: ["sg-12345678"] };

const runtime = (args: Partial<AgentRuntimeArgs>) => () => new AgentRuntime("agent", { image: IMAGE, ...args });

const exposed: ExposedField[] = [
    { type: RUNTIME, path: "agentRuntimeName", shape: "AgentRuntimeName", argPath: "runtimeName", valid: "support_agent", build: (v) => runtime({ runtimeName: v }) },
    { type: RUNTIME, path: "agentRuntimeArtifact.containerConfiguration.containerUri", shape: "RuntimeContainerUri", argPath: "image.imageUri", valid: IMAGE_URI, build: (v) => runtime({ image: { ...IMAGE, imageUri: v } }) },
    { type: RUNTIME, path: "description", shape: "Description", argPath: "description", valid: "An agent", build: (v) => runtime({ description: v }) },
    { type: RUNTIME, path: "protocolConfiguration.serverProtocol", shape: "ServerProtocol", argPath: "protocol", valid: "HTTP", build: (v) => runtime({ protocol: v }) },
    { type: RUNTIME, path: "networkConfiguration.networkMode", shape: "NetworkMode", argPath: "network.mode", valid: "PUBLIC", build: (v) => runtime({ network: { mode: v } }) },
    { type: RUNTIME, path: "networkConfiguration.networkModeConfig.subnets", shape: "Subnets", argPath: "network.subnetIds", valid: ["subnet-12345678"], build: (v) => runtime({ network: { ...VPC, subnetIds: v } }) },
    { type: RUNTIME, path: "networkConfiguration.networkModeConfig.subnets[]", shape: "SubnetId", argPath: "network.subnetIds[0]", valid: "subnet-12345678", build: (v) => runtime({ network: { ...VPC, subnetIds: [v] } }) },
    { type: RUNTIME, path: "networkConfiguration.networkModeConfig.securityGroups", shape: "SecurityGroups", argPath: "network.securityGroupIds", valid: ["sg-12345678"], build: (v) => runtime({ network: { ...VPC, securityGroupIds: v } }) },
    { type: RUNTIME, path: "networkConfiguration.networkModeConfig.securityGroups[]", shape: "SecurityGroupId", argPath: "network.securityGroupIds[0]", valid: "sg-12345678", build: (v) => runtime({ network: { ...VPC, securityGroupIds: [v] } }) },
    { type: RUNTIME, path: "environmentVariables", shape: "EnvironmentVariablesMap", argPath: "environmentVariables", valid: { LOG_LEVEL: "info" }, build: (v) => runtime({ environmentVariables: v }) },
    { type: RUNTIME, path: "environmentVariables{key}", shape: "EnvironmentVariableKey", argPath: "environmentVariables key", valid: "LOG_LEVEL", build: (v) => runtime({ environmentVariables: { [v]: "info" } }) },
    { type: RUNTIME, path: "environmentVariables{value}", shape: "EnvironmentVariableValue", argPath: "environmentVariables.LOG_LEVEL", valid: "info", build: (v) => runtime({ environmentVariables: { LOG_LEVEL: v } }) },
    {
        type: RUNTIME, path: "lifecycleConfigurations.idleRuntimeSessionTimeout", shape: "LifecycleConfigurationIdleRuntimeSessionTimeoutInteger", argPath: "lifecycle.idleSessionTimeoutSeconds", valid: 60,
        build: (v) => runtime({ lifecycle: { idleSessionTimeoutSeconds: v, maxLifetimeSeconds: 28800 } }),
    },
    {
        type: RUNTIME, path: "lifecycleConfigurations.maxLifetime", shape: "LifecycleConfigurationMaxLifetimeInteger", argPath: "lifecycle.maxLifetimeSeconds", valid: 28800,
        build: (v) => runtime({ lifecycle: { idleSessionTimeoutSeconds: 60, maxLifetimeSeconds: v } }),
    },
    { type: RUNTIME, path: "requestHeaderConfiguration.requestHeaderAllowlists", shape: "RequestHeaderAllowlist", argPath: "requestHeaderAllowlist", valid: ["X-Tenant"], build: (v) => runtime({ requestHeaderAllowlist: v }) },
    { type: RUNTIME, path: "requestHeaderConfiguration.requestHeaderAllowlists[]", shape: "HeaderName", argPath: "requestHeaderAllowlist[0]", valid: "X-Tenant", build: (v) => runtime({ requestHeaderAllowlist: [v] }) },
    { type: RUNTIME, path: "authorizerConfiguration.customJwtAuthorizer.discoveryUrl", shape: "DiscoveryUrl", argPath: "authorizer.discoveryUrl", valid: JWT.discoveryUrl, build: (v) => runtime({ authorizer: { ...JWT, discoveryUrl: v } }) },
    { type: RUNTIME, path: "authorizerConfiguration.customJwtAuthorizer.allowedAudiences", shape: "AllowedAudienceList", argPath: "authorizer.allowedAudiences", valid: ["api"], build: (v) => runtime({ authorizer: { ...JWT, allowedAudiences: v } }) },
    { type: RUNTIME, path: "authorizerConfiguration.customJwtAuthorizer.allowedClients", shape: "AllowedClientsList", argPath: "authorizer.allowedClients", valid: ["client"], build: (v) => runtime({ authorizer: { ...JWT, allowedClients: v } }) },
    { type: RUNTIME, path: "authorizerConfiguration.customJwtAuthorizer.allowedScopes", shape: "AllowedScopesType", argPath: "authorizer.allowedScopes", valid: ["read"], build: (v) => runtime({ authorizer: { ...JWT, allowedScopes: v } }) },
    { type: RUNTIME, path: "authorizerConfiguration.customJwtAuthorizer.allowedScopes[]", shape: "AllowedScopeType", argPath: "authorizer.allowedScopes[0]", valid: "read", build: (v) => runtime({ authorizer: { ...JWT, allowedScopes: [v] } }) },
    { type: RUNTIME, path: "tags", shape: "TagsMap", argPath: "tags", valid: { team: "support" }, build: (v) => runtime({ tags: v }) },
    { type: RUNTIME, path: "tags{key}", shape: "TagKey", argPath: "tags key", valid: "team", build: (v) => runtime({ tags: { [v]: "support" } }) },
    { type: RUNTIME, path: "tags{value}", shape: "TagValue", argPath: "tags.team", valid: "support", build: (v) => runtime({ tags: { team: v } }) },
    { type: ENDPOINT, path: "name", shape: "EndpointName", argPath: "endpoints[0].name", valid: "prod", build: (v) => runtime({ endpoints: [{ name: v, version: "1" }] }) },
    { type: ENDPOINT, path: "agentRuntimeVersion", shape: "AgentRuntimeVersion", argPath: "endpoints[0].version", valid: "1", build: (v) => runtime({ endpoints: [{ name: "prod", version: v }] }) },
    { type: ENDPOINT, path: "description", shape: "AgentEndpointDescription", argPath: "endpoints[0].description", valid: "Reviewed", build: (v) => runtime({ endpoints: [{ name: "prod", version: "1", description: v }] }) },
];

const derived: Record<string, string> = {
    [`${RUNTIME} roleArn`]: "the execution role the component creates",
    [`${ENDPOINT} agentRuntimeId`]: "the runtime the component creates",
    [`${ENDPOINT} tags`]: "the runtime's tags (checked as tags)",
    [`${ENDPOINT} tags{key}`]: "the runtime's tags (checked as tags key)",
    [`${ENDPOINT} tags{value}`]: "the runtime's tags (checked as tags.<key>)",
};

const maximal: (() => unknown)[] = [
    runtime({
        protocol: "HTTP",
        authorizer: { ...JWT, allowedAudiences: ["api"], allowedScopes: ["read"] },
        network: VPC,
        environmentVariables: { LOG_LEVEL: "info" },
        lifecycle: { idleSessionTimeoutSeconds: 60, maxLifetimeSeconds: 120 },
        requestHeaderAllowlist: ["Authorization"],
        description: "d",
        endpoints: [{ name: "prod", version: "1", description: "Reviewed" }],
        tags: { team: "support" },
    }),
];

/** The runtime and its endpoints. */
export const RUNTIME_TABLE: ConceptTable = { exposed, derived, maximal };
