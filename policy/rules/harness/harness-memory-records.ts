import { Finding, stackRule } from "../../common/rule";
import { T } from "../../common/types";
import { globToRegExp } from "../../common/values";
import { patternCovers } from "../../iam/actions";
import { isAllow, Statement } from "../../iam/document";
import { rolesOf } from "../../iam/roles";

/**
 * Long-term memory record actions that read or delete records (data-plane API model
 * `bedrock-agentcore.service-2.json`: RetrieveMemoryRecords, GetMemoryRecord, ListMemoryRecords,
 * DeleteMemoryRecord, BatchDeleteMemoryRecords). Every one supports the `memory` resource type
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html),
 * so a grant can always name the harness's own memory.
 */
const READ = ["bedrock-agentcore:RetrieveMemoryRecords", "bedrock-agentcore:GetMemoryRecord", "bedrock-agentcore:ListMemoryRecords"];
const DELETE = ["bedrock-agentcore:DeleteMemoryRecord", "bedrock-agentcore:BatchDeleteMemoryRecords"];

function granted(s: Statement, action: string): boolean {
    return (s.action ?? []).some((a) => patternCovers(a, action)) || (s.notAction !== undefined && !s.notAction.some((a) => patternCovers(a, action)));
}

/** A concrete value a glob segment matches (`*` as nothing, `?` as one character). */
function instance(segment: string): string {
    return segment.replace(/\*/g, "").replace(/\?/g, "x");
}

/**
 * True when the resource pattern's memory-id part is wildcarded: it matches two different
 * memories in the statement's own partition, region and account (each wildcarded there taken
 * as any value it matches), so `memory/*`, `<account>:*` and `*:<account>:memory/*` count as
 * every memory, not only `*` across accounts (red-team finding 5).
 */
function everyMemory(resource: string): boolean {
    const re = globToRegExp(resource);
    const parts = resource.split(":");
    const [partition, region, account] = parts.length >= 6 ? [parts[1], parts[3], parts[4]].map(instance) : ["aws", "us-east-1", "111111111111"];
    const memory = (id: string) => `arn:${partition}:bedrock-agentcore:${region}:${account}:memory/${id}`;
    return re.test(memory("first-AbCdEf1234")) && re.test(memory("second_x-ZyXwVu9876"));
}

/**
 * Issue 23 item 4: a harness's role that reads or deletes the long-term records of every memory
 * (memory record actions on `*` or `memory/*`) lets the agent loop, steered by any prompt, read
 * or erase what every other agent remembers.
 */
export const harnessMemoryRecords = stackRule({
    name: "agentcore-harness-memory-records",
    description:
        "A harness's execution role reads or deletes memory records (RetrieveMemoryRecords, GetMemoryRecord, ListMemoryRecords, DeleteMemoryRecord, BatchDeleteMemoryRecords) only on named memories, never on every memory (`*`, `memory/*`, or any resource whose memory id is wildcarded, in one account and region too).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Components: AgentHarness `memory` grants the harness's role its own memory's ARN only, and no delete. Raw resources: name the memory ARN (arn:aws:bedrock-agentcore:<region>:<account>:memory/<memoryId>) in the statement's Resource instead of `*`, and grant DeleteMemoryRecord / BatchDeleteMemoryRecords to no agent role.",
    check: (resources) => {
        const findings: Finding[] = [];
        for (const role of rolesOf(resources)) {
            const harnesses = role.users.filter((u) => u.type === T.harness || u.type === T.nativeHarness);
            if (harnesses.length === 0) {
                continue;
            }
            for (const source of role.documents) {
                source.statements.forEach((s, i) => {
                    if (!isAllow(s)) {
                        return;
                    }
                    const actions = [...READ, ...DELETE].filter((a) => granted(s, a));
                    const covering = actions.length > 0 ? (s.resource ?? ["*"]).find(everyMemory) : undefined;
                    if (!covering) {
                        return;
                    }
                    const verbs = [actions.some((a) => READ.includes(a)) ? "read" : undefined, actions.some((a) => DELETE.includes(a)) ? "delete" : undefined].filter(Boolean).join(" and ");
                    const label = `Statement ${s.sid ? `"${s.sid}"` : `#${i + 1}`} of ${source.label}`;
                    findings.push({
                        urn: source.urn,
                        message: `${label} lets harness ${harnesses.map((h) => h.name).join(", ")} (role ${role.res.name}) ${verbs} the records of every memory (${actions.map((a) => a.split(":")[1]).join(", ")} on ${covering}): name its own memory's ARN`,
                    });
                });
            }
        }
        return findings;
    },
});
