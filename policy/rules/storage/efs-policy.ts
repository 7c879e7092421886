import { Finding, stackRule } from "../../common/rule";
import { T } from "../../common/types";
import { asArray, at, isUnknown, knownString } from "../../common/values";

// Red-team finding 2 (issue 24): an EFS file system that agents mount has a file system policy. Without one, "the
// default EFS file system policy does not use IAM for authentication and grants full access to any anonymous client
// that can connect" (https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html): the role's
// access-point condition and read-only grant do not bind a client that reaches a mount target.
export const efsPolicy = stackRule({
    name: "agentcore-storage-efs-policy",
    description:
        "An EFS file system whose access point an AgentCore runtime mounts (filesystemConfigurations efsAccessPoint) has a file system policy: EFS's default policy grants full access to any anonymous client that can connect to a mount target (https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Components: AgentEnvironment `storage: [{ type: \"EFS\", mountPath }]` (AgentFileSystem creates the policy for the runtime's role; a standalone AgentFileSystem takes `clientRoleArns`). Raw resources: add an aws.efs.FileSystemPolicy on the file system that allows elasticfilesystem:ClientMount (and ClientWrite) to the runtime's role with the elasticfilesystem:AccessPointArn and elasticfilesystem:AccessedViaMountTarget conditions, and denies requests where aws:SecureTransport is false.",
    check: (resources) => {
        const mounted = new Set<string>();
        for (const r of resources) {
            if (r.type !== T.runtime) {
                continue;
            }
            for (const fc of asArray(at(r.props, "filesystemConfigurations"))) {
                const arn = knownString(fc?.efsAccessPoint?.accessPointArn);
                if (arn) {
                    mounted.add(arn);
                }
            }
        }
        if (mounted.size === 0) {
            return [];
        }
        const withPolicy = new Set<string>();
        for (const r of resources) {
            if (r.type === T.efsFileSystemPolicy) {
                const id = at(r.props, "fileSystemId");
                if (isUnknown(id)) {
                    return []; // a policy whose file system is not known yet (preview) may be the one
                }
                if (typeof id === "string") {
                    withPolicy.add(id);
                }
            }
        }
        const findings: Finding[] = [];
        for (const r of resources) {
            if (r.type !== T.efsAccessPoint) {
                continue;
            }
            const arn = knownString(r.props.arn);
            const fileSystemId = knownString(at(r.props, "fileSystemId"));
            if (!arn || !fileSystemId || !mounted.has(arn) || withPolicy.has(fileSystemId)) {
                continue;
            }
            const fileSystem = resources.find((f) => f.type === T.efsFileSystem && knownString(f.props.id) === fileSystemId);
            findings.push({
                urn: (fileSystem ?? r).urn,
                message: `EFS file system ${fileSystemId} is mounted by an AgentCore runtime (access point ${arn}) but has no file system policy: EFS's default policy grants full access to any anonymous client that can connect; add an aws.efs.FileSystemPolicy that allows the runtime's role through the access point and denies requests without TLS`,
            });
        }
        return findings;
    },
});
