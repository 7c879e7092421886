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

/** Mount (read) an S3 Files file system. */
export const S3FILES_CLIENT_MOUNT = ["s3files:ClientMount"];
/** Write to an S3 Files file system. */
export const S3FILES_CLIENT_WRITE = ["s3files:ClientWrite"];
/** Root access to an S3 Files file system: never granted. */
export const S3FILES_CLIENT_ROOT = ["s3files:ClientRootAccess"];
/** The condition key naming the S3 Files access point a mount goes through. */
export const S3FILES_ACCESS_POINT_KEY = "s3files:AccessPointArn";

/** NFS, the one port EFS mount targets listen on (https://docs.aws.amazon.com/efs/latest/ug/network-access.html). */
export const NFS_PORT = 2049;
