import { strict as assert } from "assert";
import { AgentEnvironment, AgentEnvironmentArgs, AgentRuntime, InputValidationError } from "../../sdk";
import { parseJsonInput, problemsOf, record } from "../harness";

// issue 24 item 4: persistent storage for sessions (filesystemConfigurations) on AgentRuntime and AgentEnvironment.

const RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const FS = "aws:efs/fileSystem:FileSystem";
const AP = "aws:efs/accessPoint:AccessPoint";
const MT = "aws:efs/mountTarget:MountTarget";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const POLICY = "aws:iam/rolePolicy:RolePolicy";
const IMAGE = {
    imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/reader@sha256:${"d".repeat(64)}`,
    repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/reader",
};
const VPC = { mode: "VPC" as const, subnetIds: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] };
const EFS_AP = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";
const EFS_FS = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0";
const S3F_FS = "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01";
const S3F_AP = `${S3F_FS}/access-point/fsap-0123456789abcdef01`;

function env(environment: "dev" | "staging" | "prod", more: Partial<AgentEnvironmentArgs> = {}): AgentEnvironmentArgs {
    return { environment, image: { imageUri: IMAGE.imageUri }, ...(environment === "dev" ? {} : { runtimeVersion: "1" }), ...more };
}

describe("storage (issue 24 item 4)", function () {
    this.timeout(120000);

    it("AgentRuntime sends every mount as filesystemConfigurations and grants ClientMount/ClientWrite through the access point only", async () => {
        const reg = await record(
            () =>
                new AgentRuntime("reader", {
                    image: IMAGE,
                    network: VPC,
                    storage: [
                        { type: "SESSION", mountPath: "/mnt/scratch" },
                        { type: "EFS", mountPath: "/mnt/shared", accessPointArn: EFS_AP, fileSystemArn: EFS_FS },
                        { type: "S3_FILES", mountPath: "/mnt/docs/", accessPointArn: S3F_AP, fileSystemArn: S3F_FS, readOnly: true },
                    ],
                }),
        );
        assert.deepEqual(reg.one(RUNTIME).inputs.filesystemConfigurations, [
            { sessionStorage: { mountPath: "/mnt/scratch" } },
            { efsAccessPoint: { accessPointArn: EFS_AP, mountPath: "/mnt/shared" } },
            { s3FilesAccessPoint: { accessPointArn: S3F_AP, mountPath: "/mnt/docs/" } },
        ]);
        const policy = reg.ofType(POLICY).find((p) => p.inputs.name === "file-storage")!;
        assert.deepEqual(parseJsonInput(policy.inputs.policy).Statement, [
            { Sid: "EfsMount1", Effect: "Allow", Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], Resource: [EFS_FS], Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": EFS_AP } } },
            // Red-team finding 1 (issue 24): the reads AgentCore's create-time check needs, on this file system and access point only.
            { Sid: "EfsDescribe1", Effect: "Allow", Action: ["elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeMountTargets"], Resource: [EFS_FS, EFS_AP] },
            { Sid: "S3FilesMount2", Effect: "Allow", Action: ["s3files:ClientMount"], Resource: [S3F_FS], Condition: { StringEquals: { "s3files:AccessPointArn": S3F_AP } } },
            { Sid: "S3FilesAccessPoint2", Effect: "Allow", Action: ["s3files:GetAccessPoint"], Resource: [S3F_AP] },
            { Sid: "S3FilesMountTargets2", Effect: "Allow", Action: ["s3files:ListMountTargets"], Resource: [S3F_FS] },
        ]);
    });

    it("AgentRuntime without storage sends no filesystemConfigurations and has no file-storage grant", async () => {
        const reg = await record(() => new AgentRuntime("reader", { image: IMAGE }));
        assert.equal(reg.one(RUNTIME).inputs.filesystemConfigurations, undefined);
        assert.deepEqual(reg.ofType(POLICY).map((p) => p.inputs.name), ["runtime-baseline"]);
    });

    it("validation names the field, the value and the rule", () => {
        const problems = problemsOf(
            () =>
                new AgentRuntime("reader", {
                    image: IMAGE,
                    storage: [
                        { type: "SESSION", mountPath: "/data" },
                        { type: "EFS", mountPath: "/mnt/a/b", accessPointArn: "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1", fileSystemArn: EFS_FS },
                        { type: "SESSION", mountPath: "/mnt/x" },
                        { type: "SESSION", mountPath: "/mnt/x/" },
                        { type: "CAPACITY_PROVIDER_VOLUME", mountPath: "/mnt/v" } as never,
                        { type: "S3_FILES", mountPath: "/mnt/s", accessPointArn: "arn:aws:s3files:us-east-1:123456789012:file-system/fs-aaaaaaaaaaaaaaaaa/access-point/fsap-0123456789abcdef01", fileSystemArn: S3F_FS, extra: 1 } as never,
                    ],
                }),
        );
        assert.deepEqual(problems, [
            "storage (a list of 6 items) must have at most 5 items (bedrock-agentcore-control API model, shape FilesystemConfigurations)",
            'storage[0].mountPath "/data" must have at least 6 characters (exactly one level under /mnt, e.g. /mnt/data) (bedrock-agentcore-control API model, shape MountPath)',
            'storage[0].mountPath "/data" must match /mnt/[a-zA-Z0-9._-]+/? (exactly one level under /mnt, e.g. /mnt/data) (bedrock-agentcore-control API model, shape MountPath)',
            'storage[1].mountPath "/mnt/a/b" must match /mnt/[a-zA-Z0-9._-]+/? (exactly one level under /mnt, e.g. /mnt/data) (bedrock-agentcore-control API model, shape MountPath)',
            'storage[1].type "EFS" needs a VPC network: EFS and S3 Files are reached through mount targets in the runtime\'s subnets ("VPC required", https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-filesystem-configurations.html); set network to a VPC mode or use type SESSION',
            'storage[1].accessPointArn "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1" must match arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-:]+:access-point/fsap-[0-9a-f]{8,40} (bedrock-agentcore-control API model, shape EfsAccessPointArn)',
            'storage[3].mountPath "/mnt/x/" mounts the same directory as storage[2].mountPath: each mount needs its own path',
            'storage[4].type "CAPACITY_PROVIDER_VOLUME" is not supported: capacityProviderVolume is in the API model (FilesystemConfiguration) but @pulumi/aws 7.48 (AgentcoreAgentRuntimeFilesystemConfiguration) has no such field, and this package creates microVM runtimes only',
            "storage[5].extra 1 is not a setting of a S3_FILES mount (settings: type, mountPath, accessPointArn, fileSystemArn, readOnly)",
            'storage[5].type "S3_FILES" needs a VPC network: EFS and S3 Files are reached through mount targets in the runtime\'s subnets ("VPC required", https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-filesystem-configurations.html); set network to a VPC mode or use type SESSION',
            'storage[5].accessPointArn "arn:aws:s3files:us-east-1:123456789012:file-system/fs-aaaaaaaaaaaaaaaaa/access-point/fsap-0123456789abcdef01" must be an access point of storage[5].fileSystemArn "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01" (…/file-system/fs-…/access-point/fsap-…)',
        ]);
    });

    it("AgentEnvironment refuses EFS storage on the PUBLIC network (dev) and a root POSIX user", () => {
        assert.throws(
            () => new AgentEnvironment("agent", env("dev", { storage: [{ type: "EFS", mountPath: "/mnt/shared", posixUser: { uid: 0, gid: 1000 } }] })),
            (e: unknown) =>
                e instanceof InputValidationError &&
                e.problems.some((p) => p.startsWith('storage[0].type "EFS" needs a VPC network')) &&
                e.problems.some((p) => p.startsWith("storage[0].posixUser.uid 0 must not be 0: root on the file system needs elasticfilesystem:ClientRootAccess")),
        );
    });

    it("red-team finding 2 (issue 24): the environment's file system has a policy: its runtime's role only, through the access point, via a mount target, TLS only; the policy exists before the runtime", async () => {
        for (const readOnly of [false, true]) {
            const reg = await record(() => new AgentEnvironment("agent", env("staging", { storage: [{ type: "EFS", mountPath: "/mnt/shared", ...(readOnly ? { readOnly } : {}) }] })), "staging");
            const fs = reg.one(FS);
            const ap = reg.one(AP);
            const role = reg.one("aws:iam/role:Role", "agent-role");
            const policy = reg.one("aws:efs/fileSystemPolicy:FileSystemPolicy", "agent-fs-shared-policy");
            assert.equal(policy.inputs.fileSystemId, fs.id);
            assert.deepEqual(parseJsonInput(policy.inputs.policy), {
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "MountThroughAccessPoint",
                        Effect: "Allow",
                        Principal: { AWS: [role.outputs.arn] },
                        Action: readOnly ? ["elasticfilesystem:ClientMount"] : ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
                        Resource: fs.outputs.arn,
                        Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": ap.outputs.arn }, Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } },
                    },
                    { Sid: "DenyWithoutTls", Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: fs.outputs.arn, Condition: { Bool: { "aws:SecureTransport": "false" } } },
                ],
            });
            assert.ok(policy.options.dependsOn.includes(role.urn), `the policy names the role, so it waits for it: ${policy.options.dependsOn.join(", ")}`);
            const runtime = reg.one(RUNTIME);
            assert.ok(runtime.options.dependsOn.includes(policy.urn), `the runtime waits for the file system policy: ${runtime.options.dependsOn.join(", ")}`);
        }
    });

    it("red-team finding 5 (issue 24): two EFS mounts whose paths sanitise to one child name are refused, naming the field", () => {
        const problems = problemsOf(
            () =>
                new AgentEnvironment(
                    "agent",
                    env("staging", {
                        storage: [
                            { type: "EFS", mountPath: "/mnt/a.b" },
                            { type: "EFS", mountPath: "/mnt/a_b" },
                            { type: "EFS", mountPath: "/mnt/c", name: "a-b" },
                        ],
                    }),
                ),
        );
        assert.deepEqual(problems, [
            'storage[1].mountPath "/mnt/a_b" names the same file system as storage[0] ("fs-a-b": characters other than letters, digits and - become -); give one of them its own `name`',
            'storage[2].name "a-b" names the same file system as storage[0] ("fs-a-b": characters other than letters, digits and - become -); give one of them its own `name`',
        ]);
    });

    it("red-team finding 4 (issue 24): an EFS entry's `name` names its children (not the mount path), and a bad name is refused", async () => {
        const reg = await record(() => new AgentEnvironment("agent", env("staging", { storage: [{ type: "EFS", name: "shared", mountPath: "/mnt/data" }] })), "staging");
        assert.deepEqual(
            reg.ofType(FS).map((r) => r.name),
            ["agent-fs-shared-fs"],
        );
        assert.deepEqual(problemsOf(() => new AgentEnvironment("agent", env("staging", { storage: [{ type: "EFS", name: "-bad_name", mountPath: "/mnt/data" }] }))), [
            'storage[0].name "-bad_name" must be 1-32 letters, digits or -, starting with a letter or digit (it names the file system\'s resources: <environment>-fs-<name>)',
        ]);
    });

    it("red-team finding 3 (issue 24): S3_FILES is refused on a network the environment creates (NEW_VPC, EXISTING_VPC without securityGroupIds) and accepted with the user's own groups", async () => {
        const s3 = { type: "S3_FILES" as const, mountPath: "/mnt/docs", accessPointArn: S3F_AP, fileSystemArn: S3F_FS };
        const existing = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"] };
        const rule = 'storage[0].type "S3_FILES" needs network { mode: "EXISTING_VPC", securityGroupIds: [...] } with your own security groups that allow egress TCP 2049 to the S3 Files mount targets';
        for (const network of [{ mode: "NEW_VPC" as const }, existing]) {
            const problems = problemsOf(() => new AgentEnvironment("agent", env("staging", { network, storage: [s3] })));
            assert.equal(problems.length, 1, problems.join("\n"));
            assert.ok(problems[0].startsWith(rule), problems[0]);
        }
        const reg = await record(() => new AgentEnvironment("agent", env("staging", { network: { ...existing, securityGroupIds: ["sg-0123456789abcdef0"] }, storage: [s3] })), "staging");
        assert.deepEqual(reg.one(RUNTIME).inputs.filesystemConfigurations, [{ s3FilesAccessPoint: { accessPointArn: S3F_AP, mountPath: "/mnt/docs" } }]);
    });

    it("dev: SESSION storage needs no VPC and creates no file system", async () => {
        const reg = await record(() => new AgentEnvironment("agent", env("dev", { storage: [{ type: "SESSION", mountPath: "/mnt/work" }] })), "dev");
        assert.deepEqual(reg.one(RUNTIME).inputs.filesystemConfigurations, [{ sessionStorage: { mountPath: "/mnt/work" } }]);
        assert.equal(reg.ofType(FS).length, 0);
    });

    for (const environment of ["staging", "prod"] as const) {
        it(`${environment}: an EFS file system in the environment's VPC, encrypted with its own key, NFS only from the runtime's group, mounted through its access point`, async () => {
            const reg = await record(() => new AgentEnvironment("agent", env(environment, { storage: [{ type: "EFS", mountPath: "/mnt/shared" }] })), environment);
            const fs = reg.one(FS, "agent-fs-shared-fs");
            assert.equal(fs.inputs.encrypted, true);
            const key = reg.one("aws:kms/key:Key", "agent-fs-shared-key");
            assert.equal(fs.inputs.kmsKeyId, key.outputs.arn, "the file system's own customer-managed key");
            assert.equal(fs.options?.protect ?? false, environment === "prod", "protected in prod only");
            assert.equal(fs.options?.retainOnDelete ?? false, environment === "prod", "retained in prod only");
            const ap = reg.one(AP, "agent-fs-shared-ap");
            assert.deepEqual(ap.inputs.posixUser, { uid: 1000, gid: 1000 });
            assert.deepEqual(ap.inputs.rootDirectory, { path: "/agentcore", creationInfo: { ownerUid: 1000, ownerGid: 1000, permissions: "750" } });
            const mts = reg.ofType(MT);
            assert.equal(mts.length, 2, "one mount target per zone of the new VPC");
            const nfsGroup = reg.one("aws:ec2/securityGroup:SecurityGroup", "agent-fs-shared-nfs-sg");
            const runtimeGroup = reg.one("aws:ec2/securityGroup:SecurityGroup", "agent-network-runtime-sg");
            for (const mt of mts) {
                assert.deepEqual(mt.inputs.securityGroups, [nfsGroup.id]);
                // Red-team finding: one mount target per zone, so a replacement deletes the old one first.
                assert.equal(mt.options?.deleteBeforeReplace, true, `${mt.name} deletes before it is replaced`);
            }
            const nfsIn = reg.ofType(INGRESS).filter((r) => r.inputs.securityGroupId === nfsGroup.id);
            assert.deepEqual(
                nfsIn.map((r) => ({ from: r.inputs.referencedSecurityGroupId, port: [r.inputs.fromPort, r.inputs.toPort], cidr: r.inputs.cidrIpv4 })),
                [{ from: runtimeGroup.id, port: [2049, 2049], cidr: undefined }],
            );
            const nfsOut = reg.ofType(EGRESS).filter((r) => r.inputs.referencedSecurityGroupId === nfsGroup.id);
            assert.deepEqual(nfsOut.map((r) => [r.inputs.securityGroupId, r.inputs.fromPort]), [[runtimeGroup.id, 2049]]);
            const mount = reg.one(RUNTIME).inputs.filesystemConfigurations;
            assert.deepEqual(mount, [{ efsAccessPoint: { accessPointArn: ap.outputs.arn, mountPath: "/mnt/shared" } }]);
            const grant = parseJsonInput(reg.ofType(POLICY).find((p) => p.inputs.name === "file-storage")!.inputs.policy);
            assert.deepEqual(grant.Statement, [
                { Sid: "EfsMount0", Effect: "Allow", Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], Resource: [fs.outputs.arn], Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": ap.outputs.arn } } },
                { Sid: "EfsDescribe0", Effect: "Allow", Action: ["elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeMountTargets"], Resource: [fs.outputs.arn, ap.outputs.arn] },
            ]);
        });
    }
});
