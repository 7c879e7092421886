export { AgentRegistry, registryArgsOf, registryTags } from "./agentRegistry";
export { RegistryPublication, PublishedTool, PublicationTargets, agentCard, mcpServer, runtimeInvocationUrl, A2A_PROTOCOL_VERSION } from "./registryPublication";
export {
    AgentRegistryArgs,
    AgentCardSkill,
    PublishSection,
    PublishedRecordType,
    RecordApproval,
    REGISTRY_ENVIRONMENTS,
    REGISTRY_PROFILES,
    RegistryEnvironment,
    RegistryProfile,
    ResolvedPublication,
    ResolvedRecord,
    ResolvedRegistry,
} from "./types";
export { REGISTRY_NAME, REGISTRY_REFERENCE, agentRecordType, resolvePublication, resolveRegistry } from "./validate";
export { REGISTRY_CONTRACT } from "./contract";
export { REGISTRY_LIFECYCLE } from "./lifecycle";
export { registryAdminStatements, registryPublisherStatements } from "./perms";
