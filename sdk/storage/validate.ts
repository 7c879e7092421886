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
const ENVIRONMENT_KEYS: Record<string, readonly string[]> = { ...KEYS, EFS: ["type", "mountPath", "posixUser", "rootDirectory", "readOnly"] };
/** Mount types in the API model that `@pulumi/aws` 7.48 cannot send. */
const UNSUPPORTED: Record<string, string> = {
    CAPACITY_PROVIDER_VOLUME: "capacityProviderVolume is in the API model (FilesystemConfiguration) but @pulumi/aws 7.48 (AgentcoreAgentRuntimeFilesystemConfiguration) has no such field, and this package creates microVM runtimes only",
};

/** The mount's name part (`/mnt/<name>/` → `<name>`), which also names what an environment creates for it. */
export function mountName(mountPath: string): string {
    return mountPath.replace(/^\/mnt\//, "").replace(/\/$/, "");
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
    if (mount.rootDirectory !== undefined && (typeof mount.rootDirectory !== "string" || mount.rootDirectory.length > 100 || !ROOT_DIRECTORY.test(mount.rootDirectory))) {
        problems.add(`${at}.rootDirectory`, mount.rootDirectory, "must be an absolute path of 1-100 characters with at most 4 levels (EFS RootDirectory.Path)");
    }
    if (mount.posixUser !== undefined) {
        checkPosixUser(problems, mount.posixUser, `${at}.posixUser`);
    }
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
