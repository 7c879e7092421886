import { strict as assert } from "assert";
import { gatewayPolicyEngine } from "../../policy/rules/governance/gateway-policy-engine";
import { gatewayPolicyEngineDelegated } from "../../policy/rules/governance/gateway-policy-engine-delegated";
import { DEPRECATED_REGISTRY_MESSAGE, registryApproval } from "../../policy/rules/governance/registry-approval";
import { registryTags } from "../../sdk/registry/agentRegistry";
import { policyAllowAll } from "../../policy/rules/governance/policy-allow-all";
import { policyValidationMode } from "../../policy/rules/governance/policy-validation-mode";
import { change, compliantStack, GATEWAY_ROLE_ARN, json, messages, Spec, UNKNOWN_STRING } from "./fixtures";
import { describeRule } from "./table";

const S = compliantStack();
const POLICY = "aws:bedrock/agentcorePolicy:AgentcorePolicy";
const NO_ENGINE = 'agent-gateway: Gateway must have a policy engine attached in ENFORCE mode (set policyEngineConfiguration { arn, mode: "ENFORCE" }): without one every authenticated caller may call every tool';
const GW = 'AgentCore::Gateway::"arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/tools-a1b2c3d4e5"';
const policy = (statement: unknown, extra: Record<string, unknown> = {}): Spec => ({ type: POLICY, name: "p", inputs: { name: "p", policyEngineId: "e", definition: { cedar: { statement } }, ...extra } });
const NAMED = `permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::"orders___lookup_order", resource == ${GW});`;

/** Issue 25 item 3: a second, AWS_IAM MCP gateway without an engine whose resource policy admits only the governed gateway's role. */
const INNER_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/inner-tools-abcde12345";
const ONLY_GOVERNED = {
    Statement: [
        { Sid: "FromGovernedGateway", Effect: "Allow", Principal: { AWS: GATEWAY_ROLE_ARN }, Action: "bedrock-agentcore:InvokeGateway", Resource: INNER_ARN },
        { Sid: "NobodyElse", Effect: "Deny", Principal: "*", Action: "bedrock-agentcore:InvokeGateway", Resource: INNER_ARN, Condition: { ArnNotEquals: { "aws:PrincipalArn": GATEWAY_ROLE_ARN } } },
    ],
};
function behindGoverned(policy: unknown = ONLY_GOVERNED): Spec[] {
    return [
        ...S,
        { type: "aws:iam/role:Role", name: "inner-role", inputs: { name: "inner-role" }, outputs: { arn: "arn:aws:iam::123456789012:role/inner-role" } },
        {
            type: "aws:bedrock/agentcoreGateway:AgentcoreGateway",
            name: "inner-tools",
            inputs: { name: "inner-tools", protocolType: "MCP", authorizerType: "AWS_IAM", roleArn: "arn:aws:iam::123456789012:role/inner-role" },
            outputs: { gatewayArn: INNER_ARN },
        },
        { type: "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy", name: "inner-tools-policy", inputs: { resourceArn: INNER_ARN, policy: json(policy) } },
    ];
}
const INNER_NO_ENGINE = 'inner-tools: Gateway must have a policy engine attached in ENFORCE mode (set policyEngineConfiguration { arn, mode: "ENFORCE" }): without one every authenticated caller may call every tool';

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

describe("issue 25 item 3: a gateway whose only callers are governed gateways", () => {
    it("is not mandatory: agentcore-gateway-policy-engine passes it", async () => {
        assert.deepEqual(await messages(behindGoverned(), gatewayPolicyEngine), []);
    });
    it("stays mandatory when its resource policy also admits a principal that is not a governed gateway", async () => {
        const open = { Statement: [{ ...ONLY_GOVERNED.Statement[0], Principal: { AWS: [GATEWAY_ROLE_ARN, "arn:aws:iam::123456789012:role/inner-role"] } }, ONLY_GOVERNED.Statement[1]] };
        assert.deepEqual(await messages(behindGoverned(open), gatewayPolicyEngine), [INNER_NO_ENGINE]);
    });
    it("stays mandatory when the resource policy does not deny other principals of the account (they need only an identity policy)", async () => {
        assert.deepEqual(await messages(behindGoverned({ Statement: [ONLY_GOVERNED.Statement[0]] }), gatewayPolicyEngine), [
            `${INNER_NO_ENGINE} (resource policy inner-tools-policy allows only governed gateways, but principals of this account need only an identity policy to call it: add a Deny of bedrock-agentcore:InvokeGateway for every other aws:PrincipalArn)`,
        ]);
    });
    it("stays mandatory when the calling gateway only logs", async () => {
        assert.deepEqual(await messages(change(behindGoverned(), "agent-gateway", "policyEngineConfiguration.mode", "LOG_ONLY"), gatewayPolicyEngine), [
            'agent-gateway: Gateway\'s policy engine must be in ENFORCE mode (policyEngineConfiguration.mode is "LOG_ONLY": decisions are only logged)',
            INNER_NO_ENGINE,
        ]);
    });
});

describeRule({
    policy: gatewayPolicyEngineDelegated,
    failing: [
        {
            title: "issue 25 item 3: reports it as advisory and says why",
            specs: behindGoverned(),
            expect: [
                `inner-tools: Gateway has no policy engine in ENFORCE mode, but resource policy inner-tools-policy admits only gateway agent-gateway (role ${GATEWAY_ROLE_ARN}), whose policy engine decides every tool call in ENFORCE mode before it reaches this gateway; attach an engine here too before admitting any other caller`,
            ],
        },
        { title: "leaves ungoverned gateways to agentcore-gateway-policy-engine", specs: behindGoverned({ Statement: [ONLY_GOVERNED.Statement[0]] }), expect: [] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget", name: "t", inputs: { protocolType: "MCP" } }],
    unknown: change(behindGoverned(), "inner-tools-policy", "policy", UNKNOWN_STRING),
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
        { title: "issue 25 item 9: flags a condition that holds for every request (when { true }, unless { false }, when { 1 == 1 })", specs: [...S, policy("permit(principal, action, resource) when { true } unless { false } when { 1 == 1 && !false };")], expect: [ALLOW_ALL] },
        { title: "accepts a forbid of everything (a kill switch)", specs: [...S, policy("forbid(principal, action, resource);")], expect: [] },
        { title: "leaves text that is not Cedar to AgentCore's validation", specs: [...S, policy("permit(")], expect: [] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy", name: "r", inputs: { definition: { cedar: { statement: "permit(principal, action, resource);" } } } }],
    unknown: [...S, policy(UNKNOWN_STRING)],
});

const REGISTRY = "aws:agentregistry/registry:Registry";
const registry = (inputs: Record<string, unknown>): Spec => ({ type: REGISTRY, name: "tools-registry", inputs: { name: "tools", discoveryConfiguration: { authorizerType: "AWS_IAM" }, ...inputs } });
describeRule({
    policy: registryApproval,
    failing: [
        {
            title: "issue 25 item 7: flags a registry that approves every submitted record",
            specs: [...S, registry({ approvalConfiguration: { autoApprovalRules: ["APPROVE_ALL"] } })],
            expect: ['tools-registry: Registry approves every submitted record (approvalConfiguration.autoApprovalRules "APPROVE_ALL"): records are published without review; remove APPROVE_ALL'],
        },
        {
            title: "flags the aws-native registry and the deprecated AgentcoreRegistry",
            specs: [
                { type: "aws-native:agentregistry:Registry", name: "n", inputs: { approvalConfiguration: { autoApprovalRules: ["APPROVE_ALL"] } } },
                { type: "aws:bedrock/agentcoreRegistry:AgentcoreRegistry", name: "old", inputs: { approvalConfigurations: [{ autoApproval: true }] } },
            ],
            expect: [
                'n: Registry approves every submitted record (approvalConfiguration.autoApprovalRules "APPROVE_ALL"): records are published without review; remove APPROVE_ALL',
                `old: ${DEPRECATED_REGISTRY_MESSAGE}`,
                "old: Registry approves every record on creation (approvalConfigurations[].autoApproval true): records are published without review; set autoApproval to false",
            ],
        },
        {
            title: "issue 24 item 1: flags the deprecated AgentcoreRegistry even when it reviews records (it stopped working on 2026-09-17)",
            specs: [...S, { type: "aws:bedrock/agentcoreRegistry:AgentcoreRegistry", name: "old", inputs: { name: "old", approvalConfigurations: [{ autoApproval: false }] } }],
            expect: [`old: ${DEPRECATED_REGISTRY_MESSAGE}`],
        },
        {
            title: "issue 24 item 1: flags a prod registry that auto-approves (no exemption)",
            specs: [...S, registry({ approvalConfiguration: { autoApprovalRules: ["APPROVE_ALL"] }, tags: { "agentcore:environment": "prod" } })],
            expect: ['tools-registry: Registry approves every submitted record (approvalConfiguration.autoApprovalRules "APPROVE_ALL"): records are published without review; remove APPROVE_ALL'],
        },
        {
            title: "issue 24 item 1: accepts the dev registry AgentRegistry builds (auto-approval, exempted with its reason)",
            specs: [
                ...S,
                registry({
                    approvalConfiguration: { autoApprovalRules: ["APPROVE_ALL"] },
                    tags: registryTags({ registryName: "tools", authorizer: { type: "AWS_IAM" }, approval: "auto", encryptionKey: "create", protect: false, tags: {} }, "dev"),
                }),
            ],
            expect: [],
        },
        { title: "accepts manual review (no approval configuration)", specs: [...S, registry({})], expect: [] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreGateway:AgentcoreGateway", name: "g", inputs: { approvalConfiguration: { autoApprovalRules: ["APPROVE_ALL"] } } }],
    unknown: [...S, registry({ approvalConfiguration: { autoApprovalRules: [UNKNOWN_STRING] } })],
});
