import { Finding, Res, stackRule } from "../../common/rule";
import { T } from "../../common/types";
import { asArray, at, isUnknown, knownString } from "../../common/values";

const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);
const NFS = 2049;

/** True when a rule's protocol and ports include NFS (2049/tcp) or all traffic. */
function coversNfs(protocol: unknown, from: unknown, to: unknown): boolean {
    const p = String(protocol ?? "").toLowerCase();
    if (p === "-1" || p === "all") {
        return true;
    }
    return (p === "tcp" || p === "6") && typeof from === "number" && typeof to === "number" && from <= NFS && NFS <= to;
}

/** A security group's id: its `id` output, else the tail of its ARN. */
function groupId(r: Res): string | undefined {
    return knownString(r.props.id) ?? /security-group\/(sg-[0-9a-z]+)$/.exec(knownString(r.props.arn) ?? "")?.[1];
}

// issue 24 item 4: the mount targets of a session file system answer NFS only to the agents that mount it.
export const nfsIngress = stackRule({
    name: "agentcore-storage-nfs-ingress",
    description:
        "The security groups of EFS mount targets admit NFS (TCP 2049) from the runtime's security group, never from 0.0.0.0/0 or ::/0 (EFS \"Using VPC security groups\": the mount target's group allows inbound NFS from the client's group, https://docs.aws.amazon.com/efs/latest/ug/network-access.html).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Components: AgentEnvironment `storage: [{ type: \"EFS\", mountPath }]` (AgentFileSystem admits NFS from the runtime's security group only). Raw resources: replace the ingress rule's cidrIpv4/cidrIpv6 0.0.0.0/0 or ::/0 with referencedSecurityGroupId set to the runtime's security group.",
    check: (resources) => {
        const mountGroups = new Set<string>();
        for (const r of resources) {
            if (r.type === T.efsMountTarget) {
                asArray(at(r.props, "securityGroups")).forEach((g) => typeof g === "string" && !isUnknown(g) && mountGroups.add(g));
            }
        }
        if (mountGroups.size === 0) {
            return [];
        }
        const findings: Finding[] = [];
        const flag = (r: Res, group: string, cidr: string) =>
            findings.push({ urn: r.urn, message: `Security group ${group} of an EFS mount target admits NFS (2049) from ${cidr}: any host that routes to the subnets can mount the file system (admit only the runtime's security group: referencedSecurityGroupId)` });
        for (const r of resources) {
            if (r.type === T.ingressRule) {
                const group = knownString(at(r.props, "securityGroupId"));
                const cidr = [at(r.props, "cidrIpv4"), at(r.props, "cidrIpv6")].find((c) => typeof c === "string" && ANYWHERE.has(c)) as string | undefined;
                if (group && mountGroups.has(group) && cidr && coversNfs(at(r.props, "ipProtocol"), at(r.props, "fromPort"), at(r.props, "toPort"))) {
                    flag(r, group, cidr);
                }
            } else if (r.type === T.securityGroupRule && at(r.props, "type") === "ingress") {
                const group = knownString(at(r.props, "securityGroupId"));
                const cidr = [...asArray(at(r.props, "cidrBlocks")), ...asArray(at(r.props, "ipv6CidrBlocks"))].find((c) => typeof c === "string" && ANYWHERE.has(c)) as string | undefined;
                if (group && mountGroups.has(group) && cidr && coversNfs(at(r.props, "protocol"), at(r.props, "fromPort"), at(r.props, "toPort"))) {
                    flag(r, group, cidr);
                }
            } else if (r.type === T.securityGroup) {
                const id = groupId(r);
                if (!id || !mountGroups.has(id)) {
                    continue;
                }
                for (const i of asArray(at(r.props, "ingress"))) {
                    const cidr = [...asArray(i?.cidrBlocks), ...asArray(i?.ipv6CidrBlocks)].find((c) => typeof c === "string" && ANYWHERE.has(c)) as string | undefined;
                    if (cidr && coversNfs(i?.protocol, i?.fromPort, i?.toPort)) {
                        flag(r, id, cidr);
                    }
                }
            }
        }
        return findings;
    },
});
