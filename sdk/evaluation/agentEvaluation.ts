import * as pulumi from "@pulumi/pulumi";
import { AgentcoreEvaluator, AgentcoreEvaluatorArgs } from "@pulumi/aws/bedrock/agentcoreEvaluator";
import { AgentcoreOnlineEvaluationConfig } from "@pulumi/aws/bedrock/agentcoreOnlineEvaluationConfig";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { AwsContext, agentCoreArnPattern, arn, awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { PolicyStatement, agentCoreTrustPolicy, allow, policyDocument } from "../iam/grants";
import { modelResourceArns } from "../runtime/models";
import { Problems } from "../validation";
import * as perms from "./perms";
import { CustomEvaluatorSpec, EvaluatedVariant, EvaluationSection } from "./types";
import { checkEvaluationSection, onlineEvaluationName, resolveEvaluation } from "./validate";

/** Arguments of {@link AgentEvaluation}. */
export interface AgentEvaluationArgs extends EvaluationSection {
    /** The endpoints scored, one online evaluation configuration each (a canary's stable and candidate side by side). */
    variants: EvaluatedVariant[];
    /** Tags for every resource that takes tags. */
    tags?: Record<string, string>;
}

/** The log group AgentCore writes a runtime endpoint's logs and spans to (as the AWS CDK's `DataSourceConfig.fromAgentRuntimeEndpoint` derives it). */
export function endpointLogGroup(runtimeId: pulumi.Input<string>, endpointName: string): pulumi.Output<string> {
    return pulumi.interpolate`/aws/bedrock-agentcore/runtimes/${runtimeId}-${endpointName}`;
}

/** The service name AgentCore gives a runtime endpoint's traces: `<runtime name>.<endpoint name>` (AWS CDK `CloudWatchLogsDataSourceConfig`). */
export function endpointServiceName(runtimeName: string, endpointName: string): string {
    return `${runtimeName}.${endpointName}`;
}

/**
 * Online evaluation of live traffic: custom evaluators (LLM-as-a-judge or a Lambda),
 * one least-privilege execution role, and one online evaluation configuration per
 * scored endpoint, named `<runtime>_<endpoint>_eval` so a dashboard shows a canary's
 * variants side by side. Needs CloudWatch Transaction Search in the account and region.
 */
export class AgentEvaluation extends pulumi.ComponentResource {
    /** Custom evaluators by name. */
    readonly evaluators: Record<string, AgentcoreEvaluator> = {};
    /** Online evaluation configurations by variant. */
    readonly configs: Record<string, AgentcoreOnlineEvaluationConfig> = {};
    /** The execution role AgentCore assumes to read traces and write results. */
    readonly role: Role;
    /** Physical names of the online evaluation configurations by variant. */
    readonly configNames: Record<string, string> = {};
    /** The evaluator ids scored (built-in ids and custom names), in order. */
    readonly evaluatorIds: string[];

    constructor(name: string, args: AgentEvaluationArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentEvaluation`, name, {}, opts);
        for (const v of args.variants) {
            this.configNames[v.variant] = onlineEvaluationName(v.runtimeName, v.endpointName);
        }
        const problems = new Problems();
        checkEvaluationSection(problems, args, undefined, "an AgentEvaluation without an environment profile", Object.values(this.configNames), "");
        problems.throwIfAny(`AgentEvaluation ${name}`);
        const resolved = resolveEvaluation(args, undefined);
        this.evaluatorIds = resolved.evaluators;
        const ctx = awsContext(this);

        for (const spec of args.customEvaluators ?? []) {
            this.evaluators[spec.name] = new AgentcoreEvaluator(`${name}-${spec.name}`, evaluatorInputs(spec, args.tags), { parent: this });
        }
        this.role = new Role(
            `${name}-role`,
            {
                // Only this evaluation's configurations (ids are `<name>-<10 characters>`, API model OnlineEvaluationConfigId).
                assumeRolePolicy: pulumi.jsonStringify(
                    agentCoreTrustPolicy(
                        "AssumedByAgentCoreEvaluations",
                        ctx.accountId,
                        Object.values(this.configNames).map((n) => agentCoreArnPattern(ctx, "online-evaluation-config", n)),
                    ),
                ),
                description: `Online evaluation execution role of ${[...new Set(args.variants.map((v) => v.runtimeName))].join(", ")}`,
                tags: args.tags,
            },
            { parent: this },
        );
        const policy = new RolePolicy(
            `${name}-policy`,
            { role: this.role.id, name: "online-evaluation", policy: pulumi.jsonStringify(policyDocument(evaluationStatements(ctx, args))) },
            { parent: this },
        );
        const waitFor: pulumi.Resource[] = [policy, ...(typeof args.transactionSearch === "object" ? [args.transactionSearch] : [])];
        for (const v of args.variants) {
            this.configs[v.variant] = new AgentcoreOnlineEvaluationConfig(
                `${name}-${v.variant}`,
                {
                    onlineEvaluationConfigName: this.configNames[v.variant],
                    description: `Scores ${resolved.samplingPercentage}% of the traces of ${v.runtimeName} endpoint ${v.endpointName} (${v.variant})`,
                    dataSourceConfig: { cloudwatchLogs: { logGroupNames: [endpointLogGroup(v.runtimeId, v.endpointName)], serviceNames: [endpointServiceName(v.runtimeName, v.endpointName)] } },
                    evaluators: resolved.evaluators.map((id) => ({ evaluatorId: this.evaluators[id]?.evaluatorId ?? id })),
                    rule: {
                        samplingConfig: { samplingPercentage: resolved.samplingPercentage! },
                        sessionConfig: args.sessionTimeoutMinutes === undefined ? undefined : { sessionTimeoutMinutes: args.sessionTimeoutMinutes },
                    },
                    enableOnCreate: true,
                    evaluationExecutionRoleArn: this.role.arn,
                    tags: args.tags,
                },
                { parent: this, dependsOn: [...waitFor, ...Object.values(this.evaluators)] },
            );
        }
        this.registerOutputs({ configNames: this.configNames });
    }
}

/** The execution role's statements: read the scored endpoints' logs and spans, write results and scores, call the judges. */
function evaluationStatements(ctx: AwsContext, args: AgentEvaluationArgs): pulumi.Input<PolicyStatement>[] {
    const logGroup = (group: pulumi.Input<string>) => arn(ctx, "logs", pulumi.interpolate`log-group:${group}`);
    // Every endpoint of the scored runtimes (the same document before, during and after a canary) and Transaction Search's spans.
    const runtimeIds = [...new Set(args.variants.map((v) => v.runtimeId))];
    const sources = [...runtimeIds.map((id) => endpointLogGroup(id, "*")), pulumi.output(perms.SPANS_LOG_GROUP)];
    const results = arn(ctx, "logs", `log-group:${perms.RESULTS_LOG_GROUP_PREFIX}*`);
    const statements: pulumi.Input<PolicyStatement>[] = [
        allow("ReadScoredTraces", perms.LOGS_READ, sources.flatMap((g) => [logGroup(g), pulumi.interpolate`${logGroup(g)}:log-stream:*`])),
        allow("ListLogGroups", perms.LOGS_DESCRIBE_GROUPS, [arn(ctx, "logs", "log-group:*")]),
        allow("WriteEvaluationResults", perms.RESULTS_WRITE, [results, pulumi.interpolate`${results}:log-stream:*`]),
        allow("PublishEvaluationScores", perms.METRICS_WRITE, ["*"], { StringEquals: { "cloudwatch:namespace": perms.EVALUATION_NAMESPACE } }),
    ];
    const custom = args.customEvaluators ?? [];
    const judges = [...new Set(custom.flatMap((s) => (s.llmAsAJudge ? [s.llmAsAJudge.modelId] : [])))];
    if (judges.length > 0) {
        statements.push(allow("InvokeJudgeModels", perms.JUDGE_INVOKE, judges.flatMap((m) => modelResourceArns(ctx, m))));
    }
    const functions = custom.flatMap((s) => (s.codeBased ? [s.codeBased.lambdaArn] : []));
    if (functions.length > 0) {
        statements.push(allow("InvokeCodeEvaluators", perms.CODE_EVALUATOR_INVOKE, functions));
    }
    return statements;
}

/** Maps one custom evaluator spec onto the provider's evaluator inputs. */
function evaluatorInputs(spec: CustomEvaluatorSpec, tags: Record<string, string> | undefined): AgentcoreEvaluatorArgs {
    const base = { evaluatorName: spec.name, level: spec.level, description: spec.description, tags };
    if (spec.codeBased) {
        return { ...base, evaluatorConfig: { codeBased: { lambdaConfig: { lambdaArn: spec.codeBased.lambdaArn, lambdaTimeoutInSeconds: spec.codeBased.timeoutSeconds } } } };
    }
    const judge = spec.llmAsAJudge!;
    return {
        ...base,
        evaluatorConfig: {
            llmAsAJudge: {
                instructions: judge.instructions,
                modelConfig: { bedrockEvaluatorModelConfig: { modelId: judge.modelId } },
                ratingScale: "numerical" in judge.ratingScale ? { numericals: judge.ratingScale.numerical } : { categoricals: judge.ratingScale.categorical },
            },
        },
    };
}
