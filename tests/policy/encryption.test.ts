import { browserRecordingBucket } from "../../policy/rules/encryption/browser-recording-bucket";
import { customerManagedKeys } from "../../policy/rules/encryption/customer-managed-keys";
import { keyRotation } from "../../policy/rules/encryption/key-rotation";
import { tokenVaultKeyPolicy } from "../../policy/rules/encryption/token-vault-key-policy";
import { browserRecordingTls } from "../../policy/rules/encryption/browser-recording-tls";
import { exportedData } from "../../policy/rules/encryption/exported-data";
import { change, compliantStack, json, KEY_ARN, Spec, UNKNOWN_STRING, vaultKeyPolicy } from "./fixtures";
import { describeRule } from "./table";

const S = compliantStack();

describeRule({
    policy: customerManagedKeys,
    failing: [
        { title: "flags memory without a key", specs: change(S, "agent-memory", "encryptionKeyArn", undefined), expect: ["agent-memory: Memory must be encrypted with a customer-managed KMS key (set encryptionKeyArn)"] },
        { title: "flags a gateway without a key", specs: change(S, "agent-gateway", "kmsKeyArn", undefined), expect: ["agent-gateway: Gateway must be encrypted with a customer-managed KMS key (set kmsKeyArn)"] },
        {
            title: "flags a token vault on the service-managed key",
            specs: change(S, "vault-cmk", "kmsConfiguration", { keyType: "ServiceManagedKey" }),
            expect: ['vault-cmk: Token vault must be encrypted with a customer-managed KMS key (set kmsConfiguration.keyType to "CustomerManagedKey" and kmsConfiguration.kmsKeyArn)'],
        },
        { title: "flags aws-native Memory without a key", specs: [{ type: "aws-native:bedrockagentcore:Memory", name: "n", inputs: { eventExpiryDuration: 30 } }], expect: ["n: Memory must be encrypted with a customer-managed KMS key (set encryptionKeyArn)"] },
        {
            title: "flags policy engines (both providers) and agent registries without a key; evaluators are not judged yet",
            specs: [
                { type: "aws:bedrock/agentcoreEvaluator:AgentcoreEvaluator", name: "judge", inputs: { evaluatorName: "judge", level: "SESSION" } },
                { type: "aws-native:bedrockagentcore:Evaluator", name: "n-judge", inputs: { evaluatorName: "judge" } },
                { type: "aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine", name: "engine", inputs: { name: "engine" } },
                { type: "aws-native:bedrockagentcore:PolicyEngine", name: "n-engine", inputs: { name: "engine" } },
                { type: "aws:agentregistry/registry:Registry", name: "registry", inputs: { name: "agents", discoveryConfiguration: {} } },
                { type: "aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine", name: "engine-cmk", inputs: { name: "engine2", encryptionKeyArn: KEY_ARN } },
            ],
            expect: [
                "engine: Policy engine must be encrypted with a customer-managed KMS key (set encryptionKeyArn)",
                "n-engine: Policy engine must be encrypted with a customer-managed KMS key (set encryptionKeyArn)",
                "registry: Agent registry must be encrypted with a customer-managed KMS key (set encryptionConfiguration.kmsKeyArn)",
            ],
        },
        {
            title: "issue 25 item 7: flags a harness-managed memory under AWS's own key, and an aws-native capacity provider's root volume",
            specs: [
                ...change(S, "agent-harness", "memory", { managedMemoryConfiguration: { eventExpiryDuration: 30 } }),
                { type: "aws-native:bedrockagentcore:CapacityProvider", name: "cp", inputs: { computeConfiguration: { ec2Configuration: { rootVolume: { encrypted: true } } } } },
            ],
            expect: [
                "agent-harness: Harness-managed memory must be encrypted with a customer-managed KMS key (set memory.managedMemoryConfiguration.encryptionKeyArn, or memory { disabled: {} })",
                "cp: Capacity provider root volume must be encrypted with a customer-managed KMS key (set computeConfiguration.ec2Configuration.rootVolume { encrypted: true, kmsKeyId })",
            ],
        },
        {
            title: "red-team finding 1: flags a harness without a memory block (AWS's default managed memory, under its own key), classic and aws-native",
            specs: [...change(S, "agent-harness", "memory", undefined), { type: "aws-native:bedrockagentcore:Harness", name: "nh", inputs: { harnessName: "h" } }],
            expect: [
                "agent-harness: Harness-managed memory must be encrypted with a customer-managed KMS key (set memory.managedMemoryConfiguration.encryptionKeyArn, or memory { disabled: {} })",
                "nh: Harness-managed memory must be encrypted with a customer-managed KMS key (set memory.managedMemoryConfiguration.encryptionKeyArn, or memory { disabled: {} })",
            ],
        },
        {
            title: "red-team finding 1: accepts a harness with memory disabled or on an existing memory",
            specs: [...change(S, "agent-harness", "memory", { agentcoreMemoryConfiguration: { arn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/m-AbCdEf1234" } }), { type: "aws-native:bedrockagentcore:Harness", name: "nh", inputs: { harnessName: "h", memory: { disabled: {} } } }],
            expect: [],
        },
        { title: "accepts a harness-managed memory under a customer-managed key", specs: change(S, "agent-harness", "memory", { managedMemoryConfiguration: { encryptionKeyArn: KEY_ARN } }), expect: [] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy", name: "s", inputs: {} }],
    unknown: change(S, "agent-memory", "encryptionKeyArn", UNKNOWN_STRING),
});

describeRule({
    policy: keyRotation,
    failing: [
        { title: "flags rotation off", specs: change(S, "agent-key", "enableKeyRotation", false), expect: ["agent-key: KMS key must rotate automatically (set enableKeyRotation to true)"] },
        { title: "flags rotation unset", specs: change(S, "agent-key", "enableKeyRotation", undefined), expect: ["agent-key: KMS key must rotate automatically (set enableKeyRotation to true)"] },
        { title: "ignores asymmetric signing keys (no automatic rotation exists)", specs: change(change(S, "agent-key", "enableKeyRotation", false), "agent-key", "keyUsage", "SIGN_VERIFY"), expect: [] },
    ],
    notApplicable: [{ type: "aws:kms/alias:Alias", name: "a", inputs: { enableKeyRotation: false } }],
    unknown: change(S, "agent-key", "enableKeyRotation", UNKNOWN_STRING),
});

const withoutCondition = (key: string) => {
    const p = JSON.parse(json(vaultKeyPolicy));
    for (const op of Object.values(p.Statement[1].Condition) as Record<string, unknown>[]) {
        delete op[key];
    }
    return json(p);
};
describeRule({
    policy: tokenVaultKeyPolicy,
    failing: [
        {
            title: "flags a grant without kms:ViaService",
            specs: change(S, "vault-key", "policy", withoutCondition("kms:ViaService")),
            expect: ['vault-key: Token vault key vault-key policy statement "TokenVault" must be conditioned on kms:ViaService bedrock-agentcore-identity.<region>.amazonaws.com'],
        },
        {
            title: "flags a grant without aws:ResourceAccount",
            specs: change(S, "vault-key", "policy", withoutCondition("aws:ResourceAccount")),
            expect: ['vault-key: Token vault key vault-key policy statement "TokenVault" must be conditioned on aws:ResourceAccount'],
        },
        {
            title: "flags a grant without the token-vault encryption context",
            specs: change(S, "vault-key", "policy", withoutCondition("kms:EncryptionContext:aws:bedrock-agentcore-identity:token-vault")),
            expect: ['vault-key: Token vault key vault-key policy statement "TokenVault" must be conditioned on a kms:EncryptionContext:<key> condition for the token vault'],
        },
        {
            title: "flags a ViaService for another service",
            specs: change(S, "vault-key", "policy", json({ ...vaultKeyPolicy, Statement: [vaultKeyPolicy.Statement[0], { ...vaultKeyPolicy.Statement[1], Condition: { ...vaultKeyPolicy.Statement[1].Condition, StringLike: { "kms:ViaService": "s3.*.amazonaws.com" } } }] })),
            expect: ['vault-key: Token vault key vault-key policy statement "TokenVault" must be conditioned on kms:ViaService bedrock-agentcore-identity.<region>.amazonaws.com'],
        },
        { title: "flags a key without a policy", specs: change(S, "vault-key", "policy", undefined), expect: ["vault-key: Token vault key vault-key must have a key policy that admits the identity service only via kms:ViaService (set policy)"] },
        {
            title: "flags a policy with only the root statement",
            specs: change(S, "vault-key", "policy", json({ Statement: [vaultKeyPolicy.Statement[0]] })),
            expect: ["vault-key: Token vault key vault-key policy must grant the identity service use of the key under kms:ViaService, aws:ResourceAccount and encryption-context conditions"],
        },
        {
            title: "reads a separate KeyPolicy resource for the key",
            specs: [
                ...change(S, "vault-key", "policy", undefined),
                { type: "aws:kms/keyPolicy:KeyPolicy", name: "vault-key-policy", inputs: { keyId: "9999aaaa-2222-3333-4444-555566667777", policy: withoutCondition("aws:ResourceAccount") } },
            ],
            expect: ['vault-key-policy: Token vault key vault-key policy statement "TokenVault" must be conditioned on aws:ResourceAccount'],
        },
        { title: "does not judge keys the token vault does not use", specs: change(S, "agent-key", "policy", withoutCondition("kms:ViaService")), expect: [] },
    ],
    notApplicable: [{ type: "aws:kms/key:Key", name: "k", inputs: {}, outputs: { arn: "arn:aws:kms:us-east-1:123456789012:key/x" } }],
    unknown: change(S, "vault-key", "policy", UNKNOWN_STRING),
});

describeRule({
    policy: browserRecordingBucket,
    failing: [
        {
            title: "flags a recording bucket without encryption configuration as not KMS-encrypted (S3 uses SSE-S3 by default)",
            specs: compliantStack().filter((s) => s.name !== "agent-recordings-sse"),
            expect: [
                'agent-browser: Browser agent-browser records to bucket agent-recordings, which is not KMS-encrypted: it has no encryption configuration, so S3 uses its default SSE-S3 (AES256) (add a BucketServerSideEncryptionConfiguration with sseAlgorithm "aws:kms")',
            ],
        },
        {
            title: "flags AES256 when KMS is required",
            specs: change(S, "agent-recordings-sse", "rules", [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]),
            expect: ['agent-browser: Browser agent-browser records to bucket agent-recordings, which is not KMS-encrypted: its encryption configuration sets sseAlgorithm "AES256" (add a BucketServerSideEncryptionConfiguration with sseAlgorithm "aws:kms")'],
        },
        { title: "accepts no configuration when KMS is not required (S3 encrypts by default)", specs: compliantStack().filter((s) => s.name !== "agent-recordings-sse"), config: { requireKms: false }, expect: [] },
        { title: "accepts AES256 when KMS is not required", specs: change(S, "agent-recordings-sse", "rules", [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]), config: { requireKms: false }, expect: [] },
        {
            title: "issue 25 item 9: flags S3's AWS managed key (aws:kms without kmsMasterKeyId) where a customer-managed key is required",
            specs: change(S, "agent-recordings-sse", "rules", [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }]),
            config: { requireCustomerManagedKey: true },
            expect: ['agent-browser: Browser agent-browser records to bucket agent-recordings, which uses S3\'s AWS managed key (sseAlgorithm "aws:kms" without kmsMasterKeyId): set kmsMasterKeyId to a customer-managed key'],
        },
        { title: "accepts S3's AWS managed key under the default config", specs: change(S, "agent-recordings-sse", "rules", [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }]), expect: [] },
        {
            title: "accepts the V2 configuration type",
            specs: S.map((s) => (s.name === "agent-recordings-sse" ? { ...s, type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2" } : s)),
            expect: [],
        },
    ],
    notApplicable: [{ type: "aws:s3/bucket:Bucket", name: "b", inputs: { bucket: "b" } }],
    unknown: change(S, "agent-recordings-sse", "bucket", UNKNOWN_STRING),
});

const recordingPolicy = (statements: unknown[]) => change(S, "agent-recordings-policy", "policy", json({ Statement: statements }));
const BROWSER_WRITE = { Sid: "Browser", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/agent-browser-role" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::agent-recordings/sessions/*" };
describeRule({
    policy: browserRecordingTls,
    failing: [
        {
            title: "flags a recording bucket whose policy does not deny plain HTTP",
            specs: recordingPolicy([BROWSER_WRITE]),
            expect: ['agent-browser: Browser agent-browser records to bucket agent-recordings, whose bucket policy does not deny requests without TLS (add a Deny on aws:SecureTransport "false")'],
        },
        {
            title: "flags a recording bucket without a bucket policy",
            specs: compliantStack().filter((s) => s.name !== "agent-recordings-policy"),
            expect: ['agent-browser: Browser agent-browser records to bucket agent-recordings, whose bucket policy does not deny requests without TLS (add a Deny on aws:SecureTransport "false")'],
        },
        {
            title: "does not take a TLS Deny on the bucket itself only (objects still reachable) for TLS-only",
            specs: recordingPolicy([{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::agent-recordings", Condition: { Bool: { "aws:SecureTransport": "false" } } }]),
            expect: ['agent-browser: Browser agent-browser records to bucket agent-recordings, whose bucket policy does not deny requests without TLS (add a Deny on aws:SecureTransport "false")'],
        },
        { title: "accepts a Deny with Principal {AWS: \"*\"} over every object", specs: recordingPolicy([{ Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: ["arn:aws:s3:::agent-recordings", "arn:aws:s3:::agent-recordings/*"], Condition: { Bool: { "aws:SecureTransport": ["false"] } } }]), expect: [] },
    ],
    notApplicable: [{ type: "aws:s3/bucketPolicy:BucketPolicy", name: "p", inputs: { bucket: "other", policy: json({ Statement: [] }) } }],
    unknown: change(S, "agent-recordings-policy", "policy", UNKNOWN_STRING),
});

const DELIVERY = "agent-memory-log-delivery";
const KINESIS_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/memory-records";
/** The memory streams full records to a Kinesis stream of the stack with the given encryption. */
function streamed(stream: Record<string, unknown>, level = "FULL_CONTENT"): Spec[] {
    return [
        ...change(S, "agent-memory", "streamDeliveryResources", { resource: { kinesis: { dataStreamArn: KINESIS_ARN, contentConfiguration: { type: "MEMORY_RECORDS", level } } } }),
        { type: "aws:kinesis/stream:Stream", name: "memory-records", inputs: { name: "memory-records", ...stream }, outputs: { arn: KINESIS_ARN } },
    ];
}
const BUCKET_DESTINATION = "arn:aws:s3:::agent-memory-logs";
describeRule({
    policy: exportedData,
    failing: [
        {
            title: "issue 25 item 8: flags a memory under a customer-managed key whose logs go to a log group without one",
            specs: change(S, "agent-memory-logs", "kmsKeyId", undefined),
            expect: [
                `${DELIVERY}: Memory agent-memory is encrypted with a customer-managed key, but this delivery sends its APPLICATION_LOGS to log group /aws/vendedlogs/bedrock-agentcore/memory/agent_memory, which has no kmsKeyId (CloudWatch Logs then uses its own key): encrypt the destination with a customer-managed key too`,
            ],
        },
        {
            title: "issue 25 item 8: flags logs delivered to a bucket of the stack under S3's own keys",
            specs: [
                ...change(S, "agent-memory-log-destination", "deliveryDestinationConfiguration.destinationResourceArn", BUCKET_DESTINATION),
                { type: "aws:s3/bucket:Bucket", name: "agent-memory-logs-bucket", inputs: { bucket: "agent-memory-logs" } },
            ],
            expect: [
                `${DELIVERY}: Memory agent-memory is encrypted with a customer-managed key, but this delivery sends its APPLICATION_LOGS to bucket agent-memory-logs, which is not encrypted with a customer-managed key (sseAlgorithm "aws:kms" with kmsMasterKeyId): encrypt the destination with a customer-managed key too`,
            ],
        },
        {
            title: "issue 25 item 8: flags a memory exporting full records to a Kinesis stream without a customer-managed key (AWS managed alias too)",
            specs: streamed({ encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" }),
            expect: [
                'agent-memory: Memory agent-memory is encrypted with a customer-managed key, but streams its memory records to Kinesis stream memory-records, which is not encrypted with a customer-managed key (encryptionType "KMS" with a kmsKeyId other than alias/aws/kinesis): encrypt the stream with a customer-managed key too',
            ],
        },
        { title: "accepts a stream under a customer-managed key", specs: streamed({ encryptionType: "KMS", kmsKeyId: KEY_ARN }), expect: [] },
        { title: "accepts metadata-only streaming (no conversation content)", specs: streamed({}, "METADATA_ONLY"), expect: [] },
        { title: "does not judge a memory that is itself under AWS's own key", specs: change(change(S, "agent-memory-logs", "kmsKeyId", undefined), "agent-memory", "encryptionKeyArn", undefined), expect: [] },
        { title: "does not judge destinations this stack does not declare", specs: change(S, "agent-memory-log-destination", "deliveryDestinationConfiguration.destinationResourceArn", "arn:aws:logs:us-east-1:123456789012:log-group:/central/agents"), expect: [] },
    ],
    notApplicable: [{ type: "aws:cloudwatch/logGroup:LogGroup", name: "lonely", inputs: { name: "/aws/vendedlogs/x" } }],
    unknown: change(change(S, "agent-memory-logs", "kmsKeyId", undefined), "agent-memory-log-source", "resourceArn", UNKNOWN_STRING),
});
