import { AccessCall, AccessContract } from "../common/contract";

const CODE_DEPLOY_ISSUES = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-code-deploy-common-issues.html";
const RUNTIME_PERMISSIONS = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html";
const S3_TLS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html";
/** The API model's `VpcConfig.requireServiceS3Endpoint` (data/aws-models bedrock-agentcore-control): AgentCore Runtime downloads code "during agent startup". */
const CONTROL_MODEL = "https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_VpcConfig.html";
const S3_SSE_KMS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html";

/** The package object: `${codeBucket}` and `${codeKey}` are bound by the test from what `AgentCode` rendered. */
const PACKAGE = "arn:${partition}:s3:::${codeBucket}/${codeKey}";
/** S3's request context for a bucket of this account reached over TLS. */
const TLS_REQUEST = { "aws:SecureTransport": "true", "aws:ResourceAccount": "${account}" };

const deployer = (id: string, action: string, resource: string, why: string, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal: "account:deployer",
    action,
    resource,
    context: TLS_REQUEST,
    resourcePolicies: ["bucket:code"],
    why,
    source: CODE_DEPLOY_ISSUES,
    ...more,
});

/**
 * A code package (issue 23 item 1). AWS's pages disagree on who reads the zip, so both
 * readers are granted exactly the package object (and decrypt through S3 on its key):
 * - the deployer (the identity that calls Create/UpdateAgentRuntime): "The role used to call
 *   Create/UpdateAgentRuntime does not have s3:GetObject permissions on S3 uri passed in the
 *   API input" (Troubleshooting direct code deployment), `AgentCode.deployerReadStatements()`;
 * - the execution role: the same page says the CMK error happens "when the execution role
 *   lacks KMS decrypt permissions", and the API model's `VpcConfig.requireServiceS3Endpoint`
 *   (data/aws-models bedrock-agentcore-control) says AgentCore Runtime downloads "code and
 *   container images during agent startup", through the customer's VPC for runtimes created
 *   after the May 2026 rollout; `AgentCode.grantRead(role)`, which AgentEnvironment calls.
 * Neither reads any other object; the bucket refuses every request without TLS and the key's
 * policy delegates to IAM in its account (as every key of the package). In a VPC the S3
 * gateway endpoint admits this account's principals on this account's buckets.
 * Bindings: `${codeBucket}`, `${codeKey}`, `${codeKeyArn}` (features: `cmk` where the
 * profile wants customer-managed keys).
 */
export const CODE_CONTRACT: AccessContract = {
    component: "AgentCode",
    summary: "A runtime's code package: who reads it (the deployer at create/update, the execution role at session start; AWS's pages disagree, both are granted), and that neither reads any other object.",
    notes: [
        "AWS's pages disagree on who reads the package: " +
            CODE_DEPLOY_ISSUES +
            " names the caller of Create/UpdateAgentRuntime (and the execution role for a customer key's decrypt); the API model's VpcConfig.requireServiceS3Endpoint says AgentCore Runtime downloads code during agent startup, through your VPC. Both readers are granted: give the identity that runs `pulumi up` `AgentCode.deployerReadStatements()`; AgentEnvironment grants the execution role the same read (`AgentCode.grantRead`, inline policy code-package-read): s3:GetObject and s3:GetObjectVersion on exactly the package object, kms:Decrypt through S3 on its key. The execution role has no ECR access.",
    ],
    allowed: [
        deployer("deployer-reads-package", "s3:GetObject", PACKAGE, "AgentCore fetches the zip named in codeConfiguration with the deployer's credentials when it creates or updates the runtime."),
        deployer("deployer-reads-package-version", "s3:GetObjectVersion", PACKAGE, "The runtime names the object by version id (the pinned version), which S3 authorizes as GetObjectVersion."),
        {
            id: "deployer-decrypts-package",
            principal: "account:deployer",
            action: "kms:Decrypt",
            resource: "${codeKeyArn}",
            context: { "kms:ViaService": "s3.${region}.amazonaws.com" },
            resourcePolicies: ["key:code"],
            when: ["cmk"],
            why: "S3 decrypts the package's data key with the reader's credentials (SSE-KMS with a customer-managed key).",
            source: CODE_DEPLOY_ISSUES,
        },
        {
            id: "runtime-role-reads-package",
            principal: "role:runtime",
            action: "s3:GetObject",
            resource: PACKAGE,
            context: TLS_REQUEST,
            resourcePolicies: ["bucket:code", "endpoint:s3"],
            why: "AgentCore may download the package at session start with the execution role (AWS's pages disagree; both readers are granted), through the VPC's S3 gateway endpoint in a VPC.",
            source: CONTROL_MODEL,
        },
        {
            id: "runtime-role-reads-package-version",
            principal: "role:runtime",
            action: "s3:GetObjectVersion",
            resource: PACKAGE,
            context: TLS_REQUEST,
            resourcePolicies: ["bucket:code", "endpoint:s3"],
            why: "The runtime names the object by its pinned version id.",
            source: CONTROL_MODEL,
        },
        {
            id: "runtime-role-decrypts-package",
            principal: "role:runtime",
            action: "kms:Decrypt",
            resource: "${codeKeyArn}",
            context: { "kms:ViaService": "s3.${region}.amazonaws.com" },
            resourcePolicies: ["key:code"],
            when: ["cmk"],
            why: "The CMK error happens \"when the execution role lacks KMS decrypt permissions\" (Troubleshooting direct code deployment).",
            source: CODE_DEPLOY_ISSUES,
        },
    ],
    denied: [
        deployer("deployer-reads-other-object", "s3:GetObject", "arn:${partition}:s3:::${codeBucket}/code/someone-else.zip", "The deployer's statement names exactly this package, not the bucket."),
        deployer("deployer-overwrites-package", "s3:PutObject", PACKAGE, "Reading is all AgentCore does with the deployer's credentials; the upload is Pulumi's own (the deployer's other permissions)."),
        {
            id: "read-package-without-tls",
            principal: "account:administrator",
            action: "s3:GetObject",
            resource: PACKAGE,
            context: { "aws:SecureTransport": "false", "aws:ResourceAccount": "${account}" },
            resourcePolicies: ["bucket:code"],
            why: "The bucket policy denies every request without TLS, whatever the caller's identity policy allows.",
            source: S3_TLS,
        },
        {
            id: "runtime-role-reads-other-object",
            principal: "role:runtime",
            action: "s3:GetObject",
            resource: "arn:${partition}:s3:::${codeBucket}/code/someone-else.zip",
            context: TLS_REQUEST,
            resourcePolicies: ["bucket:code", "endpoint:s3"],
            why: "The execution role reads exactly its package, so code in a session cannot fetch other packages.",
            source: CONTROL_MODEL,
        },
        {
            id: "runtime-role-overwrites-package",
            principal: "role:runtime",
            action: "s3:PutObject",
            resource: PACKAGE,
            context: TLS_REQUEST,
            resourcePolicies: ["bucket:code", "endpoint:s3"],
            why: "Reading is all the execution role does with the package.",
            source: CONTROL_MODEL,
        },
        {
            id: "runtime-role-decrypts-outside-s3",
            principal: "role:runtime",
            action: "kms:Decrypt",
            resource: "${codeKeyArn}",
            resourcePolicies: ["key:code"],
            when: ["cmk"],
            why: "The execution role's decrypt holds only through S3 (kms:ViaService), not as a direct KMS call.",
            source: S3_SSE_KMS,
        },
        {
            id: "runtime-role-ecr-token",
            principal: "role:runtime",
            action: "ecr:GetAuthorizationToken",
            resource: "*",
            why: "A code runtime pulls no image: its role has no ECR access at all.",
            source: RUNTIME_PERMISSIONS,
        },
        {
            id: "deployer-decrypts-outside-s3",
            principal: "account:deployer",
            action: "kms:Decrypt",
            resource: "${codeKeyArn}",
            resourcePolicies: ["key:code"],
            when: ["cmk"],
            why: "The deployer's decrypt holds only through S3 (kms:ViaService), not as a direct KMS call.",
            source: S3_SSE_KMS,
        },
    ],
};
