import * as pulumi from "@pulumi/pulumi";
import { Problems, checkShape, isKnown } from "../validation";
import type { EnvironmentStorage, PosixUser, RuntimeStorage } from "./types";

// Checks of the runtime's file systems (issue 24 item 4), from the API model (shapes FilesystemConfigurations,
// MountPath, EfsAccessPointArn, S3FilesAccessPointArn, EfsFileSystemArn, S3FilesFileSystemArn).

const FILESYSTEM_PAGE = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-filesystem-configurations.html";
const KEYS: Record<string, readonly string[]> = {
    SESSION: ["type", "mountPath"],
    EFS: ["type", "mountPath", "accessPointArn", "fileSystemArn", "readOnly"],
    S3_FILES: ["type", "mountPath", "accessPointArn", "fileSystemArn", "readOnly"],
};
const ENVIRONMENT_KEYS: Record<string, readonly string[]> = { ...KEYS, EFS: ["type", "name", "mountPath", "posixUser", "rootDirectory", "readOnly"] };
/** An environment EFS entry's stable `name`: letters, digits and `-`, 1-32 characters. */
const FILE_SYSTEM_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,31}$/;
/** Mount types in the API model that `@pulumi/aws` 7.48 cannot send. */
const UNSUPPORTED: Record<string, string> = {
    CAPACITY_PROVIDER_VOLUME: "capacityProviderVolume is in the API model (FilesystemConfiguration) but @pulumi/aws 7.48 (AgentcoreAgentRuntimeFilesystemConfiguration) has no such field, and this package creates microVM runtimes only",
};

/** The mount's name part (`/mnt/<name>/` → `<name>`), which also names what an environment creates for it. */
export function mountName(mountPath: string): string {
    return mountPath.replace(/^\/mnt\//, "").replace(/\/$/, "");
}

/**
 * The part of an environment's child name (`<env>-fs-<part>`) an EFS entry gets: its `name` when set, else the
 * mount path's name part, with every character but letters, digits and `-` turned into `-` (so `/mnt/a.b`,
 * `/mnt/a_b` and `/mnt/a-b` give the same part: red-team finding 5, checked unique in {@link checkStorage}).
 */
export function fileSystemChildPart(mount: { mountPath: string; name?: string }): string {
    return (mount.name ?? mountName(mount.mountPath)).replace(/[^a-zA-Z0-9-]/g, "-");
}

/**
 * Checks a runtime's or an environment's `storage` list: at most 5 mounts, every mount path
 * `/mnt/<name>` and unique, known types and keys only, ARNs of the right shape, and
 * bring-your-own file systems (EFS, S3 Files) only on a VPC network ("VPC required", AgentCore
 * developer guide, runtime-filesystem-configurations).
 */
export function checkStorage(problems: Problems, storage: readonly (RuntimeStorage | EnvironmentStorage)[] | undefined, path: string, networkMode: "PUBLIC" | "VPC" | undefined, environment = false): void {
    if (storage === undefined) {
        return;
    }
    if (!Array.isArray(storage)) {
        problems.add(path, storage, "must be a list of mounts ({ type, mountPath, ... })");
        return;
    }
    checkShape(problems, path, storage, "FilesystemConfigurations");
    const seen = new Map<string, number>();
    const children = new Map<string, number>();
    storage.forEach((mount, i) => {
        const at = `${path}[${i}]`;
        const type = (mount as { type?: unknown })?.type;
        if (typeof type === "string" && UNSUPPORTED[type]) {
            problems.add(`${at}.type`, type, `is not supported: ${UNSUPPORTED[type]}`);
            return;
        }
        const keys = (environment ? ENVIRONMENT_KEYS : KEYS)[type as string];
        if (!keys) {
            problems.add(`${at}.type`, type, `must be one of ${Object.keys(KEYS).join(", ")}`);
            return;
        }
        for (const key of Object.keys(mount)) {
            if (!keys.includes(key)) {
                problems.add(`${at}.${key}`, (mount as unknown as Record<string, unknown>)[key], `is not a setting of a ${type} mount (settings: ${keys.join(", ")})`);
            }
        }
        if (mount.mountPath === undefined) {
            problems.add(`${at}.mountPath`, undefined, "is required");
        } else {
            checkShape(problems, `${at}.mountPath`, mount.mountPath, "MountPath", { hint: "(exactly one level under /mnt, e.g. /mnt/data)" });
            const name = typeof mount.mountPath === "string" ? mountName(mount.mountPath) : "";
            const earlier = seen.get(name);
            if (earlier !== undefined) {
                problems.add(`${at}.mountPath`, mount.mountPath, `mounts the same directory as ${path}[${earlier}].mountPath: each mount needs its own path`);
            }
            seen.set(name, i);
        }
        // Red-team finding 5 (issue 24): two EFS entries whose names sanitise alike would give two children of one name.
        if (environment && type === "EFS" && typeof mount.mountPath === "string") {
            const named = (mount as { name?: unknown }).name;
            const field = named === undefined ? "mountPath" : "name";
            if (named === undefined || (typeof named === "string" && FILE_SYSTEM_NAME.test(named))) {
                const part = fileSystemChildPart(mount as { mountPath: string; name?: string });
                const earlier = children.get(part);
                if (earlier !== undefined) {
                    problems.add(`${at}.${field}`, named ?? mount.mountPath, `names the same file system as ${path}[${earlier}] ("fs-${part}": characters other than letters, digits and - become -); give one of them its own \`name\``);
                }
                if (earlier === undefined) {
                    children.set(part, i);
                }
            }
        }
        if (type !== "SESSION" && networkMode === "PUBLIC") {
            problems.add(`${at}.type`, type, `needs a VPC network: EFS and S3 Files are reached through mount targets in the runtime's subnets ("VPC required", ${FILESYSTEM_PAGE}); set network to a VPC mode or use type SESSION`);
        }
        if (type === "EFS" && environment) {
            checkEnvironmentEfs(problems, mount as Extract<EnvironmentStorage, { type: "EFS" }>, at);
        } else if (type === "EFS" || type === "S3_FILES") {
            checkAccessPoint(problems, mount as Extract<RuntimeStorage, { type: "EFS" | "S3_FILES" }>, at);
        }
        if ("readOnly" in mount && mount.readOnly !== undefined && typeof mount.readOnly !== "boolean") {
            problems.add(`${at}.readOnly`, mount.readOnly, "must be true or false");
        }
    });
}

function checkAccessPoint(problems: Problems, mount: Extract<RuntimeStorage, { type: "EFS" | "S3_FILES" }>, at: string): void {
    const efs = mount.type === "EFS";
    for (const key of ["accessPointArn", "fileSystemArn"] as const) {
        if (mount[key] === undefined) {
            problems.add(`${at}.${key}`, undefined, "is required");
        }
    }
    if (isKnown(mount.accessPointArn)) {
        checkShape(problems, `${at}.accessPointArn`, mount.accessPointArn, efs ? "EfsAccessPointArn" : "S3FilesAccessPointArn");
    }
    if (isKnown(mount.fileSystemArn)) {
        checkShape(problems, `${at}.fileSystemArn`, mount.fileSystemArn, efs ? "EfsFileSystemArn" : "S3FilesFileSystemArn");
    }
    // An S3 Files access point ARN names its file system: the grant must be on that one.
    if (!efs && typeof mount.accessPointArn === "string" && typeof mount.fileSystemArn === "string" && !mount.accessPointArn.startsWith(`${mount.fileSystemArn}/access-point/`)) {
        problems.add(`${at}.accessPointArn`, mount.accessPointArn, `must be an access point of ${at}.fileSystemArn "${mount.fileSystemArn}" (…/file-system/fs-…/access-point/fsap-…)`);
    }
}

/** EFS CreateAccessPoint RootDirectory.Path: 1-100 characters, at most four levels (https://docs.aws.amazon.com/efs/latest/ug/API_RootDirectory.html). */
const ROOT_DIRECTORY = /^\/(?:[^/\0]+(?:\/[^/\0]+){0,3})?$/;

function checkEnvironmentEfs(problems: Problems, mount: Extract<EnvironmentStorage, { type: "EFS" }>, at: string): void {
    if (mount.name !== undefined && (typeof mount.name !== "string" || !FILE_SYSTEM_NAME.test(mount.name))) {
        problems.add(`${at}.name`, mount.name, "must be 1-32 letters, digits or -, starting with a letter or digit (it names the file system's resources: <environment>-fs-<name>)");
    }
    if (mount.rootDirectory !== undefined && (typeof mount.rootDirectory !== "string" || mount.rootDirectory.length > 100 || !ROOT_DIRECTORY.test(mount.rootDirectory))) {
        problems.add(`${at}.rootDirectory`, mount.rootDirectory, "must be an absolute path of 1-100 characters with at most 4 levels (EFS RootDirectory.Path)");
    }
    if (mount.posixUser !== undefined) {
        checkPosixUser(problems, mount.posixUser, `${at}.posixUser`);
    }
}

/**
 * Red-team finding 3 (issue 24): an environment's S3 Files mount needs a network whose runtime security groups the
 * user manages. On a network this stack creates (NEW_VPC, or EXISTING_VPC without securityGroupIds) the runtime's
 * group allows egress 443 to the VPC endpoints only, so NFS (TCP 2049) to the S3 Files mount targets, which this
 * package does not create and whose security groups it does not know, could never connect.
 */
export function checkS3FilesNetwork(problems: Problems, storage: readonly EnvironmentStorage[] | undefined, path: string, network: { mode: string; securityGroupIds?: unknown }): void {
    if (!Array.isArray(storage) || network.mode === "PUBLIC") {
        return; // PUBLIC is refused for every bring-your-own mount by checkStorage
    }
    const ownGroups = network.mode === "EXISTING_VPC" && Array.isArray(network.securityGroupIds) && network.securityGroupIds.length > 0;
    storage.forEach((mount, i) => {
        if (mount?.type === "S3_FILES" && !ownGroups) {
            problems.add(
                `${path}[${i}].type`,
                "S3_FILES",
                `needs network { mode: "EXISTING_VPC", securityGroupIds: [...] } with your own security groups that allow egress TCP 2049 to the S3 Files mount targets: the runtime security group this environment creates (network mode ${network.mode}${network.mode === "EXISTING_VPC" ? " without securityGroupIds" : ""}) allows egress 443 to its VPC endpoints only, so the mount could never connect`,
            );
        }
    });
}

/** uid and gid 1-4294967295: 0 is root, which needs elasticfilesystem:ClientRootAccess (EFS access points guide), never granted here. */
export function checkPosixUser(problems: Problems, user: PosixUser, at: string): void {
    for (const key of ["uid", "gid"] as const) {
        const value = (user as unknown as Record<string, unknown>)?.[key];
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 4294967295) {
            problems.add(`${at}.${key}`, value, "must be a whole number from 1 to 4294967295 (EFS PosixUser)");
        } else if (value === 0) {
            problems.add(`${at}.${key}`, value, "must not be 0: root on the file system needs elasticfilesystem:ClientRootAccess, which this package never grants (https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html)");
        }
    }
    for (const key of Object.keys(user ?? {})) {
        if (key !== "uid" && key !== "gid") {
            problems.add(`${at}.${key}`, (user as unknown as Record<string, unknown>)[key], "is not a setting of posixUser (settings: uid, gid)");
        }
    }
}

/** The provider's filesystemConfigurations of a runtime's storage list (empty → undefined: the provider reads an empty list back as null). */
export function filesystemConfigurations(storage: readonly RuntimeStorage[] | undefined): pulumi.Input<import("@pulumi/aws/types/input").bedrock.AgentcoreAgentRuntimeFilesystemConfiguration>[] | undefined {
    if (!storage || storage.length === 0) {
        return undefined;
    }
    return storage.map((mount) => {
        switch (mount.type) {
            case "SESSION":
                return { sessionStorage: { mountPath: mount.mountPath } };
            case "EFS":
                return { efsAccessPoint: { accessPointArn: mount.accessPointArn, mountPath: mount.mountPath } };
            case "S3_FILES":
                return { s3FilesAccessPoint: { accessPointArn: mount.accessPointArn, mountPath: mount.mountPath } };
        }
    });
}
