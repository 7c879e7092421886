import { Finding, stackRule } from "../../common/rule";
import { patternCovers } from "../../iam/actions";
import { isAllow } from "../../iam/document";
import { agentStatements } from "../../iam/roles";

const ROOT = ["elasticfilesystem:ClientRootAccess", "s3files:ClientRootAccess"];

// issue 24 item 4: an agent mounts its file system as the access point's unprivileged user, never as root.
export const efsClientRoot = stackRule({
    name: "agentcore-iam-file-system-root",
    description:
        "Agent roles are not granted elasticfilesystem:ClientRootAccess or s3files:ClientRootAccess: root on a file system bypasses the access point's POSIX identity (EFS access points: enforcing a root identity needs ClientRootAccess, https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Components: AgentRuntime / AgentEnvironment `storage` (grants ClientMount and ClientWrite through the access point only; uid and gid 0 are refused). Raw resources: remove ClientRootAccess (or the wildcard that covers it) from the role, and give the access point a non-root posixUser.",
    check: (resources) => {
        const findings: Finding[] = [];
        for (const { source, statement: s, label } of agentStatements(resources)) {
            if (!isAllow(s)) {
                continue;
            }
            for (const action of ROOT) {
                const via = (s.action ?? []).find((a) => patternCovers(a, action));
                if (via) {
                    findings.push({ urn: source.urn, message: `${label} grants ${action}${via.toLowerCase() === action.toLowerCase() ? "" : ` (through "${via}")`}; grant ClientMount and ClientWrite with the AccessPointArn condition instead` });
                }
            }
        }
        return findings;
    },
});
