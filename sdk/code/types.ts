import * as pulumi from "@pulumi/pulumi";

/**
 * Language runtimes of a code package that this package accepts: the API model's
 * `AgentManagedRuntimeType` (data/aws-models, which also lists PYTHON_3_14 and NODE_22)
 * narrowed to what `@pulumi/aws` 7.48 documents for `codeConfiguration.runtime`
 * (node_modules/@pulumi/aws/types/input.d.ts: "Valid values: PYTHON_3_10, PYTHON_3_11,
 * PYTHON_3_12, PYTHON_3_13"); `AgentCode` packs Python folders only.
 */
export const CODE_RUNTIMES = ["PYTHON_3_10", "PYTHON_3_11", "PYTHON_3_12", "PYTHON_3_13"] as const;
export type CodeRuntime = (typeof CODE_RUNTIMES)[number];

/** Arguments of {@link AgentCode}. */
export interface AgentCodeArgs {
    /**
     * The folder to pack: the agent's code with its dependencies installed beside it as
     * Linux ARM64 wheels (see `arm64InstallCommand`). Caches and tooling
     * (`__pycache__`, `.venv`, `.git`, `.idea`, `.vscode`, `node_modules`, `*.pyc`), secrets
     * (`.env`, `.env.*`, `.aws/`, `.ssh/`), `.git*` files and what the folder's
     * `.agentcoreignore` names are left out. At most 65535 files, 250 MB zipped and 750 MB unzipped.
     */
    source: string;
    /** The Python runtime (`PYTHON_3_10` to `PYTHON_3_13`). */
    runtime: CodeRuntime;
    /** The entry point: 1-2 elements, each 1-128 characters, e.g. `["main.py"]` or `["opentelemetry-instrument", "main.py"]`. */
    entryPoint: string[];
    /**
     * Encrypt the bucket with a customer-managed KMS key created for it (SSE-KMS), instead
     * of the AWS-managed `aws/s3` key. `AgentEnvironment` sets it from the profile.
     * @default false
     */
    customerManagedKey?: boolean;
    /** Protect the bucket and its key (`protect` + retain on delete; the bucket is never force-destroyed). Set for prod. @default false */
    protectFromDeletion?: boolean;
    /** Tags for the bucket, the key and the objects. */
    tags?: Record<string, string>;
}

/** The code a runtime runs: `AgentCode` satisfies it. */
export interface RuntimeCode {
    /** The language runtime. */
    runtime: string;
    /** The entry point (1-2 elements). */
    entryPoint: string[];
    /** Bucket holding the package. */
    bucket: pulumi.Input<string>;
    /** Object key of the zip (the API's `S3Location.prefix`). */
    key: pulumi.Input<string>;
    /** The object's version id: every runtime version is pinned to it, as an image is pinned by digest. */
    versionId: pulumi.Input<string>;
}
