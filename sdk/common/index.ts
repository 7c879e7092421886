export { AwsContext, awsContext, arn } from "./context";
export { TYPE_PREFIX, agentCoreName, baseTags } from "./naming";
export { mapOrUndefined } from "./maps";
