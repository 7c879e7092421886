import { AccessContract } from "../common/contract";

const RUNTIME_PERMISSIONS = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html";
const ECR_REPOSITORY_POLICIES = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html";

/**
 * Promotion of a built digest to another account: the runtime's execution role in
 * the consumer account pulls from the build account's repository. Both sides must
 * allow a cross-account call: the role's identity policy (role:runtime, rendered by
 * the consumer stack's `AgentEnvironment`) and the build repository's policy
 * (`repository:build`, rendered by the build stack's `AgentImage` with
 * `repository.pullAccounts`). Bindings: `${repositoryArn}` (the build repository,
 * in `${buildAccount}`). Features: `listed` (the consumer account is in
 * `pullAccounts`), `unlisted` (the same role in an account that is not).
 */
export const IMAGE_PROMOTION_CONTRACT: AccessContract = {
    component: "AgentImage",
    summary: "A runtime role in another account pulling a promoted digest from the build repository (repository.pullAccounts).",
    allowed: [
        {
            id: "cross-account-pull-image",
            principal: "role:runtime",
            action: "ecr:BatchGetImage",
            resource: "${repositoryArn}",
            context: { "aws:ResourceAccount": "${buildAccount}" },
            resourcePolicies: ["repository:build"],
            when: ["listed"],
            why: "The consumer account's execution role pulls the image manifest of the promoted digest from the build account.",
            source: ECR_REPOSITORY_POLICIES,
        },
        {
            id: "cross-account-pull-layers",
            principal: "role:runtime",
            action: "ecr:GetDownloadUrlForLayer",
            resource: "${repositoryArn}",
            context: { "aws:ResourceAccount": "${buildAccount}" },
            resourcePolicies: ["repository:build"],
            when: ["listed"],
            why: "Its layers are downloaded through pre-signed URLs obtained with the same role.",
            source: RUNTIME_PERMISSIONS,
        },
    ],
    denied: [
        {
            id: "cross-account-push",
            principal: "role:runtime",
            action: "ecr:PutImage",
            resource: "${repositoryArn}",
            context: { "aws:ResourceAccount": "${buildAccount}" },
            resourcePolicies: ["repository:build"],
            when: ["listed"],
            why: "Promotion is read-only: a consumer account never writes to the build repository.",
            source: ECR_REPOSITORY_POLICIES,
        },
        {
            id: "cross-account-pull-unlisted",
            principal: "role:runtime",
            action: "ecr:BatchGetImage",
            resource: "${repositoryArn}",
            context: { "aws:ResourceAccount": "${buildAccount}" },
            resourcePolicies: ["repository:build"],
            when: ["unlisted"],
            why: "An account the build stack does not list cannot pull, whatever its own role allows.",
            source: ECR_REPOSITORY_POLICIES,
        },
    ],
};
