import { strict as assert } from "assert";
import * as path from "path";
import { AgentEnvironment, AgentEnvironmentArgs, AgentEvaluation, InputValidationError, TransactionSearch } from "../../sdk";
import { transactionSearchWarning, resolveDelivery } from "../../sdk/environment/delivery";
import { ENVIRONMENT_PROFILES } from "../../sdk";
import { ESTABLISHED, record as recordOnce, valueOf } from "../harness";

/** A stack deployed many times (runtime version 9), so every version the tests pin exists. */
const record = (program: () => unknown, stack?: string) => recordOnce(program, stack, undefined, ESTABLISHED);

const EVALUATOR = "aws:bedrock/agentcoreEvaluator:AgentcoreEvaluator";
const CONFIG = "aws:bedrock/agentcoreOnlineEvaluationConfig:AgentcoreOnlineEvaluationConfig";
const FN = "arn:aws:lambda:us-east-1:123456789012:function:score-tone";
const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-agent");
const VARIANT = { variant: "stable", runtimeName: "support_agent", runtimeId: "support_agent-AbCdEf1234", endpointName: "prod" };

const JUDGE = {
    name: "tone",
    level: "TRACE" as const,
    llmAsAJudge: {
        instructions: "Rate how polite the answer is.",
        modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
        ratingScale: { numerical: [{ value: 0, label: "rude", definition: "insults the user" }, { value: 1, label: "polite", definition: "courteous" }] },
    },
};
const CODE = { name: "format_check", level: "TRACE" as const, codeBased: { lambdaArn: FN, timeoutSeconds: 30 } };

describe("AgentEvaluation", () => {
    it("creates custom evaluators (LLM judge, Lambda) and references them by id next to built-ins", async () => {
        const reg = await record(
            () => new AgentEvaluation("eval", { variants: [VARIANT], evaluators: ["Builtin.Helpfulness", "tone", "format_check"], customEvaluators: [JUDGE, CODE], samplingPercentage: 20, sessionTimeoutMinutes: 30 }),
        );
        assert.deepEqual(
            reg.ofType(EVALUATOR).map((e) => [e.inputs.evaluatorName, e.inputs.level, e.inputs.evaluatorConfig]).sort((a, b) => String(b[0]).localeCompare(String(a[0]))),
            [
                ["tone", "TRACE", { llmAsAJudge: { instructions: JUDGE.llmAsAJudge.instructions, modelConfig: { bedrockEvaluatorModelConfig: { modelId: JUDGE.llmAsAJudge.modelId } }, ratingScale: { numericals: JUDGE.llmAsAJudge.ratingScale.numerical } } }],
                ["format_check", "TRACE", { codeBased: { lambdaConfig: { lambdaArn: FN, lambdaTimeoutInSeconds: 30 } } }],
            ],
        );
        const config = reg.one(CONFIG);
        assert.deepEqual(config.inputs.evaluators, [
            { evaluatorId: "Builtin.Helpfulness" },
            { evaluatorId: reg.one(EVALUATOR, "eval-tone").outputs.evaluatorId },
            { evaluatorId: reg.one(EVALUATOR, "eval-format_check").outputs.evaluatorId },
        ]);
        assert.deepEqual(config.inputs.rule, { samplingConfig: { samplingPercentage: 20 }, sessionConfig: { sessionTimeoutMinutes: 30 } });
        assert.equal(config.inputs.evaluationExecutionRoleArn, reg.one("aws:iam/role:Role").outputs.arn);
    });

    it("its role reads only the runtime's endpoint log groups and spans, writes results, publishes scores in its namespace, calls only its judges and functions", async () => {
        const reg = await record(() => new AgentEvaluation("eval", { variants: [VARIANT], evaluators: ["tone", "format_check"], customEvaluators: [JUDGE, CODE], samplingPercentage: 20 }));
        const policy = JSON.parse(reg.one("aws:iam/rolePolicy:RolePolicy").inputs.policy);
        const logs = "arn:aws:logs:us-east-1:123456789012";
        assert.deepEqual(policy.Statement, [
            {
                Sid: "ReadScoredTraces",
                Effect: "Allow",
                Action: ["logs:StartQuery", "logs:GetQueryResults", "logs:FilterLogEvents", "logs:GetLogEvents", "logs:DescribeLogStreams"],
                Resource: [
                    `${logs}:log-group:/aws/bedrock-agentcore/runtimes/support_agent-AbCdEf1234-*`,
                    `${logs}:log-group:/aws/bedrock-agentcore/runtimes/support_agent-AbCdEf1234-*:log-stream:*`,
                    `${logs}:log-group:aws/spans`,
                    `${logs}:log-group:aws/spans:log-stream:*`,
                ],
            },
            { Sid: "ListLogGroups", Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: [`${logs}:log-group:*`] },
            {
                Sid: "WriteEvaluationResults",
                Effect: "Allow",
                Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: [`${logs}:log-group:/aws/bedrock-agentcore/evaluations/results/*`, `${logs}:log-group:/aws/bedrock-agentcore/evaluations/results/*:log-stream:*`],
            },
            { Sid: "PublishEvaluationScores", Effect: "Allow", Action: ["cloudwatch:PutMetricData"], Resource: ["*"], Condition: { StringEquals: { "cloudwatch:namespace": "Bedrock-AgentCore/Evaluations" } } },
            {
                Sid: "InvokeJudgeModels",
                Effect: "Allow",
                Action: ["bedrock:InvokeModel"],
                Resource: [
                    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
                    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
                    "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
                    "arn:aws:bedrock:us-west-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
                    "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
                ],
            },
            { Sid: "InvokeCodeEvaluators", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [FN] },
        ]);
        const trust = JSON.parse(reg.one("aws:iam/role:Role").inputs.assumeRolePolicy);
        assert.deepEqual(trust.Statement[0].Condition, { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": ["arn:aws:bedrock-agentcore:us-east-1:123456789012:online-evaluation-config/support_agent_prod_eval-??????????"] } });
    });

    it("waits for this stack's Transaction Search", async () => {
        const reg = await record(() => {
            const search = new TransactionSearch("transaction-search", {});
            new AgentEvaluation("eval", { variants: [VARIANT], samplingPercentage: 5, transactionSearch: search });
        });
        // A dependency on a component is a dependency on each of its resources.
        // Its three resources (the account's trace delivery policy is a component of its own, not waited for).
        const children = reg.all.filter((r) => r.parent === "urn:pulumi:test::agentcore-test::agentcore:index:TransactionSearch::transaction-search" && !r.type.startsWith("agentcore:")).map((r) => r.urn);
        assert.equal(children.length, 3);
        assert.deepEqual(children.filter((u) => reg.one(CONFIG).options.dependsOn.includes(u)), children);
    });

    it("refuses bad custom evaluators, all at once, naming the field", async () => {
        let error: unknown;
        await record(() => {
            try {
                new AgentEvaluation("eval", {
                    variants: [VARIANT],
                    samplingPercentage: 0,
                    sessionTimeoutMinutes: 90,
                    evaluators: ["bad-name", "both"],
                    customEvaluators: [
                        { ...CODE, name: "bad-name", codeBased: { lambdaArn: "not-an-arn", timeoutSeconds: 400 } },
                        { ...JUDGE, name: "both", codeBased: { lambdaArn: FN }, llmAsAJudge: { ...JUDGE.llmAsAJudge, instructions: " ", ratingScale: { categorical: [] } } },
                    ],
                });
            } catch (e) {
                error = e;
            }
        });
        assert.ok(error instanceof InputValidationError);
        assert.deepEqual(error.problems, [
            "samplingPercentage 0 must be between 0.01 and 100 (bedrock-agentcore-control API model, shape SamplingConfigSamplingPercentageDouble)",
            "sessionTimeoutMinutes 90 must be at most 60 (the @pulumi/aws provider's limit for session_timeout_minutes)",
            'customEvaluators[0].name "bad-name" must match [a-zA-Z][a-zA-Z0-9_]{0,47} (bedrock-agentcore-control API model, shape Name)',
            'customEvaluators[0].codeBased.lambdaArn "not-an-arn" must match arn:(aws[a-zA-Z-]*)?:lambda:([a-z]{2}(-gov)?-[a-z]+-\\d{1}):(\\d{12}):function:([a-zA-Z0-9-_.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))? (bedrock-agentcore-control API model, shape LambdaFunctionArn)',
            "customEvaluators[0].codeBased.timeoutSeconds 400 must be between 1 and 300 (bedrock-agentcore-control API model, shape LambdaEvaluatorConfigLambdaTimeoutInSecondsInteger)",
            'customEvaluators[1] "both" must set one of llmAsAJudge and codeBased, not both',
            'customEvaluators[1].llmAsAJudge.instructions " " must say what the judge assesses',
            "customEvaluators[1].llmAsAJudge.ratingScale [] must hold at least one rating",
        ]);
    });
});

describe("AgentEnvironment evaluation and the promotion check's input", () => {
    const base: AgentEnvironmentArgs = {
        environment: "prod",
        image: { build: { context: SAMPLE } },
        network: { mode: "EXISTING_VPC", vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1"], securityGroupIds: ["sg-0123456789abcdef0"] },
        runtimeVersion: "3",
        previousVersion: "2",
        frontDoor: true,
    };

    it("exports the promotion check's input: runtime, evaluators, and per variant its endpoint, evaluation config and alarms", async () => {
        let env: AgentEnvironment | undefined;
        const reg = await record(() => (env = new AgentEnvironment("support-agent", { ...base, canary: { version: "4", weight: 20 }, evaluation: { evaluators: ["Builtin.Helpfulness"], transactionSearch: "account" } })));
        const alarms = (e: string) => ["system-errors", "latency-p99", "score-helpfulness"].map((k) => `agentcore-support_agent-${e}-${k}`);
        assert.deepEqual(await valueOf(env!.promotionCheck!), {
            region: "us-east-1",
            runtimeName: "support_agent",
            runtimeArn: reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime").outputs.agentRuntimeArn,
            evaluators: ["Builtin.Helpfulness"],
            stable: { endpointName: "prod", evaluationConfigName: "support_agent_prod_eval", alarmNames: alarms("prod") },
            candidate: { endpointName: "prod_canary", evaluationConfigName: "support_agent_prod_canary_eval", alarmNames: alarms("prod_canary") },
        });
    });

    it("evaluation without a canary scores only the served endpoint; dev scores only when asked", async () => {
        const prod = await record(() => new AgentEnvironment("support-agent", { ...base, frontDoor: undefined, evaluation: { transactionSearch: "account" } }));
        assert.deepEqual(prod.ofType(CONFIG).map((c) => [c.inputs.onlineEvaluationConfigName, c.inputs.rule.samplingConfig.samplingPercentage]), [["support_agent_prod_eval", 5]]);
        const dev = await record(() => new AgentEnvironment("support-agent", { environment: "dev", image: { build: { context: SAMPLE } }, evaluation: { samplingPercentage: 50, transactionSearch: "account" } }));
        assert.deepEqual(dev.ofType(CONFIG).map((c) => [c.inputs.onlineEvaluationConfigName, c.inputs.dataSourceConfig.cloudwatchLogs.serviceNames]), [["support_agent_DEFAULT_eval", ["support_agent.DEFAULT"]]]);
        const none = await record(() => new AgentEnvironment("support-agent", { environment: "dev", image: { build: { context: SAMPLE } } }));
        assert.deepEqual([none.ofType(CONFIG).length, none.ofType(EVALUATOR).length], [0, 0]);
    });

    it("warns at plan time when neither the stack nor the account provides Transaction Search", () => {
        const resolved = resolveDelivery({ ...base, evaluation: {} }, ENVIRONMENT_PROFILES.prod, "support_agent", "prod");
        assert.equal(
            transactionSearchWarning(resolved),
            'online evaluation reads spans that only CloudWatch Transaction Search indexes, and neither this stack provides it (evaluation.transactionSearch: a TransactionSearch) nor does the config say the account has it (evaluation.transactionSearch: "account"): the evaluation configurations will score nothing until it is enabled (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Enable-TransactionSearch.html)',
        );
        assert.equal(transactionSearchWarning(resolveDelivery({ ...base, evaluation: { transactionSearch: "account" } }, ENVIRONMENT_PROFILES.prod, "support_agent", "prod")), undefined);
        assert.equal(transactionSearchWarning(resolveDelivery(base, ENVIRONMENT_PROFILES.prod, "support_agent", "prod")), undefined);
    });
});
