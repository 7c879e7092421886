import { efsClientRoot } from "../../policy/rules/iam/efs-client-root";
import { efsEncrypted } from "../../policy/rules/storage/efs-encrypted";
import { efsPolicy } from "../../policy/rules/storage/efs-policy";
import { nfsIngress } from "../../policy/rules/storage/nfs-ingress";
import { change, compliantStack, json, runtimePolicy, Spec, UNKNOWN_STRING } from "./fixtures";
import { describeRule } from "./table";

// issue 24 item 4: the pack rules of session file systems (EFS), each with failing and passing fixtures.

const S = compliantStack();
const FS = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0";
const AP = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";

/** What AgentFileSystem creates: an encrypted file system, a mount target in the NFS group, NFS admitted from the runtime's group. */
function efsStack(): Spec[] {
    return [
        ...S,
        { type: "aws:efs/fileSystem:FileSystem", name: "agent-fs", inputs: { encrypted: true, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-2222-3333-4444-555566667777" } },
        { type: "aws:ec2/securityGroup:SecurityGroup", name: "agent-nfs-sg", inputs: { vpcId: "vpc-1" }, outputs: { id: "sg-0nfs" } },
        { type: "aws:efs/mountTarget:MountTarget", name: "agent-mt-0", inputs: { fileSystemId: "fs-0123456789abcdef0", subnetId: "subnet-1", securityGroups: ["sg-0nfs"] } },
        { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "agent-nfs-in", inputs: { securityGroupId: "sg-0nfs", referencedSecurityGroupId: "sg-0runtime", ipProtocol: "tcp", fromPort: 2049, toPort: 2049 } },
    ];
}
const E = efsStack();

/** The runtime mounts an access point of the file system, which has the policy AgentFileSystem creates. */
function mountedStack(): Spec[] {
    return [
        ...change(change(E, "agent-fs", "kmsKeyId", "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-2222-3333-4444-555566667777"), "agent-runtime", "filesystemConfigurations", [{ efsAccessPoint: { accessPointArn: AP, mountPath: "/mnt/shared" } }]).map((s) =>
            s.name === "agent-fs" ? { ...s, outputs: { ...(s.outputs ?? {}), id: "fs-0123456789abcdef0", arn: FS } } : s,
        ),
        { type: "aws:efs/accessPoint:AccessPoint", name: "agent-ap", inputs: { fileSystemId: "fs-0123456789abcdef0" }, outputs: { arn: AP } },
        { type: "aws:efs/fileSystemPolicy:FileSystemPolicy", name: "agent-fs-policy", inputs: { fileSystemId: "fs-0123456789abcdef0", policy: "{}" } },
    ];
}
const M = mountedStack();
const NO_POLICY = M.filter((s) => s.name !== "agent-fs-policy");

describeRule({
    policy: efsPolicy,
    failing: [
        { title: "accepts a mounted file system with a file system policy", specs: M, expect: [] },
        {
            title: "red-team finding 2 (issue 24): flags a file system a runtime mounts that has no file system policy",
            specs: NO_POLICY,
            expect: [
                `agent-fs: EFS file system fs-0123456789abcdef0 is mounted by an AgentCore runtime (access point ${AP}) but has no file system policy: EFS's default policy grants full access to any anonymous client that can connect; add an aws.efs.FileSystemPolicy that allows the runtime's role through the access point and denies requests without TLS`,
            ],
        },
        {
            title: "flags it when the policy is on another file system",
            specs: change(M, "agent-fs-policy", "fileSystemId", "fs-0fedcba9876543210"),
            expect: [
                `agent-fs: EFS file system fs-0123456789abcdef0 is mounted by an AgentCore runtime (access point ${AP}) but has no file system policy: EFS's default policy grants full access to any anonymous client that can connect; add an aws.efs.FileSystemPolicy that allows the runtime's role through the access point and denies requests without TLS`,
            ],
        },
    ],
    // A file system without a policy that no runtime mounts (another rule's business).
    notApplicable: E.filter((s) => s.type.startsWith("aws:efs/")),
    unknown: change(M, "agent-fs-policy", "fileSystemId", UNKNOWN_STRING),
});

describeRule({
    policy: efsEncrypted,
    failing: [
        { title: "accepts the file system AgentFileSystem creates (encrypted, customer-managed key)", specs: E, expect: [] },
        { title: "issue 24 item 4: flags an unencrypted file system", specs: change(E, "agent-fs", "encrypted", false), expect: ["agent-fs: EFS file system is not encrypted at rest (encrypted is false): set encrypted: true, with kmsKeyId for a customer-managed key"] },
        { title: "flags a file system that does not set encrypted (the API's default is unencrypted)", specs: change(change(E, "agent-fs", "encrypted", undefined), "agent-fs", "kmsKeyId", undefined), expect: ["agent-fs: EFS file system is not encrypted at rest (encrypted is not set): set encrypted: true, with kmsKeyId for a customer-managed key"] },
        { title: "judges the aws-native FileSystem", specs: [{ type: "aws-native:efs:FileSystem", name: "native-fs", inputs: { encrypted: false } }], expect: ["native-fs: EFS file system is not encrypted at rest (encrypted is false): set encrypted: true, with kmsKeyId for a customer-managed key"] },
    ],
    notApplicable: [{ type: "aws:s3/bucket:Bucket", name: "b", inputs: { encrypted: false } }],
    unknown: change(E, "agent-fs", "encrypted", UNKNOWN_STRING),
});

describeRule({
    policy: nfsIngress,
    failing: [
        { title: "accepts NFS from the runtime's security group only", specs: E, expect: [] },
        {
            title: "issue 24 item 4: flags a mount target group open to 0.0.0.0/0 on 2049",
            specs: [...E, { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "open-nfs", inputs: { securityGroupId: "sg-0nfs", cidrIpv4: "0.0.0.0/0", ipProtocol: "tcp", fromPort: 2049, toPort: 2049 } }],
            expect: ["open-nfs: Security group sg-0nfs of an EFS mount target admits NFS (2049) from 0.0.0.0/0: any host that routes to the subnets can mount the file system (admit only the runtime's security group: referencedSecurityGroupId)"],
        },
        {
            title: "flags all traffic from ::/0 inline on the group",
            specs: change(E, "agent-nfs-sg", "ingress", [{ protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }]),
            expect: ["agent-nfs-sg: Security group sg-0nfs of an EFS mount target admits NFS (2049) from ::/0: any host that routes to the subnets can mount the file system (admit only the runtime's security group: referencedSecurityGroupId)"],
        },
        {
            title: "flags a SecurityGroupRule ingress covering 2049 from anywhere",
            specs: [...E, { type: "aws:ec2/securityGroupRule:SecurityGroupRule", name: "wide", inputs: { type: "ingress", securityGroupId: "sg-0nfs", cidrBlocks: ["0.0.0.0/0"], protocol: "tcp", fromPort: 2000, toPort: 2100 } }],
            expect: ["wide: Security group sg-0nfs of an EFS mount target admits NFS (2049) from 0.0.0.0/0: any host that routes to the subnets can mount the file system (admit only the runtime's security group: referencedSecurityGroupId)"],
        },
    ],
    // The same open rule on a group no mount target uses (another rule judges internet exposure there).
    notApplicable: [{ type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "other", inputs: { securityGroupId: "sg-0other", cidrIpv4: "0.0.0.0/0", ipProtocol: "tcp", fromPort: 2049, toPort: 2049 } }],
    unknown: [...change(E, "agent-mt-0", "securityGroups", [UNKNOWN_STRING]), { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "open-nfs", inputs: { securityGroupId: "sg-0nfs", cidrIpv4: "0.0.0.0/0", ipProtocol: "tcp", fromPort: 2049, toPort: 2049 } }],
});

const RP = "agent-runtime-policy";
const LAST = `Statement #${runtimePolicy.Statement.length + 1} of role policy "${RP}" of role agent-runtime-role`;
const withStatement = (statement: Record<string, unknown>) => change(S, RP, "policy", json({ ...runtimePolicy, Statement: [...runtimePolicy.Statement, statement] }));

describeRule({
    policy: efsClientRoot,
    failing: [
        {
            title: "accepts ClientMount and ClientWrite through the access point",
            specs: withStatement({ Effect: "Allow", Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], Resource: FS, Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": AP } } }),
            expect: [],
        },
        {
            title: "issue 24 item 4: flags a runtime role with ClientRootAccess",
            specs: withStatement({ Effect: "Allow", Action: "elasticfilesystem:ClientRootAccess", Resource: FS }),
            expect: [`${RP}: ${LAST} grants elasticfilesystem:ClientRootAccess; grant ClientMount and ClientWrite with the AccessPointArn condition instead`],
        },
        {
            title: "flags it through a wildcard, for EFS and S3 Files",
            specs: withStatement({ Effect: "Allow", Action: ["elasticfilesystem:Client*", "s3files:*"], Resource: "*" }),
            expect: [
                `${RP}: ${LAST} grants elasticfilesystem:ClientRootAccess (through "elasticfilesystem:Client*"); grant ClientMount and ClientWrite with the AccessPointArn condition instead`,
                `${RP}: ${LAST} grants s3files:ClientRootAccess (through "s3files:*"); grant ClientMount and ClientWrite with the AccessPointArn condition instead`,
            ],
        },
    ],
    notApplicable: [
        { type: "aws:iam/role:Role", name: "ec2-role", inputs: { assumeRolePolicy: json({ Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }) } },
        { type: "aws:iam/rolePolicy:RolePolicy", name: "ec2-policy", inputs: { role: "ec2-role", policy: json({ Statement: [{ Effect: "Allow", Action: "elasticfilesystem:ClientRootAccess", Resource: FS }] }) } },
    ],
    unknown: change(S, RP, "policy", UNKNOWN_STRING),
});
