import { strict as assert } from "assert";
import { AgentEnvironment, AgentRuntime, InputValidationError } from "../../sdk";
import { DEFAULT_TARGET } from "../../plan/mocks";
import { ESTABLISHED, recordFailures } from "../harness";
import { SAMPLE } from "../crosscheck/stacks";

const IMAGE = {
    imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent@sha256:${"b".repeat(64)}`,
    repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/support-agent",
};
const ENDPOINT = "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint";
const VPC = {
    mode: "EXISTING_VPC" as const,
    vpcId: "vpc-0123456789abcdef",
    subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"],
    securityGroupIds: ["sg-0123456789abcdef0"],
};

/** The rule text of a refused pin, as the message gives it. */
function refused(path: string, version: string, runtime: string, newest: string, endpoint: string, range: string): string {
    return (
        `${path} "${version}" names a version runtime ${runtime} does not have: its newest version is "${newest}", so endpoint "${endpoint}" was not created or moved. ` +
        `Pin a version it has (${range}; a new stack's first deployment creates only version 1), ` +
        "then after each deployment read `pulumi stack output latestVersion` and pin the reviewed version (docs/promotion.md)"
    );
}

// The mocks answer the runtime's `agentRuntimeVersion` with "1" as a new stack's first deployment does
// (plan/mocks.ts); ESTABLISHED answers "9". The check runs on that Output, after the runtime exists.
describe("a pinned runtime version is checked against the runtime's newest version before the endpoint is sent", () => {
    it("first deployment: pinning version 2 fails with the newest version named, and no endpoint is sent", async () => {
        const { registrations, thrown, late } = await recordFailures(() => new AgentRuntime("support-agent", { image: IMAGE, endpoints: [{ name: "staging", version: "2" }] }));
        assert.equal(thrown, undefined, "the runtime's version is unknown at plan time");
        assert.equal(late.length, 1, `expected one failure, got ${late.map(String).join("; ")}`);
        const error = late[0];
        assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
        assert.deepEqual([error.component, error.problems], ["AgentRuntime support-agent", [refused("endpoints[0].version", "2", "support_agent", "1", "staging", '"1"')]]);
        assert.deepEqual(registrations.ofType(ENDPOINT), []);
        assert.equal(registrations.ofType("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime").length, 1, "the runtime itself is created");
    });

    it("first deployment: pinning version 1 creates the endpoint on version 1", async () => {
        const { registrations, thrown, late } = await recordFailures(() => new AgentRuntime("support-agent", { image: IMAGE, endpoints: [{ name: "staging", version: "1" }] }));
        assert.deepEqual([thrown, late], [undefined, []]);
        assert.deepEqual(
            registrations.ofType(ENDPOINT).map((e) => [e.inputs.name, e.inputs.agentRuntimeVersion]),
            [["staging", "1"]],
        );
    });

    it("every endpoint pinning a missing version is named in one error, and none is sent", async () => {
        const { registrations, late } = await recordFailures(
            () =>
                new AgentRuntime("support-agent", {
                    image: IMAGE,
                    endpoints: [
                        { name: "blue", version: "9" },
                        { name: "green", version: "10" },
                        { name: "canary", version: "12" },
                    ],
                }),
            ESTABLISHED,
        );
        assert.equal(late.length, 1, `expected one failure, got ${late.map(String).join("; ")}`);
        const error = late[0] as InputValidationError;
        assert.deepEqual(error.problems, [refused("endpoints[1].version", "10", "support_agent", "9", "green", '"1" to "9"'), refused("endpoints[2].version", "12", "support_agent", "9", "canary", '"1" to "9"')]);
        assert.deepEqual(registrations.ofType(ENDPOINT), []);
    });

    it("an established runtime: pinning an older version than the newest works", async () => {
        const { registrations, thrown, late } = await recordFailures(() => new AgentRuntime("support-agent", { image: IMAGE, endpoints: [{ name: "prod", version: "4" }] }), ESTABLISHED);
        assert.deepEqual([thrown, late], [undefined, []]);
        assert.deepEqual(registrations.ofType(ENDPOINT).map((e) => e.inputs.agentRuntimeVersion), ["4"]);
    });

    it("a preview that changes the runtime (its new version still unknown) shows the pinned version, not an unknown one", async () => {
        const { registrations, thrown, late } = await recordFailures(
            () => new AgentRuntime("support-agent", { image: IMAGE, endpoints: [{ name: "prod", version: "4" }] }),
            { ...DEFAULT_TARGET, runtimeVersion: null },
        );
        assert.deepEqual([thrown, late], [undefined, []]);
        assert.deepEqual(registrations.ofType(ENDPOINT).map((e) => e.inputs.agentRuntimeVersion), ["4"]);
    });

    it("AgentEnvironment names runtimeVersion, the setting the user wrote, and creates nothing that waits for the endpoint", async () => {
        const { registrations, thrown, late } = await recordFailures(
            () =>
                new AgentEnvironment("support-agent", {
                    environment: "staging",
                    runtimeVersion: "2",
                    network: VPC,
                    image: { build: { context: SAMPLE } },
                    observability: { smokeTest: { payload: '{"prompt":"ping"}', expect: { contains: "echo: ping" } } },
                }),
        );
        assert.equal(thrown, undefined);
        assert.equal(late.length, 1, `expected one failure, got ${late.map(String).join("; ")}`);
        const error = late[0] as InputValidationError;
        assert.deepEqual([error.component, error.problems], ["AgentRuntime support-agent", [refused("runtimeVersion", "2", "support_agent", "1", "staging", '"1"')]]);
        assert.deepEqual(registrations.ofType(ENDPOINT), []);
        assert.deepEqual(registrations.ofType("command:local:Command"), [], "the smoke test waits for the endpoint");
    });

    it("AgentEnvironment staging, first deployment with runtimeVersion 1: the staging endpoint serves version 1", async () => {
        const { registrations, thrown, late } = await recordFailures(
            () => new AgentEnvironment("support-agent", { environment: "staging", runtimeVersion: "1", network: VPC, image: { build: { context: SAMPLE } } }),
        );
        assert.deepEqual([thrown, late], [undefined, []]);
        assert.deepEqual(
            registrations.ofType(ENDPOINT).map((e) => [e.inputs.name, e.inputs.agentRuntimeVersion]),
            [["staging", "1"]],
        );
    });
});
