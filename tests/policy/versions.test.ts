import { ecrImmutableTags, ecrKmsEncryption, ecrScanOnPush } from "../../policy/rules/versions/ecr-repository";
import { imageDigest } from "../../policy/rules/versions/image-digest";
import { pinnedEndpoint } from "../../policy/rules/versions/pinned-endpoint";
import { change, compliantStack, UNKNOWN_STRING } from "./fixtures";
import { describeRule } from "./table";

const S = compliantStack();
const URI = "agentRuntimeArtifact.containerConfiguration.containerUri";
const REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent";

describeRule({
    policy: pinnedEndpoint,
    failing: [
        {
            title: "flags a runtime whose only endpoint has no version",
            specs: change(S, "agent-prod", "agentRuntimeVersion", undefined),
            expect: ["agent-runtime: Runtime agent-runtime must be reached through a custom endpoint pinned to a version (add an endpoint with agentRuntimeVersion set)"],
        },
        {
            title: "flags a runtime whose pinned endpoint serves another runtime",
            specs: change(S, "agent-prod", "agentRuntimeId", "other-runtime"),
            expect: ["agent-runtime: Runtime agent-runtime must be reached through a custom endpoint pinned to a version (add an endpoint with agentRuntimeVersion set)"],
        },
        {
            title: "matches aws-native runtimes and endpoints by agentRuntimeId",
            specs: [
                { type: "aws-native:bedrockagentcore:Runtime", name: "n-pinned", inputs: {}, outputs: { agentRuntimeId: "n1" } },
                { type: "aws-native:bedrockagentcore:RuntimeEndpoint", name: "n-ep", inputs: { agentRuntimeId: "n1", agentRuntimeVersion: "2" } },
                { type: "aws-native:bedrockagentcore:Runtime", name: "n-loose", inputs: {}, outputs: { agentRuntimeId: "n2" } },
            ],
            expect: ["n-loose: Runtime n-loose must be reached through a custom endpoint pinned to a version (add an endpoint with agentRuntimeVersion set)"],
        },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreMemory:AgentcoreMemory", name: "m", inputs: { eventExpiryDuration: 30 } }],
    unknown: change(S, "agent-prod", "agentRuntimeId", UNKNOWN_STRING),
});

describeRule({
    policy: imageDigest,
    failing: [
        { title: "flags :latest", specs: change(S, "agent-runtime", URI, `${REPO}:latest`), expect: [`agent-runtime: Runtime image must be referenced by digest, not by the mutable latest tag (containerUri "${REPO}:latest" must end in @sha256:<digest>)`] },
        { title: "flags an untagged reference (implicitly latest)", specs: change(S, "agent-runtime", URI, REPO), expect: [`agent-runtime: Runtime image must be referenced by digest, not by the mutable latest tag (containerUri "${REPO}" must end in @sha256:<digest>)`] },
        { title: "flags any other tag", specs: change(S, "agent-runtime", URI, `${REPO}:v1.2`), expect: [`agent-runtime: Runtime image must be referenced by digest, not by tag "v1.2" (containerUri "${REPO}:v1.2" must end in @sha256:<digest>)`] },
        {
            title: "flags an aws-native Runtime by tag",
            specs: [{ type: "aws-native:bedrockagentcore:Runtime", name: "n", inputs: { agentRuntimeArtifact: { containerConfiguration: { containerUri: `${REPO}:latest` } } } }],
            expect: [`n: Runtime image must be referenced by digest, not by the mutable latest tag (containerUri "${REPO}:latest" must end in @sha256:<digest>)`],
        },
    ],
    notApplicable: [{ type: "docker-build:index:Image", name: "img", inputs: { agentRuntimeArtifact: { containerConfiguration: { containerUri: `${REPO}:latest` } } } }],
    unknown: change(S, "agent-runtime", URI, UNKNOWN_STRING),
});

describeRule({
    policy: ecrImmutableTags,
    failing: [
        { title: "flags MUTABLE", specs: change(S, "agent-repo", "imageTagMutability", "MUTABLE"), expect: ['agent-repo: ECR repository must have immutable image tags (set imageTagMutability to "IMMUTABLE"; it is "MUTABLE")'] },
        { title: "flags the default (unset)", specs: change(S, "agent-repo", "imageTagMutability", undefined), expect: ['agent-repo: ECR repository must have immutable image tags (set imageTagMutability to "IMMUTABLE"; it is unset (MUTABLE))'] },
        {
            title: "flags IMMUTABLE_WITH_EXCLUSION that excludes every tag",
            specs: change(change(S, "agent-repo", "imageTagMutability", "IMMUTABLE_WITH_EXCLUSION"), "agent-repo", "imageTagMutabilityExclusionFilters", [{ filter: "*", filterType: "WILDCARD" }]),
            expect: ['agent-repo: ECR repository excludes every tag from immutability (narrow imageTagMutabilityExclusionFilters; a filter of "*" makes all tags mutable)'],
        },
        {
            title: "accepts IMMUTABLE_WITH_EXCLUSION with a narrow filter",
            specs: change(change(S, "agent-repo", "imageTagMutability", "IMMUTABLE_WITH_EXCLUSION"), "agent-repo", "imageTagMutabilityExclusionFilters", [{ filter: "dev-*", filterType: "WILDCARD" }]),
            expect: [],
        },
    ],
    notApplicable: [{ type: "aws:ecr/repositoryPolicy:RepositoryPolicy", name: "rp", inputs: { imageTagMutability: "MUTABLE" } }],
    unknown: change(S, "agent-repo", "imageTagMutability", UNKNOWN_STRING),
});

describeRule({
    policy: ecrScanOnPush,
    failing: [
        { title: "flags scanOnPush false", specs: change(S, "agent-repo", "imageScanningConfiguration.scanOnPush", false), expect: ["agent-repo: ECR repository must scan images on push (set imageScanningConfiguration.scanOnPush to true)"] },
        { title: "flags a missing scanning configuration", specs: change(S, "agent-repo", "imageScanningConfiguration", undefined), expect: ["agent-repo: ECR repository must scan images on push (set imageScanningConfiguration.scanOnPush to true)"] },
    ],
    notApplicable: [{ type: "aws:s3/bucket:Bucket", name: "b", inputs: {} }],
    unknown: change(S, "agent-repo", "imageScanningConfiguration.scanOnPush", UNKNOWN_STRING),
});

describeRule({
    policy: ecrKmsEncryption,
    failing: [
        { title: "flags AES256", specs: change(S, "agent-repo", "encryptionConfigurations", [{ encryptionType: "AES256" }]), expect: ['agent-repo: ECR repository must be encrypted with KMS (set encryptionConfigurations[0].encryptionType to "KMS")'] },
        { title: "flags no encryption configuration", specs: change(S, "agent-repo", "encryptionConfigurations", undefined), expect: ['agent-repo: ECR repository must be encrypted with KMS (set encryptionConfigurations[0].encryptionType to "KMS")'] },
    ],
    notApplicable: [{ type: "aws:s3/bucket:Bucket", name: "b", inputs: {} }],
    unknown: change(S, "agent-repo", "encryptionConfigurations", [{ encryptionType: UNKNOWN_STRING }]),
});
