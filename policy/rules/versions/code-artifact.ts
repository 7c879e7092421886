import { Finding, stackRule } from "../../common/rule";
import { bucketEncryption, kmsOf } from "../../common/s3";
import { T } from "../../common/types";
import { at, containsUnknown, isUnknown, knownString } from "../../common/values";

// issue 23 item 4: code artifacts (direct code deployment) judged by the pack.

const RUNTIME_TYPES: readonly string[] = [T.runtime, T.nativeRuntime];
const S3 = "agentRuntimeArtifact.codeConfiguration.code.s3";

/** Each runtime that runs a code package from S3, with its location (both providers spell it the same). */
function codeRuntimes(resources: readonly { type: string; props: any; urn: string; name: string }[]) {
    return resources
        .filter((r) => RUNTIME_TYPES.includes(r.type) && at(r.props, S3) !== undefined)
        .map((r) => ({ res: r, s3: at(r.props, S3), bucket: at(r.props, `${S3}.bucket`), prefix: knownString(at(r.props, `${S3}.prefix`)), versionId: at(r.props, `${S3}.versionId`) }));
}

/** Whether a value is an unset or empty version id. */
const unset = (v: unknown) => v === undefined || v === null || v === "";

export const codeArtifactPinned = stackRule({
    name: "agentcore-runtime-code-pinned",
    description:
        "A runtime that runs a code package names the S3 object's versionId, so each runtime version runs one fixed zip: without it AgentCore reads the latest version of the key, and the package can change under a pinned endpoint (whatever its version says).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Components: AgentEnvironment `code` (an AgentCode pins every runtime version to the object's versionId). Raw resources: set agentRuntimeArtifact.codeConfiguration.code.s3.versionId to the BucketObjectv2's `versionId` output, in a versioned bucket.",
    check: (resources) => {
        const findings: Finding[] = [];
        for (const c of codeRuntimes(resources)) {
            if (isUnknown(c.s3) || isUnknown(c.versionId) || !unset(c.versionId)) {
                continue;
            }
            const where = typeof c.bucket === "string" ? `s3://${c.bucket}/${c.prefix ?? "?"}` : "its S3 object";
            findings.push({
                urn: c.res.urn,
                message: `Runtime ${c.res.name} runs ${where} without a versionId: it is not pinned, so a new upload to the key changes what a pinned endpoint serves (set codeConfiguration.code.s3.versionId to the object's versionId)`,
            });
        }
        return findings;
    },
});

export const codeArtifactBucket = stackRule<{ requireKms: boolean; requireCustomerManagedKey: boolean }>({
    name: "agentcore-code-artifact-bucket",
    description:
        "The bucket of a runtime's code package, when this stack declares it, has versioning enabled (a version id to pin, and old packages kept for rollback) and KMS encryption (sseAlgorithm aws:kms) where requireKms is set; S3's AWS managed key (aws:kms without kmsMasterKeyId, or aws/s3) passes requireKms, a customer-managed key is required only where requireCustomerManagedKey is set (prod). Each bucket is judged on its own: a versioning or encryption resource whose bucket is not known yet leaves undecided only the buckets no known resource settles.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Components: AgentEnvironment `code` (AgentCode's bucket is versioned, SSE-KMS encrypted, with a customer-managed key where the profile wants one, private and TLS-only). Raw resources: add an aws.s3.BucketVersioning with versioningConfiguration.status \"Enabled\" and an aws.s3.BucketServerSideEncryptionConfiguration with sseAlgorithm \"aws:kms\" (and a customer-managed kmsMasterKeyId where required) for the code bucket.",
    config: {
        requireKms: { type: "boolean", default: true, description: "Require sseAlgorithm aws:kms or aws:kms:dsse (not only S3's default SSE-S3); S3's AWS managed key passes." },
        requireCustomerManagedKey: {
            type: "boolean",
            default: false,
            description: "Also require a customer-managed key (kmsMasterKeyId), not S3's AWS managed key aws/s3, whose key policy every principal of the account that may read the bucket satisfies.",
        },
    },
    check: (resources, config) => {
        const declared = new Set<string>();
        const versioned = new Map<string, boolean>();
        const { byBucket: encryption, unknown: unknownSse } = bucketEncryption(resources);
        // Resources whose bucket (or settings) is not known yet: they may belong to any bucket no known resource settles.
        let unknownVersioning = false;
        for (const r of resources) {
            const bucket = at(r.props, "bucket");
            if (r.type === T.s3Bucket || r.type === T.s3BucketV2) {
                const name = knownString(bucket);
                if (name) {
                    declared.add(name);
                    if (at(r.props, "versioning.enabled") === true) {
                        versioned.set(name, true);
                    }
                }
            } else if (r.type === T.s3Versioning || r.type === T.s3VersioningV2) {
                if (isUnknown(bucket) || typeof bucket !== "string" || containsUnknown(r.props.versioningConfiguration)) {
                    unknownVersioning ||= isUnknown(bucket) || containsUnknown(r.props.versioningConfiguration);
                } else {
                    versioned.set(bucket, versioned.get(bucket) === true || at(r.props, "versioningConfiguration.status") === "Enabled");
                }
            }
        }
        const findings: Finding[] = [];
        for (const c of codeRuntimes(resources)) {
            if (typeof c.bucket !== "string" || !declared.has(c.bucket)) {
                continue; // Unknown, or a bucket of another stack: agentcore-runtime-code-pinned still judges the runtime.
            }
            const missing: string[] = [];
            // Decided by the known resources naming this bucket; without one, only when no resource of unknown bucket could be its own.
            if (versioned.get(c.bucket) !== true && (versioned.has(c.bucket) || !unknownVersioning)) {
                missing.push("versioning is not enabled (no version id to pin, and an overwrite loses the package older runtime versions run)");
            }
            const algs = encryption.get(c.bucket) ?? [];
            const { kms, customerManaged: customer } = kmsOf(algs);
            const sseDecided = algs.length > 0 || !unknownSse;
            if ((config.requireKms || config.requireCustomerManagedKey) && kms.length === 0 && sseDecided) {
                missing.push(algs.length ? `its encryption sets sseAlgorithm "${algs[0].algorithm}", not aws:kms` : "it has no KMS encryption configuration (S3's default SSE-S3 only)");
            } else if (config.requireCustomerManagedKey && kms.length > 0 && !customer) {
                missing.push(`it uses S3's AWS managed key (sseAlgorithm "aws:kms" ${kms[0].key ? `with kmsMasterKeyId ${kms[0].key}` : "without kmsMasterKeyId"}), not a customer-managed key`);
            }
            if (missing.length) {
                findings.push({ urn: c.res.urn, message: `Runtime ${c.res.name} runs a code package from bucket ${c.bucket}, where ${missing.join("; and ")}` });
            }
        }
        return findings;
    },
});
