import * as fs from "fs";
import { Problems, checkShape } from "../validation";
import { MAX_UNZIPPED_BYTES, MAX_ZIPPED_BYTES, MAX_ZIP_ENTRIES, PackedFile, QUOTAS_PAGE, listPackedFiles, unzippedSize } from "./package";
import { fixCommand, foreignBinaries, pythonVersionOf } from "./platform";
import { AgentCodeArgs, CODE_RUNTIMES, RuntimeCode } from "./types";

const PROVIDER_RUNTIMES = "@pulumi/aws 7.48 codeConfiguration.runtime";

/**
 * Checks a runtime's code artifact (issue 23 item 1): the runtime against the API model's
 * `AgentManagedRuntimeType` and the provider's narrower list, the entry point against
 * `CodeConfigurationEntryPointList` (1-2 elements) and `entryPoint` (1-128 characters).
 */
export function checkCodeSettings(problems: Problems, code: Pick<RuntimeCode, "runtime" | "entryPoint">, path: string): void {
    checkShape(problems, `${path}.runtime`, code.runtime, "AgentManagedRuntimeType");
    if (typeof code.runtime === "string" && !(CODE_RUNTIMES as readonly string[]).includes(code.runtime)) {
        const inModel = ["PYTHON_3_14", "NODE_22"].includes(code.runtime);
        if (inModel) {
            problems.add(`${path}.runtime`, code.runtime, `must be one of ${CODE_RUNTIMES.join(", ")}: the API model lists it, but ${PROVIDER_RUNTIMES} does not, and this package packs Python 3.10-3.13 folders only`);
        }
    }
    if (code.entryPoint === undefined) {
        problems.add(`${path}.entryPoint`, undefined, "is required: the file (and optional launcher) AgentCore runs, e.g. [\"main.py\"]");
    } else {
        checkShape(problems, `${path}.entryPoint`, code.entryPoint, "CodeConfigurationEntryPointList", { hint: '(e.g. ["main.py"] or ["opentelemetry-instrument", "main.py"])' });
        if (Array.isArray(code.entryPoint)) {
            code.entryPoint.forEach((e, i) => checkShape(problems, `${path}.entryPoint[${i}]`, e, "entryPoint"));
        }
    }
}

/**
 * Checks where a runtime's code is (issue 23 red-team item 7): the object version is
 * pinned, whether or not the key `versionId` is present, and the key's shape.
 */
export function checkCodeLocation(problems: Problems, code: Partial<Pick<RuntimeCode, "versionId" | "key">>, path: string): void {
    const v = code.versionId;
    if (v === undefined || v === null || v === "") {
        problems.add(`${path}.versionId`, v, "is required: every runtime version is pinned to the S3 object version it runs (an unversioned object can change under a pinned endpoint); pass an AgentCode, whose versionId comes from its BucketObject");
    } else if (typeof v === "string") {
        checkShape(problems, `${path}.versionId`, v, "S3LocationVersionIdString");
    }
    if (typeof code.key === "string") {
        checkShape(problems, `${path}.key`, code.key, "S3LocationPrefixString");
    }
}

/** Problems of a package's file count (red-team item 8): at most {@link MAX_ZIP_ENTRIES} files, the most a zip without ZIP64 holds. */
export function checkFileCount(problems: Problems, path: string, count: number): void {
    if (count > MAX_ZIP_ENTRIES) {
        problems.add(path, `${count} files`, `holds more files than a code package can (at most ${MAX_ZIP_ENTRIES}: the zip is written without ZIP64); leave out what the agent does not import, or deploy an image`);
    }
}

/** Problems of a package's sizes against AgentCore's quotas (250 MB zipped, 750 MB unzipped). */
export function checkPackageSize(problems: Problems, path: string, sizes: { zipped?: number; unzipped?: number }): void {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    if (sizes.unzipped !== undefined && sizes.unzipped > MAX_UNZIPPED_BYTES) {
        problems.add(path, mb(sizes.unzipped), `unzipped is larger than AgentCore's 750 MB quota for a direct code deployment package (not adjustable, ${QUOTAS_PAGE}); leave out what the agent does not import, or deploy an image`);
    }
    if (sizes.zipped !== undefined && sizes.zipped > MAX_ZIPPED_BYTES) {
        problems.add(path, mb(sizes.zipped), `zipped is larger than AgentCore's 250 MB quota for a direct code deployment package (not adjustable, ${QUOTAS_PAGE}); leave out what the agent does not import, or deploy an image`);
    }
}

/**
 * Checks an `AgentCode`'s arguments before anything is packed or deployed: the runtime
 * and entry point, the folder (exists, holds the entry point's file), its unzipped size,
 * and every native binary or wheel in it built for a platform other than Linux ARM64.
 * Returns the files to pack when the folder could be read.
 */
export function checkCodeArgs(problems: Problems, args: AgentCodeArgs, path: string): PackedFile[] | undefined {
    checkCodeSettings(problems, { runtime: args.runtime, entryPoint: args.entryPoint }, path);
    const known = new Set(["source", "runtime", "entryPoint", "customerManagedKey", "protectFromDeletion", "tags"]);
    for (const key of Object.keys(args)) {
        if (!known.has(key)) {
            problems.add(`${path}.${key}`, (args as unknown as Record<string, unknown>)[key], `is not a setting of code (known: ${[...known].join(", ")})`);
        }
    }
    if (typeof args.source !== "string" || args.source === "") {
        problems.add(`${path}.source`, args.source, "is required: the folder holding the agent's code and its dependencies");
        return undefined;
    }
    if (!fs.existsSync(args.source) || !fs.statSync(args.source).isDirectory()) {
        problems.add(`${path}.source`, args.source, "must be an existing folder");
        return undefined;
    }
    let files: PackedFile[];
    try {
        files = listPackedFiles(args.source);
    } catch (err) {
        problems.add(`${path}.source`, args.source, `cannot be packed: ${(err as Error).message}`);
        return undefined;
    }
    if (files.length === 0) {
        problems.add(`${path}.source`, args.source, "holds no file to pack");
    }
    const script = Array.isArray(args.entryPoint) ? args.entryPoint[args.entryPoint.length - 1] : undefined;
    if (typeof script === "string" && script.endsWith(".py") && !files.some((f) => f.relative === script)) {
        problems.add(`${path}.entryPoint`, args.entryPoint, `names ${script}, which is not in ${args.source} (paths are relative to the folder's root)`);
    }
    checkFileCount(problems, `${path}.source`, files.length);
    checkPackageSize(problems, `${path}.source`, { unzipped: unzippedSize(files) });
    const pythonVersion = pythonVersionOf(args.runtime);
    for (const foreign of foreignBinaries(files, pythonVersion)) {
        problems.add(
            `${path}.source`,
            foreign.file,
            `${foreign.reason}: AgentCore runs code packages on Linux ARM64 (aarch64, glibc) with the runtime's CPython only. Reinstall the dependencies as ARM64 wheels for it: ${fixCommand(args.source, pythonVersion)}`,
        );
    }
    return files;
}

