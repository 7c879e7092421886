/**
 * IAM actions around AgentCore Policy, named for what they allow. Source: AWS
 * AgentCore developer guide, "AgentCore Gateway and Policy in AgentCore IAM
 * Permissions" (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/policy-permissions.html):
 * without these the gateway cannot evaluate policies and denies every call.
 * Resource types (gateway, policy-engine) from the Service Authorization Reference.
 */

/** What a gateway's execution role needs to evaluate its policy engine: decide a call, list the tools a caller may call, read the engine. */
export const GATEWAY_POLICY_EVALUATION = ["bedrock-agentcore:AuthorizeAction", "bedrock-agentcore:PartiallyAuthorizeActions", "bedrock-agentcore:GetPolicyEngine"];
