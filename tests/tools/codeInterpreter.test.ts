import { strict as assert } from "assert";
import { AgentRuntime, CodeInterpreter, CodeInterpreterArgs, InputValidationError } from "../../sdk";
import { parseJsonInput, record, valueOf } from "../harness";

const INTERPRETER = "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter";
const VPC = { subnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"], securityGroupIds: ["sg-0123456789abcdef0"] };
const IMAGE = {
    imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/analyst@sha256:${"c".repeat(64)}`,
    repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/analyst",
};
const SESSION_ACTIONS = [
    "bedrock-agentcore:StartCodeInterpreterSession",
    "bedrock-agentcore:InvokeCodeInterpreter",
    "bedrock-agentcore:StopCodeInterpreterSession",
    "bedrock-agentcore:GetCodeInterpreterSession",
    "bedrock-agentcore:ListCodeInterpreterSessions",
];

describe("CodeInterpreter", () => {
    it("is SANDBOX by default, with no execution role", async () => {
        const reg = await record(() => new CodeInterpreter("analyst-ci", {}));
        assert.deepEqual(reg.one(INTERPRETER, "analyst-ci-interpreter").inputs, {
            name: "analyst_ci_ce313a",
            networkConfiguration: { networkMode: "SANDBOX" },
        });
        assert.deepEqual(reg.typeCounts(), { "agentcore:index:CodeInterpreter": 1, [INTERPRETER]: 1 });
    });

    it("carries subnets and security groups in VPC mode", async () => {
        const reg = await record(() => new CodeInterpreter("analyst-ci", { network: { mode: "VPC", vpc: VPC }, description: "Data analysis", tags: { team: "data" } }));
        assert.deepEqual(reg.one(INTERPRETER).inputs, {
            name: "analyst_ci_6ffb18",
            description: "Data analysis",
            networkConfiguration: { networkMode: "VPC", vpcConfig: { subnets: VPC.subnetIds, securityGroups: VPC.securityGroupIds } },
            tags: { team: "data" },
        });
    });

    it("is PUBLIC only when asked explicitly", async () => {
        const reg = await record(() => new CodeInterpreter("analyst-ci", { network: { mode: "PUBLIC" } }));
        assert.deepEqual(reg.one(INTERPRETER).inputs.networkConfiguration, { networkMode: "PUBLIC" });
    });

    it("gets a role that may only read the listed buckets, assumable only for this interpreter", async () => {
        const reg = await record(() => new CodeInterpreter("analyst-ci", { dataBuckets: ["sales-data", "finance-exports"] }));
        const role = reg.one("aws:iam/role:Role", "analyst-ci-role");
        assert.deepEqual(parseJsonInput(role.inputs.assumeRolePolicy), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AssumedByAgentCoreTool",
                    Effect: "Allow",
                    Principal: { Service: "bedrock-agentcore.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": "123456789012" },
                        ArnLike: { "aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:code-interpreter-custom/analyst_ci_ca05fa-??????????" },
                    },
                },
            ],
        });
        const policy = reg.one("aws:iam/rolePolicy:RolePolicy", "analyst-ci-data-read");
        assert.equal(policy.inputs.name, "data-read");
        assert.deepEqual(parseJsonInput(policy.inputs.policy).Statement, [
            { Sid: "ReadDataObjects", Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::sales-data/*", "arn:aws:s3:::finance-exports/*"] },
            { Sid: "ListDataBuckets", Effect: "Allow", Action: ["s3:ListBucket"], Resource: ["arn:aws:s3:::sales-data", "arn:aws:s3:::finance-exports"] },
        ]);
        const interpreter = reg.one(INTERPRETER);
        assert.equal(interpreter.inputs.executionRoleArn, role.outputs.arn);
        assert.deepEqual(new Set(interpreter.options.dependsOn), new Set([policy.urn, role.urn]));
        assert.equal(reg.ofType("aws:iam/rolePolicy:RolePolicy").length, 1);
    });

    it("grantUse adds exactly the session actions on exactly this interpreter's ARN", async () => {
        const reg = await record(() => {
            const runtime = new AgentRuntime("analyst", { image: IMAGE });
            new CodeInterpreter("analyst-ci", {}, { parent: runtime }).grantUse(runtime.role);
        });
        const arn = reg.one(INTERPRETER).outputs.codeInterpreterArn;
        assert.match(arn, /^arn:aws:bedrock-agentcore:us-east-1:123456789012:code-interpreter-custom\/analyst_ci_ce313a-[0-9a-f]{10}$/);
        const grant = reg.one("aws:iam/rolePolicy:RolePolicy", "analyst-code-interpreter-use");
        assert.equal(grant.inputs.name, "code-interpreter-use");
        assert.deepEqual(parseJsonInput(grant.inputs.policy), {
            Version: "2012-10-17",
            Statement: [{ Sid: "UseCodeInterpreter", Effect: "Allow", Action: SESSION_ACTIONS, Resource: [arn] }],
        });
    });

    it("managed: creates nothing and grants use of AWS's interpreter ARN", async () => {
        let interpreter: CodeInterpreter | undefined;
        const reg = await record(() => {
            const runtime = new AgentRuntime("analyst", { image: IMAGE });
            interpreter = new CodeInterpreter("analyst-ci", { managed: true });
            interpreter.grantUse(runtime.role);
        });
        assert.equal(reg.ofType(INTERPRETER).length, 0);
        assert.equal(reg.ofType("aws:iam/role:Role").length, 1);
        assert.equal(await valueOf(interpreter!.codeInterpreterId), "aws.codeinterpreter.v1");
        const arn = "arn:aws:bedrock-agentcore:us-east-1:aws:code-interpreter/aws.codeinterpreter.v1";
        assert.equal(await valueOf(interpreter!.codeInterpreterArn), arn);
        assert.deepEqual(parseJsonInput(reg.one("aws:iam/rolePolicy:RolePolicy", "analyst-code-interpreter-use").inputs.policy).Statement, [
            { Sid: "UseCodeInterpreter", Effect: "Allow", Action: SESSION_ACTIONS, Resource: [arn] },
        ]);
    });
});

describe("CodeInterpreter validation", () => {
    const source = "(bedrock-agentcore-control API model, shape";
    const cases: [string, CodeInterpreterArgs, string[]][] = [
        [
            "hyphenated name and empty description",
            { name: "data-analyst", description: "" },
            [
                `name "data-analyst" must match [a-zA-Z][a-zA-Z0-9_]{0,47} (letters, digits and underscores; no hyphens) ${source} SandboxName)`,
                `description "" must have at least 1 characters ${source} Description)`,
            ],
        ],
        [
            "unknown network mode",
            { network: { mode: "PRIVATE" } as never },
            [`network.mode "PRIVATE" must be one of PUBLIC, SANDBOX, VPC ${source} CodeInterpreterNetworkMode)`],
        ],
        [
            "VPC without placement",
            { network: { mode: "VPC" } as never },
            ["network.vpc (not set) is required in VPC mode (the subnets and security groups sessions attach to)"],
        ],
        [
            "VPC with malformed ids",
            { network: { mode: "VPC", vpc: { subnetIds: [], securityGroupIds: ["sg-1"] } } },
            [
                `network.vpc.subnetIds [] must have at least 1 items ${source} Subnets)`,
                `network.vpc.securityGroupIds[0] "sg-1" must match sg-[0-9a-zA-Z]{8,17} ${source} SecurityGroupId)`,
            ],
        ],
        [
            "a bucket ARN instead of a name",
            { dataBuckets: ["arn:aws:s3:::sales-data"] },
            [`dataBuckets[0] "arn:aws:s3:::sales-data" must match [a-z0-9][a-z0-9.-]{1,61}[a-z0-9] (an S3 bucket name, not an ARN) ${source} S3LocationBucketString)`],
        ],
        [
            "managed with settings it cannot have",
            { managed: true, network: { mode: "PUBLIC" }, dataBuckets: ["sales-data"] },
            [
                `network {"mode":"PUBLIC"} cannot be set with managed: true (AWS's managed code interpreter aws.codeinterpreter.v1 has fixed settings: sandboxed, no role)`,
                `dataBuckets ["sales-data"] cannot be set with managed: true (AWS's managed code interpreter aws.codeinterpreter.v1 has fixed settings: sandboxed, no role)`,
            ],
        ],
        [
            "a bad tag key",
            { tags: { "team!": "data" } },
            [`tags key "team!" must match [a-zA-Z0-9\\s._:/=+@-]* ${source} TagKey)`],
        ],
    ];
    for (const [title, args, expected] of cases) {
        it(`reports ${title}, all at once, before registering anything`, async () => {
            let error: unknown;
            const reg = await record(() => {
                try {
                    new CodeInterpreter("analyst-ci", args);
                } catch (e) {
                    error = e;
                }
            });
            assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
            assert.deepEqual(error.problems, expected);
            assert.equal(error.component, "CodeInterpreter analyst-ci");
            assert.deepEqual(reg.all.map((r) => r.type), ["agentcore:index:CodeInterpreter"]);
        });
    }
});
