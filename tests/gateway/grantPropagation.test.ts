import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { AgentGateway, ApiKeyCredentialProvider, IAM_PROPAGATION_SECONDS } from "../../sdk";
import { record } from "../harness";

const TARGET = "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget";
const COMMAND = "command:local:Command";
const FN = "arn:aws:lambda:us-east-1:123456789012:function:order-lookup";
const TOOL = { name: "lookup_order", description: "Find an order", inputSchema: { type: "object" as const } };

/**
 * A gateway target's create checks the gateway role's permissions once (terraform-provider-aws
 * gateway_target.go had no retry before "Gateway execution role lacks permission" was made
 * retryable), and IAM needs seconds to propagate a new policy: targets wait for every policy
 * of the role and for an explicit propagation wait after them.
 */
describe("gateway targets wait for the role's grants to propagate", () => {
    it("every target depends on the role's policy and on a wait that runs after it", async () => {
        const reg = await record(() => {
            const search = new ApiKeyCredentialProvider("search", { apiKey: pulumi.secret("search-key-0123456789") });
            return new AgentGateway("tools", {
                targets: [
                    { type: "lambda", name: "orders", functionArn: FN, tools: [TOOL] },
                    { type: "openApi", name: "search", schema: { inline: '{"openapi":"3.0.0"}' }, credentials: { apiKey: search, parameterName: "X-Api-Key" } },
                ],
            });
        });
        const policy = reg.one("aws:iam/rolePolicy:RolePolicy", "tools-targets");
        const wait = reg.one(COMMAND, "tools-grants-propagated");
        assert.deepEqual(wait.options.dependsOn, [policy.urn]);
        assert.deepEqual([wait.inputs.interpreter, wait.inputs.create], [["node", "-e"], `setTimeout(() => {}, ${IAM_PROPAGATION_SECONDS * 1000})`]);
        assert.deepEqual(wait.inputs.triggers, [policy.inputs.policy], "the wait runs again when the grants change");
        assert.deepEqual(
            reg.ofType(TARGET).map((t) => [t.name, t.options.dependsOn.includes(policy.urn), t.options.dependsOn.includes(wait.urn)]),
            [
                ["tools-orders", true, true],
                ["tools-search", true, true],
            ],
        );
    });

    it("a gateway whose targets need no grant creates no wait", async () => {
        const reg = await record(() => new AgentGateway("tools", { targets: [{ type: "mcpServer", name: "docs", endpoint: "https://mcp.example.com/mcp" }] }));
        assert.deepEqual(reg.ofType(COMMAND), []);
        assert.deepEqual(reg.ofType("aws:iam/rolePolicy:RolePolicy"), []);
    });
});
