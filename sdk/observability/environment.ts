import type { EnvironmentProfile } from "../environment/profiles";
import type { SmokeExpectation } from "../smoke/smokeTest";
import { AgentObservabilityArgs } from "./agentObservability";
import { MetricsTarget } from "./metrics";
import { AlarmThresholds, AlarmTopic, ObservedResource } from "./types";

/** The `observability` section of `AgentEnvironmentArgs`; every default comes from the environment's profile. */
export interface EnvironmentObservabilityArgs {
    /** Deliver APPLICATION_LOGS into log groups with the profile's retention (customer-managed key where the profile says). @default true */
    logs?: boolean;
    /** Deliver TRACES to X-Ray. Enable `TransactionSearch` once per account and region to search them. @default true */
    traces?: boolean;
    /**
     * Also deliver the TRACES of custom browsers and code interpreters in the environment (with `traces`).
     * Off by default: the configure page's SDK section says "delivery sources and destinations for
     * tracing are only applicable for memory and gateway resources", while its "To configure tracing
     * for built-in tools" section enables tool tracing only with a console toggle
     * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/observability-configure.html).
     * Their APPLICATION_LOGS and USAGE_LOGS are delivered either way. The account's trace delivery
     * policy (`TraceDeliveryPolicy`) admits the tool ARNs; the stack that owns it must be deployed first.
     * @default false
     */
    toolTraces?: boolean;
    /**
     * The X-Ray resource policy admitting trace delivery: `"existing"` relies on the
     * account's one policy (created by `TransactionSearch` in one stack per account
     * and region); `"create"` creates it in this environment (one per account only).
     * @default "existing"
     */
    traceDeliveryPolicy?: "existing" | "create";
    /** Create the CloudWatch dashboard. @default the profile's `dashboardAndAlarms` (prod: on) */
    dashboard?: boolean;
    /** Alarms on errors, throttles, latency and sessions: `true` for the default thresholds, an object for others, `false` for none. @default the profile's `dashboardAndAlarms` (prod: on) */
    alarms?: boolean | AlarmThresholds;
    /** Where alarms notify. @default none */
    alarmTopic?: AlarmTopic;
    /**
     * Invoke the endpoint callers use after each deployment that changes its version
     * or the payload, and fail the update when the answer does not meet `expect`.
     * With `traceTimeoutSeconds` (300-900: AWS allows 2-5 minutes for spans to be
     * ingested), also wait for the session's trace in Transaction Search (`aws/spans`)
     * and fail when none arrives in time.
     * @default none (opt-in; needs `@aws-sdk/client-bedrock-agentcore`, and `@aws-sdk/client-cloudwatch-logs` for the trace check)
     */
    smokeTest?: { payload: string; expect: SmokeExpectation; traceTimeoutSeconds?: number };
}

/**
 * Resolves the environment's observability section into {@link AgentObservability}
 * arguments with the profile's defaults; `resources` are the environment's memory, custom tools
 * and gateway, whose logs and traces are delivered beside the runtime's.
 */
export function environmentObservability(
    section: EnvironmentObservabilityArgs,
    profile: EnvironmentProfile,
    runtime: MetricsTarget,
    resources: ObservedResource[],
    tags: Record<string, string>,
): AgentObservabilityArgs {
    const alarms = section.alarms ?? profile.dashboardAndAlarms;
    return {
        runtime,
        resources,
        logs: section.logs,
        traces: section.traces,
        toolTraces: section.toolTraces,
        traceDeliveryPolicy: section.traceDeliveryPolicy,
        logRetentionDays: profile.logRetentionDays,
        customerManagedKey: profile.customerManagedKeys,
        protectData: profile.protectData,
        dashboard: section.dashboard ?? profile.dashboardAndAlarms,
        alarms: alarms === true ? {} : alarms === false ? undefined : alarms,
        alarmTopic: section.alarmTopic,
        tags,
    };
}
