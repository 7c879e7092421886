import * as pulumi from "@pulumi/pulumi";
import { Bucket } from "@pulumi/aws/s3/bucket";
import { BucketLifecycleConfiguration } from "@pulumi/aws/s3/bucketLifecycleConfiguration";
import { BucketOwnershipControls } from "@pulumi/aws/s3/bucketOwnershipControls";
import { BucketPolicy } from "@pulumi/aws/s3/bucketPolicy";
import { BucketPublicAccessBlock } from "@pulumi/aws/s3/bucketPublicAccessBlock";
import { BucketServerSideEncryptionConfiguration } from "@pulumi/aws/s3/bucketServerSideEncryptionConfiguration";
import { BucketVersioning } from "@pulumi/aws/s3/bucketVersioning";
import { AwsContext, awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { PolicyStatement, allow, tlsOnlyBucketPolicy } from "../iam/grants";
import { CustomerManagedKey } from "../kms/customerManagedKey";
import * as perms from "./perms";

/** Days a recording that was overwritten or deleted stays recoverable as a noncurrent version. */
export const NONCURRENT_RECORDING_DAYS = 7;
/** Days after which an upload that never completed is cleaned up. */
export const INCOMPLETE_UPLOAD_DAYS = 1;

/** Arguments of {@link RecordingBucket}. */
export interface RecordingBucketArgs {
    /** Days a recording is kept before S3 deletes it (whole number > 0). */
    retentionDays: number;
    /** Encrypt with a customer-managed key created for this bucket, instead of the AWS-managed `aws/s3` key. */
    customerManagedKey: boolean;
    /** Protect the bucket and its key from deletion (`protect` + retain on delete); otherwise the bucket may be destroyed with its objects. */
    protectFromDeletion: boolean;
    /** Tags for the bucket and the key. */
    tags?: Record<string, string>;
}

/**
 * The S3 bucket browser sessions are recorded to: encrypted with SSE-KMS and an
 * S3 Bucket Key (a customer-managed key when asked), all public access blocked,
 * ACLs disabled (bucket owner enforced), TLS-only, versioned, and emptied by a
 * retention lifecycle. Writers get access only through {@link writeStatements}.
 */
export class RecordingBucket extends pulumi.ComponentResource {
    /** The bucket. */
    readonly bucket: Bucket;
    /** The key recordings are encrypted with (only when a customer-managed key was asked for). */
    readonly key?: CustomerManagedKey;
    /** Bucket name. */
    readonly bucketName: pulumi.Output<string>;
    /** Bucket ARN. */
    readonly bucketArn: pulumi.Output<string>;
    /** The bucket's configuration resources, which writers should wait for. */
    readonly settings: pulumi.Resource[];

    private readonly ctx: AwsContext;

    constructor(name: string, args: RecordingBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}RecordingBucket`, name, {}, opts);
        this.ctx = awsContext(this);
        const protect = args.protectFromDeletion;
        if (args.customerManagedKey) {
            this.key = new CustomerManagedKey(
                `${name}-kms`,
                { purpose: "browser session recordings", protectFromDeletion: protect, tags: args.tags },
                { parent: this },
            );
        }
        this.bucket = new Bucket(
            `${name}-bucket`,
            { bucketPrefix: bucketPrefixFor(name), forceDestroy: !protect, tags: args.tags },
            { parent: this, protect, retainOnDelete: protect },
        );
        this.bucketName = this.bucket.bucket;
        this.bucketArn = this.bucket.arn;
        const bucket = this.bucket.id;
        const versioning = new BucketVersioning(`${name}-versioning`, { bucket, versioningConfiguration: { status: "Enabled" } }, { parent: this });
        this.settings = [
            new BucketServerSideEncryptionConfiguration(
                `${name}-encryption`,
                {
                    bucket,
                    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: this.key?.arn }, bucketKeyEnabled: true }],
                },
                { parent: this },
            ),
            new BucketPublicAccessBlock(
                `${name}-public-access`,
                { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
                { parent: this },
            ),
            new BucketOwnershipControls(`${name}-ownership`, { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, { parent: this }),
            new BucketPolicy(`${name}-policy`, { bucket, policy: pulumi.jsonStringify(tlsOnlyBucketPolicy(this.bucketArn)) }, { parent: this }),
            versioning,
            new BucketLifecycleConfiguration(
                `${name}-lifecycle`,
                {
                    bucket,
                    rules: [
                        {
                            id: "expire-recordings",
                            status: "Enabled",
                            filter: {},
                            expiration: { days: args.retentionDays },
                            noncurrentVersionExpiration: { noncurrentDays: NONCURRENT_RECORDING_DAYS },
                            abortIncompleteMultipartUpload: { daysAfterInitiation: INCOMPLETE_UPLOAD_DAYS },
                        },
                    ],
                },
                { parent: this, dependsOn: [versioning] },
            ),
        ];
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
    }

    /**
     * Statements that let a role write recordings under `prefix/` of this bucket
     * and do nothing else: the recording upload actions on `<bucket>/<prefix>/*`
     * of this account, and, with a customer-managed key, that key's data-key
     * actions only when called through S3.
     */
    writeStatements(prefix: string): pulumi.Input<PolicyStatement>[] {
        const statements = [
            allow("WriteRecordings", perms.RECORDING_WRITE, [pulumi.interpolate`${this.bucketArn}/${prefix}/*`], {
                StringEquals: { "aws:ResourceAccount": this.ctx.accountId },
            }),
        ];
        if (this.key) {
            statements.push(
                allow("EncryptRecordings", perms.RECORDING_KEY, [this.key.arn], {
                    StringEquals: { "kms:ViaService": pulumi.interpolate`s3.${this.ctx.region}.amazonaws.com` },
                }),
            );
        }
        return statements;
    }
}

/**
 * A bucket name prefix S3 accepts (lowercase letters, digits, hyphens; at most
 * 37 characters, AWS adds 26) derived from the component name, so that any
 * Pulumi name yields a valid, globally unique bucket name.
 */
export function bucketPrefixFor(name: string): string {
    const cleaned = name
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-+/, "")
        .slice(0, 36)
        .replace(/-+$/, "");
    return `${cleaned || "recordings"}-`;
}
