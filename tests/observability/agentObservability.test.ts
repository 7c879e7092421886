import { strict as assert } from "assert";
import { AgentObservability, AgentObservabilityArgs, InputValidationError } from "../../sdk";
import { Registrations, parseJsonInput, record, valueOf } from "../harness";

const RUNTIME_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent-abc1234567";
const MEMORY_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/support_memory-abc1234567";
const GATEWAY_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/support-gw-abc1234567";
const RUNTIME = { runtimeName: "support_agent", runtimeArn: RUNTIME_ARN, endpointName: "prod" };
const RESOURCES = [
    { kind: "memory" as const, name: "support_memory", arn: MEMORY_ARN },
    { kind: "gateway" as const, name: "support-gw", arn: GATEWAY_ARN },
];
const GROUP = "aws:cloudwatch/logGroup:LogGroup";
const SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
const DESTINATION = "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination";
const DELIVERY = "aws:cloudwatch/logDelivery:LogDelivery";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const LOGS = "arn:aws:logs:us-east-1:123456789012";

async function plan(overrides: Partial<AgentObservabilityArgs> = {}): Promise<{ reg: Registrations; obs: AgentObservability }> {
    let obs: AgentObservability | undefined;
    const reg = await record(() => (obs = new AgentObservability("support-obs", { runtime: RUNTIME, resources: RESOURCES, ...overrides })));
    return { reg, obs: obs! };
}

describe("AgentObservability: log and trace delivery", () => {
    it("points each resource's APPLICATION_LOGS source to its own log group destination", async () => {
        const { reg } = await plan();
        const expected = [
            ["support_agent", "rt-support_agent-logs", RUNTIME_ARN, "/aws/vendedlogs/bedrock-agentcore/runtime/APPLICATION_LOGS/support_agent"],
            ["support_memory", "mem-support_memory-logs", MEMORY_ARN, "/aws/vendedlogs/bedrock-agentcore/memory/APPLICATION_LOGS/support_memory"],
            ["support-gw", "gw-support-gw-logs", GATEWAY_ARN, "/aws/vendedlogs/bedrock-agentcore/gateway/APPLICATION_LOGS/support-gw"],
        ];
        for (const [resource, deliveryName, resourceArn, groupName] of expected) {
            const source = reg.one(SOURCE, `support-obs-${resource}-log-source`);
            assert.deepEqual([source.inputs.name, source.inputs.logType, source.inputs.resourceArn], [deliveryName, "APPLICATION_LOGS", resourceArn]);
            const group = reg.one(GROUP, `support-obs-${resource}-log-group`);
            assert.equal(group.inputs.name, groupName);
            const destination = reg.one(DESTINATION, `support-obs-${resource}-log-destination`);
            assert.deepEqual(destination.inputs.deliveryDestinationConfiguration, { destinationResourceArn: `${LOGS}:log-group:${groupName}` });
            const delivery = reg.one(DELIVERY, `support-obs-${resource}-log-delivery`);
            assert.equal(delivery.inputs.deliverySourceName, deliveryName);
            assert.equal(delivery.inputs.deliveryDestinationArn, `${LOGS}:delivery-destination:${deliveryName}`);
        }
        // Plus the runtime's USAGE_LOGS group (memory and gateway: not confirmed to emit them).
        assert.equal(reg.ofType(GROUP).length, 4);
    });

    it("delivers the runtime's USAGE_LOGS into a log group of their own", async () => {
        const { reg, obs } = await plan();
        const groupName = "/aws/vendedlogs/bedrock-agentcore/runtime/USAGE_LOGS/support_agent";
        const source = reg.one(SOURCE, "support-obs-support_agent-usage-log-source");
        assert.deepEqual([source.inputs.name, source.inputs.logType, source.inputs.resourceArn], ["rt-support_agent-usage", "USAGE_LOGS", RUNTIME_ARN]);
        assert.equal(reg.one(GROUP, "support-obs-support_agent-usage-log-group").inputs.name, groupName);
        const delivery = reg.one(DELIVERY, "support-obs-support_agent-usage-log-delivery");
        assert.deepEqual([delivery.inputs.deliverySourceName, delivery.inputs.deliveryDestinationArn], ["rt-support_agent-usage", `${LOGS}:delivery-destination:rt-support_agent-usage`]);
        assert.equal(reg.one("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "support-obs-support_agent-usage-log-policy").inputs.resourceArn, `${LOGS}:log-group:${groupName}`);
        assert.deepEqual(Object.keys(obs.usageLogGroups), ["support_agent"]);
        assert.deepEqual(reg.ofType(SOURCE).filter((r) => r.inputs.logType === "USAGE_LOGS").map((r) => r.inputs.resourceArn), [RUNTIME_ARN]);
    });

    it("points every TRACES source to the one X-Ray destination", async () => {
        const { reg } = await plan();
        const xray = reg.one(DESTINATION, "support-obs-trace-destination");
        assert.deepEqual([xray.inputs.name, xray.inputs.deliveryDestinationType], ["support_agent-xray", "XRAY"]);
        const pairs = [
            ["support_agent", "rt-support_agent-traces", RUNTIME_ARN],
            ["support_memory", "mem-support_memory-traces", MEMORY_ARN],
            ["support-gw", "gw-support-gw-traces", GATEWAY_ARN],
        ];
        for (const [resource, sourceName, resourceArn] of pairs) {
            const source = reg.one(SOURCE, `support-obs-${resource}-trace-source`);
            assert.deepEqual([source.inputs.name, source.inputs.logType, source.inputs.resourceArn], [sourceName, "TRACES", resourceArn]);
            const delivery = reg.one(DELIVERY, `support-obs-${resource}-trace-delivery`);
            assert.deepEqual([delivery.inputs.deliverySourceName, delivery.inputs.deliveryDestinationArn], [sourceName, `${LOGS}:delivery-destination:support_agent-xray`]);
        }
        // 3 APPLICATION_LOGS, 1 USAGE_LOGS (runtime), 3 TRACES.
        assert.equal(reg.ofType(DELIVERY).length, 7);
    });

    it("admits vended delivery into each log group only, and X-Ray delivery only from the observed resources", async () => {
        const { reg } = await plan();
        const group = `${LOGS}:log-group:/aws/vendedlogs/bedrock-agentcore/runtime/APPLICATION_LOGS/support_agent`;
        const logPolicy = reg.one("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "support-obs-support_agent-log-policy");
        assert.equal(logPolicy.inputs.resourceArn, group);
        assert.deepEqual(parseJsonInput(logPolicy.inputs.policyDocument).Statement, [
            {
                Sid: "VendedLogDelivery",
                Effect: "Allow",
                Principal: { Service: "delivery.logs.amazonaws.com" },
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: [`${group}:log-stream:*`],
                Condition: { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": `${LOGS}:*` } },
            },
        ]);
        assert.deepEqual(
            new Set(reg.one(DELIVERY, "support-obs-support_agent-log-delivery").options.dependsOn),
            new Set([logPolicy.urn, reg.one(SOURCE, "support-obs-support_agent-log-source").urn, reg.one(DESTINATION, "support-obs-support_agent-log-destination").urn]),
        );
        // The account's one X-Ray policy lives elsewhere by default (TransactionSearch): none here.
        assert.deepEqual(reg.ofType("aws:xray/resourcePolicy:ResourcePolicy"), []);
        assert.deepEqual(reg.one(DESTINATION, "support-obs-trace-destination").options.dependsOn, []);
    });

    it('traceDeliveryPolicy "create": the account-level policy for every AgentCore resource of the account, before the destination', async () => {
        const { reg } = await plan({ traceDeliveryPolicy: "create" });
        const xrayPolicy = reg.one("aws:xray/resourcePolicy:ResourcePolicy", "support-obs-trace-delivery-policy");
        assert.equal(xrayPolicy.inputs.policyName, "AgentCoreTraceDelivery");
        assert.deepEqual(parseJsonInput(xrayPolicy.inputs.policyDocument).Statement, [
            {
                Sid: "AgentCoreVendedTraceDelivery",
                Effect: "Allow",
                Principal: { Service: "delivery.logs.amazonaws.com" },
                Action: ["xray:PutTraceSegments"],
                Resource: "*",
                Condition: {
                    "ForAllValues:ArnLike": {
                        "logs:LogGeneratingResourceArns": [
                            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/*",
                            "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/*",
                            "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/*",
                            "arn:aws:bedrock-agentcore:us-east-1:123456789012:browser-custom/*",
                            "arn:aws:bedrock-agentcore:us-east-1:123456789012:code-interpreter-custom/*",
                        ],
                    },
                    StringEquals: { "aws:SourceAccount": "123456789012" },
                    ArnLike: { "aws:SourceArn": `${LOGS}:delivery-source:*` },
                },
            },
        ]);
        assert.ok(reg.one(DESTINATION, "support-obs-trace-destination").options.dependsOn.includes(xrayPolicy.urn), "the destination waits for the policy");
    });

    it("keeps logs for the given retention, unencrypted and deletable by default", async () => {
        const { reg } = await plan({ logRetentionDays: 14 });
        for (const group of reg.ofType(GROUP)) {
            assert.equal(group.inputs.retentionInDays, 14);
            assert.equal(group.inputs.kmsKeyId, undefined);
            assert.deepEqual([group.options.protect, group.options.retainOnDelete], [false, false]);
        }
        assert.equal(reg.ofType("aws:kms/key:Key").length, 0);
    });

    it("encrypts the log groups with a key only CloudWatch Logs of this region may use, for these log groups", async () => {
        const { reg } = await plan({ customerManagedKey: true, protectData: true, resources: [] });
        const key = reg.one("aws:kms/key:Key");
        for (const group of reg.ofType(GROUP)) {
            assert.equal(group.inputs.kmsKeyId, key.outputs.arn);
            assert.deepEqual([group.options.protect, group.options.retainOnDelete], [true, true]);
        }
        assert.equal(reg.ofType(GROUP).length, 2);
        assert.deepEqual([key.options.protect, key.options.retainOnDelete], [true, true]);
        assert.deepEqual(parseJsonInput(key.inputs.policy).Statement[1], {
            Sid: "CloudWatchLogsEncryptsAgentLogGroups",
            Effect: "Allow",
            Principal: { Service: "logs.us-east-1.amazonaws.com" },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: {
                ArnEquals: {
                    "kms:EncryptionContext:aws:logs:arn": [
                        `${LOGS}:log-group:/aws/vendedlogs/bedrock-agentcore/runtime/APPLICATION_LOGS/support_agent`,
                        `${LOGS}:log-group:/aws/vendedlogs/bedrock-agentcore/runtime/USAGE_LOGS/support_agent`,
                    ],
                },
            },
        });
    });

    it("creates nothing for logs or traces that are switched off", async () => {
        const { reg } = await plan({ logs: false, traces: false });
        assert.deepEqual(reg.typeCounts(), { "agentcore:index:AgentObservability": 1 });
    });
});

describe("AgentObservability: dashboard and alarms", () => {
    const DIMENSIONS = { Resource: RUNTIME_ARN, Operation: "InvokeAgentRuntime", Name: "support_agent::prod" };

    it("alarms on the runtime endpoint's dimensions and notifies an encrypted topic", async () => {
        const { reg, obs } = await plan({ logs: false, traces: false, alarms: { latencyP99Ms: 20000 }, alarmTopic: { type: "create" } });
        const topic = reg.one("aws:sns/topic:Topic", "support-obs-alarm-topic");
        const key = reg.one("aws:kms/key:Key");
        assert.deepEqual([topic.inputs.name, topic.inputs.kmsMasterKeyId], ["agentcore-support_agent-alarms", key.outputs.arn]);
        assert.deepEqual(parseJsonInput(key.inputs.policy).Statement[1], {
            Sid: "CloudWatchPublishesAlarmsToEncryptedTopic",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
        });
        assert.deepEqual(
            reg.ofType(ALARM).map((a) => [a.inputs.name, a.inputs.metricName, a.inputs.statistic ?? a.inputs.extendedStatistic, a.inputs.threshold]),
            [
                ["agentcore-support_agent-system-errors", "SystemErrors", "Sum", 1],
                ["agentcore-support_agent-throttles", "Throttles", "Sum", 1],
                ["agentcore-support_agent-latency-p99", "Latency", "p99", 20000],
                ["agentcore-support_agent-sessions", "SessionCount", "Sum", 500],
            ],
        );
        for (const alarm of reg.ofType(ALARM)) {
            assert.equal(alarm.inputs.namespace, "AWS/Bedrock-AgentCore");
            assert.deepEqual(alarm.inputs.dimensions, DIMENSIONS);
            assert.deepEqual([alarm.inputs.period, alarm.inputs.comparisonOperator, alarm.inputs.treatMissingData], [300, "GreaterThanOrEqualToThreshold", "notBreaching"]);
            assert.deepEqual([alarm.inputs.alarmActions, alarm.inputs.okActions], [[topic.outputs.arn], [topic.outputs.arn]]);
        }
        assert.equal(await valueOf(obs.alarmTopicArn!), topic.outputs.arn);
    });

    it("notifies an existing topic without creating a topic or a key", async () => {
        const existing = "arn:aws:sns:us-east-1:123456789012:oncall";
        const { reg } = await plan({ logs: false, traces: false, alarms: {}, alarmTopic: { type: "existing", arn: existing } });
        assert.equal(reg.ofType("aws:sns/topic:Topic").length + reg.ofType("aws:kms/key:Key").length, 0);
        assert.deepEqual(reg.ofType(ALARM).map((a) => a.inputs.alarmActions), [[existing], [existing], [existing], [existing]]);
    });

    it("graphs the runtime endpoint's metrics on the dashboard", async () => {
        const { reg } = await plan({ logs: false, traces: false, dashboard: true });
        const dashboard = reg.one("aws:cloudwatch/dashboard:Dashboard");
        assert.equal(dashboard.inputs.dashboardName, "agentcore-support_agent");
        const body = JSON.parse(dashboard.inputs.dashboardBody);
        const dims = ["Resource", RUNTIME_ARN, "Operation", "InvokeAgentRuntime", "Name", "support_agent::prod"];
        // The runtime's graphs come first; the gateway's follow (tests/observability/toolObservability.test.ts).
        assert.deepEqual(
            body.widgets.slice(0, 4).map((w: any) => [w.properties.title, w.properties.region, w.properties.metrics.map((m: any[]) => m.slice(0, 8))]),
            [
                ["support_agent (prod): Invocations and sessions", "us-east-1", [["AWS/Bedrock-AgentCore", "Invocations", ...dims], ["AWS/Bedrock-AgentCore", "SessionCount", ...dims]]],
                ["support_agent (prod): Errors", "us-east-1", [["AWS/Bedrock-AgentCore", "SystemErrors", ...dims], ["AWS/Bedrock-AgentCore", "UserErrors", ...dims]]],
                ["support_agent (prod): Throttles", "us-east-1", [["AWS/Bedrock-AgentCore", "Throttles", ...dims]]],
                ["support_agent (prod): Latency (ms)", "us-east-1", [["AWS/Bedrock-AgentCore", "Latency", ...dims], ["AWS/Bedrock-AgentCore", "Latency", ...dims]]],
            ],
        );
        assert.deepEqual(body.widgets[3].properties.metrics.map((m: any[]) => m[8].stat), ["p50", "p99"]);
    });
});

describe("AgentObservability validation", () => {
    const cases: [string, Partial<AgentObservabilityArgs>, string[]][] = [
        [
            "a retention CloudWatch refuses",
            { logRetentionDays: 10 },
            ["logRetentionDays 10 must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (CloudWatch Logs PutRetentionPolicy retentionInDays)"],
        ],
        [
            "thresholds that are not positive and a period CloudWatch refuses",
            { alarms: { systemErrors: 0, throttles: -2, latencyP99Ms: Number.NaN, sessions: 5, periodSeconds: 90 } },
            [
                "alarms.systemErrors 0 must be a positive number (an alarm at or below 0 would fire on every period)",
                "alarms.throttles -2 must be a positive number (an alarm at or below 0 would fire on every period)",
                "alarms.latencyP99Ms NaN must be a positive number (an alarm at or below 0 would fire on every period)",
                "alarms.periodSeconds 90 must be a whole multiple of 60 seconds (AgentCore publishes metrics every minute; CloudWatch PutMetricAlarm Period)",
            ],
        ],
        [
            "a topic without alarms, a bad prefix and a duplicate resource",
            { alarmTopic: { type: "create" }, namePrefix: "support agent", resources: [{ kind: "memory", name: "support_agent", arn: MEMORY_ARN }] },
            [
                'namePrefix "support agent" must match [A-Za-z0-9_-]{1,48} (it names the dashboard, alarms, alarm topic and policies)',
                'resources[0].name "support_agent" must be unique among the observed resources (it names their log groups and deliveries)',
                'alarmTopic "create" is set but alarms is not: nothing would notify the topic',
            ],
        ],
        [
            "a trace delivery policy owner that is neither, and one to create with traces off",
            { traceDeliveryPolicy: "mine" as any },
            ['traceDeliveryPolicy "mine" must be "existing" (the account\'s policy, created by TransactionSearch in one stack) or "create"'],
        ],
        [
            "the account's trace policy created by a component that delivers no traces",
            { traceDeliveryPolicy: "create", traces: false },
            ['traceDeliveryPolicy "create" is set but traces is false: the policy would admit no delivery of this component'],
        ],
        [
            "a resource name too long for a delivery name",
            { resources: [{ kind: "gateway", name: "g".repeat(52), arn: GATEWAY_ARN }] },
            [`resources[0].name "${"g".repeat(52)}" gives the delivery name "gw-${"g".repeat(52)}-traces", which must match [\\w-]{1,60} (CloudWatch Logs PutDeliverySource name)`],
        ],
    ];
    for (const [title, args, expected] of cases) {
        it(`reports ${title}, all at once, before registering anything`, async () => {
            let error: unknown;
            const reg = await record(() => {
                try {
                    new AgentObservability("support-obs", { runtime: RUNTIME, ...args });
                } catch (e) {
                    error = e;
                }
            });
            assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
            assert.deepEqual(error.problems, expected);
            assert.deepEqual(reg.all.map((r) => r.type), ["agentcore:index:AgentObservability"]);
        });
    }
});
