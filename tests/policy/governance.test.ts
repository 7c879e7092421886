import { gatewayPolicyEngine } from "../../policy/rules/governance/gateway-policy-engine";
import { policyAllowAll } from "../../policy/rules/governance/policy-allow-all";
import { policyValidationMode } from "../../policy/rules/governance/policy-validation-mode";
import { change, compliantStack, Spec, UNKNOWN_STRING } from "./fixtures";
import { describeRule } from "./table";

const S = compliantStack();
const POLICY = "aws:bedrock/agentcorePolicy:AgentcorePolicy";
const NO_ENGINE = 'agent-gateway: Gateway must have a policy engine attached in ENFORCE mode (set policyEngineConfiguration { arn, mode: "ENFORCE" }): without one every authenticated caller may call every tool';
const GW = 'AgentCore::Gateway::"arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/tools-a1b2c3d4e5"';
const policy = (statement: unknown, extra: Record<string, unknown> = {}): Spec => ({ type: POLICY, name: "p", inputs: { name: "p", policyEngineId: "e", definition: { cedar: { statement } }, ...extra } });
const NAMED = `permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::"orders___lookup_order", resource == ${GW});`;

describeRule({
    policy: gatewayPolicyEngine,
    failing: [
        { title: "flags a gateway without a policy engine", specs: change(S, "agent-gateway", "policyEngineConfiguration", undefined), expect: [NO_ENGINE] },
        {
            title: "flags a gateway whose engine only logs",
            specs: change(S, "agent-gateway", "policyEngineConfiguration.mode", "LOG_ONLY"),
            expect: ['agent-gateway: Gateway\'s policy engine must be in ENFORCE mode (policyEngineConfiguration.mode is "LOG_ONLY": decisions are only logged)'],
        },
        { title: "flags a prod-tagged gateway without a policy engine", specs: change(change(S, "agent-gateway", "policyEngineConfiguration", undefined), "agent-gateway", "tags", { "agentcore:environment": "prod" }), expect: [NO_ENGINE] },
        {
            title: "skips gateways tagged with an environment that shadows policies (staging)",
            specs: change(change(S, "agent-gateway", "policyEngineConfiguration", undefined), "agent-gateway", "tags", { "agentcore:environment": "staging" }),
            expect: [],
        },
        {
            title: "checks staging too when the config exempts no environment",
            specs: change(change(S, "agent-gateway", "policyEngineConfiguration", undefined), "agent-gateway", "tags", { "agentcore:environment": "staging" }),
            config: { exemptEnvironments: [] },
            expect: [NO_ENGINE],
        },
        {
            title: "flags an aws-native gateway without one",
            specs: [{ type: "aws-native:bedrockagentcore:Gateway", name: "n", inputs: { authorizerType: "CUSTOM_JWT", protocolType: "MCP" } }],
            expect: ['n: Gateway must have a policy engine attached in ENFORCE mode (set policyEngineConfiguration { arn, mode: "ENFORCE" }): without one every authenticated caller may call every tool'],
        },
    ],
    notApplicable: [
        { type: "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget", name: "t", inputs: {} },
        // A front door (no MCP protocol: HTTP targets routed to runtime endpoints) has no tools to govern.
        { type: "aws:bedrock/agentcoreGateway:AgentcoreGateway", name: "front-door", inputs: { authorizerType: "AWS_IAM", name: "front" } },
    ],
    unknown: change(S, "agent-gateway", "policyEngineConfiguration.mode", UNKNOWN_STRING),
});

describeRule({
    policy: policyValidationMode,
    failing: [
        {
            title: "flags IGNORE_ALL_FINDINGS",
            specs: [...S, policy(NAMED, { validationMode: "IGNORE_ALL_FINDINGS" })],
            expect: ['p: Policy must be created with validationMode FAIL_ON_ANY_FINDINGS (it is "IGNORE_ALL_FINDINGS": AgentCore\'s findings would be ignored)'],
        },
        { title: "accepts FAIL_ON_ANY_FINDINGS and the default", specs: [...S, policy(NAMED, { validationMode: "FAIL_ON_ANY_FINDINGS" }), { ...policy(NAMED), name: "q" }], expect: [] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine", name: "e", inputs: { validationMode: "IGNORE_ALL_FINDINGS" } }],
    unknown: [...S, policy(NAMED, { validationMode: UNKNOWN_STRING })],
});

const ALLOW_ALL = "p: Policy permits every caller every tool on every gateway (a permit with unconstrained principal, action and resource and no condition): name the tools and the gateway or add a when condition";
describeRule({
    policy: policyAllowAll,
    failing: [
        { title: "flags permit(principal, action, resource)", specs: [...S, policy("permit(principal, action, resource);")], expect: [ALLOW_ALL] },
        { title: "flags type tests only", specs: [...S, policy("permit(principal is AgentCore::OAuthUser, action, resource is AgentCore::Gateway);")], expect: [ALLOW_ALL] },
        { title: "accepts a named tool", specs: [...S, policy(NAMED)], expect: [] },
        { title: "accepts an unconstrained scope under a condition", specs: [...S, policy('permit(principal, action, resource is AgentCore::Gateway) when { principal.getTag("role") == "admin" };')], expect: [] },
        { title: "accepts a forbid of everything (a kill switch)", specs: [...S, policy("forbid(principal, action, resource);")], expect: [] },
        { title: "leaves text that is not Cedar to AgentCore's validation", specs: [...S, policy("permit(")], expect: [] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy", name: "r", inputs: { definition: { cedar: { statement: "permit(principal, action, resource);" } } } }],
    unknown: [...S, policy(UNKNOWN_STRING)],
});
