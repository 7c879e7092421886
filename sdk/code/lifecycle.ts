import { LIFECYCLE_READ_AT, LifecycleContract, tfSource } from "../common/lifecycle";

const object = tfSource("s3/object.go");

/**
 * Lifecycle of what `AgentCode` creates besides the bucket and its settings (those share
 * the tables of `RecordingBucket` in sdk/tools/lifecycle.ts: same types, same rules; the
 * code bucket has no lifecycle configuration, so no rule ever expires a package).
 */
export const CODE_LIFECYCLE: readonly LifecycleContract[] = [
    {
        type: "aws:s3/bucketObjectv2:BucketObjectv2",
        createdBy: ["AgentCode"],
        providerSource: "internal/service/s3/object.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "bucket", source: object("bucket", undefined, "ForceNew"), native: null },
            { argument: "key", source: object("key", undefined, "ForceNew"), native: null, note: "the key is `code/<sha256 of the zip>.zip`: every change of the folder replaces the object" },
        ],
        name: { argument: "key", scope: "the bucket (a key names every version of the object)", scopeArguments: ["bucket"] },
        restrictions: [],
        delete: {
            kind: "real",
            why:
                "deletes every version of the key when the state holds a version_id (deleteAllObjectVersions), so the package a pinned or rollback runtime version runs would go: " +
                "the package sets retainOnDelete on every object, so a replaced package stays in the bucket (kept until the bucket itself is deleted; no lifecycle rule expires it)",
            source: object("Delete()", undefined, "resourceObjectDelete: deleteAllObjectVersions when version_id is set"),
        },
        references: ["bucket", "kmsKeyId"],
        native: { none: "CloudFormation has no S3 object resource" },
        notes: [
            "A changed folder is a new key, so a replacement: the new object (and its version id) is created first, the runtime is updated to a new version pinned to it, and the old object is only forgotten (retainOnDelete). Pinned endpoints keep serving the versions that run the old package.",
            "Same key, new bytes (not possible with a content-hash key unless the zip format changes) would upload a new version in place; the runtime would still follow it only through its pinned versionId input.",
        ],
    },
];
