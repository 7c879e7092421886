import { strict as assert } from "assert";
import * as path from "path";
import { AgentEnvironment, AgentImage } from "../../sdk";
import { IMAGE_PROMOTION_CONTRACT } from "../../sdk/image/contract";
import { record } from "../harness";
import { RenderedAccess, documentOf, evaluate, renderedRole, unexercised, violations } from "./simulate";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-agent");
const DIGEST = `sha256:${"f".repeat(64)}`;
/** The mocks' account, where the prod stack runs. */
const PROD = "123456789012";
const TOOLING = "111111111111";
const REPOSITORY_ARN = `arn:aws:ecr:us-east-1:${TOOLING}:repository/agents/support`;

/**
 * Two stacks rendered separately, as deployed: the build stack's repository policy
 * (listing `pullAccounts`) and the prod stack's runtime role (in the mocks' account).
 */
async function promotionShape(pullAccounts: string[], consumerAccount: string, feature: string): Promise<RenderedAccess> {
    const build = await record(() => new AgentImage("support", { build: { context: SAMPLE }, repository: { name: "agents/support", pullAccounts } }), "build");
    const repositoryPolicy = documentOf(build, "aws:ecr/repositoryPolicy:RepositoryPolicy", "support-pull-policy", "policy");
    const prod = await record(
        () =>
            new AgentEnvironment("support", {
                environment: "prod",
                image: { imageUri: `${TOOLING}.dkr.ecr.us-east-1.amazonaws.com/agents/support@${DIGEST}`, promotion: { buildStack: "tooling/build", pullAccounts: [PROD] } },
                models: ["amazon.nova-lite-v1:0"],
                runtimeVersion: "1",
            }),
        "prod",
    );
    const role = renderedRole(prod, "support-role");
    // The unlisted shape: the same role and policies, in an account the build stack does not list.
    const moved = consumerAccount === PROD ? role : { ...role, arn: role.arn.replace(`:${PROD}:`, `:${consumerAccount}:`) };
    return {
        account: consumerAccount,
        region: "us-east-1",
        partition: "aws",
        bindings: { repositoryArn: REPOSITORY_ARN, buildAccount: TOOLING },
        roles: { runtime: moved },
        resourcePolicies: { "repository:build": repositoryPolicy },
        endpointPolicies: {},
        features: new Set([feature]),
    };
}

describe("access contract: AgentImage promotion (cross-account pull)", () => {
    let listed: RenderedAccess;
    let unlisted: RenderedAccess;
    before(async () => {
        listed = await promotionShape([PROD], PROD, "listed");
        unlisted = await promotionShape([PROD], "444455556666", "unlisted");
    });

    it("the listed prod account's runtime role may pull the tooling account's digest, and nothing more", async () => {
        assert.deepEqual(await violations(IMAGE_PROMOTION_CONTRACT, listed), []);
    });

    it("an account the build stack does not list is denied", async () => {
        assert.deepEqual(await violations(IMAGE_PROMOTION_CONTRACT, unlisted), []);
    });

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(IMAGE_PROMOTION_CONTRACT, [listed, unlisted]), []);
    });

    it("the evaluator can fail: both sides must allow (no repository policy, or no pull statement, denies)", async () => {
        const pull = IMAGE_PROMOTION_CONTRACT.allowed.find((c) => c.id === "cross-account-pull-image")!;
        assert.equal((await evaluate(pull, "Allowed", listed)).decision, "Allowed");
        const noRepositoryGrant = { ...listed, resourcePolicies: { "repository:build": { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ["999999999999"] }, Action: "ecr:BatchGetImage" }] } } };
        assert.equal((await evaluate(pull, "Allowed", noRepositoryGrant)).decision, "ImplicitlyDenied");
        const noRoleGrant = { ...listed, roles: { runtime: { ...listed.roles.runtime, policies: [] } } };
        assert.equal((await evaluate(pull, "Allowed", noRoleGrant)).decision, "ImplicitlyDenied");
    });
});
