import { strict as assert } from "assert";
import * as path from "path";
import { parseJsonInput, record, valueOf } from "../harness";

// The quickstart imports "@agentcore-platform/pulumi-agentcore" as a user would;
// tsconfig.json `paths` resolves that name to sdk/ inside this repo (tsx and tsc alike).
const QUICKSTART = path.join(__dirname, "..", "..", "examples", "quickstart");
const MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0";

describe("quickstart example", () => {
    it("deploys one dev agent: PUBLIC, DEFAULT endpoint, the sample agent image, one model", async () => {
        // The type query makes `tsc` type-check the quickstart against sdk/ without loading it outside the mocks.
        let program: typeof import("../../examples/quickstart/index") | undefined;
        const reg = await record(() => (program = require(path.join(QUICKSTART, "index.ts"))), "dev", "agentcore-quickstart");

        assert.deepEqual(reg.typeCounts(), {
            "agentcore:index:AgentEnvironment": 1,
            "agentcore:index:AgentImage": 1,
            "agentcore:index:AgentRuntime": 1,
            "agentcore:index:AgentExecutionRole": 1,
            "aws:ecr/repository:Repository": 1,
            "aws:ecr/lifecyclePolicy:LifecyclePolicy": 1,
            "aws:iam/role:Role": 1,
            "aws:iam/rolePolicy:RolePolicy": 1,
            "docker-build:index:Image": 1,
            "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime": 1,
            // Logs (APPLICATION_LOGS, USAGE_LOGS) and traces are delivered in every environment.
            "agentcore:index:AgentObservability": 1,
            "aws:cloudwatch/logGroup:LogGroup": 2,
            "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": 2,
            "aws:cloudwatch/logDeliverySource:LogDeliverySource": 3,
            "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": 3,
            "aws:cloudwatch/logDelivery:LogDelivery": 3,
        });
        assert.equal(reg.one("agentcore:index:AgentEnvironment").name, "quickstart-agent");

        const runtime = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime");
        assert.equal(runtime.inputs.agentRuntimeName, "quickstart_agent");
        assert.deepEqual(runtime.inputs.networkConfiguration, { networkMode: "PUBLIC" });
        assert.deepEqual(runtime.inputs.environmentVariables, { AGENT_MODEL_ID: MODEL });

        const image = reg.one("docker-build:index:Image");
        assert.deepEqual(image.inputs.context, { location: path.join(QUICKSTART, "..", "sample-agent") });
        assert.deepEqual(image.inputs.platforms, ["linux/arm64"]);

        const statements = parseJsonInput(reg.one("aws:iam/rolePolicy:RolePolicy").inputs.policy).Statement;
        const invoke = statements.find((s: { Action: string[] }) => s.Action.includes("bedrock:InvokeModel"));
        assert.deepEqual(invoke.Resource, [
            `arn:aws:bedrock:us-east-1:123456789012:inference-profile/${MODEL}`,
            ...["us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((r) => `arn:aws:bedrock:${r}::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0`),
        ]);

        assert.equal(await valueOf(program!.runtimeArn), runtime.outputs.agentRuntimeArn);
        assert.equal(await valueOf(program!.invokeEndpointArn), `${runtime.outputs.agentRuntimeArn}/runtime-endpoint/DEFAULT`);
        assert.equal(await valueOf(program!.latestVersion), "1");
    });
});
