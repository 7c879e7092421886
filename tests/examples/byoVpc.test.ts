import { strict as assert } from "assert";
import { planExample } from "./planExample";

const SUBNETS = ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"];
const SHARED_GROUP = "sg-0123456789abcdef0";

describe("byo-vpc example (prod)", () => {
    let planned: Awaited<ReturnType<typeof planExample>>;
    before(async () => {
        planned = await planExample("byo-vpc", "prod");
    });

    it("plans with zero policy violations under the prod policy config", () => {
        assert.deepEqual(planned.report.violations, []);
        assert.match(planned.report.policyConfig.path, /policy\/config\/prod\.json$/);
    });

    it("creates no VPC, subnet or route: the network team's VPC is used as it is", () => {
        const types = Object.keys(planned.reg.typeCounts());
        assert.deepEqual(
            types.filter((t) => /^awsx:ec2|^aws:ec2\/(vpc|subnet|routeTable|route|natGateway|internetGateway):/.test(t)),
            [],
        );
    });

    it("creates only the endpoints the agent needs that are not shared, in the given subnets, admitting the given group", () => {
        const { reg } = planned;
        const endpoints = reg.ofType("aws:ec2/vpcEndpoint:VpcEndpoint");
        // Shared by the VPC's owners: ecr.api, ecr.dkr, logs, s3. Needed beyond them: models, traces and metrics, customer keys, memory.
        assert.deepEqual(
            endpoints.map((e) => e.inputs.serviceName),
            ["bedrock-runtime", "xray", "monitoring", "kms", "bedrock-agentcore"].map((s) => `com.amazonaws.us-east-1.${s}`),
        );
        const endpointGroup = reg.one("aws:ec2/securityGroup:SecurityGroup", "support-agent-network-endpoints-sg");
        for (const endpoint of endpoints) {
            assert.deepEqual(
                [endpoint.inputs.vpcId, endpoint.inputs.vpcEndpointType, endpoint.inputs.subnetIds, endpoint.inputs.securityGroupIds],
                ["vpc-0123456789abcdef", "Interface", SUBNETS, [endpointGroup.id]],
            );
        }
        const ingress = reg.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.deepEqual(
            [ingress.inputs.securityGroupId, ingress.inputs.referencedSecurityGroupId, ingress.inputs.fromPort, ingress.inputs.toPort],
            [endpointGroup.id, SHARED_GROUP, 443, 443],
        );
    });

    it("runs the runtime in the given subnets with the given security group and creates no group for it", () => {
        const { reg } = planned;
        const runtime = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime");
        assert.deepEqual(runtime.inputs.networkConfiguration, { networkMode: "VPC", networkModeConfig: { subnets: SUBNETS, securityGroups: [SHARED_GROUP] } });
        assert.deepEqual(
            reg.ofType("aws:ec2/securityGroup:SecurityGroup").map((g) => g.name),
            ["support-agent-network-endpoints-sg"],
        );
    });

    it("serves prod through an endpoint pinned to the configured version", () => {
        const endpoint = planned.reg.one("aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint");
        assert.deepEqual([endpoint.inputs.name, endpoint.inputs.agentRuntimeVersion], ["prod", "1"]);
    });
});
