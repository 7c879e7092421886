import { strict as assert } from "assert";
import * as path from "path";
import { readProjectFile, readStackConfig } from "../../plan/config";
import type { PlanReport } from "../../plan/report";
import { planStack } from "../../plan/run";
import { AgentPlatform } from "../../sdk";
import { record, valueOf } from "../harness";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const ACCOUNT_LEVEL = ["aws:xray/resourcePolicy:ResourcePolicy", "aws:xray/traceSegmentDestination:TraceSegmentDestination", "aws:xray/indexingRule:IndexingRule", "agentcore:index:TransactionSearch", "agentcore:index:TraceDeliveryPolicy"];
const NETWORK = ["awsx:ec2:Vpc", "aws:ec2/vpcEndpoint:VpcEndpoint", "aws:ec2/securityGroup:SecurityGroup"];
const count = (report: PlanReport, types: string[]) => report.resources.filter((r) => types.includes(r.type)).length;

describe("examples/platform and two team stacks (offline plan, prod policy config)", function () {
    this.timeout(180_000);
    const reports: Record<string, PlanReport> = {};
    before(async () => {
        for (const name of ["platform", "platform-team-a", "platform-team-b"]) {
            reports[name] = await planStack({ programDir: path.join(EXAMPLES, name), stack: "prod" });
        }
    });

    it("all three plan cleanly", () => {
        assert.deepEqual(Object.values(reports).map((r) => [r.project, r.policyConfig.path.endsWith("prod.json"), r.violations]), [
            ["agentcore-platform", true, []],
            ["agentcore-platform-team-a", true, []],
            ["agentcore-platform-team-b", true, []],
        ]);
    });

    it("the team stacks create no VPC, VPC endpoint, security group or account-level observability; one trace policy in total", () => {
        assert.deepEqual(
            Object.entries(reports).map(([name, r]) => [name, count(r, NETWORK), count(r, ACCOUNT_LEVEL), r.summary.byType["aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime"] ?? 0]),
            [
                ["platform", 1 + 10 + 2, 5, 0],
                ["platform-team-a", 0, 0, 1],
                ["platform-team-b", 0, 0, 1],
            ],
        );
        assert.equal(Object.values(reports).reduce((n, r) => n + count(r, ["aws:xray/resourcePolicy:ResourcePolicy"]), 0), 1);
    });

    it("issue 24 item 1: the platform creates the organization's registry (protected in prod) and team A publishes its agent to it", () => {
        const registry = reports.platform.resources.find((r) => r.type === "aws:agentregistry/registry:Registry")!;
        assert.equal((registry.inputs as any).approvalConfiguration, undefined, "prod: manual approval");
        assert.equal(registry.protect, true, "prod registry protected");
        const records = reports["platform-team-a"].resources.filter((r) => r.type === "aws-native:agentregistry:RegistryRecord");
        assert.deepEqual(records.map((r) => [(r.inputs as any).recordType, (r.inputs as any).registryId]), [["CUSTOM", "arn:aws:agent-registry:us-east-1:123456789012:registry/bb49ab42fd56b5"]]);
        assert.equal(reports["platform-team-b"].resources.filter((r) => r.type === "aws-native:agentregistry:RegistryRecord").length, 0);
    });

    it("the team stacks run on the platform's subnets and groups", () => {
        for (const name of ["platform-team-a", "platform-team-b"]) {
            const runtime = reports[name].resources.find((r) => r.type === "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime")!;
            assert.deepEqual((runtime.inputs as any).networkConfiguration, {
                networkMode: "VPC",
                networkModeConfig: { subnets: ["subnet-57b9356ff2fcf2321", "subnet-57b9356ff2fcf2322"], securityGroups: ["sg-abd54533833dc3a87"] },
            });
        }
    });

    it("the team stacks' platform config is what examples/platform's output is under the plan's mocks (the fixture is not stale)", async () => {
        let platform: AgentPlatform | undefined;
        // Same component and arguments as examples/platform/index.ts, same project and stack.
        await record(
            () =>
                (platform = new AgentPlatform("platform", {
                    features: ["models", "memory", "identity", "gateway", "observability", "customerManagedKeys"],
                    registry: { environment: "prod", description: "Agents, MCP servers and tools of every team" },
                    tags: { owner: "platform-team" },
                })),
            "prod",
            "agentcore-platform",
        );
        const outputs = await valueOf(platform!.outputs);
        for (const name of ["platform-team-a", "platform-team-b"]) {
            const dir = path.join(EXAMPLES, name);
            const project = readProjectFile(dir);
            assert.deepEqual(JSON.parse(readStackConfig(dir, project, "prod").values[`${project.name}:platform`]), outputs, name);
        }
    });
});
