import * as pulumi from "@pulumi/pulumi";
import type { ObservedPolicyEngine, ObservedResource } from "./types";

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

/**
 * Metrics of the gateway, custom browsers and custom code interpreters the dashboard graphs, all in
 * `AWS/Bedrock-AgentCore` and selected by the `Resource` dimension (the resource's ARN):
 * - gateway: Invocations, Throttles, SystemErrors, UserErrors (Sum), Latency (p50, p99), dimensions
 *   Operation, Protocol, Method, Resource ("ex. gateway ARN"), Name; namespace named on the page
 *   (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/observability-gateway-metrics.html).
 * - browser and code interpreter: Invocations, Throttles, SystemErrors, UserErrors, Latency per
 *   operation, and Duration of sessions (Operation `BrowserSession` / `CodeInterpreterSession`)
 *   (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/observability-tool-metrics.html).
 *   That page names neither their namespace nor their dimensions; AWS CDK's
 *   `@aws-cdk/aws-bedrock-agentcore-alpha` (lib/tools/browser.ts, lib/tools/code-interpreter.ts,
 *   `metric()`) puts them in `AWS/Bedrock-AgentCore` with dimensions `Operation` and `Resource`
 *   (the tool's ARN).
 * Which dimension sets AWS publishes is not documented, so each graph is a CloudWatch SEARCH by
 * search terms only, `Namespace="AWS/Bedrock-AgentCore" MetricName="X" Resource="<arn>"`, with no
 * metric schema in braces: a schema `{Namespace, DimensionName1, ...}` selects metrics with exactly
 * that dimension set, so `{AWS/Bedrock-AgentCore}` alone would match only metrics without dimensions
 * (and a namespace with non-alphanumeric characters must be double-quoted inside it). Search terms
 * match any dimension set: it shows every series of that resource (one per operation, method or
 * tool) whatever the other dimensions are, and never sums across them.
 * Left out: the browser takeover metrics (the page spells them `TakerOverCount`, CDK `TakeOverCount`)
 * and the tools' CPUUsed-vCPUHours / MemoryUsed-GBHours (the page names no namespace for them and
 * gives `Resource` as the tool id, not its ARN).
 */
export const RESOURCE_METRICS = {
    requests: ["Invocations", "Throttles", "SystemErrors", "UserErrors"],
    latency: "Latency",
    sessionDuration: "Duration",
} as const;

/**
 * Policy engine metrics the dashboard graphs: published by default to `AWS/Bedrock-AgentCore`, with
 * the dimension `PolicyEngine` ("The Policy Engine identifier associated with the metric") among
 * OperationName, Policy, TargetResource, ToolName, Mode
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/observability-policy-metrics.html).
 * The page does not say which dimension sets are published, nor whether the identifier is the id or
 * the ARN: the graphs SEARCH on `PolicyEngine` = the engine's id (not seen emitted).
 */
export const POLICY_ENGINE_METRICS = {
    decisions: ["AllowDecisions", "DenyDecisions", "NoDeterminingPolicies"],
    errors: ["SystemErrors", "UserErrors", "MismatchErrors"],
    latency: "Latency",
} as const;

/** A resource or policy engine of the dashboard (the runtime has graphs of its own). */
type DashboardResource = { kind: ObservedResource["kind"]; name: string; arn: pulumi.Input<string> } | { kind: "policyEngine"; name: string; id: pulumi.Input<string> };

/**
 * A SEARCH expression of one metric of the namespace whose `dimension` is `value`, one series per dimension set found.
 * Terms only, no metric schema (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/search-expression-syntax.html:
 * "Including a metric schema in a search query is optional. If specified, the metric schema must contain a namespace and
 * can optionally contain one or more dimension names"; "The SearchTerm can include one or more designators, such as
 * MetricName= ..."); `Namespace=` is used as a property designator like `MetricName=`, every value double-quoted for an
 * exact match. The page's list of designators was not retrievable here; Grafana's CloudWatch data source builds the same
 * form, `SEARCH('Namespace="%s" MetricName="%s" ...')`, when dimensions need not match exactly, and `{namespace,dim,...}`
 * only for an exact dimension set (grafana/grafana pkg/tsdb/cloudwatch/metric_data_query_builder.go, buildSearchExpression).
 */
function search(metricName: string, dimension: string, value: pulumi.Input<string>, stat: string, period: number, id: string): pulumi.Output<unknown[]> {
    return pulumi.output(value).apply((v) => [
        { expression: `SEARCH('Namespace="${AGENTCORE_NAMESPACE}" MetricName="${metricName}" ${dimension}="${v}"', '${stat}', ${period})`, id, label: `${metricName} ${stat}` },
    ]);
}

/** The graphs of one gateway, browser, code interpreter or policy engine. */
function resourceGraphs(resource: DashboardResource, period: number): { title: string; metrics: unknown[] }[] {
    let n = 0;
    const q = (metricName: string, dimension: string, value: pulumi.Input<string>, stat: string) => search(metricName, dimension, value, stat, period, `q${n++}`);
    if (resource.kind === "policyEngine") {
        return [
            { title: `policy engine ${resource.name}: decisions`, metrics: POLICY_ENGINE_METRICS.decisions.map((m) => q(m, "PolicyEngine", resource.id, "Sum")) },
            { title: `policy engine ${resource.name}: errors`, metrics: POLICY_ENGINE_METRICS.errors.map((m) => q(m, "PolicyEngine", resource.id, "Sum")) },
            { title: `policy engine ${resource.name}: latency (ms)`, metrics: [q(POLICY_ENGINE_METRICS.latency, "PolicyEngine", resource.id, "p99")] },
        ];
    }
    const label = resource.kind === "codeInterpreter" ? "code interpreter" : resource.kind;
    const graphs = [
        { title: `${label} ${resource.name}: requests`, metrics: RESOURCE_METRICS.requests.map((m) => q(m, "Resource", resource.arn, "Sum")) },
        { title: `${label} ${resource.name}: latency (ms)`, metrics: [q(RESOURCE_METRICS.latency, "Resource", resource.arn, "p50"), q(RESOURCE_METRICS.latency, "Resource", resource.arn, "p99")] },
    ];
    if (resource.kind === "browser" || resource.kind === "codeInterpreter") {
        graphs.push({ title: `${label} ${resource.name}: session duration`, metrics: [q(RESOURCE_METRICS.sessionDuration, "Resource", resource.arn, "Average")] });
    }
    return graphs;
}

/** The kinds with documented metrics the dashboard graphs besides the runtime (memory has its own page and is not graphed here). */
const GRAPHED_KINDS: readonly ObservedResource["kind"][] = ["gateway", "browser", "codeInterpreter"];

/**
 * The CloudWatch dashboard body (JSON): one graph per concern on the runtime endpoint's dimensions,
 * then the graphs of the gateway, custom browsers and code interpreters (by `Resource`) and of the
 * policy engines (by `PolicyEngine`).
 */
export function dashboardBody(target: MetricsTarget, region: pulumi.Input<string>, resources: readonly ObservedResource[] = [], policyEngines: readonly ObservedPolicyEngine[] = []): pulumi.Output<string> {
    const dims = runtimeDimensions(target);
    const runtime = GRAPHS.map((graph) => ({
        title: `${target.runtimeName} (${target.endpointName}): ${graph.title}`,
        metrics: graph.metrics.map((m) => [AGENTCORE_NAMESPACE, m.name, ...Object.entries(dims).flatMap(([k, v]) => [k, v]), { stat: m.stat, label: `${m.name} ${m.stat}` }]),
    }));
    const others: DashboardResource[] = [
        ...resources.filter((r) => GRAPHED_KINDS.includes(r.kind)),
        ...policyEngines.map((e) => ({ kind: "policyEngine" as const, name: e.name, id: e.id })),
    ];
    return dashboardGrid([...runtime, ...others.flatMap((r) => resourceGraphs(r, 60))], region, 60);
}

/** A dashboard body laying time-series graphs out two per row, each 12 by 6. */
export function dashboardGrid(graphs: { title: string; metrics: unknown[] }[], region: pulumi.Input<string>, period: number): pulumi.Output<string> {
    return pulumi.jsonStringify({
        widgets: graphs.map((graph, i) => ({
            type: "metric",
            x: (i % 2) * 12,
            y: Math.floor(i / 2) * 6,
            width: 12,
            height: 6,
            properties: { title: graph.title, region, period, view: "timeSeries", metrics: graph.metrics },
        })),
    });
}
