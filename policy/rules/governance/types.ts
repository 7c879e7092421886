/** Type tokens of AgentCore Policy resources (`@pulumi/aws` 7.48), kept with the governance rules. */
export const POLICY_ENGINE = "aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine";
export const POLICY = "aws:bedrock/agentcorePolicy:AgentcorePolicy";
/**
 * The `aws-native` policy type (CloudFormation `AWS::BedrockAgentCore::Policy`), whose
 * `Definition.Cedar.Statement` and `ValidationMode` the provider spells in camelCase. Not
 * checked against a generated `aws-native` SDK here: the property names follow the
 * CloudFormation schema's names, as the other `aws-native` types do.
 */
export const NATIVE_POLICY = "aws-native:bedrockagentcore:Policy";
