import { codeArtifactBucket, codeArtifactPinned } from "../../policy/rules/versions/code-artifact";
import { change, compliantStack, Spec, UNKNOWN_STRING } from "./fixtures";
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
    ],
    notApplicable: [{ type: "aws:s3/bucket:Bucket", name: "b", inputs: { bucket: "b" } }],
    unknown: change(C, "agent-code-versioning", "bucket", UNKNOWN_STRING),
});
