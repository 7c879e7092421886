import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement, allow } from "../iam/grants";
import * as perms from "./perms";
import type { RuntimeStorage } from "./types";

/**
 * The execution role's statements for its bring-your-own file systems (issue 24 item 4): for each
 * EFS or S3 Files mount, `ClientMount` (and `ClientWrite` unless read-only) on exactly that file
 * system, only through that access point (`…:AccessPointArn` condition: "Using IAM to enforce use
 * of access points", https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html). Never
 * `ClientRootAccess`. Session storage is managed by AgentCore and needs no grant.
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
        return [allow(`${efs ? "Efs" : "S3Files"}Mount${i}`, actions, [mount.fileSystemArn], { StringEquals: { [key]: mount.accessPointArn } })];
    });
}

/** True when a storage list has a mount the role needs a grant for. */
export function storageNeedsGrant(storage: readonly RuntimeStorage[] | undefined): boolean {
    return (storage ?? []).some((m) => m.type !== "SESSION");
}
