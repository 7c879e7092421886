import { strict as assert } from "assert";
import { AgentEnvironment, AgentEnvironmentArgs, AgentObservability, AgentObservabilityArgs, DOCUMENTED_DELIVERY, InputValidationError, observabilityPerms, tracedArnResourceTypes } from "../../sdk";
import { Registrations, record } from "../harness";

/**
 * Issue 24 item 7: log delivery, traces and dashboard of custom browsers, custom code interpreters,
 * the gateway and policy engines, only as far as AWS documents them (sdk/observability/logTypes.ts).
 */

const ACCOUNT = "arn:aws:bedrock-agentcore:us-east-1:123456789012";
const RUNTIME_ARN = `${ACCOUNT}:runtime/support_agent-abc1234567`;
const GATEWAY_ARN = `${ACCOUNT}:gateway/support-gw-abc1234567`;
const BROWSER_ARN = `${ACCOUNT}:browser-custom/support_browser-abc1234567`;
const INTERPRETER_ARN = `${ACCOUNT}:code-interpreter-custom/support_ci-abc1234567`;
const ENGINE_ID = "support_policies-abc1234567";
const RUNTIME = { runtimeName: "support_agent", runtimeArn: RUNTIME_ARN, endpointName: "prod" };
const TOOLS = [
    { kind: "codeInterpreter" as const, name: "support_ci", arn: INTERPRETER_ARN },
    { kind: "browser" as const, name: "support_browser", arn: BROWSER_ARN },
];
const GROUP = "aws:cloudwatch/logGroup:LogGroup";
const SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
const DESTINATION = "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination";
const DELIVERY = "aws:cloudwatch/logDelivery:LogDelivery";
const POLICY = "aws:cloudwatch/logResourcePolicy:LogResourcePolicy";
const LOGS = "arn:aws:logs:us-east-1:123456789012";
const DEVGUIDE = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide";
const DIGEST = `sha256:${"e".repeat(64)}`;

async function plan(overrides: Partial<AgentObservabilityArgs> = {}): Promise<Registrations> {
    return record(() => new AgentObservability("support-obs", { runtime: RUNTIME, resources: TOOLS, ...overrides }));
}

/** Every delivery source's [name, logType, resourceArn]. */
function sources(reg: Registrations): [string, string, string][] {
    return reg.ofType(SOURCE).map((s) => [s.inputs.name, s.inputs.logType, s.inputs.resourceArn]);
}

describe("issue 24 item 7: the documented log types per resource kind", () => {
    it("the table is what the AWS pages say, each kind with the pages that say it", () => {
        const table = Object.fromEntries(Object.entries(DOCUMENTED_DELIVERY).map(([kind, d]) => [kind, [d.logTypes, d.traces, d.tracesOptIn, d.arnResourceType]]));
        assert.deepEqual(table, {
            // observability-runtime-metrics.html: APPLICATION_LOGS, USAGE_LOGS; observability-configure.html: runtime tracing.
            runtime: [["APPLICATION_LOGS", "USAGE_LOGS"], true, false, "runtime"],
            // observability-configure.html: APPLICATION_LOGS and TRACES for memory and gateway; no page names USAGE_LOGS for them.
            memory: [["APPLICATION_LOGS"], true, false, "memory"],
            gateway: [["APPLICATION_LOGS"], true, false, "gateway"],
            // observability-tool-metrics.html: USAGE_LOGS tables for both tools, APPLICATION_LOGS, spans; observability-configure.html: APPLICATION_LOGS,
            // tracing by console toggle only ("delivery sources and destinations for tracing are only applicable for memory and gateway resources"): opt-in.
            browser: [["APPLICATION_LOGS", "USAGE_LOGS"], true, true, "browser-custom"],
            codeInterpreter: [["APPLICATION_LOGS", "USAGE_LOGS"], true, true, "code-interpreter-custom"],
        });
        assert.deepEqual(DOCUMENTED_DELIVERY.browser.sources, [`${DEVGUIDE}/observability-configure.html#observability-configure-cloudwatch`, `${DEVGUIDE}/observability-tool-metrics.html`]);
        assert.deepEqual(DOCUMENTED_DELIVERY.codeInterpreter.sources, DOCUMENTED_DELIVERY.browser.sources);
        // Policy engines deliver nothing of their own (their spans come with the gateway's TRACES).
        assert.equal(Object.prototype.hasOwnProperty.call(DOCUMENTED_DELIVERY, "policyEngine"), false);
    });

    it("the trace delivery policy admits exactly the ARN types of the traced kinds", () => {
        assert.deepEqual(observabilityPerms.AGENTCORE_TRACE_SOURCES, tracedArnResourceTypes());
        assert.deepEqual(tracedArnResourceTypes(), ["runtime", "memory", "gateway", "browser-custom", "code-interpreter-custom"]);
    });
});

describe("issue 24 item 7: AgentObservability delivers the custom tools' logs and traces", () => {
    it("issue 24 item 7 (red-team 2): by default the tools' logs are delivered but no TRACES source is created for them", async () => {
        const reg = await plan();
        assert.deepEqual(sources(reg), [
            ["rt-support_agent-logs", "APPLICATION_LOGS", RUNTIME_ARN],
            ["rt-support_agent-usage", "USAGE_LOGS", RUNTIME_ARN],
            ["ci-support_ci-logs", "APPLICATION_LOGS", INTERPRETER_ARN],
            ["ci-support_ci-usage", "USAGE_LOGS", INTERPRETER_ARN],
            ["br-support_browser-logs", "APPLICATION_LOGS", BROWSER_ARN],
            ["br-support_browser-usage", "USAGE_LOGS", BROWSER_ARN],
            ["rt-support_agent-traces", "TRACES", RUNTIME_ARN],
        ]);
        assert.deepEqual(reg.ofType(DELIVERY).map((d) => d.name).filter((n) => n.endsWith("-trace-delivery")), ["support-obs-support_agent-trace-delivery"]);
    });

    it("issue 24 item 7 (red-team 2): toolTraces is refused without traces", () => {
        assert.throws(
            () => new AgentObservability("x", { runtime: RUNTIME, resources: TOOLS, traces: false, toolTraces: true }),
            (e: unknown) => e instanceof InputValidationError && /toolTraces true is set but traces is false/.test(e.message),
        );
    });

    it("with toolTraces: APPLICATION_LOGS and USAGE_LOGS of each tool into log groups of their own, TRACES to the X-Ray destination", async () => {
        const reg = await plan({ toolTraces: true });
        const tools = sources(reg).filter(([, , arn]) => arn !== RUNTIME_ARN);
        assert.deepEqual(tools, [
            ["ci-support_ci-logs", "APPLICATION_LOGS", INTERPRETER_ARN],
            ["ci-support_ci-usage", "USAGE_LOGS", INTERPRETER_ARN],
            ["br-support_browser-logs", "APPLICATION_LOGS", BROWSER_ARN],
            ["br-support_browser-usage", "USAGE_LOGS", BROWSER_ARN],
            ["ci-support_ci-traces", "TRACES", INTERPRETER_ARN],
            ["br-support_browser-traces", "TRACES", BROWSER_ARN],
        ]);
        const groups = [
            ["support_ci", "/aws/vendedlogs/bedrock-agentcore/code-interpreter/APPLICATION_LOGS/support_ci", "ci-support_ci-logs"],
            ["support_ci-usage", "/aws/vendedlogs/bedrock-agentcore/code-interpreter/USAGE_LOGS/support_ci", "ci-support_ci-usage"],
            ["support_browser", "/aws/vendedlogs/bedrock-agentcore/browser/APPLICATION_LOGS/support_browser", "br-support_browser-logs"],
            ["support_browser-usage", "/aws/vendedlogs/bedrock-agentcore/browser/USAGE_LOGS/support_browser", "br-support_browser-usage"],
        ];
        for (const [base, groupName, deliveryName] of groups) {
            assert.equal(reg.one(GROUP, `support-obs-${base}-log-group`).inputs.name, groupName);
            assert.equal(reg.one(POLICY, `support-obs-${base}-log-policy`).inputs.resourceArn, `${LOGS}:log-group:${groupName}`);
            assert.deepEqual(reg.one(DESTINATION, `support-obs-${base}-log-destination`).inputs.deliveryDestinationConfiguration, { destinationResourceArn: `${LOGS}:log-group:${groupName}` });
            const delivery = reg.one(DELIVERY, `support-obs-${base}-log-delivery`);
            assert.deepEqual([delivery.inputs.deliverySourceName, delivery.inputs.deliveryDestinationArn], [deliveryName, `${LOGS}:delivery-destination:${deliveryName}`]);
        }
        for (const base of ["support_ci", "support_browser"]) {
            const delivery = reg.one(DELIVERY, `support-obs-${base}-trace-delivery`);
            assert.equal(delivery.inputs.deliveryDestinationArn, `${LOGS}:delivery-destination:support_agent-xray`);
        }
    });

    it("the tools' deliveries join the one chain (CreateDelivery one at a time), log deliveries after their group's policy; sources delete before replace", async () => {
        const reg = await plan({ toolTraces: true });
        const chain = [
            "support-obs-support_agent-log-delivery",
            "support-obs-support_agent-usage-log-delivery",
            "support-obs-support_ci-log-delivery",
            "support-obs-support_ci-usage-log-delivery",
            "support-obs-support_browser-log-delivery",
            "support-obs-support_browser-usage-log-delivery",
            "support-obs-support_agent-trace-delivery",
            "support-obs-support_ci-trace-delivery",
            "support-obs-support_browser-trace-delivery",
        ];
        assert.deepEqual(reg.ofType(DELIVERY).map((d) => d.name).sort(), [...chain].sort());
        const urn = (type: string, name: string) => reg.one(type, name).urn;
        chain.forEach((name, i) => {
            const logs = name.endsWith("-log-delivery");
            const base = name.replace(/-(log|trace)-delivery$/, "");
            // Its source and destination (inputs), its group's policy (log deliveries), the delivery before it.
            const own = logs
                ? [urn(SOURCE, `${base}-log-source`), urn(DESTINATION, `${base}-log-destination`), urn(POLICY, `${base}-log-policy`)]
                : [urn(SOURCE, `${base}-trace-source`), urn(DESTINATION, "support-obs-trace-destination")];
            const previous = i === 0 ? [] : [urn(DELIVERY, chain[i - 1])];
            assert.deepEqual([...reg.one(DELIVERY, name).options.dependsOn].sort(), [...own, ...previous].sort(), name);
        });
        for (const source of reg.ofType(SOURCE)) {
            assert.equal(source.options.deleteBeforeReplace, true, source.name);
        }
    });

    // Issue 24 item 7 (red-team 4): compared with a literal list per kind, not with the table the code reads.
    for (const toolTraces of [false, true]) {
        it(`a logType no page documents for the kind is never sent (toolTraces ${toolTraces}): the sources per kind are exactly the documented ones`, async () => {
            const reg = await plan({ toolTraces, resources: [...TOOLS, { kind: "gateway", name: "support-gw", arn: GATEWAY_ARN }, { kind: "memory", name: "support_mem", arn: `${ACCOUNT}:memory/support_mem-abc1234567` }] });
            const kindOf = (arn: string) => arn.slice(`${ACCOUNT}:`.length).split("/")[0];
            const delivered = sources(reg).map(([, logType, arn]) => `${kindOf(arn)} ${logType}`).sort();
            const toolTypes = (kind: string) => [`${kind} APPLICATION_LOGS`, `${kind} USAGE_LOGS`, ...(toolTraces ? [`${kind} TRACES`] : [])];
            const expected = [
                "runtime APPLICATION_LOGS",
                "runtime USAGE_LOGS",
                "runtime TRACES",
                "memory APPLICATION_LOGS",
                "memory TRACES",
                "gateway APPLICATION_LOGS",
                "gateway TRACES",
                ...toolTypes("browser-custom"),
                ...toolTypes("code-interpreter-custom"),
            ].sort();
            assert.deepEqual(delivered, expected);
        });
    }

    it("an unknown kind is refused before anything is created, naming the field, the value and the kinds", () => {
        assert.throws(
            () => new AgentObservability("x", { runtime: RUNTIME, resources: [{ kind: "policyEngine" as any, name: "pe", arn: "arn" }] }),
            (e: unknown) => e instanceof InputValidationError && /resources\[0\]\.kind "policyEngine" must be one of runtime, memory, gateway, browser, codeInterpreter/.test(e.message),
        );
    });

    it("duplicate policy engine names are refused", () => {
        assert.throws(
            () => new AgentObservability("x", { runtime: RUNTIME, dashboard: true, policyEngines: [{ name: "pe", id: "a" }, { name: "pe", id: "b" }] }),
            (e: unknown) => e instanceof InputValidationError && /policyEngines\[1\]\.name "pe" must be unique/.test(e.message),
        );
    });
});

describe("issue 24 item 7: the dashboard graphs the gateway, the custom tools and the policy engines", () => {
    it("one SEARCH per documented metric, by Resource (the ARN) or PolicyEngine (the id)", async () => {
        const reg = await plan({
            logs: false,
            traces: false,
            dashboard: true,
            resources: [{ kind: "gateway", name: "support-gw", arn: GATEWAY_ARN }, ...TOOLS, { kind: "memory", name: "support_mem", arn: `${ACCOUNT}:memory/m-abc1234567` }],
            policyEngines: [{ name: "support-gw", id: ENGINE_ID }],
        });
        const body = JSON.parse(reg.one("aws:cloudwatch/dashboard:Dashboard").inputs.dashboardBody);
        const graphs = body.widgets.slice(4).map((w: any) => [w.properties.title, w.properties.metrics.map((m: any[]) => m[0].expression)]);
        const s = (metric: string, dim: string, value: string, stat: string) => `SEARCH('Namespace="AWS/Bedrock-AgentCore" MetricName="${metric}" ${dim}="${value}"', '${stat}', 60)`;
        // Issue 24 item 7 (red-team 1): literal expressions, search terms only (a `{AWS/Bedrock-AgentCore}` schema matches only dimensionless metrics).
        assert.equal(
            body.widgets[4].properties.metrics[0][0].expression,
            `SEARCH('Namespace="AWS/Bedrock-AgentCore" MetricName="Invocations" Resource="arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/support-gw-abc1234567"', 'Sum', 60)`,
        );
        assert.equal(
            body.widgets[6].properties.metrics[0][0].expression,
            `SEARCH('Namespace="AWS/Bedrock-AgentCore" MetricName="Invocations" Resource="arn:aws:bedrock-agentcore:us-east-1:123456789012:code-interpreter-custom/support_ci-abc1234567"', 'Sum', 60)`,
        );
        assert.equal(
            body.widgets[12].properties.metrics[0][0].expression,
            `SEARCH('Namespace="AWS/Bedrock-AgentCore" MetricName="AllowDecisions" PolicyEngine="support_policies-abc1234567"', 'Sum', 60)`,
        );
        const requests = (arn: string) => ["Invocations", "Throttles", "SystemErrors", "UserErrors"].map((m) => s(m, "Resource", arn, "Sum"));
        const latency = (arn: string) => [s("Latency", "Resource", arn, "p50"), s("Latency", "Resource", arn, "p99")];
        assert.deepEqual(graphs, [
            ["gateway support-gw: requests", requests(GATEWAY_ARN)],
            ["gateway support-gw: latency (ms)", latency(GATEWAY_ARN)],
            ["code interpreter support_ci: requests", requests(INTERPRETER_ARN)],
            ["code interpreter support_ci: latency (ms)", latency(INTERPRETER_ARN)],
            ["code interpreter support_ci: session duration", [s("Duration", "Resource", INTERPRETER_ARN, "Average")]],
            ["browser support_browser: requests", requests(BROWSER_ARN)],
            ["browser support_browser: latency (ms)", latency(BROWSER_ARN)],
            ["browser support_browser: session duration", [s("Duration", "Resource", BROWSER_ARN, "Average")]],
            ["policy engine support-gw: decisions", ["AllowDecisions", "DenyDecisions", "NoDeterminingPolicies"].map((m) => s(m, "PolicyEngine", ENGINE_ID, "Sum"))],
            ["policy engine support-gw: errors", ["SystemErrors", "UserErrors", "MismatchErrors"].map((m) => s(m, "PolicyEngine", ENGINE_ID, "Sum"))],
            ["policy engine support-gw: latency (ms)", [s("Latency", "PolicyEngine", ENGINE_ID, "p99")]],
        ]);
        // Expression ids are unique within each graph (CloudWatch refuses duplicates).
        for (const w of body.widgets.slice(4)) {
            const ids = w.properties.metrics.map((m: any[]) => m[0].id);
            assert.equal(new Set(ids).size, ids.length, w.properties.title);
        }
    });
});

describe("issue 24 item 7: AgentEnvironment observes the tools and the policy engine it creates", () => {
    const base: AgentEnvironmentArgs = { environment: "dev", image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/support@${DIGEST}` }, models: ["amazon.nova-lite-v1:0"] };

    it("custom browser and code interpreter: their ARNs are the resourceArn of their sources", async () => {
        const reg = await record(() => new AgentEnvironment("support", { ...base, codeInterpreter: {}, browser: { networkMode: "PUBLIC" } }));
        const interpreterArn = reg.one("aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter").outputs.codeInterpreterArn;
        const browserArn = reg.one("aws:bedrock/agentcoreBrowser:AgentcoreBrowser").outputs.browserArn;
        assert.deepEqual(
            sources(reg)
                .filter(([, , arn]) => arn === interpreterArn || arn === browserArn)
                .map(([name, type, arn]) => [name, type, arn === interpreterArn ? "ci" : "br"])
                .sort(),
            [
                ["br-support_browser-logs", "APPLICATION_LOGS", "br"],
                ["br-support_browser-usage", "USAGE_LOGS", "br"],
                ["ci-support_code_interpreter-logs", "APPLICATION_LOGS", "ci"],
                ["ci-support_code_interpreter-usage", "USAGE_LOGS", "ci"],
            ],
        );
    });

    it("issue 24 item 7 (red-team 2): observability.toolTraces adds the tools' TRACES sources", async () => {
        const reg = await record(() => new AgentEnvironment("support", { ...base, codeInterpreter: {}, browser: { networkMode: "PUBLIC" }, observability: { toolTraces: true } }));
        const interpreterArn = reg.one("aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter").outputs.codeInterpreterArn;
        const browserArn = reg.one("aws:bedrock/agentcoreBrowser:AgentcoreBrowser").outputs.browserArn;
        const runtimeArn = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime").outputs.agentRuntimeArn;
        const kind = (arn: string) => (arn === interpreterArn ? "ci" : arn === browserArn ? "br" : arn === runtimeArn ? "rt" : arn);
        assert.deepEqual(
            sources(reg)
                .filter(([, type]) => type === "TRACES")
                .map(([name, , arn]) => [name, kind(arn)])
                .sort(),
            [
                ["br-support_browser-traces", "br"],
                ["ci-support_code_interpreter-traces", "ci"],
                ["rt-support-traces", "rt"],
            ],
        );
    });

    it("AWS's managed browser and interpreter are not the environment's to observe", async () => {
        const reg = await record(() => new AgentEnvironment("support", { ...base, codeInterpreter: { managed: true }, browser: { managed: true } }));
        assert.deepEqual(sources(reg).map(([, type]) => type).sort(), ["APPLICATION_LOGS", "TRACES", "USAGE_LOGS"]);
    });

    it("a gateway's own policy engine is graphed by its id on the dashboard", async () => {
        const reg = await record(() =>
            new AgentEnvironment("support", {
                ...base,
                observability: { dashboard: true },
                gateway: {
                    targets: [{ type: "lambda", name: "orders", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:order-lookup", tools: [{ name: "lookup_order", description: "Find an order", inputSchema: { type: "object", properties: [{ name: "orderId", type: "string", required: true }] } }] }],
                    toolPolicies: { policies: [{ name: "lookup", description: "Look up", statement: 'permit(principal is AgentCore::IamEntity, action == AgentCore::Action::"orders___lookup_order", resource == AgentCore::Gateway::"{{gatewayArn}}") when { context.input.orderId != "" };' }] },
                },
            }),
        );
        const engineId = reg.one("aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine").outputs.policyEngineId;
        const gatewayArn = reg.one("aws:bedrock/agentcoreGateway:AgentcoreGateway").outputs.gatewayArn;
        const body = reg.one("aws:cloudwatch/dashboard:Dashboard").inputs.dashboardBody as string;
        assert.ok(body.includes(`PolicyEngine=\\"${engineId}\\"`), `the dashboard searches PolicyEngine=${engineId}`);
        assert.ok(body.includes(`Resource=\\"${gatewayArn}\\"`), `the dashboard searches Resource=${gatewayArn}`);
    });
});
