import { strict as assert } from "assert";
import * as path from "path";
import { AgentEnvironment, AgentEnvironmentArgs, InputValidationError } from "../../sdk";
import { Registrations, parseJsonInput, record, valueOf } from "../harness";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-agent");
const MEMORY = "aws:bedrock/agentcoreMemory:AgentcoreMemory";
const STRATEGY = "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy";
const KEY = "aws:kms/key:Key";
const RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const VPC = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"], securityGroupIds: ["sg-0123456789abcdef0"] };
const STRATEGIES: NonNullable<AgentEnvironmentArgs["memory"]>["strategies"] = [{ type: "SEMANTIC" }, { type: "SUMMARIZATION" }];

async function plan(overrides: Partial<AgentEnvironmentArgs>): Promise<{ reg: Registrations; env: AgentEnvironment }> {
    let env: AgentEnvironment | undefined;
    const reg = await record(() => (env = new AgentEnvironment("support-agent", { environment: "dev", image: { build: { context: SAMPLE } }, ...overrides })));
    return { reg, env: env! };
}

describe("AgentEnvironment memory", () => {
    it("prod: memory under a rotating customer key, both protected from deletion, events kept 90 days", async () => {
        const { reg } = await plan({ environment: "prod", runtimeVersion: "1", network: VPC, memory: { strategies: STRATEGIES } });
        const memory = reg.one(MEMORY, "support-agent-memory-memory");
        const key = reg.one(KEY, "support-agent-memory-key");
        assert.equal(key.inputs.enableKeyRotation, true);
        assert.equal(memory.inputs.encryptionKeyArn, key.outputs.arn);
        assert.equal(memory.inputs.name, "support_agent_memory");
        assert.equal(memory.inputs.eventExpiryDuration, 90);
        for (const r of [memory, key]) {
            assert.deepEqual([r.name, r.options.protect, r.options.retainOnDelete], [r.name, true, true]);
        }
        assert.deepEqual(reg.ofType(STRATEGY).map((s) => [s.name, s.inputs.type]), [
            ["support-agent-memory-semantic", "SEMANTIC"],
            ["support-agent-memory-summarization", "SUMMARIZATION"],
        ]);
    });

    it("dev: encrypted by AWS's own key, no customer key, not protected", async () => {
        const { reg } = await plan({ memory: {} });
        const memory = reg.one(MEMORY);
        assert.equal(reg.ofType(KEY).length, 0);
        assert.equal(memory.inputs.encryptionKeyArn, undefined);
        assert.equal(memory.inputs.eventExpiryDuration, 30);
        assert.deepEqual([memory.options.protect, memory.options.retainOnDelete], [false, false]);
    });

    it("gives the runtime the memory id and exactly the memory access on its ARN", async () => {
        const { reg, env } = await plan({ environmentVariables: { LOG_LEVEL: "info" }, memory: {} });
        const memoryId = await valueOf(env.memory!.memoryId);
        assert.deepEqual(reg.one(RUNTIME).inputs.environmentVariables, { LOG_LEVEL: "info", AGENTCORE_MEMORY_ID: memoryId });
        const grant = reg.one("aws:iam/rolePolicy:RolePolicy", "support-agent-memory-access");
        const statements = parseJsonInput(grant.inputs.policy).Statement;
        assert.deepEqual(statements.map((s: any) => [s.Sid, s.Resource]), [["UseAgentMemory", [reg.one(MEMORY).outputs.arn]]]);
        assert.equal(grant.inputs.role, reg.one("aws:iam/role:Role", "support-agent-role").outputs.name);
        assert.ok(reg.one(RUNTIME).options.dependsOn.includes(grant.urn), "the runtime must not run before it may use its memory");
    });

    it("without a memory section: no memory, no memory variable", async () => {
        const { reg } = await plan({});
        assert.equal(reg.ofType(MEMORY).length, 0);
        assert.equal(reg.one(RUNTIME).inputs.environmentVariables, undefined);
    });

    it("refuses the AWS-owned key where the profile requires customer-managed keys", async () => {
        let error: unknown;
        await record(() => {
            try {
                new AgentEnvironment("support-agent", { environment: "staging", runtimeVersion: "1", network: VPC, image: { build: { context: SAMPLE } }, memory: { encryptionKey: "aws-owned" } });
            } catch (e) {
                error = e;
            }
        });
        assert.ok(error instanceof InputValidationError);
        assert.deepEqual(error.problems, [
            'memory.encryptionKey "aws-owned" must be a customer-managed key in staging ("create" or { arn }): its profile requires customer-managed keys for data',
        ]);
    });
});
