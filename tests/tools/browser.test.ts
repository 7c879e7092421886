import { strict as assert } from "assert";
import { AgentRuntime, Browser, BrowserArgs, InputValidationError } from "../../sdk";
import { Registrations, parseJsonInput, record, valueOf } from "../harness";

const BROWSER = "aws:bedrock/agentcoreBrowser:AgentcoreBrowser";
const S3 = {
    bucket: "aws:s3/bucket:Bucket",
    encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    publicAccess: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
};
const VPC = { subnetIds: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] };
const IMAGE = {
    imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/reader@sha256:${"d".repeat(64)}`,
    repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/reader",
};
const SESSION_ACTIONS = [
    "bedrock-agentcore:StartBrowserSession",
    "bedrock-agentcore:GetBrowserSession",
    "bedrock-agentcore:StopBrowserSession",
];
/** Wildcard-only in the IAM service reference: granted on "*" in its own statement. */
const AUTOMATION = { Sid: "DriveBrowserSessions", Effect: "Allow", Action: ["bedrock-agentcore:ConnectBrowserAutomationStream"], Resource: ["*"] };

async function plan(args: BrowserArgs): Promise<{ reg: Registrations; browser: Browser }> {
    let browser: Browser | undefined;
    const reg = await record(() => (browser = new Browser("reader-browser", args)));
    return { reg, browser: browser! };
}

describe("Browser", () => {
    it("PUBLIC when asked, without recording: no role and no bucket", async () => {
        const { reg } = await plan({ network: { mode: "PUBLIC" } });
        assert.deepEqual(reg.one(BROWSER, "reader-browser-browser").inputs, { name: "reader_browser_a97032", networkConfiguration: { networkMode: "PUBLIC" } });
        assert.deepEqual(reg.typeCounts(), { "agentcore:index:Browser": 1, [BROWSER]: 1 });
    });

    it("carries subnets and security groups in VPC mode", async () => {
        const { reg } = await plan({ network: { mode: "VPC", vpc: VPC } });
        assert.deepEqual(reg.one(BROWSER).inputs.networkConfiguration, {
            networkMode: "VPC",
            vpcConfig: { subnets: VPC.subnetIds, securityGroups: VPC.securityGroupIds },
        });
    });

    describe("with recording", () => {
        it("records to a bucket that is KMS-encrypted, private, owner-enforced, versioned and expires recordings", async () => {
            const { reg, browser } = await plan({ network: { mode: "PUBLIC" }, recording: { retentionDays: 45 } });
            const bucket = reg.one(S3.bucket, "reader-browser-recordings-bucket");
            const name = bucket.outputs.bucket;
            assert.deepEqual(bucket.inputs, { bucketPrefix: "reader-browser-recordings-", forceDestroy: true });
            assert.match(name, /^reader-browser-recordings-[0-9a-f]{26}$/);
            assert.deepEqual(reg.one(S3.encryption).inputs, {
                bucket: name,
                rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }],
            });
            assert.deepEqual(reg.one(S3.publicAccess).inputs, {
                bucket: name,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            });
            assert.deepEqual(reg.one(S3.ownership).inputs, { bucket: name, rule: { objectOwnership: "BucketOwnerEnforced" } });
            assert.deepEqual(reg.one(S3.versioning).inputs, { bucket: name, versioningConfiguration: { status: "Enabled" } });
            assert.deepEqual(reg.one(S3.lifecycle).inputs, {
                bucket: name,
                rules: [
                    {
                        id: "expire-recordings",
                        status: "Enabled",
                        filter: {},
                        expiration: { days: 45 },
                        noncurrentVersionExpiration: { noncurrentDays: 7 },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
                    },
                ],
            });
            assert.ok(reg.one(S3.lifecycle).options.dependsOn.includes(reg.one(S3.versioning).urn), "lifecycle rules apply once versioning is on");
            assert.deepEqual(reg.one(BROWSER).inputs.recording, { enabled: true, s3Location: { bucket: name, prefix: "recordings/" } });
            assert.equal(await valueOf(browser.recordingLocation!), `s3://${name}/recordings/`);
        });

        it("denies every request without TLS", async () => {
            const { reg } = await plan({ network: { mode: "PUBLIC" }, recording: {} });
            const arn = reg.one(S3.bucket).outputs.arn;
            assert.deepEqual(parseJsonInput(reg.one(S3.policy).inputs.policy), {
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "DenyInsecureTransport",
                        Effect: "Deny",
                        Principal: "*",
                        Action: ["s3:*"],
                        Resource: [arn, `${arn}/*`],
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    },
                ],
            });
        });

        it("gives the browser a role that may only write under the prefix, assumable only for this browser", async () => {
            const { reg } = await plan({ network: { mode: "PUBLIC" }, recording: { prefix: "sessions/reader" } });
            const role = reg.one("aws:iam/role:Role", "reader-browser-role");
            assert.deepEqual(parseJsonInput(role.inputs.assumeRolePolicy).Statement, [
                {
                    Sid: "AssumedByAgentCoreTool",
                    Effect: "Allow",
                    Principal: { Service: "bedrock-agentcore.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": "123456789012" },
                        ArnLike: { "aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:browser-custom/reader_browser_e5f739-??????????" },
                    },
                },
            ]);
            const policy = reg.one("aws:iam/rolePolicy:RolePolicy");
            assert.equal(policy.name, "reader-browser-recording-write");
            assert.deepEqual(parseJsonInput(policy.inputs.policy).Statement, [
                {
                    Sid: "WriteRecordings",
                    Effect: "Allow",
                    Action: ["s3:PutObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"],
                    Resource: [`${reg.one(S3.bucket).outputs.arn}/sessions/reader/*`],
                    Condition: { StringEquals: { "aws:ResourceAccount": "123456789012" } },
                },
            ]);
            const browser = reg.one(BROWSER);
            assert.equal(browser.inputs.executionRoleArn, role.outputs.arn);
            assert.equal(browser.inputs.recording.s3Location.prefix, "sessions/reader/");
            for (const settings of [policy, ...Object.values(S3).slice(1).map((type) => reg.one(type))]) {
                assert.ok(browser.options.dependsOn.includes(settings.urn), `browser should wait for ${settings.name}`);
            }
        });

        it("with a customer-managed key: encrypts with it and lets the role use it only through S3", async () => {
            const { reg } = await plan({ network: { mode: "PUBLIC" }, recording: { customerManagedKey: true } });
            const key = reg.one("aws:kms/key:Key", "reader-browser-recordings-kms-key");
            assert.equal(key.inputs.enableKeyRotation, true);
            assert.deepEqual(reg.one(S3.encryption).inputs.rules, [
                { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs.arn }, bucketKeyEnabled: true },
            ]);
            assert.deepEqual(parseJsonInput(reg.one("aws:iam/rolePolicy:RolePolicy").inputs.policy).Statement[1], {
                Sid: "EncryptRecordings",
                Effect: "Allow",
                Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                Resource: [key.outputs.arn],
                Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
            });
        });

        it("protected from deletion: bucket and key are protected and retained, and never force-destroyed", async () => {
            const { reg } = await plan({ network: { mode: "PUBLIC" }, recording: { customerManagedKey: true }, protectFromDeletion: true });
            for (const resource of [reg.one(S3.bucket), reg.one("aws:kms/key:Key")]) {
                assert.equal(resource.options.protect, true, resource.name);
                assert.equal(resource.options.retainOnDelete, true, resource.name);
            }
            assert.equal(reg.one(S3.bucket).inputs.forceDestroy, false);
        });
    });

    it("grantUse adds exactly the session actions on exactly this browser's ARN", async () => {
        const reg = await record(() => {
            const runtime = new AgentRuntime("reader", { image: IMAGE });
            new Browser("reader-browser", { network: { mode: "PUBLIC" } }).grantUse(runtime.role);
        });
        const arn = reg.one(BROWSER).outputs.browserArn;
        assert.match(arn, /^arn:aws:bedrock-agentcore:us-east-1:123456789012:browser-custom\/reader_browser_a97032-[0-9a-f]{10}$/);
        const grant = reg.one("aws:iam/rolePolicy:RolePolicy", "reader-browser-use");
        assert.equal(grant.inputs.name, "browser-use");
        assert.deepEqual(parseJsonInput(grant.inputs.policy), {
            Version: "2012-10-17",
            Statement: [{ Sid: "UseBrowser", Effect: "Allow", Action: SESSION_ACTIONS, Resource: [arn] }, AUTOMATION],
        });
    });

    it("managed: creates nothing and grants use of AWS's browser ARN", async () => {
        let browser: Browser | undefined;
        const reg = await record(() => {
            const runtime = new AgentRuntime("reader", { image: IMAGE });
            browser = new Browser("reader-browser", { managed: true });
            browser.grantUse(runtime.role);
        });
        assert.equal(reg.ofType(BROWSER).length, 0);
        assert.equal(reg.ofType(S3.bucket).length, 0);
        const arn = "arn:aws:bedrock-agentcore:us-east-1:aws:browser/aws.browser.v1";
        assert.equal(await valueOf(browser!.browserId), "aws.browser.v1");
        assert.deepEqual(parseJsonInput(reg.one("aws:iam/rolePolicy:RolePolicy", "reader-browser-use").inputs.policy).Statement, [
            { Sid: "UseBrowser", Effect: "Allow", Action: SESSION_ACTIONS, Resource: [arn] },
            AUTOMATION,
        ]);
    });
});

describe("Browser validation", () => {
    const source = "(bedrock-agentcore-control API model, shape";
    const prefixRule =
        "must be segments of letters, digits and ! - _ . ' ( ) separated by single slashes, with no leading or trailing slash and no . or .. segment " +
        "(S3 object key safe characters; * would widen the role's write grant beyond the prefix)";
    const PUBLIC = { mode: "PUBLIC" as const };
    const cases: [string, BrowserArgs, string[]][] = [
        ["no network", {}, ['network (not set) is required: { mode: "VPC", vpc } to browse through the stack\'s network, or { mode: "PUBLIC" } explicitly']],
        ["SANDBOX, which browsers do not have", { network: { mode: "SANDBOX" } as never }, [`network.mode "SANDBOX" must be one of PUBLIC, VPC ${source} BrowserNetworkMode)`]],
        [
            "a hyphenated name",
            { name: "web-reader", network: PUBLIC },
            [`name "web-reader" must match [a-zA-Z][a-zA-Z0-9_]{0,47} (letters, digits and underscores; no hyphens) ${source} SandboxName)`],
        ],
        ["a prefix with a trailing slash", { network: PUBLIC, recording: { prefix: "recordings/" } }, [`recording.prefix "recordings/" ${prefixRule}`]],
        ["a prefix with a wildcard", { network: PUBLIC, recording: { prefix: "rec*" } }, [`recording.prefix "rec*" ${prefixRule}`]],
        ["a prefix climbing up", { network: PUBLIC, recording: { prefix: "a/../b" } }, [`recording.prefix "a/../b" ${prefixRule}`]],
        ["an empty prefix", { network: PUBLIC, recording: { prefix: "" } }, [`recording.prefix "" must have at least 1 characters ${source} S3LocationPrefixString)`]],
        [
            "a prefix too long",
            { network: PUBLIC, recording: { prefix: "a".repeat(1025) } },
            [`recording.prefix "${"a".repeat(117)}..." must have at most 1024 characters ${source} S3LocationPrefixString)`],
        ],
        [
            "retention not positive",
            { network: PUBLIC, recording: { retentionDays: 0 } },
            ["recording.retentionDays 0 must be a whole number of days greater than 0 (S3 lifecycle Expiration Days)"],
        ],
        ["fractional retention", { network: PUBLIC, recording: { retentionDays: 1.5 } }, ["recording.retentionDays 1.5 must be a whole number of days greater than 0 (S3 lifecycle Expiration Days)"]],
        [
            "managed with recording and a network",
            { managed: true, network: PUBLIC, recording: {} },
            [
                `network {"mode":"PUBLIC"} cannot be set with managed: true (AWS's managed browser aws.browser.v1 has fixed settings: public network, no role, no session recording)`,
                `recording {} cannot be set with managed: true (AWS's managed browser aws.browser.v1 has fixed settings: public network, no role, no session recording)`,
            ],
        ],
        [
            "everything at once",
            { name: "web-reader", network: { mode: "VPC", vpc: { subnetIds: ["subnet-x"], securityGroupIds: [] } }, recording: { prefix: "/rec", retentionDays: -3 } },
            [
                `name "web-reader" must match [a-zA-Z][a-zA-Z0-9_]{0,47} (letters, digits and underscores; no hyphens) ${source} SandboxName)`,
                `network.vpc.subnetIds[0] "subnet-x" must match subnet-[0-9a-zA-Z]{8,17} ${source} SubnetId)`,
                `network.vpc.securityGroupIds [] must have at least 1 items ${source} SecurityGroups)`,
                `recording.prefix "/rec" ${prefixRule}`,
                "recording.retentionDays -3 must be a whole number of days greater than 0 (S3 lifecycle Expiration Days)",
            ],
        ],
    ];
    for (const [title, args, expected] of cases) {
        it(`reports ${title}, before registering anything`, async () => {
            let error: unknown;
            const reg = await record(() => {
                try {
                    new Browser("reader-browser", args);
                } catch (e) {
                    error = e;
                }
            });
            assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
            assert.deepEqual(error.problems, expected);
            assert.equal(error.component, "Browser reader-browser");
            assert.deepEqual(reg.all.map((r) => r.type), ["agentcore:index:Browser"]);
        });
    }
});
