import * as pulumi from "@pulumi/pulumi";

/** The AgentCore resource kinds that deliver logs and traces (what each delivers: `DOCUMENTED_DELIVERY` in logTypes.ts). */
export type ObservedKind = "runtime" | "memory" | "gateway" | "browser" | "codeInterpreter";

/** One AgentCore resource whose logs and traces are delivered. */
export interface ObservedResource {
    /** What the resource is; part of its log group path and delivery names. */
    kind: ObservedKind;
    /** The resource's AgentCore name (unique per kind, account and region); names its log group and deliveries. */
    name: string;
    /** ARN of the resource. */
    arn: pulumi.Input<string>;
}

/** A policy engine whose metrics the dashboard graphs (AgentCore documents no log delivery for policy engines). */
export interface ObservedPolicyEngine {
    /** The engine's name in this package (titles its graphs). */
    name: string;
    /** The engine's id: the value of the `PolicyEngine` metric dimension. */
    id: pulumi.Input<string>;
}

/** Where alarm notifications go. */
export type AlarmTopic =
    | {
          /** Create an SNS topic encrypted with a customer-managed key CloudWatch may use. */
          type: "create";
      }
    | {
          /** Publish to a topic that exists already (its encryption key must admit `cloudwatch.amazonaws.com`). */
          type: "existing";
          /** ARN of the topic. */
          arn: pulumi.Input<string>;
      };

/** When the runtime's alarms fire; every threshold must be positive. */
export interface AlarmThresholds {
    /** Server-side errors (`SystemErrors`, Sum) per period that raise the alarm. @default 1 */
    systemErrors?: number;
    /** Throttled invocations (`Throttles`, Sum) per period. @default 1 */
    throttles?: number;
    /** 99th percentile of `Latency` in milliseconds. @default 30000 */
    latencyP99Ms?: number;
    /** New sessions (`SessionCount`, Sum) per period: unusual load or a runaway caller. @default 500 */
    sessions?: number;
    /** Length of one evaluation period in seconds (a multiple of 60). @default 300 */
    periodSeconds?: number;
}
