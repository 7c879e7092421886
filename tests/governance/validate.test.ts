import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { GatewayInboundAuth, GatewayTargetSpec, GatewayToolPolicies, Problems, checkToolPolicies } from "../../sdk";
import { lineAndColumn } from "../../sdk/governance/cedar";

const SRC = "(bedrock-agentcore-control API model, shape";
const TARGETS: GatewayTargetSpec<unknown, unknown>[] = [
    {
        type: "lambda",
        name: "orders",
        functionArn: "arn:aws:lambda:us-east-1:123456789012:function:orders",
        tools: [
            { name: "lookup_order", description: "Find", inputSchema: { type: "object", properties: [{ name: "orderId", type: "string", required: true }] } },
            { name: "refund_order", description: "Refund", inputSchema: { type: "object", properties: [{ name: "amount", type: "integer", required: true }] } },
        ],
    },
    { type: "mcpServer", name: "docs", endpoint: "https://mcp.example.com/mcp" },
];
const JWT: GatewayInboundAuth = { type: "CUSTOM_JWT", cognito: {} };
const GW = '"{{gatewayArn}}"';
const LOOKUP = `permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::"orders___lookup_order", resource == AgentCore::Gateway::${GW});`;
const P = "gateway.toolPolicies";

function problemsOf(settings: GatewayToolPolicies, inboundAuth: GatewayInboundAuth = JWT): string[] {
    const problems = new Problems();
    checkToolPolicies(problems, settings, { inboundAuth, targets: TARGETS }, P);
    return [...problems.messages];
}

/** Each bad input, and exactly the problems it gets. */
const CASES: { title: string; settings: GatewayToolPolicies; inboundAuth?: GatewayInboundAuth; expect: string[] }[] = [
    { title: "valid policies pass", settings: { mode: "ENFORCE", policies: [{ name: "lookup", statement: LOOKUP }] }, expect: [] },
    {
        title: "an enforcing engine without policies (everything denied)",
        settings: { mode: "ENFORCE", policies: [] },
        expect: [`${P}.policies [] must hold at least one policy in ENFORCE mode: an enforcing policy engine without policies denies every tool call`],
    },
    { title: "a shadow engine without policies is allowed", settings: { mode: "LOG_ONLY", policies: [] }, expect: [] },
    {
        title: "mode and validation mode outside the API model",
        settings: { mode: "AUDIT" as never, validationMode: "STRICT" as never, policies: [{ name: "lookup", statement: LOOKUP }] },
        expect: [`${P}.mode "AUDIT" must be one of LOG_ONLY, ENFORCE ${SRC} GatewayPolicyEngineMode)`, `${P}.validationMode "STRICT" must be one of FAIL_ON_ANY_FINDINGS, IGNORE_ALL_FINDINGS ${SRC} PolicyValidationMode)`],
    },
    {
        title: "IGNORE_ALL_FINDINGS where policies are enforced",
        settings: { mode: "ENFORCE", validationMode: "IGNORE_ALL_FINDINGS", policies: [{ name: "lookup", statement: LOOKUP }] },
        expect: [`${P}.validationMode "IGNORE_ALL_FINDINGS" must be FAIL_ON_ANY_FINDINGS where policies are enforced (mode ENFORCE): AgentCore's findings must stop a faulty policy`],
    },
    {
        title: "a gateway without an authorizer that yields a principal",
        settings: { mode: "LOG_ONLY", policies: [] },
        inboundAuth: { type: "NONE", acknowledgeUnauthenticated: true },
        expect: [`${P} "inboundAuth NONE" needs an inbound authorizer that yields a principal the policies can name: CUSTOM_JWT (AgentCore::OAuthUser) or AWS_IAM (AgentCore::IamEntity), not NONE`],
    },
    {
        title: "names, lengths and duplicates against the API model",
        settings: {
            mode: "ENFORCE",
            policyEngineName: "tools-policies",
            policies: [
                { name: "lookup", statement: LOOKUP },
                { name: "lookup", statement: LOOKUP.replace("permit", "forbid") },
                { name: "1st", statement: LOOKUP, description: "" },
            ],
        },
        expect: [
            `${P}.policyEngineName "tools-policies" must match [A-Za-z][A-Za-z0-9_]* (a letter, then letters, digits and underscores) ${SRC} PolicyEngineName)`,
            `${P}.policies[1].name "lookup" must be unique among the gateway's policies`,
            `${P}.policies[2].name "1st" must match [A-Za-z][A-Za-z0-9_]* (a letter, then letters, digits and underscores) ${SRC} PolicyName)`,
            `${P}.policies[2].description "" must have at least 1 characters ${SRC} Description)`,
        ],
    },
    {
        title: "statement and file together, or neither",
        settings: { mode: "LOG_ONLY", policies: [{ name: "both", statement: LOOKUP, file: "x.cedar" }, { name: "neither" }] },
        expect: [`${P}.policies[0] "both" takes exactly one of statement (the Cedar text) or file (a .cedar file)`, `${P}.policies[1] "neither" takes exactly one of statement (the Cedar text) or file (a .cedar file)`],
    },
    {
        title: "policies and a shared engine together",
        settings: { mode: "ENFORCE", policies: [{ name: "lookup", statement: LOOKUP }], sharedPolicyEngineArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:policy-engine/shared-a1b2c3d4e5" },
        expect: [`${P}.policies "(1 policies)" cannot be combined with sharedPolicyEngineArn: a shared engine's policies are managed where the engine is`],
    },
    { title: "neither policies nor a shared engine", settings: { mode: "LOG_ONLY" }, expect: [`${P}.policies (not set) is required unless sharedPolicyEngineArn names an existing policy engine`] },
    {
        title: "two statements in one entry",
        settings: { mode: "LOG_ONLY", policies: [{ name: "two", statement: `${LOOKUP}\n${LOOKUP}` }] },
        expect: [`${P}.policies[0].statement:1:1 policy "two" (${P}.policies[0]): must hold exactly one Cedar statement (found 2; AgentCore creates one policy per statement: give each its own entry)`],
    },
    {
        title: "an unconstrained resource, and named tools without resource ==",
        settings: {
            mode: "LOG_ONLY",
            policies: [
                { name: "anyResource", statement: 'permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::"orders___lookup_order", resource);' },
                { name: "typeOnly", statement: 'permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::"orders___lookup_order", resource is AgentCore::Gateway);' },
            ],
        },
        expect: [
            `${P}.policies[0].statement:1:1 policy "anyResource" (${P}.policies[0]): leaves the resource unconstrained, which AgentCore rejects: write resource == AgentCore::Gateway::"{{gatewayArn}}" (or resource is AgentCore::Gateway when no tool is named)`,
            `${P}.policies[1].statement:1:1 policy "typeOnly" (${P}.policies[1]): names tools (orders___lookup_order), so AgentCore requires resource == AgentCore::Gateway::"{{gatewayArn}}"`,
        ],
    },
    {
        title: "a wrong attribute type, an unknown attribute and a principal type the gateway does not yield",
        settings: {
            mode: "LOG_ONLY",
            policies: [
                { name: "wrongType", statement: `permit(principal, action == AgentCore::Action::"orders___refund_order", resource == AgentCore::Gateway::${GW})\nwhen { context.input.amount < "500" };` },
                { name: "noSuchArg", statement: `permit(principal, action == AgentCore::Action::"orders___refund_order", resource == AgentCore::Gateway::${GW})\nwhen { context.input.total < 500 };` },
                { name: "iamCaller", statement: `permit(principal is AgentCore::IamEntity, action == AgentCore::Action::"orders___lookup_order", resource == AgentCore::Gateway::${GW});` },
            ],
        },
        expect: [
            `${P}.policies[0].statement:2:31 policy "wrongType" (${P}.policies[0]): unexpected type: expected Long but saw String`,
            `${P}.policies[1].statement:2:8 policy "noSuchArg" (${P}.policies[1]): attribute \`input.total\` in context for AgentCore::Action::"orders___refund_order" not found (did you mean \`amount\`?)`,
            `${P}.policies[2].statement:1:1 policy "iamCaller" (${P}.policies[2]): policy is impossible: the policy expression evaluates to false for all valid requests [Cedar warning]`,
            `${P}.policies[2].statement:1:1 policy "iamCaller" (${P}.policies[2]): unable to find an applicable action given the policy scope constraints [Cedar warning]`,
        ],
    },
    {
        title: "a misspelled action names the gateway's tools; an action of a target whose tools are unknown offline is not judged",
        settings: {
            mode: "LOG_ONLY",
            policies: [
                { name: "typo", statement: `permit(principal, action == AgentCore::Action::"orders___lookup_orders", resource == AgentCore::Gateway::${GW});` },
                { name: "docs", statement: `permit(principal, action == AgentCore::Action::"docs___search", resource == AgentCore::Gateway::${GW}) when { context.input.q != "" };` },
            ],
        },
        expect: [`${P}.policies[0].statement:1:29 policy "typo" (${P}.policies[0]): unrecognized action \`AgentCore::Action::"orders___lookup_orders"\` (the gateway's tools: orders___lookup_order, orders___refund_order)`],
    },
];

describe("checkToolPolicies: every problem of a gateway's tool policies, at once", () => {
    for (const c of CASES) {
        it(c.title, () => {
            assert.deepEqual(problemsOf(c.settings, c.inboundAuth), c.expect);
        });
    }

    it("reads .cedar files and reports their problems at file:line:column; an unreadable file is named", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cedar-"));
        const file = path.join(dir, "refund.cedar");
        fs.writeFileSync(file, `// refunds\npermit(\n  principal,\n  action == AgentCore::Action::"orders___refund",\n  resource == AgentCore::Gateway::${GW}\n);\n`);
        const missing = path.join(dir, "missing.cedar");
        assert.deepEqual(problemsOf({ mode: "ENFORCE", policies: [{ name: "refund", file }, { name: "missing", file: missing }] }), [
            `${P}.policies[1].file ${JSON.stringify(missing)} must be a readable .cedar file (ENOENT)`,
            `${file}:4:13 policy "refund" (${P}.policies[0]): unrecognized action \`AgentCore::Action::"orders___refund"\` (the gateway's tools: orders___lookup_order, orders___refund_order)`,
        ]);
    });

    it("counts columns in characters when the text before holds multi-byte characters", () => {
        const text = "// café ☕\npermit(x";
        assert.deepEqual(lineAndColumn(text, Buffer.byteLength("// café ☕\npermit(")), { line: 2, column: 8 });
        assert.deepEqual(lineAndColumn(text, Buffer.byteLength("// café")), { line: 1, column: 8 });
    });
});
