export { AgentImage, AgentImageArgs, AgentImageBuild, AgentImagePromotion, AgentImageRepository, AGENT_PLATFORM, CACHE_TAG, checkImageArgs, crossAccountPullPolicy, untaggedOnlyLifecycle } from "./agentImage";
export { parseEcrImage, repositoryArnOf, EcrImageReference } from "./imageReference";
