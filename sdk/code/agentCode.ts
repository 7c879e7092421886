import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Bucket } from "@pulumi/aws/s3/bucket";
import { BucketObjectv2 } from "@pulumi/aws/s3/bucketObjectv2";
import { BucketOwnershipControls } from "@pulumi/aws/s3/bucketOwnershipControls";
import { BucketPolicy } from "@pulumi/aws/s3/bucketPolicy";
import { BucketPublicAccessBlock } from "@pulumi/aws/s3/bucketPublicAccessBlock";
import { BucketServerSideEncryptionConfiguration } from "@pulumi/aws/s3/bucketServerSideEncryptionConfiguration";
import { BucketVersioning } from "@pulumi/aws/s3/bucketVersioning";
import { AwsContext, awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { Grantable, PolicyStatement, allow, tlsOnlyBucketPolicy } from "../iam/grants";
import { CustomerManagedKey } from "../kms/customerManagedKey";
import { bucketPrefixFor } from "../tools/recordingBucket";
import { Problems } from "../validation";
import { PackedFile, contentHash, zipFiles } from "./package";
import * as perms from "./perms";
import { AgentCodeArgs, RuntimeCode } from "./types";
import { checkCodeArgs, checkPackageSize } from "./validate";

export type { AgentCodeArgs, CodeRuntime, RuntimeCode } from "./types";

/** Prefix of every package's object key: `code/<sha256 of the zip>.zip`. */
export const CODE_KEY_PREFIX = "code/";

/** A packed folder: its zip (written once per content hash), hash and object key. */
export interface PackedCode {
    zipPath: string;
    hash: string;
    key: string;
    zippedBytes: number;
}

/**
 * Packs `files` into a deterministic zip, kept in the OS temp folder under its content hash
 * (`<tmp>/pulumi-agentcore-code/<hash>.zip`, a folder only its owner can write), and returns
 * where it is and its key. An existing file is re-hashed before it is reused and rewritten
 * when its bytes are not the zip (red-team item 4); a new file is written in a private
 * `mkdtemp` folder beside it and renamed into place, so a reader never sees half a zip.
 */
export function packCode(files: readonly PackedFile[], cacheDir: string = path.join(os.tmpdir(), "pulumi-agentcore-code")): PackedCode {
    const zip = zipFiles(files);
    const hash = contentHash(zip);
    fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const zipPath = path.join(cacheDir, `${hash}.zip`);
    const cached = fs.existsSync(zipPath) && fs.lstatSync(zipPath).isFile() && contentHash(fs.readFileSync(zipPath)) === hash;
    if (!cached) {
        const staging = fs.mkdtempSync(path.join(cacheDir, ".write-"));
        try {
            const written = path.join(staging, `${hash}.zip`);
            fs.writeFileSync(written, zip, { mode: 0o600 });
            fs.rmSync(zipPath, { force: true });
            fs.renameSync(written, zipPath);
        } finally {
            fs.rmSync(staging, { recursive: true, force: true });
        }
    }
    return { zipPath, hash, key: `${CODE_KEY_PREFIX}${hash}.zip`, zippedBytes: zip.length };
}

/**
 * An agent's code for direct code deployment (issue 23 item 1): the source folder packed as
 * a deterministic zip and stored in a private bucket (versioned, encrypted with SSE-KMS and
 * an S3 Bucket Key, a customer-managed key when asked, all public access blocked, ACLs
 * disabled, TLS-only) under `code/<sha256 of the zip>.zip`. An unchanged folder gives the
 * same key, so nothing is uploaded and the runtime is unchanged; a changed folder gives a
 * new key, a new object and a new runtime version. The runtime pins each version to the
 * object's `versionId`, as an image is pinned by digest.
 *
 * Every object is kept when it leaves the program (`retainOnDelete`): the provider deletes
 * every version of a key it deletes (internal/service/s3/object.go `resourceObjectDelete`:
 * `deleteAllObjectVersions` when `version_id` is set), which would remove the package an
 * older, pinned runtime version runs. No lifecycle rule expires them.
 */
export class AgentCode extends pulumi.ComponentResource implements RuntimeCode {
    /** The language runtime. */
    readonly runtime: string;
    /** The entry point. */
    readonly entryPoint: string[];
    /** The bucket. */
    readonly codeBucket: Bucket;
    /** The key the bucket is encrypted with, when a customer-managed key was asked for. */
    readonly encryptionKey?: CustomerManagedKey;
    /** The package's object. */
    readonly object: BucketObjectv2;
    /** Bucket name. */
    readonly bucket: pulumi.Output<string>;
    /** Bucket ARN. */
    readonly bucketArn: pulumi.Output<string>;
    /** Object key: `code/<hash>.zip`. */
    readonly key: string;
    /** SHA-256 of the zip uploaded. */
    readonly contentHash: string;
    /** The object's version id, which every runtime version is pinned to. */
    readonly versionId: pulumi.Output<string>;
    /** ARN of the object (`arn:<partition>:s3:::<bucket>/<key>`). */
    readonly objectArn: pulumi.Output<string>;
    /** ARN of the bucket's customer-managed key, when there is one. */
    readonly kmsKeyArn?: pulumi.Output<string>;

    private readonly ctx: AwsContext;

    constructor(name: string, args: AgentCodeArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentCode`, name, {}, opts);
        const problems = new Problems();
        const files = checkCodeArgs(problems, args, "code");
        problems.throwIfAny(`AgentCode ${name}`);
        const packed = packCode(files!);
        checkPackageSize(problems, "code.source", { zipped: packed.zippedBytes });
        problems.throwIfAny(`AgentCode ${name}`);

        this.ctx = awsContext(this);
        this.runtime = args.runtime;
        this.entryPoint = [...args.entryPoint];
        this.key = packed.key;
        this.contentHash = packed.hash;
        const protect = args.protectFromDeletion ?? false;
        if (args.customerManagedKey) {
            this.encryptionKey = new CustomerManagedKey(`${name}-kms`, { purpose: "agent code packages", protectFromDeletion: protect, tags: args.tags }, { parent: this });
            this.kmsKeyArn = this.encryptionKey.arn;
        }
        this.codeBucket = new Bucket(`${name}-bucket`, { bucketPrefix: bucketPrefixFor(name), forceDestroy: !protect, tags: args.tags }, { parent: this, protect, retainOnDelete: protect });
        this.bucket = this.codeBucket.bucket;
        this.bucketArn = this.codeBucket.arn;
        const bucket = this.codeBucket.id;
        const versioning = new BucketVersioning(`${name}-versioning`, { bucket, versioningConfiguration: { status: "Enabled" } }, { parent: this });
        const encryption = new BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            { bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: this.kmsKeyArn }, bucketKeyEnabled: true }] },
            { parent: this },
        );
        const publicAccess = new BucketPublicAccessBlock(
            `${name}-public-access`,
            { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            { parent: this },
        );
        const ownership = new BucketOwnershipControls(`${name}-ownership`, { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, { parent: this });
        const policy = new BucketPolicy(`${name}-policy`, { bucket, policy: pulumi.jsonStringify(tlsOnlyBucketPolicy(this.bucketArn)) }, { parent: this, dependsOn: [publicAccess] });
        this.object = new BucketObjectv2(
            `${name}-package`,
            {
                bucket,
                key: packed.key,
                source: new pulumi.asset.FileAsset(packed.zipPath),
                contentType: "application/zip",
                serverSideEncryption: "aws:kms",
                kmsKeyId: this.kmsKeyArn,
                bucketKeyEnabled: true,
                tags: args.tags,
            },
            // Versioning first, so the object has a version id to pin; kept on delete (see the class comment).
            { parent: this, retainOnDelete: true, dependsOn: [versioning, encryption, publicAccess, ownership, policy] },
        );
        this.versionId = this.object.versionId;
        this.objectArn = pulumi.interpolate`${this.bucketArn}/${packed.key}`;
        this.registerOutputs({ bucket: this.bucket, key: this.key, versionId: this.versionId, contentHash: this.contentHash });
    }

    /**
     * What the identity that deploys the runtime (calls Create/UpdateAgentRuntime) needs:
     * `s3:GetObject` (and `s3:GetObjectVersion`, the object is named by version) on this
     * object, and `kms:Decrypt` through S3 on the customer-managed key when there is one
     * ("Troubleshooting direct code deployment",
     * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-code-deploy-common-issues.html).
     * AWS's pages disagree on who reads the package: that page names the caller of
     * Create/UpdateAgentRuntime (and, for a customer key, "the execution role lacks KMS
     * decrypt permissions"), while the API model's `VpcConfig.requireServiceS3Endpoint` says
     * AgentCore Runtime downloads the code "during agent startup" through the VPC. Both
     * readers are granted: this method for the deployer, {@link grantRead} for the execution role.
     */
    deployerReadStatements(): pulumi.Input<PolicyStatement>[] {
        return codeDeployerStatements(this.objectArn, this.kmsKeyArn, this.ctx.region);
    }

    /**
     * Grants the execution role the same read as the deployer, on exactly this package
     * object (and decrypt through S3 on its key): AgentCore may download the package at
     * session start with the execution role (see {@link deployerReadStatements}). In a VPC,
     * the S3 gateway endpoint's policy admits it (`ThisAccountBucketsByThisAccount` in
     * sdk/network/policies.ts: this account's principals on this account's buckets).
     */
    grantRead(role: Grantable): void {
        role.grant("code-package-read", codeDeployerStatements(this.objectArn, this.kmsKeyArn, this.ctx.region));
    }
}

/** The read of one package, by the deployer or the execution role (see {@link AgentCode.deployerReadStatements}). */
export function codeDeployerStatements(objectArn: pulumi.Input<string>, kmsKeyArn: pulumi.Input<string> | undefined, region: pulumi.Input<string>): pulumi.Input<PolicyStatement>[] {
    const statements = [allow("ReadAgentCodePackage", perms.CODE_READ, [objectArn])];
    if (kmsKeyArn !== undefined) {
        statements.push(allow("DecryptAgentCodePackage", perms.CODE_KEY_READ, [kmsKeyArn], { StringEquals: { "kms:ViaService": pulumi.interpolate`s3.${region}.amazonaws.com` } }));
    }
    return statements;
}
