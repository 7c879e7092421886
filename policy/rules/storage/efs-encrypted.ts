import { Finding, stackRule } from "../../common/rule";
import { T } from "../../common/types";
import { at, isUnknown } from "../../common/values";

// issue 24 item 4: a session file system holds what agents write between sessions; it is encrypted at rest.
export const efsEncrypted = stackRule({
    name: "agentcore-storage-efs-encrypted",
    description:
        "EFS file systems (the persistent storage AgentCore sessions mount) are encrypted at rest. EFS encryption is chosen at creation only: changing it replaces the file system and loses its files (https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Components: AgentEnvironment `storage: [{ type: \"EFS\", mountPath }]` (AgentFileSystem encrypts with the profile's key). Raw resources: set `encrypted: true` (and `kmsKeyId` for a customer-managed key) on the aws.efs.FileSystem, or `encrypted: true` on aws-native efs.FileSystem; copy the files to the new file system, since the change replaces it.",
    check: (resources) => {
        const findings: Finding[] = [];
        for (const r of resources) {
            if (r.type !== T.efsFileSystem && r.type !== T.nativeEfsFileSystem) {
                continue;
            }
            const encrypted = at(r.props, "encrypted");
            if (isUnknown(encrypted)) {
                continue;
            }
            if (encrypted !== true) {
                findings.push({ urn: r.urn, message: `EFS file system is not encrypted at rest (encrypted is ${encrypted === undefined ? "not set" : JSON.stringify(encrypted)}): set encrypted: true, with kmsKeyId for a customer-managed key` });
            }
        }
        return findings;
    },
});
