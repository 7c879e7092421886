export { AgentImage, AgentImageArgs, AgentImageBuild, AgentImageRepository, AGENT_PLATFORM, CACHE_TAG, untaggedOnlyLifecycle } from "./agentImage";
export { parseEcrImage, repositoryArnOf, EcrImageReference } from "./imageReference";
