import { RecordedResource } from "../../plan/mocks";
import { AgentcorePolicy } from "../../policy/common/rule";
import { PolicyConfigEntry, PlanViolation, runPolicies } from "../../policy/evaluate";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
const ARN = `${REGION}:${ACCOUNT}`;
/** The sentinel the engine sends for an unknown string during preview. */
export { UNKNOWN_STRING } from "../../policy/analyzer";

/** A resource as the test describes it: inputs, plus outputs the provider adds. */
export interface Spec {
    type: string;
    name: string;
    inputs: Record<string, any>;
    outputs?: Record<string, any>;
    custom?: boolean;
}

export function urnOf(s: { type: string; name: string }): string {
    return `urn:pulumi:test::agentcore::${s.type}::${s.name}`;
}

/** A RecordedResource as the recording mocks produce it (outputs = inputs + provider outputs). */
export function record(s: Spec): RecordedResource {
    return {
        type: s.type,
        name: s.name,
        urn: urnOf(s),
        parent: "urn:pulumi:test::agentcore::pulumi:pulumi:Stack::agentcore-test",
        custom: s.custom ?? true,
        inputs: s.inputs,
        outputs: { ...s.inputs, ...(s.outputs ?? {}) },
        secretInputs: [],
        options: { protect: false, retainOnDelete: false, dependsOn: [], explicitDependsOn: [], deleteBeforeReplace: false, replaceOnChanges: [], ignoreChanges: [] },
    };
}

const json = (o: unknown) => JSON.stringify(o);

export const RUNTIME_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/agent-runtime-role`;
export const GATEWAY_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/agent-gateway-role`;
export const BROWSER_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/agent-browser-role`;
export const KEY_ARN = `arn:aws:kms:${ARN}:key/1111aaaa-2222-3333-4444-555566667777`;
export const VAULT_KEY_ARN = `arn:aws:kms:${ARN}:key/9999aaaa-2222-3333-4444-555566667777`;
export const DIGEST_URI = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/agent@sha256:${"ab".repeat(32)}`;

export const HARNESS_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/agent-harness-role`;
export const GATEWAY_ARN = `arn:aws:bedrock-agentcore:${ARN}:gateway/agent-gateway-abcde12345`;
export const MEMORY_ARN = `arn:aws:bedrock-agentcore:${ARN}:memory/agent_memory-1`;
export const PROFILE_ARN = `arn:aws:bedrock:${ARN}:application-inference-profile/agentprofile1`;
export const SONNET = "arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0";

/** Trust for AgentCore limited to this account and to one named resource of one type (`runtime/agent-*`), as issue 25 item 5 asks. */
export function trustFor(resource: string) {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AgentCoreAssume",
                Effect: "Allow",
                Principal: { Service: "bedrock-agentcore.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": `arn:aws:bedrock-agentcore:${ARN}:${resource}` } },
            },
        ],
    };
}

/** The runtime role's trust. */
export const trustPolicy = trustFor("runtime/agent-*");

/** The runtime execution role policy of brief §5: compliant with every IAM rule. */
export const runtimePolicy = {
    Version: "2012-10-17",
    Statement: [
        { Sid: "EcrPull", Effect: "Allow", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: `arn:aws:ecr:${ARN}:repository/agent` },
        { Sid: "EcrAuth", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        { Sid: "LogGroup", Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:DescribeLogStreams"], Resource: `arn:aws:logs:${ARN}:log-group:/aws/bedrock-agentcore/runtimes/*` },
        { Sid: "LogGroups", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: `arn:aws:logs:${ARN}:log-group:*` },
        { Sid: "LogStreams", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `arn:aws:logs:${ARN}:log-group:/aws/bedrock-agentcore/runtimes/*:log-stream:*` },
        { Sid: "Xray", Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"], Resource: "*" },
        { Sid: "Metrics", Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "bedrock-agentcore" } } },
        {
            Sid: "WorkloadToken",
            Effect: "Allow",
            Action: ["bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT"],
            Resource: [`arn:aws:bedrock-agentcore:${ARN}:workload-identity-directory/default`, `arn:aws:bedrock-agentcore:${ARN}:workload-identity-directory/default/workload-identity/agent-*`],
        },
        {
            Sid: "Models",
            Effect: "Allow",
            Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
            // Issue 25 item 2: an application inference profile of the stack, judged by the model it routes to.
            Resource: [SONNET, `arn:aws:bedrock:${ARN}:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0`, PROFILE_ARN],
        },
        { Sid: "Memory", Effect: "Allow", Action: ["bedrock-agentcore:CreateEvent", "bedrock-agentcore:ListEvents", "bedrock-agentcore:RetrieveMemoryRecords"], Resource: `arn:aws:bedrock-agentcore:${ARN}:memory/agent_memory-1` },
    ],
};

export const vaultKeyPolicy = {
    Version: "2012-10-17",
    Statement: [
        { Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
        {
            Sid: "TokenVault",
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: "*",
            Condition: {
                StringLike: { "kms:ViaService": "bedrock-agentcore-identity.*.amazonaws.com" },
                StringEquals: { "aws:ResourceAccount": ACCOUNT, "kms:EncryptionContext:aws:bedrock-agentcore-identity:token-vault": "default" },
            },
        },
    ],
};

/** A whole agent stack that passes every rule of the pack under the prod config. */
export function compliantStack(): Spec[] {
    return [
        { type: "pkg:index:AgentRuntime", name: "agent", inputs: {}, custom: false },
        { type: "aws:iam/role:Role", name: "agent-runtime-role", inputs: { name: "agent-runtime-role", assumeRolePolicy: json(trustFor("runtime/agent-*")) }, outputs: { arn: RUNTIME_ROLE_ARN } },
        { type: "aws:iam/rolePolicy:RolePolicy", name: "agent-runtime-policy", inputs: { role: "agent-runtime-role", policy: json(runtimePolicy) } },
        {
            type: "aws:iam/role:Role",
            name: "agent-gateway-role",
            inputs: {
                name: "agent-gateway-role",
                assumeRolePolicy: json(trustFor("gateway/agent-gateway-*")),
                inlinePolicies: [{ name: "invoke", policy: json({ Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: `arn:aws:lambda:${ARN}:function:tool` }] }) }],
            },
            outputs: { arn: GATEWAY_ROLE_ARN },
        },
        { type: "aws:iam/role:Role", name: "agent-browser-role", inputs: { name: "agent-browser-role", assumeRolePolicy: json(trustFor("browser-custom/agent_browser-*")) }, outputs: { arn: BROWSER_ROLE_ARN } },
        {
            type: "aws:iam/role:Role",
            name: "agent-harness-role",
            inputs: {
                name: "agent-harness-role",
                assumeRolePolicy: json(trustFor("harness/agent_harness-*")),
                inlinePolicies: [{ name: "model", policy: json({ Statement: [{ Effect: "Allow", Action: "bedrock:InvokeModel", Resource: SONNET }] }) }],
            },
            outputs: { arn: HARNESS_ROLE_ARN },
        },
        {
            type: "aws:bedrock/inferenceProfile:InferenceProfile",
            name: "agent-profile",
            inputs: { name: "agent-profile", modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0" } },
            outputs: { arn: PROFILE_ARN },
        },
        { type: "aws:iam/policy:Policy", name: "agent-browser-policy", inputs: { policy: json({ Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::agent-recordings/sessions/*" }] }) }, outputs: { arn: `arn:aws:iam::${ACCOUNT}:policy/agent-browser-policy` } },
        { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "agent-browser-attach", inputs: { role: "agent-browser-role", policyArn: `arn:aws:iam::${ACCOUNT}:policy/agent-browser-policy` } },
        {
            type: "aws:ecr/repository:Repository",
            name: "agent-repo",
            inputs: { name: "agent", imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true }, encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY_ARN }] },
        },
        { type: "aws:kms/key:Key", name: "agent-key", inputs: { enableKeyRotation: true }, outputs: { arn: KEY_ARN, keyId: "1111aaaa-2222-3333-4444-555566667777" } },
        { type: "aws:kms/key:Key", name: "vault-key", inputs: { enableKeyRotation: true, policy: json(vaultKeyPolicy) }, outputs: { arn: VAULT_KEY_ARN, keyId: "9999aaaa-2222-3333-4444-555566667777" } },
        {
            type: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
            name: "agent-runtime",
            inputs: {
                agentRuntimeName: "agent",
                agentRuntimeArtifact: { containerConfiguration: { containerUri: DIGEST_URI } },
                networkConfiguration: { networkMode: "VPC", networkModeConfig: { subnets: ["subnet-1"], securityGroups: ["sg-1"] } },
                roleArn: RUNTIME_ROLE_ARN,
                environmentVariables: { MEMORY_ID: "agent_memory-1", GATEWAY_URL: "https://gw", AWS_REGION: REGION, MODEL_ID: "anthropic.claude", API_KEY_SECRET_ARN: "arn:aws:secretsmanager:x", MAX_TOKENS: "4096" },
            },
            outputs: { agentRuntimeId: "agent-abc123", agentRuntimeArn: `arn:aws:bedrock-agentcore:${ARN}:runtime/agent-abc123` },
        },
        { type: "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint", name: "agent-prod", inputs: { name: "prod", agentRuntimeId: "agent-abc123", agentRuntimeVersion: "3" } },
        { type: "aws:bedrock/agentcoreMemory:AgentcoreMemory", name: "agent-memory", inputs: { name: "agent_memory", eventExpiryDuration: 30, encryptionKeyArn: KEY_ARN }, outputs: { arn: MEMORY_ARN } },
        // Issue 25 item 8: the memory's logs go to a log group under a customer-managed key too.
        { type: "aws:cloudwatch/logGroup:LogGroup", name: "agent-memory-logs", inputs: { name: "/aws/vendedlogs/bedrock-agentcore/memory/agent_memory", kmsKeyId: KEY_ARN } },
        { type: "aws:cloudwatch/logDeliverySource:LogDeliverySource", name: "agent-memory-log-source", inputs: { name: "mem-agent_memory-logs", logType: "APPLICATION_LOGS", resourceArn: MEMORY_ARN } },
        {
            type: "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
            name: "agent-memory-log-destination",
            inputs: { name: "mem-agent_memory-logs", deliveryDestinationConfiguration: { destinationResourceArn: `arn:aws:logs:${ARN}:log-group:/aws/vendedlogs/bedrock-agentcore/memory/agent_memory` } },
            outputs: { arn: `arn:aws:logs:${ARN}:delivery-destination:mem-agent_memory-logs` },
        },
        {
            type: "aws:cloudwatch/logDelivery:LogDelivery",
            name: "agent-memory-log-delivery",
            inputs: { deliverySourceName: "mem-agent_memory-logs", deliveryDestinationArn: `arn:aws:logs:${ARN}:delivery-destination:mem-agent_memory-logs` },
        },
        {
            type: "aws:bedrock/agentcoreGateway:AgentcoreGateway",
            name: "agent-gateway",
            inputs: {
                name: "agent-gateway",
                authorizerType: "CUSTOM_JWT",
                authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: "https://cognito/.well-known/openid-configuration", allowedClients: ["client-1"] } },
                kmsKeyArn: KEY_ARN,
                roleArn: GATEWAY_ROLE_ARN,
                protocolType: "MCP",
                policyEngineConfiguration: { arn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:policy-engine/agent_gateway_policies-a1b2c3d4e5", mode: "ENFORCE" },
            },
            outputs: { gatewayArn: GATEWAY_ARN, gatewayId: "agent-gateway-abcde12345" },
        },
        // Issue 25 item 1: an exact gateway ARN names the account; no sourceAccount needed.
        { type: "aws:lambda/permission:Permission", name: "gateway-invoke", inputs: { action: "lambda:InvokeFunction", function: "tool", principal: "bedrock-agentcore.amazonaws.com", sourceArn: GATEWAY_ARN } },
        // Issue 25 item 6: the runtime's group sends HTTPS only to the endpoints' group.
        { type: "aws:ec2/securityGroup:SecurityGroup", name: "agent-sg", inputs: { vpcId: "vpc-1", description: "agent" }, outputs: { arn: `arn:aws:ec2:${ARN}:security-group/sg-1` } },
        {
            type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
            name: "agent-sg-to-endpoints",
            inputs: { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 443, toPort: 443, referencedSecurityGroupId: "sg-endpoints" },
        },
        // Issue 25 item 7: a harness in the VPC, naming its tools and its model.
        {
            type: "aws:bedrock/agentcoreHarness:AgentcoreHarness",
            name: "agent-harness",
            inputs: {
                harnessName: "agent_harness",
                executionRoleArn: HARNESS_ROLE_ARN,
                allowedTools: ["file_operations", "@docs/search"],
                model: { bedrockModelConfig: { modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0" } },
                systemPrompts: [{ text: "You answer questions about orders." }],
                environments: [{ agentcoreRuntimeEnvironments: [{ networkConfigurations: [{ networkMode: "VPC", networkModeConfigs: [{ subnets: ["subnet-1"], securityGroups: ["sg-1"] }] }] }] }],
                tools: [{ type: "remoteMcp", name: "docs", config: { remoteMcp: { url: "https://docs.example.com/mcp", headers: { "X-Client": "agent" } } } }],
                // Without a memory block AWS creates a managed memory under its own key (red-team finding 1).
                memory: { disabled: {} },
            },
        },
        { type: "aws:bedrock/agentcoreTokenVaultCmk:AgentcoreTokenVaultCmk", name: "vault-cmk", inputs: { kmsConfiguration: { keyType: "CustomerManagedKey", kmsKeyArn: VAULT_KEY_ARN } } },
        { type: "aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider", name: "search-key", inputs: { name: "search", apiKeyWo: "k", apiKeyWoVersion: 1 } },
        {
            type: "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider",
            name: "github-oauth",
            inputs: { name: "github", credentialProviderVendor: "GithubOauth2", oauth2ProviderConfig: { githubOauth2ProviderConfig: { clientId: "id", clientSecretWo: "s", clientCredentialsWoVersion: 1 } } },
        },
        { type: "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter", name: "agent-ci", inputs: { name: "agent_ci", networkConfiguration: { networkMode: "VPC", vpcConfig: { subnets: ["subnet-1"], securityGroups: ["sg-1"] } } } },
        {
            type: "aws:bedrock/agentcoreBrowser:AgentcoreBrowser",
            name: "agent-browser",
            inputs: {
                name: "agent_browser",
                executionRoleArn: BROWSER_ROLE_ARN,
                networkConfiguration: { networkMode: "VPC", vpcConfig: { subnets: ["subnet-1"], securityGroups: ["sg-1"] } },
                recording: { enabled: true, s3Location: { bucket: "agent-recordings", prefix: "sessions/" } },
            },
        },
        { type: "aws:s3/bucket:Bucket", name: "agent-recordings", inputs: { bucket: "agent-recordings" } },
        {
            type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            name: "agent-recordings-sse",
            inputs: { bucket: "agent-recordings", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }, bucketKeyEnabled: true }] },
        },
        {
            type: "aws:s3/bucketPolicy:BucketPolicy",
            name: "agent-recordings-policy",
            inputs: {
                bucket: "agent-recordings",
                policy: json({
                    Statement: [
                        { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::agent-recordings/*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
                        { Sid: "Browser", Effect: "Allow", Principal: { AWS: BROWSER_ROLE_ARN }, Action: "s3:PutObject", Resource: "arn:aws:s3:::agent-recordings/sessions/*" },
                    ],
                }),
            },
        },
        {
            type: "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy",
            name: "agent-runtime-policy-org",
            inputs: {
                resourceArn: `arn:aws:bedrock-agentcore:${ARN}:runtime/agent-abc123`,
                policy: json({ Statement: [{ Effect: "Allow", Principal: "*", Action: "bedrock-agentcore:InvokeAgentRuntime", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }] }),
            },
        },
    ];
}

/** Deep-copies specs and sets (or, with `undefined`, deletes) one input of the named resource. */
export function change(specs: Spec[], name: string, path: string, value: unknown): Spec[] {
    const copy: Spec[] = JSON.parse(JSON.stringify(specs));
    const target = copy.find((s) => s.name === name);
    if (!target) {
        throw new Error(`no fixture named ${name}`);
    }
    const parts = path.split(".");
    let obj: any = target.inputs;
    for (const p of parts.slice(0, -1)) {
        obj[p] ??= {};
        obj = obj[p];
    }
    const last = parts[parts.length - 1];
    if (value === undefined) {
        delete obj[last];
    } else {
        obj[last] = value;
    }
    return copy;
}

/** Runs policies the way evaluatePolicies does and returns the violations. */
export function run(specs: Spec[], policies: AgentcorePolicy[], config: Record<string, PolicyConfigEntry> = {}): Promise<PlanViolation[]> {
    return runPolicies(specs.map(record), config, policies);
}

/** Messages of the violations of one policy, as `name: message` (name of the resource reported). */
export async function messages(specs: Spec[], policy: AgentcorePolicy, config: Record<string, any> = {}): Promise<string[]> {
    const vs = await run(specs, [policy], { [policy.name]: config });
    return vs.map((v) => `${v.urn.split("::").pop()}: ${v.message}`);
}

export { json };
