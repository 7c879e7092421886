/**
 * ECR actions granted on an agent image's repository, named for what they allow.
 * Source: AWS AgentCore developer guide, "Permissions for AgentCore Runtime"
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html)
 * and Amazon ECR, "Private repository policy examples"
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html).
 */

/** Pull an image: its manifest and its layers. The execution role needs them, and a repository policy grants them to other accounts. */
export const ECR_PULL = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];
