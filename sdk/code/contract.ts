import { AccessCall, AccessContract } from "../common/contract";

const CODE_DEPLOY_ISSUES = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-code-deploy-common-issues.html";
const RUNTIME_PERMISSIONS = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html";
const S3_TLS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html";
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
 * A code package (issue 23 item 1): AgentCore reads the zip when the runtime is created or
 * updated, with the credentials of the identity that calls Create/UpdateAgentRuntime (the
 * deployer), not with the execution role: "The role used to call Create/UpdateAgentRuntime
 * does not have s3:GetObject permissions on S3 uri passed in the API input" and, for a
 * customer-managed key, "kms:Decrypt permissions on the CMK used to encrypt the S3 object"
 * (Troubleshooting direct code deployment). So the execution role gets nothing on the bucket
 * or ECR; the deployer's least privilege is `AgentCode.deployerReadStatements()` (read of
 * exactly the package object, decrypt through S3 only); the bucket refuses every request
 * without TLS and the key's policy delegates to IAM in its account (as every key of the package).
 * Bindings: `${codeBucket}`, `${codeKey}`, `${codeKeyArn}` (features: `cmk` where the
 * profile wants customer-managed keys).
 */
export const CODE_CONTRACT: AccessContract = {
    component: "AgentCode",
    summary: "A runtime's code package: who reads it when the runtime is created (the deployer), and that nobody else does.",
    notes: [
        "AgentCore reads the package with the deployer's credentials at CreateAgentRuntime / UpdateAgentRuntime (" +
            CODE_DEPLOY_ISSUES +
            "): give the identity that runs `pulumi up` `AgentCode.deployerReadStatements()` (s3:GetObject and s3:GetObjectVersion on the package, kms:Decrypt through S3 on its key). The execution role needs no S3, KMS or ECR access for its code.",
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
            id: "runtime-role-reads-package",
            principal: "role:runtime",
            action: "s3:GetObject",
            resource: PACKAGE,
            context: TLS_REQUEST,
            resourcePolicies: ["bucket:code"],
            why: "The execution role is not the reader (AgentCore reads with the deployer's credentials), so code in a session cannot fetch packages.",
            source: CODE_DEPLOY_ISSUES,
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
