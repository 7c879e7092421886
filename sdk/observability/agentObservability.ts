import * as pulumi from "@pulumi/pulumi";
import { Dashboard } from "@pulumi/aws/cloudwatch/dashboard";
import { LogDelivery } from "@pulumi/aws/cloudwatch/logDelivery";
import { LogDeliveryDestination } from "@pulumi/aws/cloudwatch/logDeliveryDestination";
import { LogDeliverySource } from "@pulumi/aws/cloudwatch/logDeliverySource";
import { LogGroup } from "@pulumi/aws/cloudwatch/logGroup";
import { LogResourcePolicy } from "@pulumi/aws/cloudwatch/logResourcePolicy";
import { MetricAlarm } from "@pulumi/aws/cloudwatch/metricAlarm";
import { Topic } from "@pulumi/aws/sns/topic";
import { AwsContext, arn, awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { PolicyStatement, policyDocument } from "../iam/grants";
import { CustomerManagedKey } from "../kms/customerManagedKey";
import { Problems } from "../validation";
import { AGENTCORE_NAMESPACE, MetricsTarget, RUNTIME_METRICS, dashboardBody, runtimeDimensions } from "./metrics";
import * as perms from "./perms";
import { TraceDeliveryPolicy } from "./traceDeliveryPolicy";
import { DOCUMENTED_DELIVERY, VendedLogType } from "./logTypes";
import { AlarmThresholds, AlarmTopic, ObservedKind, ObservedPolicyEngine, ObservedResource } from "./types";
import { checkDeliveryName, checkNamePrefix, checkPeriod, checkPositive, checkRetention } from "./validate";

/** Arguments of {@link AgentObservability}. */
export interface AgentObservabilityArgs {
    /** The runtime: its logs and traces are delivered, and the dashboard and alarms watch the endpoint named here. */
    runtime: MetricsTarget;
    /** Further AgentCore resources (memory, gateway, custom browser, custom code interpreter) whose logs and traces are delivered, and whose metrics the dashboard graphs. @default [] */
    resources?: ObservedResource[];
    /** Policy engines whose decision metrics the dashboard graphs (AgentCore documents no log delivery for them; their spans come with the gateway's traces). @default [] */
    policyEngines?: ObservedPolicyEngine[];
    /**
     * Prefix of the physical names of the dashboard, alarms, alarm topic, X-Ray
     * policy and trace destination (`[A-Za-z0-9_-]{1,48}`); must be unique per
     * account and region.
     * @default the runtime's AgentCore name
     */
    namePrefix?: string;
    /** Deliver each resource's documented log types (`DOCUMENTED_DELIVERY`: APPLICATION_LOGS, and USAGE_LOGS of the runtime and custom tools) each into a log group of its own. @default true */
    logs?: boolean;
    /** Deliver the TRACES of the runtime, memory and gateway (and, with `toolTraces`, of custom tools) to X-Ray (searchable once Transaction Search is on, see `TransactionSearch`). @default true */
    traces?: boolean;
    /**
     * Also deliver the TRACES of custom browsers and code interpreters in `resources` (with `traces`).
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
     * The X-Ray resource policy that admits the trace deliveries. `"existing"`: the
     * account's one policy for every AgentCore resource, created once per account
     * and region by `TransactionSearch` (or `TraceDeliveryPolicy`) in another stack;
     * this component creates none (X-Ray allows 5 resource policies per account, so
     * one per agent fails at the 6th). `"create"`: this component creates that
     * account-level policy itself (one stack per account and region only).
     * @default "existing"
     */
    traceDeliveryPolicy?: "existing" | "create";
    /** Days the log groups keep events; one of the values CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653). @default 30 */
    logRetentionDays?: number;
    /** Encrypt the log groups with a customer-managed KMS key of this component. @default false */
    customerManagedKey?: boolean;
    /**
     * Encrypt the log groups with this existing customer-managed key instead of one of this
     * component's (an `AgentPlatform`'s shared logs key, whose policy admits CloudWatch Logs
     * for every AgentCore vended log group of the account and region). Implies `customerManagedKey`.
     * @default none
     */
    logsKeyArn?: pulumi.Input<string>;
    /** Protect log groups and the key from deletion (`protect` and retain on delete): set for prod. @default false */
    protectData?: boolean;
    /** Create a CloudWatch dashboard of the runtime endpoint's invocations, sessions, errors, throttles and latency, and of the other resources' and policy engines' metrics. @default false */
    dashboard?: boolean;
    /** Create alarms on errors, throttles, latency and sessions with these thresholds; omit for no alarms. @default none */
    alarms?: AlarmThresholds;
    /** Where alarms notify (only with `alarms`). @default none (alarms change state without notifying) */
    alarmTopic?: AlarmTopic;
    /** Tags for every resource that takes tags. */
    tags?: Record<string, string>;
}

/**
 * The kinds that emit USAGE_LOGS (a valid AgentCore log type per CloudWatch's
 * `LogDeliveryParameters`, https://docs.aws.amazon.com/cloudwatch/latest/observabilityadmin/API_LogDeliveryParameters.html):
 * those whose documented log types include them (`DOCUMENTED_DELIVERY`, logTypes.ts).
 */
export const USAGE_LOG_KINDS: readonly ObservedKind[] = (Object.keys(DOCUMENTED_DELIVERY) as ObservedKind[]).filter((k) => DOCUMENTED_DELIVERY[k].logTypes.includes("USAGE_LOGS"));

/** Prefix of every log group this package delivers AgentCore vended logs into. */
export const VENDED_LOG_GROUP_PREFIX = "/aws/vendedlogs/bedrock-agentcore/";

/** The log group a resource's logs of one type are delivered to, under the `/aws/vendedlogs/` prefix AWS recommends for vended logs. */
export function logGroupName(resource: ObservedResource, logType: VendedLogType = "APPLICATION_LOGS"): string {
    return `${VENDED_LOG_GROUP_PREFIX}${DOCUMENTED_DELIVERY[resource.kind].pathSegment}/${logType}/${resource.name}`;
}

/** The physical name of a resource's delivery source and destination of one log type. */
export function deliveryName(resource: ObservedResource, stream: "logs" | "traces" | "usage"): string {
    return `${DOCUMENTED_DELIVERY[resource.kind].code}-${resource.name}-${stream}`;
}

/** The vended log types delivered for a resource: those AWS documents for its kind. */
function vendedLogTypes(resource: ObservedResource): VendedLogType[] {
    return [...DOCUMENTED_DELIVERY[resource.kind].logTypes];
}

interface AlarmSpec {
    key: string;
    metricName: string;
    statistic: { statistic: string } | { extendedStatistic: string };
    threshold: number;
    description: string;
}

/**
 * Per-agent observability: the documented log types of the runtime (and of any memory,
 * gateway, custom browser or custom code interpreter, docs/observability.md) delivered into log groups with the environment's retention (encrypted
 * with a customer-managed key when asked), TRACES delivered to X-Ray, and
 * optionally a dashboard and alarms on the runtime endpoint's AgentCore metrics
 * with an encrypted SNS topic for notifications. Account-wide Transaction Search
 * is separate: see {@link TransactionSearch}.
 */
export class AgentObservability extends pulumi.ComponentResource {
    /** Log group names by resource name. */
    readonly logGroups: Record<string, LogGroup> = {};
    /** Log deliveries (APPLICATION_LOGS) by resource name. */
    readonly logDeliveries: Record<string, LogDelivery> = {};
    /** USAGE_LOGS log groups by resource name (the kinds in {@link USAGE_LOG_KINDS}). */
    readonly usageLogGroups: Record<string, LogGroup> = {};
    /** USAGE_LOGS deliveries by resource name. */
    readonly usageLogDeliveries: Record<string, LogDelivery> = {};
    /** Trace deliveries (TRACES) by resource name. */
    readonly traceDeliveries: Record<string, LogDelivery> = {};
    /** The delivery created last (deliveries are created one at a time, see `previousDelivery`). */
    private lastDelivery?: LogDelivery;
    /** Alarms by key (`system-errors`, `throttles`, `latency-p99`, `sessions`). */
    readonly alarms: Record<string, MetricAlarm> = {};
    /** The key of the log groups and the alarm topic, when one is needed. */
    readonly key?: CustomerManagedKey;
    /** The dashboard, when asked for. */
    readonly dashboard?: Dashboard;
    /** The account-level trace delivery policy, when `traceDeliveryPolicy` is `"create"`. */
    readonly traceDeliveryPolicy?: TraceDeliveryPolicy;
    /** ARN of the topic alarms notify, when there is one. */
    readonly alarmTopicArn?: pulumi.Output<string>;

    constructor(name: string, args: AgentObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentObservability`, name, {}, opts);
        const prefix = args.namePrefix ?? args.runtime.runtimeName;
        const observed: ObservedResource[] = [{ kind: "runtime", name: args.runtime.runtimeName, arn: args.runtime.runtimeArn }, ...(args.resources ?? [])];
        const logs = args.logs ?? true;
        const traces = args.traces ?? true;
        const retention = args.logRetentionDays ?? 30;
        const protect = args.protectData ?? false;
        const problems = new Problems();
        checkObservabilityArgs(problems, args);
        problems.throwIfAny(`AgentObservability ${name}`);

        const ctx = awsContext(this);
        const sharedLogsKey = args.logsKeyArn;
        const encryptLogs = logs && (args.customerManagedKey === true || sharedLogsKey !== undefined);
        const ownLogsKey = encryptLogs && sharedLogsKey === undefined;
        const createTopic = args.alarms !== undefined && args.alarmTopic?.type === "create";
        if (ownLogsKey || createTopic) {
            this.key = new CustomerManagedKey(
                `${name}-key`,
                {
                    purpose: `observability data of ${prefix} (${[ownLogsKey ? "log groups" : "", createTopic ? "alarm topic" : ""].filter(Boolean).join(", ")})`,
                    serviceStatements: (keyCtx) => [
                        ...(ownLogsKey ? [logsKeyStatement(keyCtx, observed.flatMap((r) => vendedLogTypes(r).map((t) => logGroupName(r, t)))), deliveryKeyStatement(keyCtx)] : []),
                        ...(createTopic ? [alarmTopicKeyStatement()] : []),
                    ],
                    protectFromDeletion: protect,
                    tags: args.tags,
                },
                { parent: this },
            );
        }
        if (logs) {
            for (const resource of observed) {
                for (const logType of vendedLogTypes(resource)) {
                    this.deliverLogs(name, ctx, resource, logType, retention, encryptLogs ? (sharedLogsKey ?? this.key!.arn) : undefined, protect, args.tags);
                }
            }
        }
        if (traces) {
            if (args.traceDeliveryPolicy === "create") {
                this.traceDeliveryPolicy = new TraceDeliveryPolicy(`${name}-trace-delivery`, {}, { parent: this });
            }
            this.deliverTraces(name, prefix, observed.filter((r) => !DOCUMENTED_DELIVERY[r.kind].tracesOptIn || args.toolTraces === true), this.traceDeliveryPolicy, args.tags);
        }
        if (args.dashboard) {
            this.dashboard = new Dashboard(
                `${name}-dashboard`,
                { dashboardName: `agentcore-${prefix}`, dashboardBody: dashboardBody(args.runtime, ctx.region, args.resources ?? [], args.policyEngines ?? []) },
                { parent: this },
            );
        }
        if (args.alarms) {
            this.alarmTopicArn = resolveAlarmTopic(name, this, prefix, args.alarmTopic, this.key, args.tags);
            this.createAlarms(name, prefix, args.runtime, args.alarms, this.alarmTopicArn, args.tags);
        }

        this.registerOutputs({
            logGroupNames: Object.fromEntries(Object.entries(this.logGroups).map(([k, g]) => [k, g.name])),
            dashboardName: this.dashboard?.dashboardName,
            alarmTopicArn: this.alarmTopicArn,
        });
    }

    /**
     * Log group, its resource policy for vended delivery, the CWL delivery source, destination and delivery of one resource and log type.
     * A delivery source is put and deleted by name, and a new `resourceArn` (the resource was replaced) replaces it:
     * created first, the new source would overwrite the old one and the old one's deletion would remove it, so sources
     * are deleted before they are replaced (`deleteBeforeReplace`; docs/replacements.md).
     */
    private deliverLogs(
        name: string,
        ctx: AwsContext,
        resource: ObservedResource,
        logType: VendedLogType,
        retention: number,
        keyArn: pulumi.Input<string> | undefined,
        protect: boolean,
        tags: Record<string, string> | undefined,
    ): void {
        // APPLICATION_LOGS keep the child names they always had; USAGE_LOGS children say "usage".
        const base = logType === "APPLICATION_LOGS" ? `${name}-${resource.name}` : `${name}-${resource.name}-usage`;
        const stream = logType === "APPLICATION_LOGS" ? "logs" : "usage";
        const group = new LogGroup(
            `${base}-log-group`,
            { name: logGroupName(resource, logType), retentionInDays: retention, kmsKeyId: keyArn, tags },
            { parent: this, protect, retainOnDelete: protect },
        );
        const policy = new LogResourcePolicy(
            `${base}-log-policy`,
            {
                resourceArn: group.arn,
                policyDocument: pulumi.jsonStringify(
                    policyDocument([
                        {
                            Sid: "VendedLogDelivery",
                            Effect: "Allow",
                            Principal: { Service: perms.LOG_DELIVERY_PRINCIPAL },
                            Action: perms.LOG_DELIVERY_WRITE,
                            Resource: [pulumi.interpolate`${group.arn}:log-stream:*`],
                            Condition: { StringEquals: { "aws:SourceAccount": ctx.accountId }, ArnLike: { "aws:SourceArn": arn(ctx, "logs", "*") } },
                        },
                    ]),
                ),
            },
            { parent: this },
        );
        const source = new LogDeliverySource(
            `${base}-log-source`,
            { name: deliveryName(resource, stream), logType, resourceArn: resource.arn, tags },
            { parent: this, deleteBeforeReplace: true },
        );
        const destination = new LogDeliveryDestination(
            `${base}-log-destination`,
            { name: deliveryName(resource, stream), deliveryDestinationConfiguration: { destinationResourceArn: group.arn }, tags },
            { parent: this },
        );
        const delivery = new LogDelivery(
            `${base}-log-delivery`,
            { deliverySourceName: source.name, deliveryDestinationArn: destination.arn, tags },
            { parent: this, dependsOn: [policy, ...this.previousDelivery()] },
        );
        (logType === "USAGE_LOGS" ? this.usageLogGroups : this.logGroups)[resource.name] = group;
        (logType === "USAGE_LOGS" ? this.usageLogDeliveries : this.logDeliveries)[resource.name] = delivery;
        this.lastDelivery = delivery;
    }

    /**
     * The delivery created last, for the next one to depend on: CloudWatch Logs answers
     * concurrent `CreateDelivery` calls on one source or destination with ConflictException
     * ("Requested resource is currently being updated"), so this component creates its
     * deliveries one after another
     * (https://github.com/hashicorp/terraform-provider-aws/issues/42194; a later provider
     * retries it: pull request 48158, not confirmed to be in the provider @pulumi/aws bridges).
     */
    private previousDelivery(): LogDelivery[] {
        return this.lastDelivery ? [this.lastDelivery] : [];
    }

    /** One X-Ray destination (after the account-level policy, when this component creates it) and a TRACES source and delivery per resource. */
    private deliverTraces(name: string, prefix: string, observed: ObservedResource[], policy: TraceDeliveryPolicy | undefined, tags: Record<string, string> | undefined): void {
        const destination = new LogDeliveryDestination(
            `${name}-trace-destination`,
            { name: `${prefix}-xray`, deliveryDestinationType: "XRAY", tags },
            { parent: this, dependsOn: policy ? [policy] : [] },
        );
        for (const resource of observed.filter((r) => DOCUMENTED_DELIVERY[r.kind].traces)) {
            const base = `${name}-${resource.name}`;
            const source = new LogDeliverySource(
                `${base}-trace-source`,
                { name: deliveryName(resource, "traces"), logType: "TRACES", resourceArn: resource.arn, tags },
                { parent: this, deleteBeforeReplace: true },
            );
            this.traceDeliveries[resource.name] = new LogDelivery(
                `${base}-trace-delivery`,
                { deliverySourceName: source.name, deliveryDestinationArn: destination.arn, tags },
                { parent: this, dependsOn: this.previousDelivery() },
            );
            this.lastDelivery = this.traceDeliveries[resource.name];
        }
    }

    /** One alarm per concern on the runtime endpoint's dimensions, notifying the topic on alarm and on recovery. */
    private createAlarms(
        name: string,
        prefix: string,
        runtime: MetricsTarget,
        thresholds: AlarmThresholds,
        topicArn: pulumi.Output<string> | undefined,
        tags: Record<string, string> | undefined,
    ): void {
        const specs: AlarmSpec[] = [
            { key: "system-errors", metricName: RUNTIME_METRICS.systemErrors, statistic: { statistic: "Sum" }, threshold: thresholds.systemErrors ?? 1, description: "server-side errors" },
            { key: "throttles", metricName: RUNTIME_METRICS.throttles, statistic: { statistic: "Sum" }, threshold: thresholds.throttles ?? 1, description: "throttled invocations" },
            { key: "latency-p99", metricName: RUNTIME_METRICS.latency, statistic: { extendedStatistic: "p99" }, threshold: thresholds.latencyP99Ms ?? 30000, description: "p99 latency (ms)" },
            { key: "sessions", metricName: RUNTIME_METRICS.sessions, statistic: { statistic: "Sum" }, threshold: thresholds.sessions ?? 500, description: "new sessions" },
        ];
        const actions = topicArn ? [topicArn] : [];
        for (const spec of specs) {
            this.alarms[spec.key] = new MetricAlarm(
                `${name}-${spec.key}-alarm`,
                {
                    name: `agentcore-${prefix}-${spec.key}`,
                    alarmDescription: `AgentCore runtime ${runtime.runtimeName} (endpoint ${runtime.endpointName}): ${spec.description} at or above ${spec.threshold}`,
                    namespace: AGENTCORE_NAMESPACE,
                    metricName: spec.metricName,
                    dimensions: runtimeDimensions(runtime),
                    ...spec.statistic,
                    period: thresholds.periodSeconds ?? 300,
                    evaluationPeriods: 1,
                    threshold: spec.threshold,
                    comparisonOperator: "GreaterThanOrEqualToThreshold",
                    treatMissingData: "notBreaching",
                    alarmActions: actions,
                    okActions: actions,
                    tags,
                },
                { parent: this },
            );
        }
    }
}

/** The topic alarms notify: a new one encrypted with the component's key, an existing one, or none. */
function resolveAlarmTopic(
    name: string,
    parent: pulumi.Resource,
    prefix: string,
    topic: AlarmTopic | undefined,
    key: CustomerManagedKey | undefined,
    tags: Record<string, string> | undefined,
): pulumi.Output<string> | undefined {
    if (topic?.type === "existing") {
        return pulumi.output(topic.arn);
    }
    if (topic?.type === "create") {
        return new Topic(`${name}-alarm-topic`, { name: `agentcore-${prefix}-alarms`, kmsMasterKeyId: key?.arn, tags }, { parent }).arn;
    }
    return undefined;
}

/** CloudWatch Logs of this region may use the key only for these log groups (encryption context `aws:logs:arn`). */
function logsKeyStatement(ctx: AwsContext, groupNames: string[]): pulumi.Input<PolicyStatement> {
    return logsServiceKeyStatement(ctx, "CloudWatchLogsEncryptsAgentLogGroups", { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": groupNames.map((g) => arn(ctx, "logs", `log-group:${g}`)) } });
}

/** CloudWatch Logs of this region may use the key for the log groups the condition names (encryption context `aws:logs:arn`). */
function logsServiceKeyStatement(ctx: AwsContext, sid: string, condition: Record<string, unknown>): pulumi.Input<PolicyStatement> {
    return { Sid: sid, Effect: "Allow", Principal: { Service: pulumi.interpolate`logs.${ctx.region}.amazonaws.com` }, Action: perms.LOGS_KEY_USE, Resource: "*", Condition: condition };
}

/**
 * Key policy statements of a logs key shared by every agent stack of an account and
 * region (`AgentPlatform`): CloudWatch Logs may use it for any AgentCore vended log
 * group (`/aws/vendedlogs/bedrock-agentcore/*`, matched with `ArnLike`), and vended
 * delivery of this account's sources may write into them.
 */
export function sharedLogsKeyStatements(ctx: AwsContext): pulumi.Input<PolicyStatement>[] {
    return [
        logsServiceKeyStatement(ctx, "CloudWatchLogsEncryptsAgentCoreLogGroups", {
            ArnLike: { "kms:EncryptionContext:aws:logs:arn": arn(ctx, "logs", `log-group:${VENDED_LOG_GROUP_PREFIX}*`) },
        }),
        deliveryKeyStatement(ctx),
    ];
}

/**
 * Vended log delivery of this account's delivery sources may use the key to write
 * into the encrypted log groups. AWS documents this grant for vended delivery into
 * encrypted destinations (CloudWatch Logs "Enabling logging from AWS services",
 * S3 with SSE-KMS; AWS MDAA's vended log delivery construct asks it for encrypted log
 * groups); not confirmed for log-group destinations on an AWS page.
 */
function deliveryKeyStatement(ctx: AwsContext): pulumi.Input<PolicyStatement> {
    return {
        Sid: "VendedLogDeliveryUsesKey",
        Effect: "Allow",
        Principal: { Service: perms.LOG_DELIVERY_PRINCIPAL },
        Action: perms.LOG_DELIVERY_KEY_USE,
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": ctx.accountId }, ArnLike: { "aws:SourceArn": arn(ctx, "logs", "delivery-source:*") } },
    };
}

/** CloudWatch may publish alarm notifications to the topic encrypted with the key (the statement AWS documents for encrypted alarm topics). */
function alarmTopicKeyStatement(): pulumi.Input<PolicyStatement> {
    return {
        Sid: "CloudWatchPublishesAlarmsToEncryptedTopic",
        Effect: "Allow",
        Principal: { Service: perms.CLOUDWATCH_PRINCIPAL },
        Action: perms.ALARM_TOPIC_KEY_USE,
        Resource: "*",
    };
}

/**
 * Checks every argument that would fail at deploy time, recording all problems;
 * `prefix` is the argument path of these args in the caller's args ("" or
 * "observability.").
 */
export function checkObservabilityArgs(problems: Problems, args: AgentObservabilityArgs, prefix = ""): void {
    const at = (field: string) => `${prefix}${field}`;
    const observed: ObservedResource[] = [{ kind: "runtime", name: args.runtime.runtimeName, arn: args.runtime.runtimeArn }, ...(args.resources ?? [])];
    checkNamePrefix(problems, at(args.namePrefix === undefined ? "runtime.runtimeName" : "namePrefix"), args.namePrefix ?? args.runtime.runtimeName);
    checkRetention(problems, at("logRetentionDays"), args.logRetentionDays ?? 30);
    if (args.traceDeliveryPolicy !== undefined && args.traceDeliveryPolicy !== "existing" && args.traceDeliveryPolicy !== "create") {
        problems.add(at("traceDeliveryPolicy"), args.traceDeliveryPolicy, 'must be "existing" (the account\'s policy, created by TransactionSearch in one stack) or "create"');
    } else if (args.traceDeliveryPolicy === "create" && args.traces === false) {
        problems.add(at("traceDeliveryPolicy"), "create", "is set but traces is false: the policy would admit no delivery of this component");
    }
    if (args.toolTraces === true && args.traces === false) {
        problems.add(at("toolTraces"), true, "is set but traces is false: no trace is delivered");
    }
    const seen = new Set<string>();
    observed.forEach((resource, i) => {
        const path = at(i === 0 ? "runtime.runtimeName" : `resources[${i - 1}].name`);
        if (!Object.prototype.hasOwnProperty.call(DOCUMENTED_DELIVERY, resource.kind)) {
            problems.add(at(`resources[${i - 1}].kind`), resource.kind, `must be one of ${Object.keys(DOCUMENTED_DELIVERY).join(", ")} (the kinds whose log delivery AWS documents)`);
            return;
        }
        if (seen.has(resource.name)) {
            problems.add(path, resource.name, "must be unique among the observed resources (it names their log groups and deliveries)");
        }
        seen.add(resource.name);
        checkDeliveryName(problems, path, resource.name, deliveryName(resource, "traces"));
    });
    const engines = new Set<string>();
    (args.policyEngines ?? []).forEach((engine, i) => {
        if (engines.has(engine.name)) {
            problems.add(at(`policyEngines[${i}].name`), engine.name, "must be unique among the policy engines (it titles their dashboard graphs)");
        }
        engines.add(engine.name);
    });
    if (args.alarms) {
        checkPositive(problems, at("alarms.systemErrors"), args.alarms.systemErrors);
        checkPositive(problems, at("alarms.throttles"), args.alarms.throttles);
        checkPositive(problems, at("alarms.latencyP99Ms"), args.alarms.latencyP99Ms);
        checkPositive(problems, at("alarms.sessions"), args.alarms.sessions);
        checkPeriod(problems, at("alarms.periodSeconds"), args.alarms.periodSeconds);
    } else if (args.alarmTopic) {
        problems.add(at("alarmTopic"), args.alarmTopic.type, "is set but alarms is not: nothing would notify the topic");
    }
}
