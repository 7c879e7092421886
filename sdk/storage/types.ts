import * as pulumi from "@pulumi/pulumi";

// Persistent storage for runtime sessions (issue 24 item 4): the runtime's `filesystemConfigurations`
// (API model shape FilesystemConfiguration, @pulumi/aws 7.48 AgentcoreAgentRuntimeFilesystemConfiguration).

/** One file system mounted into every session of a runtime (shape FilesystemConfiguration). */
export type RuntimeStorage =
    | {
          /**
           * Per-session storage managed by AgentCore (`sessionStorage`): kept across a session's
           * stop/resume, isolated per session, no VPC needed (Preview;
           * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-filesystem-configurations.html:
           * "Survives stop/resume; 14-day idle expiry; resets on version update"). Every deploy that makes a
           * new runtime version (any runtime change) wipes it: keep what must outlive a deploy on EFS or S3 Files.
           */
          type: "SESSION";
          /** Mount path: `/mnt/<name>`, exactly one level under `/mnt` (shape MountPath, 6-200 characters). */
          mountPath: string;
      }
    | {
          /** An Amazon EFS access point shared by every session (`efsAccessPoint`; VPC network only). */
          type: "EFS";
          /** Mount path: `/mnt/<name>` (shape MountPath). */
          mountPath: string;
          /** ARN of the access point (shape EfsAccessPointArn). */
          accessPointArn: pulumi.Input<string>;
          /** ARN of the file system that owns it: the execution role may mount and write exactly this file system, only through that access point. */
          fileSystemArn: pulumi.Input<string>;
          /** Grant only `elasticfilesystem:ClientMount` (read), not `ClientWrite`. @default false */
          readOnly?: boolean;
      }
    | {
          /**
           * An Amazon S3 Files access point shared by every session (`s3FilesAccessPoint`; VPC network only; in an
           * environment, only `EXISTING_VPC` with your own `securityGroupIds`, which must allow egress TCP 2049).
           */
          type: "S3_FILES";
          /** Mount path: `/mnt/<name>` (shape MountPath). */
          mountPath: string;
          /** ARN of the access point (shape S3FilesAccessPointArn: `…:s3files:…:file-system/fs-…/access-point/fsap-…`). */
          accessPointArn: pulumi.Input<string>;
          /** ARN of the S3 Files file system that owns it (the access point ARN's `file-system/fs-…` prefix). */
          fileSystemArn: pulumi.Input<string>;
          /** Grant only `s3files:ClientMount` (read), not `ClientWrite`. @default false */
          readOnly?: boolean;
      };

/** The POSIX identity every request through an EFS access point is made as (CreateAccessPoint PosixUser). */
export interface PosixUser {
    /** User id (1-4294967295; 0 is root, which needs `ClientRootAccess`, never granted by this package). @default 1000 */
    uid: number;
    /** Group id (1-4294967295; 0 is refused as for `uid`). @default 1000 */
    gid: number;
}

/** An EFS file system the environment creates for its sessions. */
export interface EnvironmentEfsStorage {
    /** A file system this environment creates in its VPC, shared by every session, reached through one access point. */
    type: "EFS";
    /**
     * Stable name of the file system's resources (`<environment>-fs-<name>`; 1-32 letters, digits or `-`). Set it to
     * be free to change `mountPath` later: without it the mount path's name part names the file system, so changing
     * the mount path of an unnamed entry replaces the file system (a new, empty one; the old one and its files are
     * deleted outside prod, and prod stops at its protection). @default the mount path's name part
     */
    name?: string;
    /** Mount path: `/mnt/<name>` (shape MountPath). Without `name`, its name part also names the file system's resources. */
    mountPath: string;
    /** The identity sessions act as on the file system. @default { uid: 1000, gid: 1000 } */
    posixUser?: PosixUser;
    /** Directory of the file system the access point exposes (created on first mount, owned by `posixUser`, mode 0750; 1-100 characters, at most 4 levels). @default "/agentcore" */
    rootDirectory?: string;
    /** Grant the runtime only `ClientMount` (read), not `ClientWrite`. @default false */
    readOnly?: boolean;
}

/** The `storage` section of an environment: up to 5 mounts (shape FilesystemConfigurations). */
export type EnvironmentStorage = Extract<RuntimeStorage, { type: "SESSION" }> | Extract<RuntimeStorage, { type: "S3_FILES" }> | EnvironmentEfsStorage;

/** Where an EFS file system's key comes from. */
export type FileSystemEncryption = "create" | "aws-managed" | { arn: pulumi.Input<string> };
