import { Finding, stackRule } from "../../common/rule";
import { patternCovers } from "../../iam/actions";
import { isAllow, Statement } from "../../iam/document";
import { rolesOf } from "../../iam/roles";

const COMMAND = "bedrock-agentcore:InvokeAgentRuntimeCommand";

/** How the statement grants the command, if it does: by name, through a wildcard, or through NotAction. */
function grantVia(s: Statement): string | undefined {
    const direct = (s.action ?? []).find((a) => patternCovers(a, COMMAND));
    if (direct) {
        return direct.toLowerCase() === COMMAND.toLowerCase() ? "" : ` (through "${direct}")`;
    }
    if (s.notAction && !s.notAction.some((a) => patternCovers(a, COMMAND))) {
        return " (through NotAction)";
    }
    return undefined;
}

export const noInvokeRuntimeCommand = stackRule({
    name: "agentcore-iam-no-invoke-runtime-command",
    description: "No role is granted bedrock-agentcore:InvokeAgentRuntimeCommand (a root shell in the runtime), by name or through a wildcard.",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps: "Remove the grant; replace wildcards such as bedrock-agentcore:* or bedrock-agentcore:Invoke* with the exact actions needed (e.g. bedrock-agentcore:InvokeAgentRuntime).",
    check: (resources) => {
        const findings: Finding[] = [];
        for (const role of rolesOf(resources)) {
            for (const source of role.documents) {
                source.statements.forEach((s, i) => {
                    const via = isAllow(s) ? grantVia(s) : undefined;
                    if (via !== undefined) {
                        const label = `Statement ${s.sid ? `"${s.sid}"` : `#${i + 1}`} of ${source.label}`;
                        findings.push({ urn: source.urn, message: `${label} grants ${COMMAND}${via}; never grant it` });
                    }
                });
            }
        }
        return findings;
    },
});
