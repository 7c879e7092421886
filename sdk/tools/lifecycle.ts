import { LIFECYCLE_READ_AT, LifecycleContract, ReplaceRow, tfSource } from "../common/lifecycle";

const browser = tfSource("bedrockagentcore/browser.go");
const interpreter = tfSource("bedrockagentcore/code_interpreter.go");
const profile = tfSource("bedrockagentcore/browser_profile.go", "014b1c9");
const NO_UPDATE = "RequiresReplace (there is no UpdateBrowser / UpdateCodeInterpreter in the API model: every argument replaces)";
const NOT_REREAD = "ForceNew (schema; not re-read line by line for this table, cross-checked against CloudFormation)";
const s3 = (file: string) => tfSource(`s3/${file}`);

/** A bucket sub-resource (`aws:s3/<x>`) is one setting of the bucket it names: it replaces when the bucket changes. */
function bucketSetting(type: string, file: string, what: string, deleteWhy: string, native: LifecycleContract["native"], extra: ReplaceRow[] = []): LifecycleContract {
    return {
        type,
        createdBy: type.endsWith("BucketLifecycleConfiguration") ? ["RecordingBucket (Browser recording)"] : ["RecordingBucket (Browser recording)", "AgentCode (code packages)"],
        providerSource: `internal/service/s3/${file}`,
        readAt: LIFECYCLE_READ_AT,
        replaces: [{ argument: "bucket", source: s3(file)("bucket", undefined, NOT_REREAD) }, ...extra],
        name: { argument: "bucket", scope: `the bucket (one ${what} per bucket, put by the bucket's name)`, unique: false, putByName: true },
        restrictions: [],
        delete: { kind: "real", why: deleteWhy, source: s3(file)("Delete()") },
        references: ["bucket"],
        native,
    };
}
const EXPECTED_OWNER = (file: string): ReplaceRow => ({ argument: "expectedBucketOwner", source: s3(file)("expected_bucket_owner", undefined, NOT_REREAD), native: null, note: "the package never sets it" });
const EMBEDDED = (property: string) => ({ none: `a property of AWS::S3::Bucket in CloudFormation (${property}), updated in place` });

/** Lifecycle of what `Browser`, `CodeInterpreter` and `RecordingBucket` create. */
export const TOOLS_LIFECYCLE: readonly LifecycleContract[] = [
    {
        // issue 24 item 6.
        type: "aws:bedrock/agentcoreBrowserProfile:AgentcoreBrowserProfile",
        createdBy: ["Browser (profile)", "AgentEnvironment (browser.profile)"],
        providerSource: "internal/service/bedrockagentcore/browser_profile.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "name", source: profile("name", undefined, "RequiresReplace") },
            { argument: "description", source: profile("description", undefined, "RequiresReplace") },
        ],
        name: { argument: "name", scope: "the account and region" },
        restrictions: [],
        delete: { kind: "real", why: "DeleteBrowserProfile: every saved cookie and local-storage entry (logged-in sessions) is lost", source: profile("Delete()", undefined, "DeleteBrowserProfile") },
        references: [],
        native: { module: "bedrockagentcore/browserProfile" },
        notes: ["The resource has no update: only tags change in place. A generated name carries a suffix of the description, so a replacement creates the new profile before deleting the old one without a name collision; a given name deletes first (`deleteBeforeReplace`)."],
    },
    {
        type: "aws:bedrock/agentcoreBrowser:AgentcoreBrowser",
        createdBy: ["Browser"],
        providerSource: "internal/service/bedrockagentcore/browser.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "name", source: browser("name", undefined, NO_UPDATE) },
            { argument: "description", source: browser("description", undefined, NO_UPDATE) },
            { argument: "executionRoleArn", source: browser("execution_role_arn", undefined, NO_UPDATE) },
            { argument: "networkConfiguration", source: browser("network_configuration", undefined, NO_UPDATE) },
            { argument: "recording", source: browser("recording", undefined, NO_UPDATE), native: "recordingConfig" },
            { argument: "browserSigning", source: browser("browser_signing", undefined, NO_UPDATE), note: "the package never sets it" },
            { argument: "certificates", source: browser("certificates", undefined, NO_UPDATE), native: "certificates[*]", note: "the package never sets it" },
            { argument: "enterprisePolicies", source: browser("enterprise_policies", undefined, NO_UPDATE), native: "enterprisePolicies[*]", note: "the package never sets it" },
        ],
        name: { argument: "name", scope: "the account and region" },
        restrictions: [],
        delete: { kind: "real", why: "DeleteBrowser: running sessions end; recordings stay in the bucket", source: browser("Delete()", undefined, "DeleteBrowser") },
        references: ["executionRoleArn", "recording", "networkConfiguration"],
        native: { module: "bedrockagentcore/browserCustom" },
    },
    {
        type: "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter",
        createdBy: ["CodeInterpreter"],
        providerSource: "internal/service/bedrockagentcore/code_interpreter.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "name", source: interpreter("name", undefined, NO_UPDATE) },
            { argument: "description", source: interpreter("description", undefined, NO_UPDATE) },
            { argument: "executionRoleArn", source: interpreter("execution_role_arn", undefined, NO_UPDATE) },
            { argument: "networkConfiguration", source: interpreter("network_configuration", undefined, NO_UPDATE) },
            { argument: "certificates", source: interpreter("certificates", undefined, NO_UPDATE), native: "certificates[*]", note: "the package never sets it" },
        ],
        name: { argument: "name", scope: "the account and region" },
        restrictions: [],
        delete: { kind: "real", why: "DeleteCodeInterpreter: running sessions end", source: interpreter("Delete()", undefined, "DeleteCodeInterpreter") },
        references: ["executionRoleArn", "networkConfiguration"],
        native: { module: "bedrockagentcore/codeInterpreterCustom" },
    },
    {
        type: "aws:s3/bucket:Bucket",
        createdBy: ["RecordingBucket", "AgentCode (prod: protected and retained; elsewhere forceDestroy)"],
        providerSource: "internal/service/s3/bucket.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "bucket", source: s3("bucket.go")("bucket", undefined, NOT_REREAD), native: "bucketName" },
            { argument: "bucketPrefix", source: s3("bucket.go")("bucket_prefix", undefined, NOT_REREAD), native: "bucketNamePrefix" },
            { argument: "objectLockEnabled", source: s3("bucket.go")("object_lock_enabled", undefined, NOT_REREAD), nativeDisagrees: "CloudFormation's ObjectLockEnabled is not create-only (its handler enables object lock on an existing bucket); the package never sets it" },
        ],
        name: { argument: "bucket", scope: "all of S3 (global); the package sets only a prefix, so the provider picks a new name on every create" },
        restrictions: [],
        delete: { kind: "real", why: "DeleteBucket; with forceDestroy (outside prod) every object version is deleted first", source: s3("bucket.go")("Delete()", undefined, "DeleteBucket (emptied first when force_destroy)") },
        native: { module: "s3/bucket", onlyNative: { bucketNamespace: "CloudFormation's account-regional namespace option; the provider's 7.48 bucket has no such argument" } },
    },
    bucketSetting("aws:s3/bucketPolicy:BucketPolicy", "bucket_policy.go", "policy", "DeleteBucketPolicy", { module: "s3/bucketPolicy" }),
    bucketSetting("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "bucket_public_access_block.go", "public access block", "DeletePublicAccessBlock: the bucket falls back to the account's setting", EMBEDDED("PublicAccessBlockConfiguration")),
    bucketSetting("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "bucket_ownership_controls.go", "ownership setting", "DeleteBucketOwnershipControls", EMBEDDED("OwnershipControls")),
    bucketSetting(
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "bucket_server_side_encryption_configuration.go",
        "encryption setting",
        "DeleteBucketEncryption: new objects fall back to SSE-S3",
        EMBEDDED("BucketEncryption"),
        [EXPECTED_OWNER("bucket_server_side_encryption_configuration.go")],
    ),
    bucketSetting("aws:s3/bucketVersioning:BucketVersioning", "bucket_versioning.go", "versioning setting", "suspends versioning (or only forgets it when the bucket was never versioned)", EMBEDDED("VersioningConfiguration"), [
        EXPECTED_OWNER("bucket_versioning.go"),
    ]),
    bucketSetting("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "bucket_lifecycle_configuration.go", "lifecycle configuration", "DeleteBucketLifecycle: recordings are no longer expired", EMBEDDED("LifecycleConfiguration"), [
        EXPECTED_OWNER("bucket_lifecycle_configuration.go"),
    ]),
];
