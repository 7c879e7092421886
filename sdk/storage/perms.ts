/**
 * IAM actions of the runtime's file systems, named for what they allow (issue 24 item 4).
 * Service authorization reference: Amazon EFS
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticfilesystem.html)
 * and Amazon S3 Files (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3files.html):
 * each Client* action is on the `file-system` resource and takes the `…:AccessPointArn` condition key.
 */

/** Mount (read) an EFS file system as an NFS client. */
export const EFS_CLIENT_MOUNT = ["elasticfilesystem:ClientMount"];
/** Write to an EFS file system as an NFS client. */
export const EFS_CLIENT_WRITE = ["elasticfilesystem:ClientWrite"];
/** Root access to an EFS file system: never granted by this package (an access point's POSIX user is never root). */
export const EFS_CLIENT_ROOT = ["elasticfilesystem:ClientRootAccess"];
/** The condition key naming the access point a mount goes through. */
export const EFS_ACCESS_POINT_KEY = "elasticfilesystem:AccessPointArn";
/**
 * Read the access point and the file system's mount targets: AgentCore checks them with the execution role at
 * CreateAgentRuntime/UpdateAgentRuntime ("Execution role is missing required filesystem permissions. Ensure the role
 * has elasticfilesystem:DescribeAccessPoints and elasticfilesystem:DescribeMountTargets"). Found by users, not in
 * AWS's runtime-filesystem-configurations page; users report the check passes only with both the file system and
 * the access point ARN as resources (the service reference lists both resource types for both actions).
 */
export const EFS_DESCRIBE = ["elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeMountTargets"];
/** The condition key that is true when a client connects through a mount target (file system policy). */
export const EFS_VIA_MOUNT_TARGET_KEY = "elasticfilesystem:AccessedViaMountTarget";

/** Mount (read) an S3 Files file system. */
export const S3FILES_CLIENT_MOUNT = ["s3files:ClientMount"];
/** Write to an S3 Files file system. */
export const S3FILES_CLIENT_WRITE = ["s3files:ClientWrite"];
/** Root access to an S3 Files file system: never granted. */
export const S3FILES_CLIENT_ROOT = ["s3files:ClientRootAccess"];
/** The condition key naming the S3 Files access point a mount goes through. */
export const S3FILES_ACCESS_POINT_KEY = "s3files:AccessPointArn";
/**
 * Read the S3 Files access point (resource type access-point, no condition keys: it cannot share the ClientMount
 * statement's AccessPointArn condition). Found by users and AWS samples, not in AWS's runtime guide page.
 */
export const S3FILES_GET_ACCESS_POINT = ["s3files:GetAccessPoint"];
/** List the S3 Files file system's mount targets (resource type file-system, required: scoped to the file system). */
export const S3FILES_LIST_MOUNT_TARGETS = ["s3files:ListMountTargets"];

/** NFS, the one port EFS mount targets listen on (https://docs.aws.amazon.com/efs/latest/ug/network-access.html). */
export const NFS_PORT = 2049;
