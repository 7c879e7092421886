import { strict as assert } from "assert";
import * as path from "path";
import { AgentEnvironment, AgentEnvironmentArgs } from "../../sdk";
import { ESTABLISHED, Registrations, record } from "../harness";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-agent");
const VPC = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"], securityGroupIds: ["sg-0123456789abcdef0"] };
const RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const COMMAND = "command:local:Command";
const SMOKE = { payload: '{"prompt":"ping"}', expect: { contains: "echo: ping" } };

function plan(overrides: Partial<AgentEnvironmentArgs>): Promise<Registrations> {
    // A stack deployed before: its runtime has versions 1-9 to pin.
    return record(() => new AgentEnvironment("support-agent", { environment: "dev", image: { build: { context: SAMPLE } }, ...overrides }), undefined, undefined, ESTABLISHED);
}

describe("AgentEnvironment observability", () => {
    it("dev: delivers logs and traces with 14-day retention, no key, no dashboard or alarms", async () => {
        const reg = await plan({});
        const group = reg.one("aws:cloudwatch/logGroup:LogGroup", "support-agent-observability-support_agent-log-group");
        assert.deepEqual([group.inputs.retentionInDays, group.inputs.kmsKeyId, group.options.protect], [14, undefined, false]);
        // APPLICATION_LOGS, USAGE_LOGS and TRACES of the runtime.
        assert.equal(reg.ofType("aws:cloudwatch/logDelivery:LogDelivery").length, 3);
        assert.equal(reg.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").length + reg.ofType("aws:cloudwatch/dashboard:Dashboard").length, 0);
        assert.equal(reg.ofType(COMMAND).length, 0);
    });

    it("prod: protected log groups encrypted with a customer key, 365-day retention, dashboard and alarms on the pinned endpoint", async () => {
        const reg = await plan({ environment: "prod", runtimeVersion: "3", network: VPC, observability: { alarmTopic: { type: "create" } } });
        const group = reg.one("aws:cloudwatch/logGroup:LogGroup", "support-agent-observability-support_agent-log-group");
        const key = reg.one("aws:kms/key:Key", "support-agent-observability-key-key");
        assert.deepEqual([group.inputs.retentionInDays, group.inputs.kmsKeyId, group.options.protect, group.options.retainOnDelete], [365, key.outputs.arn, true, true]);
        assert.deepEqual(reg.one("aws:cloudwatch/dashboard:Dashboard").inputs.dashboardName, "agentcore-support_agent");
        const runtimeArn = reg.one(RUNTIME).outputs.agentRuntimeArn;
        assert.deepEqual(
            reg.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => a.inputs.dimensions),
            Array(4).fill({ Resource: runtimeArn, Operation: "InvokeAgentRuntime", Name: "support_agent::prod" }),
        );
        assert.equal(reg.one("aws:sns/topic:Topic").inputs.kmsMasterKeyId, key.outputs.arn);
    });

    it("prod: the smoke test invokes the pinned endpoint after the runtime and endpoint, with no secrets in its environment", async () => {
        const reg = await plan({ environment: "prod", runtimeVersion: "3", network: VPC, observability: { smokeTest: SMOKE } });
        const command = reg.one(COMMAND, "support-agent-smoke-test-invoke");
        const runtime = reg.one(RUNTIME);
        assert.deepEqual(command.inputs, {
            interpreter: ["node"],
            create: path.join("sdk", "smoke", "invoke.mjs"),
            environment: {
                SMOKE_RUNTIME_ARN: runtime.outputs.agentRuntimeArn,
                SMOKE_QUALIFIER: "prod",
                SMOKE_PAYLOAD: '{"prompt":"ping"}',
                SMOKE_EXPECT: '{"contains":"echo: ping"}',
                AWS_REGION: "us-east-1",
            },
            addPreviousOutputInEnv: false,
            triggers: ["3", "prod", '{"prompt":"ping"}'],
        });
        assert.deepEqual(command.secretInputs, []);
        const smoke = reg.one("agentcore:index:SmokeTest");
        assert.deepEqual(
            new Set(smoke.options.dependsOn),
            new Set([
                runtime.urn,
                reg.one("aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint").urn,
            ]),
        );
    });

    it("dev: the smoke test invokes DEFAULT and follows the runtime's newest version", async () => {
        const reg = await plan({ observability: { smokeTest: SMOKE } });
        const command = reg.one(COMMAND);
        assert.equal(command.inputs.environment.SMOKE_QUALIFIER, "DEFAULT");
        assert.deepEqual(command.inputs.triggers, [reg.one(RUNTIME).outputs.agentRuntimeVersion, "DEFAULT", '{"prompt":"ping"}']);
    });

    it("the smoke test runs again when the pinned version changes, and not when anything else does", async () => {
        const base: Partial<AgentEnvironmentArgs> = { environment: "prod", runtimeVersion: "3", network: VPC, observability: { smokeTest: SMOKE } };
        const smoke = async (overrides: Partial<AgentEnvironmentArgs>) => (await plan({ ...base, ...overrides })).one(COMMAND).inputs;
        const before = await smoke({});
        const otherChanges = await smoke({ description: "new description", models: ["amazon.nova-lite-v1:0"], environmentVariables: { LOG_LEVEL: "debug" }, tags: { team: "support" } });
        assert.deepEqual(otherChanges, before);
        const promoted = await smoke({ runtimeVersion: "4" });
        assert.deepEqual(promoted.triggers, ["4", "prod", '{"prompt":"ping"}']);
        assert.notDeepEqual(promoted.triggers, before.triggers);
    });

    it("alarms can be switched off and thresholds set per environment", async () => {
        const off = await plan({ environment: "prod", runtimeVersion: "3", network: VPC, observability: { alarms: false, dashboard: false } });
        assert.equal(off.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").length + off.ofType("aws:cloudwatch/dashboard:Dashboard").length, 0);
        const tuned = await plan({ observability: { alarms: { throttles: 10 } } });
        assert.equal(tuned.one("aws:cloudwatch/metricAlarm:MetricAlarm", "support-agent-observability-throttles-alarm").inputs.threshold, 10);
    });
});
