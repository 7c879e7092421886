import { LIFECYCLE_READ_AT, LifecycleContract, tfSource } from "../common/lifecycle";

// issue 24 item 4: lifecycle of what AgentFileSystem creates, read from the provider's Go source
// (hashicorp/terraform-provider-aws internal/service/efs, schema ForceNew) and cross-checked against
// CloudFormation's create-only properties (@pulumi/aws-native efs/*).
const fileSystem = tfSource("efs/file_system.go", "0389f46");
const accessPoint = tfSource("efs/access_point.go", "0160692");
const mountTarget = tfSource("efs/mount_target.go", "0593466");
const fileSystemPolicy = tfSource("efs/file_system_policy.go", "087097a");

/** Lifecycle of what `AgentFileSystem` creates. */
export const STORAGE_LIFECYCLE: readonly LifecycleContract[] = [
    {
        type: "aws:efs/fileSystem:FileSystem",
        createdBy: ["AgentFileSystem", "AgentEnvironment (storage, EFS)"],
        providerSource: "internal/service/efs/file_system.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "encrypted", source: fileSystem("encrypted", undefined, "ForceNew") },
            { argument: "kmsKeyId", source: fileSystem("kms_key_id", undefined, "ForceNew"), note: "switching the profile's key (aws-managed <-> created) replaces the file system and loses its data: protected in prod" },
            { argument: "performanceMode", source: fileSystem("performance_mode", undefined, "ForceNew"), note: "the package never sets it" },
            { argument: "availabilityZoneName", source: fileSystem("availability_zone_name", undefined, "ForceNew"), note: "the package never sets it (regional file systems only)" },
            { argument: "creationToken", source: fileSystem("creation_token", undefined, "ForceNew"), native: null, note: "the package never sets it: the provider generates a unique token, so a replacement never collides" },
        ],
        name: null,
        restrictions: [],
        delete: { kind: "real", why: "DeleteFileSystem: every file on it is lost (no recycle bin); refused while mount targets exist", source: fileSystem("Delete()", undefined, "DeleteFileSystem") },
        references: ["kmsKeyId"],
        native: { module: "efs/fileSystem" },
        notes: ["`throughputMode`, `lifecyclePolicies` and `protection` update in place (UpdateFileSystem, PutLifecycleConfiguration, UpdateFileSystemProtection)."],
    },
    {
        type: "aws:efs/accessPoint:AccessPoint",
        createdBy: ["AgentFileSystem"],
        providerSource: "internal/service/efs/access_point.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "fileSystemId", source: accessPoint("file_system_id", undefined, "ForceNew") },
            { argument: "posixUser", source: accessPoint("posix_user", undefined, "ForceNew") },
            { argument: "rootDirectory", source: accessPoint("root_directory", undefined, "ForceNew") },
        ],
        name: null,
        restrictions: [],
        delete: { kind: "real", why: "DeleteAccessPoint: sessions that mounted it lose the mount; the files stay on the file system", source: accessPoint("Delete()", undefined, "DeleteAccessPoint") },
        references: ["fileSystemId"],
        native: { module: "efs/accessPoint", onlyNative: { clientToken: "CloudFormation's idempotency token; the provider has no such argument" } },
        notes: ["A new access point has a new ARN: the runtime's mount and the role's `elasticfilesystem:AccessPointArn` condition follow it in the same update (a new runtime version)."],
    },
    {
        type: "aws:efs/mountTarget:MountTarget",
        createdBy: ["AgentFileSystem"],
        providerSource: "internal/service/efs/mount_target.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "fileSystemId", source: mountTarget("file_system_id", undefined, "ForceNew") },
            { argument: "subnetId", source: mountTarget("subnet_id", undefined, "ForceNew") },
            { argument: "ipAddress", source: mountTarget("ip_address", undefined, "ForceNew"), note: "the package never sets it" },
            { argument: "ipAddressType", source: mountTarget("ip_address_type", undefined, "ForceNew (not re-read line by line; cross-checked against CloudFormation)"), note: "the package never sets it" },
            { argument: "ipv6Address", source: mountTarget("ipv6_address", undefined, "ForceNew (not re-read line by line; cross-checked against CloudFormation)"), note: "the package never sets it" },
        ],
        name: { argument: "subnetId", scope: "the file system and availability zone (one mount target per zone: a replacement in the same zone must delete the old one first)", scopeArguments: ["fileSystemId"] },
        restrictions: [],
        delete: { kind: "real", why: "DeleteMountTarget: sessions in that zone lose NFS until a new one exists", source: mountTarget("Delete()", undefined, "DeleteMountTarget") },
        references: ["fileSystemId", "subnetId", "securityGroups"],
        native: { module: "efs/mountTarget" },
        notes: [
            "`securityGroups` updates in place (ModifyMountTargetSecurityGroups).",
            "Red-team finding (issue 24): one mount target per zone, so a create-before-delete replacement in the same zone fails (MountTargetConflict); AgentFileSystem sets `deleteBeforeReplace` on mount targets (sessions in that zone lose NFS until the new one is available).",
        ],
    },
    {
        // Red-team finding 2 (issue 24): replaces EFS's default policy, which lets any client that reaches a mount target in.
        type: "aws:efs/fileSystemPolicy:FileSystemPolicy",
        createdBy: ["AgentFileSystem", "AgentEnvironment (storage, EFS)"],
        providerSource: "internal/service/efs/file_system_policy.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [{ argument: "fileSystemId", source: fileSystemPolicy("file_system_id", undefined, "ForceNew") }],
        name: null,
        restrictions: [],
        delete: {
            kind: "real",
            why: "DeleteFileSystemPolicy: EFS's default policy returns, which lets any client that reaches a mount target in (the file system's own deletion removes it too)",
            source: fileSystemPolicy("Delete()", undefined, "DeleteFileSystemPolicy"),
        },
        references: ["fileSystemId"],
        native: { none: "CloudFormation has no separate resource: the policy is the FileSystemPolicy property of AWS::EFS::FileSystem" },
        notes: [
            "`policy` updates in place (PutFileSystemPolicy; the provider retries while a new role is not yet a valid principal, \"Policy contains invalid Principal block\").",
            "A new runtime role (a replaced runtime) changes the policy's principal in place; the runtime's mount waits for the policy.",
        ],
    },
];
