import { strict as assert } from "assert";
import { AgentObservability } from "../../sdk";
import { record } from "../harness";

const RUNTIME = { runtimeName: "support_agent", runtimeArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent-abc1234567", endpointName: "prod" };
const RESOURCES = [
    { kind: "memory" as const, name: "support_memory", arn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/support_memory-abc1234567" },
    { kind: "gateway" as const, name: "support-gw", arn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/support-gw-abc1234567" },
];
const DELIVERY = "aws:cloudwatch/logDelivery:LogDelivery";

/**
 * Concurrent CreateDelivery calls on one source or destination fail with ConflictException
 * (terraform-provider-aws #42194): the component creates its deliveries one after another.
 */
describe("AgentObservability creates its log deliveries one at a time", () => {
    it("each delivery depends on the one before it: logs (and the runtime's usage logs) of each resource, then traces into the one X-Ray destination", async () => {
        const reg = await record(() => new AgentObservability("support-obs", { runtime: RUNTIME, resources: RESOURCES }));
        const chain = [
            "support-obs-support_agent-log-delivery",
            "support-obs-support_agent-usage-log-delivery",
            "support-obs-support_memory-log-delivery",
            "support-obs-support-gw-log-delivery",
            "support-obs-support_agent-trace-delivery",
            "support-obs-support_memory-trace-delivery",
            "support-obs-support-gw-trace-delivery",
        ];
        assert.deepEqual(reg.ofType(DELIVERY).map((d) => d.name).sort(), [...chain].sort());
        const urn = (name: string) => reg.one(DELIVERY, name).urn;
        const deliveryUrns = new Set(chain.map(urn));
        assert.deepEqual(
            chain.map((name) => reg.one(DELIVERY, name).options.dependsOn.filter((d) => deliveryUrns.has(d))),
            [[], ...chain.slice(0, -1).map((previous) => [urn(previous)])],
        );
    });

    it("with traces only, the trace deliveries still form one chain", async () => {
        const reg = await record(() => new AgentObservability("support-obs", { runtime: RUNTIME, resources: RESOURCES, logs: false }));
        const chain = ["support-obs-support_agent-trace-delivery", "support-obs-support_memory-trace-delivery", "support-obs-support-gw-trace-delivery"];
        const urn = (name: string) => reg.one(DELIVERY, name).urn;
        const deliveryUrns = new Set(chain.map(urn));
        assert.deepEqual(
            chain.map((name) => reg.one(DELIVERY, name).options.dependsOn.filter((d) => deliveryUrns.has(d))),
            [[], [urn(chain[0])], [urn(chain[1])]],
        );
    });
});
