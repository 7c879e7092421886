import { strict as assert } from "assert";
import * as path from "path";
import { AgentEnvironment, AgentEnvironmentArgs, InputValidationError } from "../../sdk";
import { ESTABLISHED, Registrations, parseJsonInput, record } from "../harness";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-agent");
const RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const INTERPRETER = "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter";
const BROWSER = "aws:bedrock/agentcoreBrowser:AgentcoreBrowser";
const VPC = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"], securityGroupIds: ["sg-0123456789abcdef0"] };

async function plan(overrides: Partial<AgentEnvironmentArgs>): Promise<Registrations> {
    // A stack deployed before: its runtime has versions 1-9 to pin.
    return record(() => new AgentEnvironment("support-agent", { environment: "dev", image: { build: { context: SAMPLE } }, ...overrides }), undefined, undefined, ESTABLISHED);
}

describe("AgentEnvironment tools", () => {
    it("without tool sections creates no tool and adds no variable", async () => {
        const reg = await plan({});
        assert.equal(reg.ofType("agentcore:index:CodeInterpreter").length + reg.ofType("agentcore:index:Browser").length, 0);
        assert.equal(reg.one(RUNTIME).inputs.environmentVariables, undefined);
    });

    it("dev: a sandboxed interpreter and an explicitly PUBLIC browser, named to the runtime and granted to its role", async () => {
        const reg = await plan({
            environmentVariables: { LOG_LEVEL: "debug" },
            codeInterpreter: {},
            browser: { networkMode: "PUBLIC", recording: {} },
        });
        assert.equal(reg.one("agentcore:index:CodeInterpreter").name, "support-agent-code-interpreter");
        assert.equal(reg.one("agentcore:index:Browser").name, "support-agent-browser");
        const interpreter = reg.one(INTERPRETER);
        const browser = reg.one(BROWSER);
        assert.equal(interpreter.inputs.name, "support_agent_code_interpreter_ce313a");
        assert.deepEqual(interpreter.inputs.networkConfiguration, { networkMode: "SANDBOX" });
        assert.deepEqual(browser.inputs.networkConfiguration, { networkMode: "PUBLIC" });
        assert.deepEqual(reg.one(RUNTIME).inputs.environmentVariables, {
            LOG_LEVEL: "debug",
            AGENTCORE_CODE_INTERPRETER_ID: interpreter.outputs.codeInterpreterId,
            AGENTCORE_BROWSER_ID: browser.outputs.browserId,
        });
        const runtimeRole = reg.one("aws:iam/role:Role", "support-agent-role").outputs.name;
        const grants = reg.ofType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.inputs.role === runtimeRole);
        assert.deepEqual(Object.fromEntries(grants.map((g) => [g.inputs.name, parseJsonInput(g.inputs.policy).Statement[0].Resource])), {
            "runtime-baseline": [reg.one("aws:ecr/repository:Repository").outputs.arn],
            "code-interpreter-use": [interpreter.outputs.codeInterpreterArn],
            "browser-use": [browser.outputs.browserArn],
        });
        assert.equal(reg.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs.rules[0].expiration.days, 7);
        assert.deepEqual(reg.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules, [
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true },
        ]);
        assert.equal(reg.one("aws:s3/bucket:Bucket").options.protect, false);
    });

    it("prod: tools on the environment's VPC by default, recordings under a protected customer-managed key for 90 days", async () => {
        const reg = await plan({ environment: "prod", runtimeVersion: "4", network: VPC, codeInterpreter: {}, browser: { recording: {} } });
        const vpcConfig = { subnets: VPC.subnetIds, securityGroups: VPC.securityGroupIds };
        assert.deepEqual(reg.one(INTERPRETER).inputs.networkConfiguration, { networkMode: "VPC", vpcConfig });
        assert.deepEqual(reg.one(BROWSER).inputs.networkConfiguration, { networkMode: "VPC", vpcConfig });
        const key = reg.one("aws:kms/key:Key", "support-agent-browser-recordings-kms-key");
        assert.equal(
            reg.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId,
            key.outputs.arn,
        );
        assert.equal(reg.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs.rules[0].expiration.days, 90);
        for (const resource of [reg.one("aws:s3/bucket:Bucket"), key]) {
            assert.deepEqual([resource.options.protect, resource.options.retainOnDelete], [true, true], resource.name);
        }
    });

    it("uses AWS's managed tools when asked", async () => {
        const reg = await plan({ codeInterpreter: { managed: true }, browser: { managed: true } });
        assert.equal(reg.ofType(INTERPRETER).length + reg.ofType(BROWSER).length, 0);
        const variables = reg.one(RUNTIME).inputs.environmentVariables;
        assert.deepEqual(variables, { AGENTCORE_CODE_INTERPRETER_ID: "aws.codeinterpreter.v1", AGENTCORE_BROWSER_ID: "aws.browser.v1" });
    });

    it("passes a managed tool's settings on, so that the tool reports them instead of dropping them", async () => {
        let error: unknown;
        await record(() => {
            try {
                new AgentEnvironment("support-agent", { environment: "dev", image: { build: { context: SAMPLE } }, browser: { managed: true, recording: {} } });
            } catch (e) {
                error = e;
            }
        });
        assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
        assert.equal(error.component, "AgentEnvironment support-agent");
        assert.deepEqual(error.problems, [
            'browser.recording {"retentionDays":7,"customerManagedKey":false} cannot be set with managed: true (AWS\'s managed browser aws.browser.v1 has fixed settings: public network, no role, no session recording)',
        ]);
    });

    it("reports tool sections the environment cannot serve, all at once, before registering anything", async () => {
        let error: unknown;
        const reg = await record(() => {
            try {
                new AgentEnvironment("support-agent", {
                    environment: "dev",
                    image: { build: { context: SAMPLE } },
                    environmentVariables: { AGENTCORE_BROWSER_ID: "mine" },
                    codeInterpreter: { networkMode: "VPC" },
                    browser: {},
                });
            } catch (e) {
                error = e;
            }
        });
        assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
        assert.deepEqual(error.problems, [
            'codeInterpreter.networkMode "VPC" needs the environment to run in a VPC (network mode "EXISTING_VPC" or "NEW_VPC")',
            'browser.networkMode (not set) is required when the environment has no VPC network: set "PUBLIC" explicitly, or run the environment in a VPC',
            "environmentVariables.AGENTCORE_BROWSER_ID is set by the environment from its browser section; remove it",
        ]);
        assert.deepEqual(reg.all.map((r) => r.type), ["agentcore:index:AgentEnvironment"]);
    });
});
