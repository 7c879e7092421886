import { Finding, stackRule } from "../../common/rule";
import { bucketEncryption, kmsOf } from "../../common/s3";
import { T } from "../../common/types";
import { first, isUnknown } from "../../common/values";

/** Where each provider keeps the recording switch and the bucket. */
const RECORDING: Record<string, { enabled: readonly string[]; bucket: readonly string[] }> = {
    [T.browser]: { enabled: ["recording.enabled"], bucket: ["recording.s3Location.bucket"] },
    [T.nativeBrowser]: { enabled: ["recordingConfig.enabled"], bucket: ["recordingConfig.s3Location.bucketName", "recordingConfig.s3Location.bucket"] },
};

export const browserRecordingBucket = stackRule<{ requireKms: boolean; requireCustomerManagedKey: boolean }>({
    name: "agentcore-browser-recording-encrypted",
    description: "The bucket a browser records sessions to is KMS-encrypted (sseAlgorithm aws:kms) where requireKms is set, with a customer-managed key where requireCustomerManagedKey is set; S3's default SSE-S3 is accepted otherwise.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Components: AgentEnvironment `browser.recording` encrypts the recording bucket with a customer-managed key where the profile wants one (Browser `recording.customerManagedKey: true`). Raw resources: add an aws.s3.BucketServerSideEncryptionConfiguration for the recording bucket with sseAlgorithm \"aws:kms\" and a customer-managed kmsMasterKeyId.",
    config: {
        requireKms: { type: "boolean", default: true, description: "Require sseAlgorithm aws:kms or aws:kms:dsse (not AES256)." },
        requireCustomerManagedKey: {
            type: "boolean",
            default: false,
            description: "Also require a customer-managed key (kmsMasterKeyId), not S3's AWS managed key aws/s3, whose key policy every principal of the account that may read the bucket satisfies.",
        },
    },
    check: (resources, config) => {
        const { byBucket, unknown: unknownSse } = bucketEncryption(resources);
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
            // S3 encrypts every new object with SSE-S3 (AES256) by default, so the question is only KMS.
            const { kms, customerManaged } = kmsOf(algs);
            if (!config.requireKms) {
                continue;
            }
            if (kms.length === 0) {
                const now = algs.length ? `its encryption configuration sets sseAlgorithm "${algs[0].algorithm}"` : "it has no encryption configuration, so S3 uses its default SSE-S3 (AES256)";
                findings.push({ urn: r.urn, message: `Browser ${r.name} records to bucket ${bucket}, which is not KMS-encrypted: ${now} (add a BucketServerSideEncryptionConfiguration with sseAlgorithm "aws:kms")` });
            } else if (config.requireCustomerManagedKey && !customerManaged) {
                // issue 25 item 9: "aws:kms" alone is S3's AWS managed key, which gives no key policy to limit who reads recordings.
                findings.push({
                    urn: r.urn,
                    message: `Browser ${r.name} records to bucket ${bucket}, which uses S3's AWS managed key (sseAlgorithm "aws:kms" ${kms[0].key ? `with kmsMasterKeyId ${kms[0].key}` : "without kmsMasterKeyId"}): set kmsMasterKeyId to a customer-managed key`,
                });
            }
        }
        return findings;
    },
});
