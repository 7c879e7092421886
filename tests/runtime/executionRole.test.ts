import { strict as assert } from "assert";
import { AgentRuntime } from "../../sdk";
import { parseJsonInput, record } from "../harness";

const REPO_ARN = "arn:aws:ecr:us-east-1:123456789012:repository/support-agent";
const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent@sha256:${"a".repeat(64)}`, repositoryArn: REPO_ARN };

describe("AgentExecutionRole (through AgentRuntime)", () => {
    it("trusts only the AgentCore service, for this account and this runtime's ARN", async () => {
        const reg = await record(() => new AgentRuntime("support-agent", { image: IMAGE }));
        const role = reg.one("aws:iam/role:Role");
        assert.deepEqual(parseJsonInput(role.inputs.assumeRolePolicy), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AssumedByAgentCoreRuntime",
                    Effect: "Allow",
                    Principal: { Service: "bedrock-agentcore.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": "123456789012" },
                        ArnLike: { "aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent-??????????" },
                    },
                },
            ],
        });
    });

    it("holds exactly the documented statements, scoped to this agent", async () => {
        const reg = await record(
            () => new AgentRuntime("support-agent", { image: IMAGE, models: ["us.anthropic.claude-sonnet-4-20250514-v1:0", "amazon.nova-lite-v1:0"] }),
        );
        const baseline = reg.one("aws:iam/rolePolicy:RolePolicy", "support-agent-runtime-baseline");
        assert.equal(baseline.inputs.name, "runtime-baseline");
        const logs = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/support_agent-??????????-*";
        const wid = "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default";
        assert.deepEqual(parseJsonInput(baseline.inputs.policy).Statement, [
            { Sid: "PullAgentImage", Effect: "Allow", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: [REPO_ARN] },
            { Sid: "LogInToEcr", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: ["*"] },
            { Sid: "CreateRuntimeLogGroup", Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:DescribeLogStreams"], Resource: [logs] },
            { Sid: "DescribeLogGroups", Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: ["*"] },
            { Sid: "WriteRuntimeLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${logs}:log-stream:*`] },
            {
                Sid: "WriteTraces",
                Effect: "Allow",
                Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
                Resource: ["*"],
            },
            {
                Sid: "WriteAgentCoreMetrics",
                Effect: "Allow",
                Action: ["cloudwatch:PutMetricData"],
                Resource: ["*"],
                Condition: { StringEquals: { "cloudwatch:namespace": "bedrock-agentcore" } },
            },
            {
                Sid: "GetOwnWorkloadAccessToken",
                Effect: "Allow",
                Action: ["bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT"],
                Resource: [wid, `${wid}/workload-identity/support_agent-??????????`],
            },
            {
                Sid: "InvokeAllowedModels",
                Effect: "Allow",
                Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                Resource: [
                    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
                    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                    "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                    "arn:aws:bedrock:us-west-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                    "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                    "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0",
                ],
            },
        ]);
    });

    it("grants profiles given as ARNs together with their foundation model in every Region of the profile (Bedrock inference-profile prerequisites)", async () => {
        const EU = "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-3-7-sonnet-20250219-v1:0";
        const APP = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz";
        const APP_MODELS = ["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0", "arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-pro-v1:0"];
        const reg = await record(
            () =>
                new AgentRuntime("support-agent", {
                    image: IMAGE,
                    models: [EU, APP, "global.anthropic.claude-sonnet-4-5-20250929-v1:0", "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"],
                    inferenceProfileModels: { [APP]: APP_MODELS },
                }),
        );
        const invoke = parseJsonInput(reg.one("aws:iam/rolePolicy:RolePolicy").inputs.policy).Statement.find((s: any) => s.Sid === "InvokeAllowedModels");
        const eu = ["eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3"];
        assert.deepEqual(invoke.Resource, [
            EU,
            ...eu.map((r) => `arn:aws:bedrock:${r}::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0`),
            APP,
            ...APP_MODELS,
            "arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",
            "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0",
        ]);
    });

    it("grants no model access without models, and never a managed policy", async () => {
        const reg = await record(() => new AgentRuntime("support-agent", { image: IMAGE }));
        const statements = parseJsonInput(reg.one("aws:iam/rolePolicy:RolePolicy").inputs.policy).Statement;
        assert.deepEqual(
            statements.map((s: any) => s.Sid),
            ["PullAgentImage", "LogInToEcr", "CreateRuntimeLogGroup", "DescribeLogGroups", "WriteRuntimeLogs", "WriteTraces", "WriteAgentCoreMetrics", "GetOwnWorkloadAccessToken"],
        );
        assert.equal(reg.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").length, 0);
        assert.equal(reg.one("aws:iam/role:Role").inputs.managedPolicyArns, undefined);
    });

    it("adds GetWorkloadAccessTokenForUserId only when asked", async () => {
        const reg = await record(() => new AgentRuntime("support-agent", { image: IMAGE, allowWorkloadTokenForUserId: true }));
        const tokens = parseJsonInput(reg.one("aws:iam/rolePolicy:RolePolicy").inputs.policy).Statement.find((s: any) => s.Sid === "GetOwnWorkloadAccessToken");
        assert.deepEqual(tokens.Action, [
            "bedrock-agentcore:GetWorkloadAccessToken",
            "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
            "bedrock-agentcore:GetWorkloadAccessTokenForUserId",
        ]);
    });

    it("adds one named inline policy per grant and refuses a purpose twice", async () => {
        const reg = await record(() => {
            const runtime = new AgentRuntime("support-agent", { image: IMAGE });
            runtime.role.grant("memory-access", [{ Effect: "Allow", Action: ["bedrock-agentcore:GetMemory"], Resource: ["arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/m-1"] }]);
            assert.throws(() => runtime.role.grant("memory-access", []), /"memory-access" was already granted to this role/);
        });
        const grant = reg.one("aws:iam/rolePolicy:RolePolicy", "support-agent-memory-access");
        assert.deepEqual(parseJsonInput(grant.inputs.policy), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: ["bedrock-agentcore:GetMemory"], Resource: ["arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/m-1"] }],
        });
    });
});
