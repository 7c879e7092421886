import type { ObservedKind } from "./types";

/** Vended log types delivered to log groups. */
export type VendedLogType = "APPLICATION_LOGS" | "USAGE_LOGS";

/** What AWS documents a kind of AgentCore resource delivers, with the pages that say so. */
export interface DocumentedDelivery {
    /** Log types a delivery source of this kind may name (PutDeliverySource `logType`), each into a log group. */
    logTypes: readonly VendedLogType[];
    /** Whether the resource's spans can be delivered by a `TRACES` source to X-Ray (the trace delivery policy admits the kind). */
    traces: boolean;
    /**
     * Whether that TRACES source is created only on request (`toolTraces`), because the configure
     * page documents it for this kind only through the console (issue 24 item 7, red-team 2).
     */
    tracesOptIn: boolean;
    /** The ARN resource type of the resources this package creates (`arn:...:bedrock-agentcore:<region>:<account>:<type>/<id>`). */
    arnResourceType: string;
    /** Segment of the log group path (`/aws/vendedlogs/bedrock-agentcore/<segment>/<LOG_TYPE>/<name>`). */
    pathSegment: string;
    /** Short code in delivery names (delivery names are limited to 60 characters). */
    code: string;
    /** Where each log type and the traces are documented. */
    sources: readonly string[];
}

const DEVGUIDE = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide";
/** "Enabling observability for AgentCore runtime, memory, gateway, built-in tools, and identity resources". */
const CONFIGURE = `${DEVGUIDE}/observability-configure.html#observability-configure-cloudwatch`;

/**
 * The log types and traces AWS documents per resource kind: data next to the code,
 * checked by tests/observability/toolObservability.test.ts. A kind or log type no AWS page
 * documents is not here, so nothing delivers it (a wrong `logType` fails at
 * PutDeliverySource, after everything before it was created).
 *
 * - Runtime: APPLICATION_LOGS and USAGE_LOGS (runtime metrics page, "Application log
 *   data" and "Resource usage metrics and logs"), TRACES (configure page, "Configure
 *   tracing delivery", Runtime).
 * - Memory and gateway: APPLICATION_LOGS (configure page: the console offers APPLICATION_LOGS and
 *   the log group `/aws/vendedlogs/bedrock-agentcore/{memory|gateway}/APPLICATION_LOGS/{id}`;
 *   gateway metrics page, "Provided log data"), TRACES (configure page, SDK example for
 *   memory and gateway). No page documents USAGE_LOGS for them.
 * - Browser and code interpreter (the custom ones this package creates): APPLICATION_LOGS
 *   (configure page, "Built-in tools": "For Log type, choose APPLICATION_LOGS"; built-in
 *   tools page, "Application log data"), USAGE_LOGS (built-in tools page, "Vended Logs":
 *   one table per tool with log type USAGE_LOGS), TRACES (configure page, "To configure
 *   tracing for built-in tools"; built-in tools page, "Provided span data": spans of
 *   Start/Stop/Invoke session operations once observability is enabled on the tool).
 *   But the SDK section of the configure page says "delivery sources and destinations for
 *   tracing are only applicable for memory and gateway resources", and its tools section
 *   shows only a console toggle; so a tool's TRACES source is created only when asked
 *   (`toolTraces`, `tracesOptIn` below), while its log deliveries stay on (not seen
 *   delivered either way: nothing here ran against AWS).
 * - Policy engines: none. The policy page documents metrics published by default and
 *   spans that come from the attached gateway's TRACES ("Additional span data is
 *   available when traces are enabled for the attached AgentCore Gateway resource");
 *   no page names a log type for a policy engine as a delivery source.
 */
export const DOCUMENTED_DELIVERY: Readonly<Record<ObservedKind, DocumentedDelivery>> = {
    runtime: {
        logTypes: ["APPLICATION_LOGS", "USAGE_LOGS"],
        traces: true,
        tracesOptIn: false,
        arnResourceType: "runtime",
        pathSegment: "runtime",
        code: "rt",
        sources: [`${DEVGUIDE}/observability-runtime-metrics.html`, CONFIGURE],
    },
    memory: {
        logTypes: ["APPLICATION_LOGS"],
        traces: true,
        tracesOptIn: false,
        arnResourceType: "memory",
        pathSegment: "memory",
        code: "mem",
        sources: [CONFIGURE, `${DEVGUIDE}/observability-memory-metrics.html`],
    },
    gateway: {
        logTypes: ["APPLICATION_LOGS"],
        traces: true,
        tracesOptIn: false,
        arnResourceType: "gateway",
        pathSegment: "gateway",
        code: "gw",
        sources: [CONFIGURE, `${DEVGUIDE}/observability-gateway-metrics.html`],
    },
    browser: {
        logTypes: ["APPLICATION_LOGS", "USAGE_LOGS"],
        traces: true,
        tracesOptIn: true,
        arnResourceType: "browser-custom",
        pathSegment: "browser",
        code: "br",
        sources: [CONFIGURE, `${DEVGUIDE}/observability-tool-metrics.html`],
    },
    codeInterpreter: {
        logTypes: ["APPLICATION_LOGS", "USAGE_LOGS"],
        traces: true,
        tracesOptIn: true,
        arnResourceType: "code-interpreter-custom",
        pathSegment: "code-interpreter",
        code: "ci",
        sources: [CONFIGURE, `${DEVGUIDE}/observability-tool-metrics.html`],
    },
};

/** The kinds whose resources have TRACES delivered, as ARN resource types (the trace delivery policy admits these). */
export function tracedArnResourceTypes(): string[] {
    return Object.values(DOCUMENTED_DELIVERY)
        .filter((d) => d.traces)
        .map((d) => d.arnResourceType);
}
