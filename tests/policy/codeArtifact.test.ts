import { codeArtifactBucket, codeArtifactPinned } from "../../policy/rules/versions/code-artifact";
import { KEY_ARN, change, compliantStack, Spec, UNKNOWN_STRING } from "./fixtures";
import { describeRule } from "./table";

// issue 23 item 4: the pack judges code artifacts (direct code deployment).

const S3 = "agentRuntimeArtifact.codeConfiguration.code.s3";
const VERSION = "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY";
const code = (versionId?: string) => ({ codeConfiguration: { runtime: "PYTHON_3_12", entryPoints: ["main.py"], code: { s3: { bucket: "agent-code", prefix: "code/abc.zip", ...(versionId === undefined ? {} : { versionId }) } } } });

/** The compliant stack plus a runtime running a code package from a versioned, KMS-encrypted bucket of the stack. */
function withCode(): Spec[] {
    return [
        ...compliantStack(),
        { type: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime", name: "code-runtime", inputs: { agentRuntimeName: "code_runtime", agentRuntimeArtifact: code(VERSION) } },
        { type: "aws:s3/bucket:Bucket", name: "agent-code", inputs: { bucket: "agent-code" } },
        { type: "aws:s3/bucketVersioning:BucketVersioning", name: "agent-code-versioning", inputs: { bucket: "agent-code", versioningConfiguration: { status: "Enabled" } } },
        {
            type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            name: "agent-code-sse",
            inputs: { bucket: "agent-code", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }] },
        },
    ];
}
const C = withCode();

/** A second code runtime whose bucket is named by bucketPrefix, so nothing about it is known on the first preview (red-team item 5). */
const PREFIXED: Spec[] = [
    { type: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime", name: "prefixed-runtime", inputs: { agentRuntimeName: "prefixed", agentRuntimeArtifact: { codeConfiguration: { runtime: "PYTHON_3_12", entryPoints: ["main.py"], code: { s3: { bucket: UNKNOWN_STRING, prefix: "code/def.zip", versionId: UNKNOWN_STRING } } } } } },
    { type: "aws:s3/bucket:Bucket", name: "prefixed-code", inputs: { bucketPrefix: "prefixed-code-", bucket: UNKNOWN_STRING } },
    { type: "aws:s3/bucketVersioning:BucketVersioning", name: "prefixed-code-versioning", inputs: { bucket: UNKNOWN_STRING, versioningConfiguration: { status: "Enabled" } } },
    {
        type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        name: "prefixed-code-sse",
        inputs: { bucket: UNKNOWN_STRING, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }] },
    },
];
const CMK_RULES = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }, bucketKeyEnabled: true }];

describeRule({
    policy: codeArtifactPinned,
    failing: [
        { title: "passes a runtime pinned to the object's versionId", specs: C, expect: [] },
        {
            title: "flags a runtime on an unversioned S3 object (no versionId), even with a pinned endpoint",
            specs: [
                ...change(C, "code-runtime", `${S3}.versionId`, undefined),
                { type: "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint", name: "code-prod", inputs: { name: "prod", agentRuntimeVersion: "3" } },
            ],
            expect: [
                "code-runtime: Runtime code-runtime runs s3://agent-code/code/abc.zip without a versionId: it is not pinned, so a new upload to the key changes what a pinned endpoint serves (set codeConfiguration.code.s3.versionId to the object's versionId)",
            ],
        },
        {
            title: "flags an empty versionId, on the aws-native runtime too",
            specs: [{ type: "aws-native:bedrockagentcore:Runtime", name: "n-runtime", inputs: { agentRuntimeName: "n", agentRuntimeArtifact: code("") } }],
            expect: [
                "n-runtime: Runtime n-runtime runs s3://agent-code/code/abc.zip without a versionId: it is not pinned, so a new upload to the key changes what a pinned endpoint serves (set codeConfiguration.code.s3.versionId to the object's versionId)",
            ],
        },
    ],
    notApplicable: [{ type: "aws:s3/bucketObjectv2:BucketObjectv2", name: "o", inputs: { bucket: "agent-code", key: "code/abc.zip" } }],
    unknown: change(C, "code-runtime", `${S3}.versionId`, UNKNOWN_STRING),
});

describeRule({
    policy: codeArtifactBucket,
    failing: [
        { title: "passes a versioned, KMS-encrypted bucket", specs: C, expect: [] },
        {
            title: "flags a code bucket without versioning",
            specs: C.filter((s) => s.name !== "agent-code-versioning"),
            expect: ["code-runtime: Runtime code-runtime runs a code package from bucket agent-code, where versioning is not enabled (no version id to pin, and an overwrite loses the package older runtime versions run)"],
        },
        {
            title: "flags suspended versioning and no encryption configuration",
            specs: change(C, "agent-code-versioning", "versioningConfiguration.status", "Suspended").filter((s) => s.name !== "agent-code-sse"),
            expect: [
                "code-runtime: Runtime code-runtime runs a code package from bucket agent-code, where versioning is not enabled (no version id to pin, and an overwrite loses the package older runtime versions run); and it has no KMS encryption configuration (S3's default SSE-S3 only)",
            ],
        },
        {
            title: "flags AES256 where KMS is required, accepts it where not",
            specs: change(C, "agent-code-sse", "rules", [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]),
            expect: ['code-runtime: Runtime code-runtime runs a code package from bucket agent-code, where its encryption sets sseAlgorithm "AES256", not aws:kms'],
        },
        { title: "accepts AES256 when KMS is not required", specs: change(C, "agent-code-sse", "rules", [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]), config: { requireKms: false }, expect: [] },
        { title: "leaves a bucket of another stack to agentcore-runtime-code-pinned", specs: C.filter((s) => !s.name.startsWith("agent-code")), expect: [] },
        {
            title: "red-team item 5: a bucket whose name is unknown (bucketPrefix, first preview) does not stop the rule judging the other buckets",
            specs: [...change(C, "agent-code-versioning", "versioningConfiguration.status", "Suspended"), ...PREFIXED],
            expect: ["code-runtime: Runtime code-runtime runs a code package from bucket agent-code, where versioning is not enabled (no version id to pin, and an overwrite loses the package older runtime versions run)"],
        },
        {
            title: "red-team item 5: an encryption resource of unknown bucket does not hide a known bucket's AES256",
            specs: [...change(C, "agent-code-sse", "rules", [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]), ...PREFIXED],
            expect: ['code-runtime: Runtime code-runtime runs a code package from bucket agent-code, where its encryption sets sseAlgorithm "AES256", not aws:kms'],
        },
        { title: "requireKms accepts S3's AWS managed key (aws:kms without kmsMasterKeyId)", specs: C, config: { requireKms: true }, expect: [] },
        {
            title: "requireCustomerManagedKey (prod) refuses S3's AWS managed key, accepts a customer-managed key",
            specs: C,
            config: { requireCustomerManagedKey: true },
            expect: ['code-runtime: Runtime code-runtime runs a code package from bucket agent-code, where it uses S3\'s AWS managed key (sseAlgorithm "aws:kms" without kmsMasterKeyId), not a customer-managed key'],
        },
        { title: "requireCustomerManagedKey passes a customer-managed kmsMasterKeyId", specs: change(C, "agent-code-sse", "rules", CMK_RULES), config: { requireCustomerManagedKey: true }, expect: [] },
    ],
    notApplicable: [{ type: "aws:s3/bucket:Bucket", name: "b", inputs: { bucket: "b" } }],
    unknown: change(C, "agent-code-versioning", "bucket", UNKNOWN_STRING),
});
