import { Finding, stackRule } from "../../common/rule";
import { T } from "../../common/types";
import { asArray, at, containsUnknown, first, isUnknown, knownString } from "../../common/values";

/** Where each provider keeps the recording switch and the bucket. */
const RECORDING: Record<string, { enabled: readonly string[]; bucket: readonly string[] }> = {
    [T.browser]: { enabled: ["recording.enabled"], bucket: ["recording.s3Location.bucket"] },
    [T.nativeBrowser]: { enabled: ["recordingConfig.enabled"], bucket: ["recordingConfig.s3Location.bucketName", "recordingConfig.s3Location.bucket"] },
};
const SSE_TYPES: readonly string[] = [T.s3Sse, T.s3SseV2];
const BUCKET_TYPES: readonly string[] = [T.s3Bucket, T.s3BucketV2];

function algorithms(rules: unknown): string[] {
    return asArray(rules)
        .map((r) => r?.applyServerSideEncryptionByDefault?.sseAlgorithm ?? r?.applyServerSideEncryptionByDefaults?.[0]?.sseAlgorithm)
        .filter((a): a is string => typeof a === "string");
}

export const browserRecordingBucket = stackRule<{ requireKms: boolean }>({
    name: "agentcore-browser-recording-encrypted",
    description: "The bucket a browser records sessions to has server-side encryption configured (KMS where required).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Add an aws.s3.BucketServerSideEncryptionConfiguration for the recording bucket with sseAlgorithm \"aws:kms\" and a customer-managed kmsMasterKeyId.",
    config: {
        requireKms: { type: "boolean", default: true, description: "Require sseAlgorithm aws:kms or aws:kms:dsse (not AES256)." },
    },
    check: (resources, config) => {
        const byBucket = new Map<string, string[]>();
        let unknownSse = false;
        for (const r of resources) {
            if (SSE_TYPES.includes(r.type)) {
                const bucket = at(r.props, "bucket");
                if (isUnknown(bucket) || containsUnknown(r.props.rules)) {
                    unknownSse = true;
                } else if (typeof bucket === "string") {
                    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), ...algorithms(r.props.rules)]);
                }
            } else if (BUCKET_TYPES.includes(r.type)) {
                const name = knownString(at(r.props, "bucket"));
                const inline = algorithms(at(r.props, "serverSideEncryptionConfiguration.rules") ?? at(r.props, "serverSideEncryptionConfiguration.rule"));
                if (name && inline.length) {
                    byBucket.set(name, [...(byBucket.get(name) ?? []), ...inline]);
                }
            }
        }
        const findings: Finding[] = [];
        for (const r of resources) {
            const paths = RECORDING[r.type];
            if (!paths) {
                continue;
            }
            const enabled = first(r.props, paths.enabled);
            const bucket = first(r.props, paths.bucket);
            if (enabled !== true || isUnknown(bucket) || typeof bucket !== "string" || unknownSse) {
                continue;
            }
            const algs = byBucket.get(bucket) ?? [];
            if (algs.length === 0) {
                findings.push({ urn: r.urn, message: `Browser ${r.name} records to bucket ${bucket}, which must have server-side encryption (add a BucketServerSideEncryptionConfiguration with sseAlgorithm "aws:kms")` });
            } else if (config.requireKms && !algs.some((a) => a.startsWith("aws:kms"))) {
                findings.push({ urn: r.urn, message: `Browser ${r.name} records to bucket ${bucket}, which must be encrypted with KMS (set sseAlgorithm to "aws:kms", it is "${algs[0]}")` });
            }
        }
        return findings;
    },
});
