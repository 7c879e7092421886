/**
 * IAM action lists of the VPC endpoint policies, named for what they allow.
 * Endpoint policies do not grant anything: they limit what may pass through an
 * endpoint, on top of the caller's own IAM permissions.
 */

/** Read image layers from the AWS-owned bucket ECR serves them from (S3 gateway endpoint). */
export const ECR_LAYER_DOWNLOAD = ["s3:GetObject"];
/** Every AgentCore data-plane call (runtime, memory, identity, tools, gateway); scoped by resource ARN. */
export const AGENTCORE_DATA_PLANE = ["bedrock-agentcore:*"];
