import { strict as assert } from "assert";
import * as path from "path";
import { evaluatePolicies } from "../../policy/evaluate";
import { AgentEnvironment, AgentImage, InputValidationError } from "../../sdk";
import { record, recordFailures, valueOf, parseJsonInput } from "../harness";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-agent");
const DIGEST = `sha256:${"e".repeat(64)}`;
/** The tooling (build) account's image; the mocks' own account is 123456789012. */
const TOOLING_IMAGE = `111111111111.dkr.ecr.us-east-1.amazonaws.com/agents/support@${DIGEST}`;
const MODEL = "amazon.nova-lite-v1:0";

function prodStack(promotion?: { buildStack: string; pullAccounts: string[] }) {
    return new AgentEnvironment("support", { environment: "prod", image: { imageUri: TOOLING_IMAGE, promotion }, models: [MODEL], runtimeVersion: "1" });
}

describe("AgentImage promotion: build once, pull the digest from other accounts", () => {
    it("a build repository with pullAccounts gets a policy letting exactly those accounts pull, nothing else", async () => {
        let image: AgentImage | undefined;
        const reg = await record(() => (image = new AgentImage("agent", { build: { context: SAMPLE }, repository: { name: "agents/support", pullAccounts: ["222222222222", "333333333333"] } })));
        const policy = reg.one("aws:ecr/repositoryPolicy:RepositoryPolicy", "agent-pull-policy");
        assert.equal(policy.inputs.repository, "agents/support");
        assert.deepEqual(parseJsonInput(policy.inputs.policy), {
            Version: "2012-10-17",
            Statement: [
                { Sid: "PullFromListedAccounts", Effect: "Allow", Principal: { AWS: ["222222222222", "333333333333"] }, Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] },
            ],
        });
        assert.equal(policy.parent, reg.one("agentcore:index:AgentImage").urn);
        assert.deepEqual(image!.pullAccounts, ["222222222222", "333333333333"]);
    });

    it("without pullAccounts there is no repository policy", async () => {
        const reg = await record(() => new AgentImage("agent", { build: { context: SAMPLE } }));
        assert.equal(reg.ofType("aws:ecr/repositoryPolicy:RepositoryPolicy").length, 0);
    });

    it("a prod stack in another account runs the tooling account's digest and its role pulls from that account's repository only", async () => {
        const reg = await record(() => prodStack({ buildStack: "platform/tooling/build", pullAccounts: ["123456789012"] }), "prod");
        const runtime = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime");
        assert.equal(runtime.inputs.agentRuntimeArtifact.containerConfiguration.containerUri, TOOLING_IMAGE);
        const pulls = reg
            .ofType("aws:iam/rolePolicy:RolePolicy")
            .flatMap((p) => parseJsonInput(p.inputs.policy).Statement)
            .filter((s: any) => s.Sid === "PullAgentImage");
        assert.deepEqual(pulls, [{ Sid: "PullAgentImage", Effect: "Allow", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: ["arn:aws:ecr:us-east-1:111111111111:repository/agents/support"] }]);
        assert.equal(reg.ofType("aws:ecr/repository:Repository").length, 0);
        // And it passes the whole pack with the prod config.
        const violations = await evaluatePolicies(reg.all, { configPath: path.join(__dirname, "..", "..", "policy", "config", "prod.json") });
        assert.deepEqual(violations.map((v) => `${v.policy}: ${v.message}`), []);
    });

    it("refuses a stack whose account the build stack does not list, naming both sides", async () => {
        const failures = await recordFailures(() => prodStack({ buildStack: "platform/tooling/build", pullAccounts: ["222222222222"] }));
        assert.equal(failures.thrown, undefined);
        // Pulumi prefixes the error with the chain of properties that carried the rejected output.
        const messages = [...new Set(failures.late.map((e) => (e instanceof Error ? e.message : String(e)).replace(/^(error serializing property "[^"]+": )+/, "")))];
        assert.deepEqual(messages, [
            'AgentImage support: image.promotion: this stack\'s account 123456789012 may not pull image.imageUri from account 111111111111: build stack "platform/tooling/build" allows only 222222222222 (its image.repository.pullAccounts); add 123456789012 there and deploy the build stack first',
        ]);
    });

    const invalid: [string, ConstructorParameters<typeof AgentImage>[1], string[]][] = [
        [
            "malformed and repeated pull accounts",
            { build: { context: SAMPLE }, repository: { pullAccounts: ["22222222222", "333333333333", "333333333333"] } },
            ['image.repository.pullAccounts[0] "22222222222" must be an AWS account id of 12 digits', 'image.repository.pullAccounts[2] "333333333333" is listed twice'],
        ],
        [
            "pull accounts on an image it did not build",
            { imageUri: TOOLING_IMAGE, repository: { pullAccounts: ["222222222222"] } },
            ['image.repository.pullAccounts "222222222222" is only for a built image (image.build): with image.imageUri the repository belongs to the stack that built it'],
        ],
        [
            "a promotion by tag",
            { imageUri: "111111111111.dkr.ecr.us-east-1.amazonaws.com/agents/support:v1.2.0", promotion: { buildStack: "tooling", pullAccounts: ["123456789012"] } },
            ['image.imageUri "111111111111.dkr.ecr.us-east-1.amazonaws.com/agents/support:v1.2.0" must name a digest (@sha256:...) when promoted from build stack "tooling": the build repository\'s policy grants pulls, not the ecr:DescribeImages a tag is resolved with'],
        ],
        [
            "a promotion from a build stack that lists no account",
            { imageUri: TOOLING_IMAGE, promotion: { buildStack: "tooling", pullAccounts: [] } },
            ['image.promotion.pullAccounts "[]" is empty: build stack "tooling" lets no other account pull from account 111111111111; set image.repository.pullAccounts there'],
        ],
    ];
    for (const [title, args, expected] of invalid) {
        it(`refuses ${title}, before anything is created`, async () => {
            let error: unknown;
            const reg = await record(() => {
                try {
                    new AgentImage("agent", args);
                } catch (e) {
                    error = e;
                }
            });
            assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
            assert.deepEqual(error.problems, expected);
            assert.deepEqual(reg.all.map((r) => r.type), ["agentcore:index:AgentImage"]);
        });
    }

    it("passes the checked digest through unchanged", async () => {
        let image: AgentImage | undefined;
        await record(() => (image = new AgentImage("agent", { imageUri: TOOLING_IMAGE, promotion: { buildStack: "tooling", pullAccounts: ["123456789012"] } })));
        assert.equal(await valueOf(image!.imageUri), TOOLING_IMAGE);
    });
});
