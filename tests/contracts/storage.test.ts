import { strict as assert } from "assert";
import { AgentEnvironment, AgentRuntime } from "../../sdk";
import { STORAGE_CONTRACT } from "../../sdk/storage/contract";
import { record } from "../harness";
import { RenderedAccess, renderedRole, unexercised, violations } from "./simulate";

// issue 24 item 4: the execution role's access to its file systems, under the IAM evaluator.

const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/reader@sha256:${"d".repeat(64)}`, repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/reader" };
const EFS_AP = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";
const EFS_FS = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0";
const S3F_FS = "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01";
const S3F_AP = `${S3F_FS}/access-point/fsap-0123456789abcdef01`;
const OTHER = {
    otherFileSystemArn: "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0fedcba9876543210",
    otherAccessPointArn: "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0fedcba9876543210",
};
const BASE = { account: "123456789012", region: "us-east-1", partition: "aws", resourcePolicies: {}, endpointPolicies: {} };

/** A prod environment with an EFS file system it creates (writable). */
async function environmentShape(): Promise<RenderedAccess> {
    const reg = await record(
        () => new AgentEnvironment("agent", { environment: "prod", image: { imageUri: IMAGE.imageUri }, runtimeVersion: "1", storage: [{ type: "EFS", mountPath: "/mnt/shared" }] }),
        "prod",
    );
    const fs = reg.one("aws:efs/fileSystem:FileSystem");
    const ap = reg.one("aws:efs/accessPoint:AccessPoint");
    return {
        ...BASE,
        bindings: { fileSystemArn: fs.outputs.arn, accessPointArn: ap.outputs.arn, s3FilesFileSystemArn: S3F_FS, s3FilesAccessPointArn: S3F_AP, ...OTHER },
        roles: { runtime: renderedRole(reg, "agent-role") },
        features: new Set(["efs", "writable"]),
    };
}

/** An AgentRuntime with given read-only EFS and S3 Files mounts. */
async function readOnlyShape(): Promise<RenderedAccess> {
    const reg = await record(
        () =>
            new AgentRuntime("reader", {
                image: IMAGE,
                network: { mode: "VPC", subnetIds: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] },
                storage: [
                    { type: "EFS", mountPath: "/mnt/shared", accessPointArn: EFS_AP, fileSystemArn: EFS_FS, readOnly: true },
                    { type: "S3_FILES", mountPath: "/mnt/docs", accessPointArn: S3F_AP, fileSystemArn: S3F_FS, readOnly: true },
                ],
            }),
    );
    return {
        ...BASE,
        bindings: { fileSystemArn: EFS_FS, accessPointArn: EFS_AP, s3FilesFileSystemArn: S3F_FS, s3FilesAccessPointArn: S3F_AP, ...OTHER },
        roles: { runtime: renderedRole(reg, "reader-role") },
        features: new Set(["efs", "s3files", "read-only"]),
    };
}

describe("access contract: storage (issue 24 item 4)", function () {
    this.timeout(120000);
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        shapes.environment = await environmentShape();
        shapes.readOnly = await readOnlyShape();
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
});
