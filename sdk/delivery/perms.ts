/**
 * IAM actions of the front door's gateway role, named for what they allow.
 * Source: Service Authorization Reference for Amazon Bedrock AgentCore
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html):
 * `InvokeAgentRuntime` takes the runtime and its runtime-endpoint resources. That a
 * gateway HTTP target with `gatewayIamRole` credentials signs with exactly this action
 * is this package's reading of the A/B testing guide; it was not run against AWS here.
 */

/** Invoke the runtime through one of its endpoints. */
export const RUNTIME_INVOKE = ["bedrock-agentcore:InvokeAgentRuntime"];

/** Call the front door with SigV4 (callers of an AWS_IAM environment), as for any AgentCore gateway. */
export { GATEWAY_INVOKE as FRONT_DOOR_INVOKE } from "../gateway/perms";
