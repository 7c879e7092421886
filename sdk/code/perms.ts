/**
 * Actions on a code package, named for what they allow.
 * Source: "Troubleshooting direct code deployment", AccessDenied: Insufficient S3
 * permissions / CMK encrypted S3 object access
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-code-deploy-common-issues.html):
 * the role that calls Create/UpdateAgentRuntime needs s3:GetObject on the object and
 * kms:Decrypt on a customer-managed key that encrypts it.
 */

/** Read the package: the object, and a named version of it (the runtime pins a version id). */
export const CODE_READ = ["s3:GetObject", "s3:GetObjectVersion"];
/** Decrypt a package encrypted with a customer-managed key (only through S3). */
export const CODE_KEY_READ = ["kms:Decrypt"];
