import { strict as assert } from "assert";
import { AgentEnvironment } from "../../sdk";
import { STORAGE_CONTRACT } from "../../sdk/storage/contract";
import { parseJsonInput, record } from "../harness";
import { RenderedAccess, renderedRole, unexercised, violations } from "./simulate";

// issue 24 item 4: the execution role's access to its file systems, under the IAM evaluator.

const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/reader@sha256:${"d".repeat(64)}` };
const S3F_FS = "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01";
const S3F_AP = `${S3F_FS}/access-point/fsap-0123456789abcdef01`;
const OTHER = {
    otherFileSystemArn: "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0fedcba9876543210",
    otherAccessPointArn: "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0fedcba9876543210",
};
const BASE = { account: "123456789012", region: "us-east-1", partition: "aws", resourcePolicies: {}, endpointPolicies: {} };

/** A principal of the account with no EFS grant of its own (rows `account:no-efs-grant`). */
const NO_EFS_GRANT = { "no-efs-grant": [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }] };

/**
 * An environment with an EFS file system it creates (red-team finding 2: its file system policy is the `fileSystem`
 * resource policy); the read-only shape also mounts an S3 Files access point (EXISTING_VPC with the user's groups).
 */
async function environmentShape(readOnly: boolean): Promise<RenderedAccess> {
    const network = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"], securityGroupIds: ["sg-0123456789abcdef0"] };
    const reg = await record(
        () =>
            new AgentEnvironment("agent", {
                environment: "prod",
                image: { imageUri: IMAGE.imageUri },
                runtimeVersion: "1",
                ...(readOnly
                    ? { network, storage: [{ type: "EFS", mountPath: "/mnt/shared", readOnly: true }, { type: "S3_FILES", mountPath: "/mnt/docs", accessPointArn: S3F_AP, fileSystemArn: S3F_FS, readOnly: true }] }
                    : { storage: [{ type: "EFS", mountPath: "/mnt/shared" }] }),
            }),
        "prod",
    );
    const fs = reg.one("aws:efs/fileSystem:FileSystem");
    const ap = reg.one("aws:efs/accessPoint:AccessPoint");
    return {
        ...BASE,
        bindings: { fileSystemArn: fs.outputs.arn, accessPointArn: ap.outputs.arn, s3FilesFileSystemArn: S3F_FS, s3FilesAccessPointArn: S3F_AP, ...OTHER },
        roles: { runtime: renderedRole(reg, "agent-role") },
        resourcePolicies: { fileSystem: parseJsonInput(reg.one("aws:efs/fileSystemPolicy:FileSystemPolicy").inputs.policy) },
        accountIdentities: NO_EFS_GRANT,
        features: new Set(readOnly ? ["efs", "s3files", "read-only"] : ["efs", "writable"]),
    };
}

describe("access contract: storage (issue 24 item 4)", function () {
    this.timeout(120000);
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        shapes.environment = await environmentShape(false);
        shapes.readOnly = await environmentShape(true);
    });

    for (const shape of ["environment", "readOnly"]) {
        it(`every allowed call is allowed and every denied call denied (${shape})`, async () => {
            assert.deepEqual(await violations(STORAGE_CONTRACT, shapes[shape]), []);
        });
    }

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(STORAGE_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: a grant without the access-point condition lets the role mount the file system's root", async () => {
        const role = shapes.environment.roles.runtime;
        const loose = {
            ...role,
            policies: role.policies.map((p) =>
                p.name === "file-storage" ? { ...p, policy: { ...p.policy, Statement: p.policy.Statement.map((s: Record<string, unknown>) => ({ ...s, Condition: undefined })) } } : p,
            ),
        };
        const found = await violations(STORAGE_CONTRACT, { ...shapes.environment, roles: { runtime: loose } });
        assert.ok(found.some((v) => v.includes("efs-no-access-point")) && found.some((v) => v.includes("efs-other-access-point")), found.join("\n"));
    });

    it("red-team finding 2: without the file system policy's TLS deny and principal, the TLS and other-principal rows fail", async () => {
        const open = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], Resource: shapes.environment.bindings.fileSystemArn }] };
        const found = await violations(STORAGE_CONTRACT, { ...shapes.environment, resourcePolicies: { fileSystem: open } });
        assert.ok(found.some((v) => v.includes("efs-without-tls")) && found.some((v) => v.includes("efs-other-principal")), found.join("\n"));
    });
});
