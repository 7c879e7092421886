export { AwsContext, agentCoreArnPattern, awsContext, arn } from "./context";
export { AGENTCORE_ID_SUFFIX_LENGTH, TYPE_PREFIX, agentCoreIdPattern, agentCoreName, baseTags } from "./naming";
export { mapOrUndefined } from "./maps";
