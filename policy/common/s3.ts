import { T } from "./types";
import { asArray, at, containsUnknown, isUnknown, knownString } from "./values";

/** One default-encryption rule of a bucket: its algorithm and, when set, its KMS key. */
export interface BucketSse {
    algorithm: string;
    key?: string;
}

/** S3's AWS managed key: `aws:kms` without a key, or with alias `aws/s3`. */
export const AWS_MANAGED_S3_KEY = /(^|\/)aws\/s3$/;

/** Each rule's algorithm and KMS key (classic `rules[].applyServerSideEncryptionByDefault`, or the legacy list form). */
export function sseAlgorithms(rules: unknown): BucketSse[] {
    return asArray(rules)
        .map((r) => r?.applyServerSideEncryptionByDefault ?? r?.applyServerSideEncryptionByDefaults?.[0])
        .filter((d) => d && typeof d.sseAlgorithm === "string")
        .map((d) => ({ algorithm: d.sseAlgorithm as string, key: knownString(d.kmsMasterKeyId) }));
}

/**
 * The default encryption of each bucket this stack names, from encryption resources and buckets' inline
 * configuration; `unknown` is true when an encryption resource's bucket or rules are not known yet (it may
 * belong to any bucket no known resource settles).
 */
export function bucketEncryption(resources: readonly { type: string; props: any }[]): { byBucket: Map<string, BucketSse[]>; unknown: boolean } {
    const byBucket = new Map<string, BucketSse[]>();
    const add = (bucket: string, algs: BucketSse[]) => byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), ...algs]);
    let unknown = false;
    for (const r of resources) {
        if (r.type === T.s3Sse || r.type === T.s3SseV2) {
            const bucket = at(r.props, "bucket");
            if (isUnknown(bucket) || containsUnknown(r.props.rules)) {
                unknown = true;
            } else if (typeof bucket === "string") {
                add(bucket, sseAlgorithms(r.props.rules));
            }
        } else if (r.type === T.s3Bucket || r.type === T.s3BucketV2) {
            const name = knownString(at(r.props, "bucket"));
            const inline = sseAlgorithms(at(r.props, "serverSideEncryptionConfiguration.rules") ?? at(r.props, "serverSideEncryptionConfiguration.rule"));
            if (name && inline.length) {
                add(name, inline);
            }
        }
    }
    return { byBucket, unknown };
}

/** The KMS rules among `algs`, and whether one names a customer-managed key (not S3's AWS managed key). */
export function kmsOf(algs: readonly BucketSse[]): { kms: BucketSse[]; customerManaged: boolean } {
    const kms = algs.filter((a) => a.algorithm.startsWith("aws:kms"));
    return { kms, customerManaged: kms.some((a) => a.key !== undefined && !AWS_MANAGED_S3_KEY.test(a.key)) };
}
