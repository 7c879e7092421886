import { AccessCall, AccessContract } from "../common/contract";

// issue 24 item 4: who may use the runtime's file systems.
const EFS_ACCESS_POINTS = "https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html";
const EFS_IAM = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticfilesystem.html";
const S3FILES_IAM = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3files.html";
const FILESYSTEM_PAGE = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-filesystem-configurations.html";
// Red-team finding 1 (issue 24): found by users, not in AWS's guide page. A user's CreateAgentRuntime failed with
// "Execution role is missing required filesystem permissions. Ensure the role has elasticfilesystem:DescribeAccessPoints
// and elasticfilesystem:DescribeMountTargets" and passed once both were granted on [file system ARN, access point ARN];
// for S3 Files, AWS samples grant s3files:GetAccessPoint on the access point and s3files:ListMountTargets on the file system.
const FOUND_BY_USERS = "found by users, not in AWS's guide page: CreateAgentRuntime error \"Execution role is missing required filesystem permissions\" (public reports, e.g. an EFS per-user AgentCore stack and AWS samples granting s3files:GetAccessPoint / s3files:ListMountTargets)";

/** What an NFS mount through the access point carries: the access point, a mount target, TLS. */
const MOUNT_CONTEXT = { "elasticfilesystem:AccessPointArn": "${accessPointArn}", "elasticfilesystem:AccessedViaMountTarget": "true", "aws:SecureTransport": "true" };

// Client* rows are evaluated with the file system policy (red-team finding 2) as the resource policy.
const efs = (id: string, action: string, why: string, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal: "role:runtime",
    action,
    resource: "${fileSystemArn}",
    context: MOUNT_CONTEXT,
    resourcePolicies: ["fileSystem"],
    when: ["efs"],
    why,
    source: EFS_ACCESS_POINTS,
    ...more,
});

const s3files = (id: string, action: string, why: string, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal: "role:runtime",
    action,
    resource: "${s3FilesFileSystemArn}",
    context: { "s3files:AccessPointArn": "${s3FilesAccessPointArn}" },
    when: ["s3files"],
    why,
    source: S3FILES_IAM,
    ...more,
});

/**
 * The execution role's access to the file systems mounted into its sessions. Bindings:
 * `${fileSystemArn}`, `${accessPointArn}` (the EFS mount; its file system policy bound as `fileSystem`), `${s3FilesFileSystemArn}`,
 * `${s3FilesAccessPointArn}` (the S3 Files mount), `${otherFileSystemArn}`, `${otherAccessPointArn}`.
 */
export const STORAGE_CONTRACT: AccessContract = {
    component: "AgentFileSystem / AgentRuntime storage",
    summary: "The runtime's execution role (role:runtime) mounting the EFS and S3 Files access points of its `storage`, and nothing else on any file system.",
    notes: [
        `AgentCore mounts each access point for the session with the execution role's credentials; the role gets \`ClientMount\` (and \`ClientWrite\` unless the mount is read-only) on exactly the mounted file system, with the \`elasticfilesystem:AccessPointArn\` (\`s3files:AccessPointArn\`) condition naming the access point, so it cannot mount the file system's root or another access point. \`ClientRootAccess\` is never granted: the access point's POSIX user is never root (uid/gid 0 are refused). Session storage (\`SESSION\`) is managed by AgentCore and needs no grant (${FILESYSTEM_PAGE}).`,
        "The network side is not an IAM decision and is tested on the rendered security groups (tests/storage): the mount targets' group admits TCP 2049 from the runtime's security group only, and the environment's runtime group gets egress 2049 to it.",
        "The file system policy (red-team finding 2) is evaluated as the resource policy of every Client* row: without one, \"the default EFS file system policy does not use IAM for authentication and grants full access to any anonymous client that can connect\" (https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html), so the denied rows would not hold for a client that reaches a mount target. The evaluator cannot model that default (an anonymous NFS client); the rows here fail when the policy is missing because they name it. The policy allows the runtime's role through the access point via a mount target and denies any request without TLS.",
        "Found by users, not in AWS's guide page: AgentCore checks the mount with the execution role at Create/UpdateAgentRuntime (\"Execution role is missing required filesystem permissions\"), so the role also reads the access point and the mount targets of exactly the mounted file system.",
        "S3 Files rows are evaluated under the IAM service reference's action and condition-key names; the mount behaviour of S3 Files itself was not checked against AWS (no account).",
    ],
    allowed: [
        efs("efs-mount", "elasticfilesystem:ClientMount", "Mount the EFS file system through its access point at session start", { source: EFS_IAM }),
        efs("efs-write", "elasticfilesystem:ClientWrite", "Write files through the access point (not granted for read-only mounts)", { when: ["efs", "writable"] }),
        s3files("s3files-mount", "s3files:ClientMount", "Mount the S3 Files file system through its access point"),
        efs("efs-describe-access-point", "elasticfilesystem:DescribeAccessPoints", `AgentCore's create-time check of the mount (${FOUND_BY_USERS})`, { resource: "${accessPointArn}", context: {}, resourcePolicies: [], source: FILESYSTEM_PAGE }),
        efs("efs-describe-mount-targets", "elasticfilesystem:DescribeMountTargets", `AgentCore's create-time check of the mount (${FOUND_BY_USERS})`, { context: {}, resourcePolicies: [], source: FILESYSTEM_PAGE }),
        s3files("s3files-get-access-point", "s3files:GetAccessPoint", `AgentCore's create-time check of the mount (${FOUND_BY_USERS})`, { resource: "${s3FilesAccessPointArn}", context: {}, source: FILESYSTEM_PAGE }),
        s3files("s3files-list-mount-targets", "s3files:ListMountTargets", `AgentCore's create-time check of the mount; the service reference gives it the file-system resource type, so it is scoped to the file system (${FOUND_BY_USERS})`, { context: {}, source: FILESYSTEM_PAGE }),
    ],
    denied: [
        efs("efs-root", "elasticfilesystem:ClientRootAccess", "Root on the file system would bypass the access point's POSIX identity: never granted"),
        efs("efs-other-access-point", "elasticfilesystem:ClientMount", "Another access point of the same file system (another root directory or identity) is not the one mounted", {
            context: { ...MOUNT_CONTEXT, "elasticfilesystem:AccessPointArn": "${otherAccessPointArn}" },
        }),
        efs("efs-no-access-point", "elasticfilesystem:ClientMount", "Mounting the file system's root directly, without the access point", {
            context: { "elasticfilesystem:AccessedViaMountTarget": "true", "aws:SecureTransport": "true" },
        }),
        efs("efs-other-file-system", "elasticfilesystem:ClientMount", "Any other file system of the account", { resource: "${otherFileSystemArn}", resourcePolicies: [] }),
        efs("efs-without-tls", "elasticfilesystem:ClientMount", "A mount without TLS, even by the runtime's role through its access point: the file system policy denies it", {
            context: { ...MOUNT_CONTEXT, "aws:SecureTransport": "false" },
            source: "https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html",
        }),
        efs("efs-other-principal", "elasticfilesystem:ClientMount", "A principal of the account without its own EFS grant: the file system policy names the runtime's role only", {
            principal: "account:no-efs-grant",
            source: "https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html",
        }),
        efs("efs-write-read-only", "elasticfilesystem:ClientWrite", "A read-only mount gets ClientMount only", { when: ["efs", "read-only"] }),
        efs("efs-describe-other-file-system", "elasticfilesystem:DescribeMountTargets", "The create-time reads are on the mounted file system only", { resource: "${otherFileSystemArn}", context: {}, resourcePolicies: [] }),
        s3files("s3files-get-other-access-point", "s3files:GetAccessPoint", "The create-time read is on the mounted access point only", { resource: "${s3FilesFileSystemArn}/access-point/fsap-0fedcba98765432100", context: {} }),
        s3files("s3files-root", "s3files:ClientRootAccess", "Root on the S3 Files file system: never granted"),
        s3files("s3files-write-read-only", "s3files:ClientWrite", "A read-only S3 Files mount gets ClientMount only", { when: ["s3files", "read-only"] }),
    ],
};
