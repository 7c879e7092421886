import { strict as assert } from "assert";
import { AgentEnvironment, AgentEnvironmentArgs, AgentPlatform, InputValidationError, PlatformOutputs, checkedPlatform, platformOutputs } from "../../sdk";
import { DEFAULT_TARGET } from "../../plan/mocks";
import { Registrations, record, recordFailures, valueOf, parseJsonInput } from "../harness";

const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/a@sha256:${"a".repeat(64)}` };
const ACCOUNT_LEVEL = ["aws:xray/resourcePolicy:ResourcePolicy", "aws:xray/traceSegmentDestination:TraceSegmentDestination", "aws:xray/indexingRule:IndexingRule", "agentcore:index:TransactionSearch", "agentcore:index:TraceDeliveryPolicy"];
const NETWORK = ["awsx:ec2:Vpc", "aws:ec2/vpcEndpoint:VpcEndpoint", "aws:ec2/securityGroup:SecurityGroup"];

async function platformStack(args: ConstructorParameters<typeof AgentPlatform>[1] = {}): Promise<{ reg: Registrations; outputs: PlatformOutputs }> {
    let platform: AgentPlatform | undefined;
    const reg = await record(() => (platform = new AgentPlatform("platform", args)), "prod", "platform");
    return { reg, outputs: await valueOf(platform!.outputs) };
}

function team(name: string, platform: PlatformOutputs, extra: Partial<AgentEnvironmentArgs> = {}): AgentEnvironment {
    return new AgentEnvironment(name, { environment: "prod", platform, image: IMAGE, models: ["amazon.nova-lite-v1:0"], runtimeVersion: "1", ...extra });
}

const count = (reg: Registrations, types: string[]) => reg.all.filter((r) => types.includes(r.type)).length;

describe("AgentPlatform: shared pieces of one account and region", () => {
    let platform: { reg: Registrations; outputs: PlatformOutputs };
    before(async () => {
        platform = await platformStack();
    });

    it("creates Transaction Search with the one trace delivery policy and a VPC with every allowed feature's endpoints", () => {
        assert.equal(platform.reg.ofType("aws:xray/resourcePolicy:ResourcePolicy").length, 1);
        assert.equal(platform.reg.one("aws:xray/resourcePolicy:ResourcePolicy").inputs.policyName, "AgentCoreTraceDelivery");
        assert.equal(platform.reg.ofType("awsx:ec2:Vpc").length, 1);
        assert.deepEqual(
            platform.reg.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").map((e) => e.name),
            ["ecr-api", "ecr-dkr", "logs", "bedrock-runtime", "xray", "monitoring", "kms", "bedrock-agentcore", "bedrock-agentcore-gateway", "s3"].map((s) => `platform-network-endpoint-${s}`),
        );
    });

    it("exports plain outputs: account, region, VPC, subnets, groups, endpoints, features, trace policy", () => {
        const o = platform.outputs;
        const vpc = platform.reg.one("awsx:ec2:Vpc");
        const groups = platform.reg.ofType("aws:ec2/securityGroup:SecurityGroup");
        assert.deepEqual(
            { ...o, subnetIds: o.subnetIds.length },
            {
                platformName: "platform/prod",
                accountId: DEFAULT_TARGET.accountId,
                region: "us-east-1",
                vpcId: vpc.outputs.vpcId,
                subnetIds: 2,
                securityGroupIds: [groups.find((g) => g.name === "platform-network-runtime-sg")!.id, groups.find((g) => g.name === "platform-network-tools-sg")!.id],
                endpoints: ["ecr.api", "ecr.dkr", "logs", "s3", "bedrock-runtime", "bedrock-agentcore", "bedrock-agentcore.gateway", "xray", "monitoring", "kms"],
                features: ["models", "memory", "identity", "gateway", "codeInterpreter", "browser", "observability", "customerManagedKeys"],
                traceDeliveryPolicyName: "AgentCoreTraceDelivery",
                logsKeyArn: platform.reg.one("aws:kms/key:Key", "platform-logs-key-key").outputs.arn,
            },
        );
        assert.deepEqual(o.subnetIds, vpc.outputs.isolatedSubnetIds);
    });

    it("holds one logs key: CloudWatch Logs may use it for AgentCore vended log groups of this account and region only, protected", () => {
        const key = platform.reg.one("aws:kms/key:Key", "platform-logs-key-key");
        assert.equal(key.options.protect, true);
        const statement = parseJsonInput(key.inputs.policy).Statement.find((s: any) => s.Sid === "CloudWatchLogsEncryptsAgentCoreLogGroups");
        assert.deepEqual(statement.Condition, { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/bedrock-agentcore/*" } });
        assert.deepEqual(statement.Principal, { Service: "logs.us-east-1.amazonaws.com" });
    });

    it("team stacks in prod encrypt their log groups with the platform's logs key and create no observability key", async () => {
        const a = await record(() => team("team-a", platform.outputs, { memory: {} }), "prod", "team-a");
        const groups = a.ofType("aws:cloudwatch/logGroup:LogGroup");
        assert.ok(groups.length >= 3, `only ${groups.length} log groups`);
        assert.deepEqual([...new Set(groups.map((g) => g.inputs.kmsKeyId))], [platform.outputs.logsKeyArn]);
        assert.deepEqual(a.ofType("aws:kms/key:Key").filter((k) => k.name.includes("observability")).map((k) => k.name), []);
    });

    it("two team stacks on it create no VPC, no VPC endpoint, no security group and no account-level observability; one trace policy in total", async () => {
        const a = await record(() => team("team-a", platform.outputs, { memory: {} }), "prod", "team-a");
        const b = await record(() => team("team-b", platform.outputs, { gateway: { targets: [] } as any }), "prod", "team-b");
        for (const reg of [a, b]) {
            assert.deepEqual([count(reg, NETWORK), count(reg, ACCOUNT_LEVEL)], [0, 0]);
            const runtime = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime");
            assert.deepEqual(runtime.inputs.networkConfiguration.networkModeConfig, { subnets: platform.outputs.subnetIds, securityGroups: platform.outputs.securityGroupIds });
        }
        assert.equal([platform.reg, a, b].reduce((n, reg) => n + reg.ofType("aws:xray/resourcePolicy:ResourcePolicy").length, 0), 1);
    });

    it("refuses a team stack needing an endpoint the platform lacks, naming the piece and the platform", async () => {
        const narrow = await platformStack({ features: ["models", "observability"] });
        assert.deepEqual(narrow.outputs.endpoints, ["ecr.api", "ecr.dkr", "logs", "s3", "bedrock-runtime", "xray", "monitoring"]);
        let error: unknown;
        await record(() => {
            try {
                team("team-a", narrow.outputs, { memory: {} });
            } catch (e) {
                error = e;
            }
        });
        assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
        assert.deepEqual(error.problems, [
            'platform: this environment needs the VPC endpoints bedrock-agentcore, kms (for memory, customerManagedKeys), which platform "platform/prod" does not provide (it has ecr.api, ecr.dkr, logs, s3, bedrock-runtime, xray, monitoring; its features: models, observability): add memory, customerManagedKeys to the platform\'s features, or drop them here',
        ]);
    });

    it("refuses its own network or trace delivery policy next to a platform", async () => {
        let error: unknown;
        await record(() => {
            try {
                team("team-a", platform.outputs, { network: { mode: "NEW_VPC" }, observability: { traceDeliveryPolicy: "create" } });
            } catch (e) {
                error = e;
            }
        });
        assert.ok(error instanceof InputValidationError);
        assert.deepEqual(error.problems, [
            `network "NEW_VPC" must not be set with platform: the environment runs in platform "platform/prod"'s VPC (${platform.outputs.vpcId})`,
            'observability.traceDeliveryPolicy "create" must not be "create" with platform: platform "platform/prod" holds the account\'s one trace delivery policy (AgentCoreTraceDelivery)',
        ]);
    });

    it("fails a team stack in another region than its platform, naming both regions and the platform", async () => {
        const elsewhere = { ...platform.outputs, region: "eu-west-1" };
        const failures = await recordFailures(() => team("team-a", elsewhere));
        assert.equal(failures.thrown, undefined);
        const messages = [...new Set(failures.late.map((e) => (e instanceof Error ? e.message : String(e)).replace(/^(error serializing property "[^"]+": )+/, "")))];
        assert.deepEqual(messages, [
            'AgentEnvironment team-a: platform "platform/prod" is in region eu-west-1, this stack deploys to us-east-1: use the platform of us-east-1, or deploy this stack to eu-west-1',
        ]);
    });

    it("refuses platform outputs that are missing or malformed, naming where they were read", () => {
        assert.throws(() => checkedPlatform(undefined, 'output "platform" of stack "acme/platform/prod"'), {
            message:
                'platform (output "platform" of stack "acme/platform/prod"): 1 invalid argument:\n  - platform "output \\"platform\\" of stack \\"acme/platform/prod\\"" does not exist: the stack exports no platform outputs (expected platformName, accountId, region, vpcId, subnetIds, securityGroupIds, endpoints, features, traceDeliveryPolicyName)',
        });
        const { vpcId, ...partial } = platform.outputs;
        try {
            checkedPlatform({ ...partial, accountId: "12345", endpoints: ["ecr.api", "sqs"] }, "config platform");
            assert.fail("accepted");
        } catch (e) {
            assert.ok(e instanceof InputValidationError);
            assert.deepEqual(e.problems, [
                'platform "config platform" is missing the platform outputs vpcId (is it an AgentPlatform stack, deployed with platformOutputs exported?)',
                'platform.accountId "12345" must be an AWS account id of 12 digits (config platform)',
                'platform.endpoints[1] "sqs" must be one of ecr.api, ecr.dkr, logs, s3, bedrock-runtime, bedrock-agentcore, bedrock-agentcore.gateway, xray, monitoring, kms, secretsmanager, sts (config platform)',
            ]);
            assert.equal(vpcId, platform.outputs.vpcId);
        }
    });
});

describe("platformOutputs: reading a platform stack", () => {
    it("a stack reference without a platform output fails naming the stack", async () => {
        let error: unknown;
        await record(async () => {
            try {
                await platformOutputs("acme/agentcore-platform/prod");
            } catch (e) {
                error = e;
            }
        });
        assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
        assert.deepEqual(error.problems, [
            'platform "output \\"platform\\" of stack \\"acme/agentcore-platform/prod\\"" does not exist: the stack exports no platform outputs (expected platformName, accountId, region, vpcId, subnetIds, securityGroupIds, endpoints, features, traceDeliveryPolicyName)',
        ]);
    });
});
