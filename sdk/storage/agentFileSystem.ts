import * as pulumi from "@pulumi/pulumi";
import { AccessPoint } from "@pulumi/aws/efs/accessPoint";
import { FileSystem } from "@pulumi/aws/efs/fileSystem";
import { FileSystemPolicy } from "@pulumi/aws/efs/fileSystemPolicy";
import { MountTarget } from "@pulumi/aws/efs/mountTarget";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { SecurityGroupEgressRule } from "@pulumi/aws/vpc/securityGroupEgressRule";
import { SecurityGroupIngressRule } from "@pulumi/aws/vpc/securityGroupIngressRule";
import { TYPE_PREFIX } from "../common/naming";
import { CustomerManagedKey } from "../kms/customerManagedKey";
import { Problems } from "../validation";
import * as perms from "./perms";
import { NFS_PORT } from "./perms";
import type { FileSystemEncryption, PosixUser, RuntimeStorage } from "./types";
import { checkPosixUser } from "./validate";

/** Arguments of {@link AgentFileSystem}. */
export interface AgentFileSystemArgs {
    /** The VPC of the runtime. */
    vpcId: pulumi.Input<string>;
    /** One subnet per availability zone the runtime uses: one mount target each (EFS allows one mount target per zone). */
    subnetIds: pulumi.Input<string>[];
    /** Security groups of the runtime's network interfaces: the only sources NFS (2049) is admitted from. */
    clientSecurityGroupIds: pulumi.Input<string>[];
    /**
     * Also add an egress rule for NFS to the file system's group on each client group. Set it for
     * groups this stack owns (the environment's runtime group); leave it off for groups someone else
     * manages, whose egress must then allow TCP 2049 to the file system's group. @default false
     */
    addClientEgress?: boolean;
    /** Mount path in the runtime (`/mnt/<name>`). */
    mountPath: string;
    /** Key of the file system: a new customer-managed key, AWS's managed key for EFS, or a given key. @default "create" */
    encryption?: FileSystemEncryption;
    /** The identity every request through the access point is made as. @default { uid: 1000, gid: 1000 } */
    posixUser?: PosixUser;
    /** Directory the access point exposes (created on first mount, owned by `posixUser`, mode 0750). @default "/agentcore" */
    rootDirectory?: string;
    /** Grant only ClientMount (read) to runtimes that mount it. @default false */
    readOnly?: boolean;
    /**
     * Execution roles of the runtimes that mount it (red-team finding 2, issue 24): the file system policy allows
     * `ClientMount` (and `ClientWrite` unless `readOnly`) to these roles only, only through the access point, only
     * via a mount target. Whether or not any is given, the policy replaces EFS's default policy (which "grants full
     * access to any anonymous client that can connect") and denies every request not made over TLS. A role not
     * named here still mounts when its own identity policy allows it (same account). AgentEnvironment passes its
     * runtime's role. @default []
     */
    clientRoleArns?: pulumi.Input<string>[];
    /**
     * Protect the file system and its key (`protect` plus retain on delete): removing it from the
     * program, or a change that replaces it (encryption), stops at preview. Set for prod. @default false
     */
    protectFromDeletion?: boolean;
    /** Tags for every resource. */
    tags?: Record<string, string>;
}

/** Default POSIX identity of the access point: an unprivileged user (never root). */
export const DEFAULT_POSIX_USER: PosixUser = { uid: 1000, gid: 1000 };
/** Default root directory of the access point. */
export const DEFAULT_ROOT_DIRECTORY = "/agentcore";

/**
 * An Amazon EFS file system for an AgentCore runtime's sessions (issue 24 item 4): encrypted
 * at rest (a customer-managed key by default), one access point that enforces an unprivileged
 * POSIX user and a root directory, one mount target per availability zone of the runtime's
 * subnets, and a security group that admits NFS (TCP 2049) only from the runtime's security
 * groups. {@link storage} is the runtime's mount, whose grant is ClientMount/ClientWrite on this
 * file system through this access point only.
 */
export class AgentFileSystem extends pulumi.ComponentResource {
    /** The file system. */
    readonly fileSystem: FileSystem;
    /** The access point the runtime mounts. */
    readonly accessPoint: AccessPoint;
    /** The mount targets, one per subnet. */
    readonly mountTargets: MountTarget[];
    /** The security group of the mount targets (ingress NFS from the client groups only). */
    readonly securityGroup: SecurityGroup;
    /** The file system policy (replaces EFS's default, which lets any client that reaches a mount target in). */
    readonly fileSystemPolicy: FileSystemPolicy;
    /** The customer-managed key, when `encryption` is "create". */
    readonly key?: CustomerManagedKey;
    /** File system ARN. */
    readonly fileSystemArn: pulumi.Output<string>;
    /** Access point ARN, known once every mount target is available (a mount needs one in the session's zone). */
    readonly accessPointArn: pulumi.Output<string>;
    /** The runtime's mount of this file system (pass it in `AgentRuntimeArgs.storage`). */
    readonly storage: Extract<RuntimeStorage, { type: "EFS" }>;

    constructor(name: string, args: AgentFileSystemArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentFileSystem`, name, {}, opts);
        const component = `AgentFileSystem ${name}`;
        const problems = new Problems();
        const posixUser = args.posixUser ?? DEFAULT_POSIX_USER;
        checkPosixUser(problems, posixUser, "posixUser");
        if (args.subnetIds.length === 0) {
            problems.add("subnetIds", args.subnetIds, "must name at least one subnet (one mount target per availability zone)");
        }
        if (args.clientSecurityGroupIds.length === 0) {
            problems.add("clientSecurityGroupIds", args.clientSecurityGroupIds, "must name the runtime's security groups: NFS is admitted from them only");
        }
        problems.throwIfAny(component);
        const protect = args.protectFromDeletion ?? false;
        const encryption = args.encryption ?? "create";

        if (encryption === "create") {
            // The account-root statement delegates to IAM: EFS uses the key with the caller's
            // permissions through grants (https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html, "Amazon EFS key policies for AWS KMS").
            this.key = new CustomerManagedKey(name, { purpose: `EFS file system ${name}`, protectFromDeletion: protect, tags: args.tags }, { parent: this });
        }
        const kmsKeyId = this.key?.arn ?? (typeof encryption === "object" ? encryption.arn : undefined);
        this.fileSystem = new FileSystem(
            `${name}-fs`,
            {
                encrypted: true,
                kmsKeyId,
                throughputMode: "elastic",
                tags: { ...args.tags, Name: name },
            },
            { parent: this, protect, retainOnDelete: protect },
        );
        this.securityGroup = new SecurityGroup(
            `${name}-nfs-sg`,
            { vpcId: args.vpcId, description: "EFS mount targets: ingress NFS 2049 from the AgentCore runtime's security groups only", tags: { ...args.tags, Name: `${name}-nfs` } },
            { parent: this },
        );
        const rules: pulumi.CustomResource[] = args.clientSecurityGroupIds.map(
            (groupId, i) =>
                new SecurityGroupIngressRule(
                    `${name}-nfs-from-runtime-${i}`,
                    { securityGroupId: this.securityGroup.id, referencedSecurityGroupId: groupId, ipProtocol: "tcp", fromPort: NFS_PORT, toPort: NFS_PORT, description: "NFS from the AgentCore runtime", tags: args.tags },
                    { parent: this },
                ),
        );
        if (args.addClientEgress) {
            args.clientSecurityGroupIds.forEach((groupId, i) =>
                rules.push(
                    new SecurityGroupEgressRule(
                        `${name}-runtime-${i}-to-nfs`,
                        { securityGroupId: groupId, referencedSecurityGroupId: this.securityGroup.id, ipProtocol: "tcp", fromPort: NFS_PORT, toPort: NFS_PORT, description: "NFS to the session file system", tags: args.tags },
                        { parent: this },
                    ),
                ),
            );
        }
        this.mountTargets = args.subnetIds.map(
            (subnetId, i) =>
                // EFS allows one mount target per zone: a replacement (another subnet of the same zone, e.g. a
                // reordered subnet list) must delete the old one first or CreateMountTarget fails (MountTargetConflict).
                new MountTarget(`${name}-mt-${i}`, { fileSystemId: this.fileSystem.id, subnetId, securityGroups: [this.securityGroup.id] }, { parent: this, dependsOn: rules, deleteBeforeReplace: true }),
        );
        const root = args.rootDirectory ?? DEFAULT_ROOT_DIRECTORY;
        this.accessPoint = new AccessPoint(
            `${name}-ap`,
            {
                fileSystemId: this.fileSystem.id,
                posixUser: { uid: posixUser.uid, gid: posixUser.gid },
                rootDirectory: { path: root, creationInfo: { ownerUid: posixUser.uid, ownerGid: posixUser.gid, permissions: "750" } },
                tags: { ...args.tags, Name: name },
            },
            { parent: this },
        );
        this.fileSystemPolicy = new FileSystemPolicy(
            `${name}-policy`,
            { fileSystemId: this.fileSystem.id, policy: pulumi.jsonStringify(fileSystemPolicyDocument(this.fileSystem.arn, this.accessPoint.arn, args.clientRoleArns ?? [], args.readOnly ?? false)) },
            { parent: this },
        );
        this.fileSystemArn = this.fileSystem.arn;
        // The ARN the runtime mounts is known once every mount target is available and the file system policy is in
        // place: a runtime never mounts the file system while EFS's default (anonymous) policy is in force.
        this.accessPointArn = pulumi.all([this.accessPoint.arn, ...this.mountTargets.map((m) => m.id), this.fileSystemPolicy.id]).apply(([arn]) => arn);
        this.storage = { type: "EFS", mountPath: args.mountPath, accessPointArn: this.accessPointArn, fileSystemArn: this.fileSystemArn, ...(args.readOnly ? { readOnly: true } : {}) };
        this.registerOutputs({ fileSystemArn: this.fileSystemArn, accessPointArn: this.accessPointArn });
    }
}

/**
 * The file system policy (red-team finding 2, issue 24). Without one, "the default EFS file system policy does not
 * use IAM for authentication and grants full access to any anonymous client that can connect"
 * (https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html), so neither read-only nor the
 * access-point condition of the role's grant would hold. This one allows the mounting roles ClientMount (and
 * ClientWrite unless read-only) through the access point via a mount target, and denies any request not over TLS.
 * TLS: AgentCore mounts with the execution role's credentials (IAM authorization), and an EFS mount with IAM
 * authorization is a TLS mount ("To mount with IAM authorization, you must use the tls option",
 * https://docs.aws.amazon.com/efs/latest/ug/mounting-IAM-option.html); a public AgentCore deployment reports its EFS
 * mount succeeding under a file system policy that requires IAM and TLS.
 */
export function fileSystemPolicyDocument(fileSystemArn: pulumi.Input<string>, accessPointArn: pulumi.Input<string>, clientRoleArns: pulumi.Input<string>[], readOnly: boolean) {
    const statements: Record<string, unknown>[] = [];
    if (clientRoleArns.length > 0) {
        statements.push({
            Sid: "MountThroughAccessPoint",
            Effect: "Allow",
            Principal: { AWS: clientRoleArns },
            Action: [...perms.EFS_CLIENT_MOUNT, ...(readOnly ? [] : perms.EFS_CLIENT_WRITE)],
            Resource: fileSystemArn,
            Condition: { StringEquals: { [perms.EFS_ACCESS_POINT_KEY]: accessPointArn }, Bool: { [perms.EFS_VIA_MOUNT_TARGET_KEY]: "true" } },
        });
    }
    statements.push({ Sid: "DenyWithoutTls", Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: fileSystemArn, Condition: { Bool: { "aws:SecureTransport": "false" } } });
    return { Version: "2012-10-17", Statement: statements };
}
