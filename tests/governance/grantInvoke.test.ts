import { strict as assert } from "assert";
import { Role } from "@pulumi/aws/iam/role";
import { AgentEnvironment, InvokeGrantOptions, roleGrantee } from "../../sdk";
import { ESTABLISHED, parseJsonInput, record } from "../harness";

const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent@sha256:${"d".repeat(64)}` };

/** An environment and a caller role granted invoke; returns the grant's one statement and the endpoint ARNs. */
async function granted(env: "dev" | "prod", options?: InvokeGrantOptions) {
    const reg = await record(() => {
        const agent = new AgentEnvironment("agent", { environment: env, image: IMAGE, runtimeVersion: env === "prod" ? "3" : undefined, network: { mode: "PUBLIC" } });
        const caller = new Role("frontend", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
        agent.grantInvoke(roleGrantee("frontend", caller), options);
    }, env, "agentcore-test", ESTABLISHED);
    const policy = reg.one("aws:iam/rolePolicy:RolePolicy", "frontend-agent-invoke");
    assert.equal(policy.inputs.role, reg.one("aws:iam/role:Role", "frontend").id);
    assert.equal(policy.inputs.name, "agent-invoke");
    const runtime = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime").outputs.agentRuntimeArn as string;
    return { statements: parseJsonInput(policy.inputs.policy).Statement, runtime };
}

describe("AgentEnvironment.grantInvoke: callers of the endpoint the environment serves", () => {
    it("prod: InvokeAgentRuntime on the runtime and the pinned prod endpoint only (not DEFAULT)", async () => {
        const { statements, runtime } = await granted("prod");
        assert.deepEqual(statements, [{ Sid: "InvokeAgent", Effect: "Allow", Action: ["bedrock-agentcore:InvokeAgentRuntime"], Resource: [runtime, `${runtime}/runtime-endpoint/prod`] }]);
    });

    it("dev: the DEFAULT endpoint it serves", async () => {
        const { statements, runtime } = await granted("dev");
        assert.deepEqual(statements[0].Resource, [runtime, `${runtime}/runtime-endpoint/DEFAULT`]);
    });

    it("WebSocket and the …ForUser variants only when asked", async () => {
        assert.deepEqual((await granted("prod", { webSocket: true })).statements[0].Action, ["bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream"]);
        assert.deepEqual((await granted("prod", { webSocket: true, forUser: true })).statements[0].Action, [
            "bedrock-agentcore:InvokeAgentRuntime",
            "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream",
            "bedrock-agentcore:InvokeAgentRuntimeForUser",
            "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStreamForUser",
        ]);
    });
});
