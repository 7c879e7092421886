export { AgentImage, AgentImageArgs, AgentImageBuild, AgentImageRepository, AGENT_PLATFORM, CACHE_TAG, checkImageArgs, untaggedOnlyLifecycle } from "./agentImage";
export { parseEcrImage, repositoryArnOf, EcrImageReference } from "./imageReference";
