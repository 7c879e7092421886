import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement, allow } from "../iam/grants";
import * as perms from "./perms";
import type { RuntimeStorage } from "./types";

/**
 * The execution role's statements for its bring-your-own file systems (issue 24 item 4): for each
 * EFS or S3 Files mount, `ClientMount` (and `ClientWrite` unless read-only) on exactly that file
 * system, only through that access point (`…:AccessPointArn` condition: "Using IAM to enforce use
 * of access points", https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html). Never
 * `ClientRootAccess`. Plus the reads AgentCore's create-time check needs (DescribeAccessPoints/DescribeMountTargets,
 * GetAccessPoint/ListMountTargets) on that file system and access point only. Session storage is managed by AgentCore and needs no grant.
 */
export function storageStatements(storage: readonly RuntimeStorage[]): pulumi.Input<PolicyStatement>[] {
    return storage.flatMap((mount, i) => {
        if (mount.type === "SESSION") {
            return [];
        }
        const efs = mount.type === "EFS";
        const actions = efs
            ? [...perms.EFS_CLIENT_MOUNT, ...(mount.readOnly ? [] : perms.EFS_CLIENT_WRITE)]
            : [...perms.S3FILES_CLIENT_MOUNT, ...(mount.readOnly ? [] : perms.S3FILES_CLIENT_WRITE)];
        const key = efs ? perms.EFS_ACCESS_POINT_KEY : perms.S3FILES_ACCESS_POINT_KEY;
        const mountStatement = allow(`${efs ? "Efs" : "S3Files"}Mount${i}`, actions, [mount.fileSystemArn], { StringEquals: { [key]: mount.accessPointArn } });
        // Red-team finding 1 (issue 24): AgentCore validates the mount with the execution role at Create/UpdateAgentRuntime
        // (found by users, not in AWS's guide page; see perms.ts and docs/storage.md for the sources).
        if (efs) {
            return [mountStatement, allow(`EfsDescribe${i}`, perms.EFS_DESCRIBE, [mount.fileSystemArn, mount.accessPointArn])];
        }
        return [mountStatement, allow(`S3FilesAccessPoint${i}`, perms.S3FILES_GET_ACCESS_POINT, [mount.accessPointArn]), allow(`S3FilesMountTargets${i}`, perms.S3FILES_LIST_MOUNT_TARGETS, [mount.fileSystemArn])];
    });
}

/** True when a storage list has a mount the role needs a grant for. */
export function storageNeedsGrant(storage: readonly RuntimeStorage[] | undefined): boolean {
    return (storage ?? []).some((m) => m.type !== "SESSION");
}
