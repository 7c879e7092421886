import { strict as assert } from "assert";
import { InputValidationError, toolPolicyTester } from "../../sdk";
import { TOOL_POLICIES, orderTools } from "../../examples/production/tools";

/**
 * The pattern docs/governance.md describes: a team tests its tool policies like code,
 * offline, with the Cedar engine the plan validates them with. Principals are what the
 * gateway's Cognito authorizer yields: `sub` and the token's claims as tags.
 */
describe("production example: tool policies decide calls offline", () => {
    const tester = toolPolicyTester({
        inboundAuth: { type: "CUSTOM_JWT", cognito: {} },
        targets: [orderTools("arn:aws:lambda:us-east-1:123456789012:function:order-lookup")],
        policies: TOOL_POLICIES,
    });
    const agent = { sub: "agent-client", claims: { scope: "orders-agent-gateway/invoke", client_id: "agent-client" } };
    const support = { sub: "user-1", claims: { scope: "orders-agent-gateway/invoke", "cognito:groups": ["support", "staff"] } };
    const sales = { sub: "user-2", claims: { scope: "orders-agent-gateway/invoke", "cognito:groups": ["sales"] } };

    it("allows a lookup by a caller with the invoke scope, naming the deciding policy", () => {
        assert.deepEqual(tester.decide({ principal: agent, target: "orders", tool: "lookup_order", input: { orderId: "o-1" } }), { decision: "allow", policies: ["lookup_order"], errors: [] });
    });

    it("denies a lookup by a token without the invoke scope", () => {
        assert.deepEqual(tester.decide({ principal: { sub: "x", claims: { scope: "profile" } }, target: "orders", tool: "lookup_order", input: { orderId: "o-1" } }), {
            decision: "deny",
            policies: [],
            errors: [],
        });
    });

    it("allows a refund under 500 by a member of the support group", () => {
        assert.deepEqual(tester.decide({ principal: support, target: "orders", tool: "refund_order", input: { orderId: "o-1", amount: 499 } }), {
            decision: "allow",
            policies: ["refund_under_limit"],
            errors: [],
        });
    });

    it("denies a refund of 500 or more, even to support", () => {
        assert.equal(tester.isAllowed({ principal: support, target: "orders", tool: "refund_order", input: { orderId: "o-1", amount: 500 } }), false);
    });

    it("denies refunds to callers outside the support group and to the agent's machine client", () => {
        assert.equal(tester.isAllowed({ principal: sales, target: "orders", tool: "refund_order", input: { orderId: "o-1", amount: 10 } }), false);
        assert.equal(tester.isAllowed({ principal: agent, target: "orders", tool: "refund_order", input: { orderId: "o-1", amount: 10 } }), false);
    });

    it("refuses a call whose arguments do not match the tool's schema (amount as a string): the test itself is wrong", () => {
        assert.throws(() => tester.decide({ principal: support, target: "orders", tool: "refund_order", input: { orderId: "o-1", amount: "10" } }), {
            message: 'tool call orders___refund_order could not be evaluated: context `{input: {amount: "10", orderId: "o-1"}}` is not valid for `AgentCore::Action::"orders___refund_order"`',
        });
    });

    it("refuses a call to a tool the gateway does not have", () => {
        assert.throws(
            () => tester.decide({ principal: support, target: "orders", tool: "cancel_order" }),
            { message: "the gateway has no tool cancel_order on target orders (tools: orders___lookup_order, orders___refund_order)" },
        );
    });

    it("refuses policies the plan would refuse, with every problem", () => {
        assert.throws(
            () =>
                toolPolicyTester({
                    inboundAuth: { type: "CUSTOM_JWT", cognito: {} },
                    targets: [orderTools("arn:aws:lambda:us-east-1:123456789012:function:order-lookup")],
                    policies: [{ name: "typo", statement: 'permit(principal, action == AgentCore::Action::"orders___refund", resource == AgentCore::Gateway::"{{gatewayArn}}");' }],
                }),
            (err: unknown) => {
                assert.ok(err instanceof InputValidationError);
                assert.deepEqual(err.problems, [
                    'toolPolicies.policies[0].statement:1:29 policy "typo" (toolPolicies.policies[0]): unrecognized action `AgentCore::Action::"orders___refund"` (the gateway\'s tools: orders___lookup_order, orders___refund_order)',
                ]);
                return true;
            },
        );
    });
});
