import * as pulumi from "@pulumi/pulumi";

/**
 * The metrics AgentCore publishes for a runtime (developer guide, "AgentCore
 * generated runtime observability data",
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/observability-runtime-metrics.html):
 * namespace `AWS/Bedrock-AgentCore`, per-endpoint dimensions `Resource` (runtime
 * ARN), `Operation` (`InvokeAgentRuntime`) and `Name` (`<runtime name>::<endpoint name>`).
 *
 * Sessions: the page lists "Session Count" (new sessions per resource) and
 * "Sessions (aggregated)" by display name only. AWS CDK's `aws-bedrockagentcore`
 * Runtime (`metricSessionCount()` / `metricSessionsAggregated()` and their tests)
 * spells them `SessionCount` with the per-resource dimensions above and `Sessions`
 * with only `AggregateOperation`; the alarm watches one endpoint, so it uses
 * `SessionCount` (not seen emitted: nothing here ran against AWS).
 */
export const AGENTCORE_NAMESPACE = "AWS/Bedrock-AgentCore";
/** The data-plane operation runtime invocation metrics are published under. */
export const INVOKE_OPERATION = "InvokeAgentRuntime";

/** Runtime metric names. */
export const RUNTIME_METRICS = {
    invocations: "Invocations",
    systemErrors: "SystemErrors",
    userErrors: "UserErrors",
    throttles: "Throttles",
    latency: "Latency",
    sessions: "SessionCount",
} as const;

/** The runtime endpoint whose metrics are watched. */
export interface MetricsTarget {
    /** The runtime's AgentCore name. */
    runtimeName: string;
    /** Runtime ARN. */
    runtimeArn: pulumi.Input<string>;
    /** The endpoint callers use (`DEFAULT` or a custom endpoint). */
    endpointName: string;
}

/** The dimensions that select one runtime endpoint's invocation metrics. */
export function runtimeDimensions(target: MetricsTarget): Record<string, pulumi.Input<string>> {
    return {
        Resource: target.runtimeArn,
        Operation: INVOKE_OPERATION,
        Name: `${target.runtimeName}::${target.endpointName}`,
    };
}

/** One graph of the dashboard: a title and the metrics with their statistic. */
interface Graph {
    title: string;
    metrics: { name: string; stat: string }[];
}

const GRAPHS: Graph[] = [
    { title: "Invocations and sessions", metrics: [{ name: RUNTIME_METRICS.invocations, stat: "Sum" }, { name: RUNTIME_METRICS.sessions, stat: "Sum" }] },
    { title: "Errors", metrics: [{ name: RUNTIME_METRICS.systemErrors, stat: "Sum" }, { name: RUNTIME_METRICS.userErrors, stat: "Sum" }] },
    { title: "Throttles", metrics: [{ name: RUNTIME_METRICS.throttles, stat: "Sum" }] },
    { title: "Latency (ms)", metrics: [{ name: RUNTIME_METRICS.latency, stat: "p50" }, { name: RUNTIME_METRICS.latency, stat: "p99" }] },
];

/** The CloudWatch dashboard body (JSON) with one graph per concern, all on the runtime endpoint's dimensions. */
export function dashboardBody(target: MetricsTarget, region: pulumi.Input<string>): pulumi.Output<string> {
    const dims = runtimeDimensions(target);
    return pulumi.jsonStringify({
        widgets: GRAPHS.map((graph, i) => ({
            type: "metric",
            x: (i % 2) * 12,
            y: Math.floor(i / 2) * 6,
            width: 12,
            height: 6,
            properties: {
                title: `${target.runtimeName} (${target.endpointName}): ${graph.title}`,
                region,
                period: 60,
                view: "timeSeries",
                metrics: graph.metrics.map((m) => [
                    AGENTCORE_NAMESPACE,
                    m.name,
                    ...Object.entries(dims).flatMap(([k, v]) => [k, v]),
                    { stat: m.stat, label: `${m.name} ${m.stat}` },
                ]),
            },
        })),
    });
}
