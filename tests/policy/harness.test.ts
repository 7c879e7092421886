import { harnessMemoryRecords } from "../../policy/rules/harness/harness-memory-records";
import { harnessTools } from "../../policy/rules/harness/harness-tools";
import { change, compliantStack, SONNET, UNKNOWN_STRING } from "./fixtures";
import { describeRule } from "./table";

const S = compliantStack();
const FIX = "name the tools the agent needs in allowedTools";

// Issue 25 item 7: a harness's built-in tools (the shell runs bash in the session's microVM) are open unless allowedTools names tools.
describeRule({
    policy: harnessTools,
    failing: [
        {
            title: "flags a harness without allowedTools (every tool, the shell included)",
            specs: change(S, "agent-harness", "allowedTools", undefined),
            expect: [`agent-harness: Harness sets no allowedTools, so every tool is allowed, the built-in shell (bash in the session's microVM) included: ${FIX}`],
        },
        { title: 'flags allowedTools "*"', specs: change(S, "agent-harness", "allowedTools", ["file_operations", "*"]), expect: [`agent-harness: Harness allows every tool (allowedTools "*"), the built-in shell included: ${FIX}`] },
        { title: "flags every built-in (@builtin)", specs: change(S, "agent-harness", "allowedTools", ["@builtin"]), expect: [`agent-harness: Harness allows every built-in tool ("@builtin"), the shell included: ${FIX}`] },
        { title: "flags a glob that reaches the shell without naming it", specs: change(S, "agent-harness", "allowedTools", ["s*"]), expect: [`agent-harness: Harness reaches the built-in shell through the pattern "s*": ${FIX}`] },
        // Red-team finding 4: globs in the server part reach the built-ins too (harness-tools guide: "@builtin/name ... Specific builtin", "@*/tool ... Glob across servers").
        ...["@*", "@*/*", "@builtin*", "@?uiltin"].map((p) => ({
            title: `red-team finding 4: flags "${p}" (every built-in through a server glob)`,
            specs: change(S, "agent-harness", "allowedTools", ["@docs/search", p]),
            expect: [`agent-harness: Harness allows every built-in tool ("${p}"), the shell included: ${FIX}`],
        })),
        ...["@builtin/sh*", "@*/shell", "@b*/shell"].map((p) => ({
            title: `red-team finding 4: flags "${p}" (the shell through a glob)`,
            specs: change(S, "agent-harness", "allowedTools", ["@docs/search", p]),
            expect: [`agent-harness: Harness reaches the built-in shell through the pattern "${p}": ${FIX}`],
        })),
        { title: "accepts the shell named explicitly (a reviewed choice)", specs: change(S, "agent-harness", "allowedTools", ["shell", "@docs/*"]), expect: [] },
        { title: "red-team finding 4: accepts @builtin/shell named explicitly, and MCP globs that cannot reach a built-in", specs: change(S, "agent-harness", "allowedTools", ["@builtin/shell", "@builtin/file_operations", "@docs/*", "@d*/sh*"]), expect: [] },
        {
            title: "flags an aws-native harness without allowedTools",
            specs: [{ type: "aws-native:bedrockagentcore:Harness", name: "nh", inputs: { harnessName: "h" } }],
            expect: [`nh: Harness sets no allowedTools, so every tool is allowed, the built-in shell (bash in the session's microVM) included: ${FIX}`],
        },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime", name: "rt", inputs: { allowedTools: ["*"] } }],
    unknown: change(S, "agent-harness", "allowedTools", [UNKNOWN_STRING]),
});

/** The harness role's inline policies: its model, plus `extra` statements. */
function harnessRolePolicies(extra: object[]) {
    return [
        { name: "model", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "bedrock:InvokeModel", Resource: SONNET }] }) },
        { name: "memory", policy: JSON.stringify({ Statement: extra }) },
    ];
}
const OWN_MEMORY = "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/agent_memory-AbCdEf1234";
const MEMORY_FIX = "name its own memory's ARN";

// Issue 23 item 4: a harness role that reads or deletes the records of every memory.
describeRule({
    policy: harnessMemoryRecords,
    failing: [
        {
            title: "flags a harness role that reads every memory's records (RetrieveMemoryRecords on *)",
            specs: change(S, "agent-harness-role", "inlinePolicies", harnessRolePolicies([{ Sid: "Recall", Effect: "Allow", Action: "bedrock-agentcore:RetrieveMemoryRecords", Resource: "*" }])),
            expect: [`agent-harness-role: Statement "Recall" of inline policy "memory" of role agent-harness-role lets harness agent-harness (role agent-harness-role) read the records of every memory (RetrieveMemoryRecords on *): ${MEMORY_FIX}`],
        },
        {
            title: "flags a harness role that deletes every memory's records (memory/*)",
            specs: change(S, "agent-harness-role", "inlinePolicies", harnessRolePolicies([{ Effect: "Allow", Action: ["bedrock-agentcore:DeleteMemoryRecord"], Resource: "arn:aws:bedrock-agentcore:*:*:memory/*" }])),
            expect: [`agent-harness-role: Statement #1 of inline policy "memory" of role agent-harness-role lets harness agent-harness (role agent-harness-role) delete the records of every memory (DeleteMemoryRecord on arn:aws:bedrock-agentcore:*:*:memory/*): ${MEMORY_FIX}`],
        },
        {
            title: "flags a wildcard action that reaches the record actions (bedrock-agentcore:*Memory* on *)",
            specs: change(S, "agent-harness-role", "inlinePolicies", harnessRolePolicies([{ Sid: "All", Effect: "Allow", Action: "bedrock-agentcore:*MemoryRecord*", Resource: "*" }])),
            expect: [
                `agent-harness-role: Statement "All" of inline policy "memory" of role agent-harness-role lets harness agent-harness (role agent-harness-role) read and delete the records of every memory (RetrieveMemoryRecords, GetMemoryRecord, ListMemoryRecords, DeleteMemoryRecord, BatchDeleteMemoryRecords on *): ${MEMORY_FIX}`,
            ],
        },
        // Red-team finding 5: the memory-id part wildcarded within one account or region is every memory of it.
        ...[
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/*",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:*",
            "arn:aws:bedrock-agentcore:*:123456789012:memory/*",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/?*",
        ].map((resource) => ({
            title: `red-team finding 5: flags record reads on ${resource}`,
            specs: change(S, "agent-harness-role", "inlinePolicies", harnessRolePolicies([{ Sid: "Recall", Effect: "Allow", Action: "bedrock-agentcore:RetrieveMemoryRecords", Resource: resource }])),
            expect: [`agent-harness-role: Statement "Recall" of inline policy "memory" of role agent-harness-role lets harness agent-harness (role agent-harness-role) read the records of every memory (RetrieveMemoryRecords on ${resource}): ${MEMORY_FIX}`],
        })),
        {
            title: "red-team finding 5: accepts the own memory in every region of the account (memory id named)",
            specs: change(S, "agent-harness-role", "inlinePolicies", harnessRolePolicies([{ Effect: "Allow", Action: "bedrock-agentcore:RetrieveMemoryRecords", Resource: "arn:aws:bedrock-agentcore:*:123456789012:memory/agent_memory-AbCdEf1234" }])),
            expect: [],
        },
        {
            title: "accepts record reads on the harness's own memory",
            specs: change(S, "agent-harness-role", "inlinePolicies", harnessRolePolicies([{ Effect: "Allow", Action: ["bedrock-agentcore:RetrieveMemoryRecords", "bedrock-agentcore:ListMemoryRecords"], Resource: OWN_MEMORY }])),
            expect: [],
        },
    ],
    // A runtime's role with the same grant is judged by the IAM scoping rules, not this one.
    notApplicable: [
        { type: "aws:iam/role:Role", name: "other-role", inputs: { name: "other-role", assumeRolePolicy: JSON.stringify({ Statement: [] }), inlinePolicies: harnessRolePolicies([{ Effect: "Allow", Action: "bedrock-agentcore:RetrieveMemoryRecords", Resource: "*" }]) } },
    ],
    unknown: change(S, "agent-harness-role", "inlinePolicies", harnessRolePolicies([{ Effect: "Allow", Action: "bedrock-agentcore:RetrieveMemoryRecords", Resource: UNKNOWN_STRING }])),
});
