import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";

/** One registration seen by the mock engine: what the program asked for and what the mock answered. */
export interface RecordedResource {
    /** Type token, e.g. `aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime`. */
    type: string;
    /** Logical name given to the resource. */
    name: string;
    /** Physical id the mock answered with (`undefined` for components). */
    id?: string;
    /** URN as the engine would compute it. */
    urn: string;
    /** URN of the parent resource (the stack for top-level resources). */
    parent: string;
    /** False for component resources. */
    custom: boolean;
    /** Inputs after Pulumi resolved them; secret values stay wrapped in Pulumi's secret signature object. */
    inputs: Record<string, any>;
    /** Outputs the mock answered with. */
    outputs: Record<string, any>;
    /** Paths (`a.b[0].c`) of input values the program marked secret. */
    secretInputs: string[];
    /** Resource options that matter for review (what protects the resource, what replaces it). */
    options: RecordedOptions;
    /** The `customTimeouts.delete` option ("" when not set). */
    deleteTimeout?: string;
}

/** Resource options that matter for safety, as the registration request carried them (after transforms). */
export interface RecordedOptions {
    protect: boolean;
    retainOnDelete: boolean;
    /** URNs of every resource this one depends on: its `dependsOn` option and the resources its inputs come from. */
    dependsOn: string[];
    /** URNs of the dependencies no input implies: those only the `dependsOn` option names. */
    explicitDependsOn: string[];
    deleteBeforeReplace: boolean;
    /** Property paths whose change replaces the resource (`replaceOnChanges`). */
    replaceOnChanges: string[];
    /** Property paths whose changes are ignored after creation (`ignoreChanges`). */
    ignoreChanges: string[];
}

/** Options of a registration the mock engine has no request for. */
export function defaultOptions(): RecordedOptions {
    return { protect: false, retainOnDelete: false, dependsOn: [], explicitDependsOn: [], deleteBeforeReplace: false, replaceOnChanges: [], ignoreChanges: [] };
}

/** The account, region and partition the mocks pretend to deploy to. */
export interface MockTarget {
    accountId: string;
    region: string;
    partition: string;
    /**
     * The version every runtime has once the program's update created or updated it.
     * The default "1" models a new stack's first deployment (AgentCore numbers a
     * runtime's versions from 1); tests of an established stack give a higher one.
     * Custom endpoints pinning a newer version fail as they would in that deployment.
     * `null` answers no version, which a preview sees as unknown (an update that
     * creates or changes the runtime, before `pulumi up` knows the new version).
     * @default "1"
     */
    runtimeVersion?: string | null;
}

export const DEFAULT_TARGET: MockTarget = { accountId: "123456789012", region: "us-east-1", partition: "aws" };

/** The partition a region belongs to (https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html). */
export function partitionOf(region: string): string {
    return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : region.startsWith("us-isob-") ? "aws-iso-b" : region.startsWith("us-iso-") ? "aws-iso" : "aws";
}

/** The mock account deploying to `region` (its partition follows the region). */
export function targetInRegion(region: string, base: MockTarget = DEFAULT_TARGET): MockTarget {
    return { ...base, region, partition: partitionOf(region) };
}

// Runtime internals (waitForRPCs has no typings). `require`, not `import()`: under a CommonJS-only
// loader (mocha with tsx/cjs) `import()` stays native ESM, which cannot resolve extensionless subpaths.
const settings: { getMonitor(): any; waitForRPCs(): Promise<void> } = require("@pulumi/pulumi/runtime/settings");

const rpc: { specialSigKey: string; specialSecretSig: string } = require("@pulumi/pulumi/runtime/rpc");

/** True for a value Pulumi serialized as a secret: `{ <signature key>: <secret signature>, value }`. */
export function isSecretWrapper(value: unknown): value is { value: unknown } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[rpc.specialSigKey] === rpc.specialSecretSig;
}

/** A short stable hex string derived from the given parts (stable across runs so plans diff cleanly). */
export function stableHex(length: number, ...parts: string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, length);
}

type OutputFactory = (name: string, inputs: Record<string, any>, target: MockTarget) => Record<string, any>;

/**
 * Plausible outputs per resource type: ARNs in the real format of the type, so
 * that IAM documents built from them read as they would after deployment.
 */
const OUTPUTS: Record<string, OutputFactory> = {
    "aws:iam/role:Role": (name, inputs, t) => {
        const roleName = inputs.name ?? `${name}-${stableHex(7, name)}`;
        return { id: roleName, name: roleName, arn: `arn:${t.partition}:iam::${t.accountId}:role${inputs.path ?? "/"}${roleName}`, uniqueId: `AROA${stableHex(17, name).toUpperCase()}` };
    },
    "aws:iam/policy:Policy": (name, inputs, t) => {
        const policyName = inputs.name ?? `${name}-${stableHex(7, name)}`;
        const arn = `arn:${t.partition}:iam::${t.accountId}:policy${inputs.path ?? "/"}${policyName}`;
        return { id: arn, name: policyName, arn, policyId: `ANPA${stableHex(17, name).toUpperCase()}` };
    },
    "aws:iam/rolePolicy:RolePolicy": (name, inputs) => ({ id: `${inputs.role}:${inputs.name ?? name}`, name: inputs.name ?? name }),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (name) => ({ id: `${name}-${stableHex(8, name)}` }),
    "aws:ecr/repository:Repository": (name, inputs, t) => {
        const repoName = inputs.name ?? `${name}-${stableHex(7, name)}`;
        return {
            id: repoName,
            name: repoName,
            arn: `arn:${t.partition}:ecr:${t.region}:${t.accountId}:repository/${repoName}`,
            registryId: t.accountId,
            repositoryUrl: `${t.accountId}.dkr.ecr.${t.region}.amazonaws.com/${repoName}`,
        };
    },
    "docker-build:index:Image": (name, inputs) => {
        const digest = `sha256:${stableHex(64, name, JSON.stringify(inputs.tags ?? []), JSON.stringify(inputs.context ?? {}))}`;
        const firstTag: string = (inputs.tags ?? [])[0] ?? name;
        const repo = firstTag.replace(/:[^:/@]+$/, "");
        return { id: digest, digest, ref: `${repo}@${digest}`, contextHash: stableHex(64, "context", JSON.stringify(inputs.context ?? {})) };
    },
    "aws:kms/key:Key": (name, _inputs, t) => {
        const keyId = uuidFrom(name);
        return { id: keyId, keyId, arn: `arn:${t.partition}:kms:${t.region}:${t.accountId}:key/${keyId}` };
    },
    // issue 24 item 1: an agent registry (id `[a-zA-Z0-9]{12,16}`, ARN `arn:<partition>:agent-registry:<region>:<account>:registry/<id>`,
    // IAM service reference resource type `registry`) and a record in it (`.../record/<12 characters>`).
    "aws:agentregistry/registry:Registry": (name, _inputs, t) => {
        const id = stableHex(14, "registry", name);
        return { id, registryId: id, registryArn: `arn:${t.partition}:agent-registry:${t.region}:${t.accountId}:registry/${id}` };
    },
    "aws-native:agentregistry:RegistryRecord": (name, inputs, t) => {
        const recordId = stableHex(12, "record", name);
        const registry = String(inputs.registryId ?? "");
        const registryArn = registry.startsWith("arn:") ? registry : `arn:${t.partition}:agent-registry:${t.region}:${t.accountId}:registry/${registry}`;
        return { id: `${registryArn}/record/${recordId}`, recordId, recordArn: `${registryArn}/record/${recordId}`, registryArn, status: "DRAFT" };
    },
    "aws:kms/alias:Alias": (name, inputs, t) => ({ id: inputs.name ?? name, arn: `arn:${t.partition}:kms:${t.region}:${t.accountId}:${inputs.name ?? `alias/${name}`}` }),
    // An application inference profile: `arn:<partition>:bedrock:<region>:<account>:application-inference-profile/<id>`, the id
    // 12 lowercase letters and digits (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-create.html);
    // the provider's id is the profile's id (terraform-provider-aws internal/service/bedrock/inference_profile.go).
    "aws:bedrock/inferenceProfile:InferenceProfile": (name, inputs, t) => {
        const id = stableHex(12, "inference-profile", name);
        const source: string | undefined = inputs.modelSource?.copyFrom;
        return {
            id,
            arn: `arn:${t.partition}:bedrock:${t.region}:${t.accountId}:application-inference-profile/${id}`,
            name: inputs.name ?? name,
            type: "APPLICATION",
            status: "ACTIVE",
            models: source ? [{ modelArn: source }] : [],
        };
    },
    "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime": (name, inputs, t) => {
        const id = `${inputs.agentRuntimeName ?? name}-${stableHex(10, name)}`;
        return {
            id,
            agentRuntimeId: id,
            agentRuntimeArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:runtime/${id}`,
            ...(t.runtimeVersion === null ? {} : { agentRuntimeVersion: t.runtimeVersion ?? "1" }),
            workloadIdentityDetails: [
                { workloadIdentityArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:workload-identity-directory/default/workload-identity/${id}` },
            ],
        };
    },
    "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint": (name, inputs, t) => {
        const endpointName = inputs.name ?? name;
        const runtimeArn = `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:runtime/${inputs.agentRuntimeId}`;
        return {
            id: `${inputs.agentRuntimeId},${endpointName}`,
            name: endpointName,
            agentRuntimeArn: runtimeArn,
            agentRuntimeEndpointArn: `${runtimeArn}/runtime-endpoint/${endpointName}`,
            liveVersion: inputs.agentRuntimeVersion,
        };
    },
    // Issue 23 item 2: a harness (id `<harnessName>-<10>`) and the runtime AgentCore provisions for it; its endpoint (aws-native).
    "aws:bedrock/agentcoreHarness:AgentcoreHarness": (name, inputs, t) => {
        const id = `${inputs.harnessName ?? name}-${stableHex(10, name)}`;
        const runtimeId = `harness_${(inputs.harnessName ?? name).slice(0, 30)}-${stableHex(10, "runtime", name)}`;
        return {
            id,
            harnessId: id,
            arn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:harness/${id}`,
            environmentActuals: [{ agentcoreRuntimeEnvironments: [{ agentRuntimeId: runtimeId, agentRuntimeArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:runtime/${runtimeId}` }] }],
        };
    },
    "aws-native:bedrockagentcore:HarnessEndpoint": (name, inputs, t) => {
        const endpointName = inputs.endpointName ?? name;
        return {
            id: `${inputs.harnessId}|${endpointName}`,
            arn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:harness/${inputs.harnessId}/endpoint/${endpointName}`,
            liveVersion: inputs.targetVersion,
        };
    },
    "aws:bedrock/agentcoreMemory:AgentcoreMemory": (name, inputs, t) => {
        const id = `${inputs.name ?? name}-${stableHex(10, name)}`;
        return { id, arn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:memory/${id}` };
    },
    "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy": (name, inputs) => {
        const memoryStrategyId = `${inputs.name ?? name}-${stableHex(10, name)}`;
        return { id: `${inputs.memoryId},${memoryStrategyId}`, memoryStrategyId };
    },
    "aws:bedrock/agentcoreGateway:AgentcoreGateway": (name, inputs, t) => {
        const id = `${inputs.name ?? name}-${stableHex(10, name)}`.toLowerCase();
        return {
            id,
            gatewayId: id,
            gatewayArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:gateway/${id}`,
            gatewayUrl: `https://${id}.gateway.bedrock-agentcore.${t.region}.amazonaws.com/mcp`,
            workloadIdentityDetails: [
                { workloadIdentityArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:workload-identity-directory/default/workload-identity/${id}` },
            ],
        };
    },
    "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget": (name) => ({ id: stableHex(10, name).toUpperCase(), targetId: stableHex(10, name).toUpperCase() }),
    "aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine": (name, inputs, t) => {
        const id = `${inputs.name ?? name}-${stableHex(10, name)}`;
        return { id, policyEngineId: id, policyEngineArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:policy-engine/${id}` };
    },
    "aws:bedrock/agentcorePolicy:AgentcorePolicy": (name, inputs, t) => {
        const policyId = `${inputs.name ?? name}-${stableHex(10, name)}`;
        return {
            id: `${inputs.policyEngineId},${policyId}`,
            policyId,
            policyArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:policy-engine/${inputs.policyEngineId}/policy/${policyId}`,
        };
    },
    "aws:bedrock/agentcoreGatewayRule:AgentcoreGatewayRule": (name, inputs, t) => {
        const ruleId = stableHex(10, name).toUpperCase();
        return { id: `${inputs.gatewayIdentifier},${ruleId}`, ruleId, gatewayArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:gateway/${inputs.gatewayIdentifier}` };
    },
    "aws:bedrock/agentcoreEvaluator:AgentcoreEvaluator": (name, inputs, t) => {
        const id = `${inputs.evaluatorName ?? name}-${stableHex(10, name)}`;
        return { id, evaluatorId: id, evaluatorArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:evaluator/${id}`, status: "ACTIVE" };
    },
    "aws:bedrock/agentcoreOnlineEvaluationConfig:AgentcoreOnlineEvaluationConfig": (name, inputs, t) => {
        const id = `${inputs.onlineEvaluationConfigName ?? name}-${stableHex(10, name)}`;
        return {
            id,
            onlineEvaluationConfigId: id,
            onlineEvaluationConfigArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:online-evaluation-config/${id}`,
            executionStatus: "ENABLED",
            outputConfigs: [{ cloudwatchConfigs: [{ logGroupName: `/aws/bedrock-agentcore/evaluations/results/${id}` }] }],
        };
    },
    "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter": (name, inputs, t) => {
        const id = `${inputs.name ?? name}-${stableHex(10, name)}`;
        return { id, codeInterpreterId: id, codeInterpreterArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:code-interpreter-custom/${id}` };
    },
    "aws:bedrock/agentcoreBrowser:AgentcoreBrowser": (name, inputs, t) => {
        const id = `${inputs.name ?? name}-${stableHex(10, name)}`;
        return { id, browserId: id, browserArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:browser-custom/${id}` };
    },
    // issue 24 items 4 and 6: EFS and browser profile ids and ARNs in AWS's shapes (access points, file systems, profiles).
    "aws:efs/fileSystem:FileSystem": (name, _inputs, t) => {
        const id = `fs-${stableHex(17, name)}`;
        return { id, arn: `arn:${t.partition}:elasticfilesystem:${t.region}:${t.accountId}:file-system/${id}`, dnsName: `${id}.efs.${t.region}.amazonaws.com` };
    },
    "aws:efs/accessPoint:AccessPoint": (name, inputs, t) => {
        const id = `fsap-${stableHex(17, name)}`;
        return { id, arn: `arn:${t.partition}:elasticfilesystem:${t.region}:${t.accountId}:access-point/${id}`, fileSystemArn: `arn:${t.partition}:elasticfilesystem:${t.region}:${t.accountId}:file-system/${inputs.fileSystemId}` };
    },
    "aws:efs/mountTarget:MountTarget": (name) => ({ id: `fsmt-${stableHex(17, name)}` }),
    "aws:bedrock/agentcoreBrowserProfile:AgentcoreBrowserProfile": (name, inputs, t) => {
        const id = `${inputs.name ?? name}-${stableHex(10, name)}`;
        return { id, profileId: id, profileArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:browser-profile/${id}` };
    },
    "aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider": (name, inputs, t) => {
        const n = inputs.name ?? name;
        return {
            id: n,
            credentialProviderArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:token-vault/default/apikeycredentialprovider/${n}`,
            apiKeySecretArns: [{ secretArn: `arn:${t.partition}:secretsmanager:${t.region}:${t.accountId}:secret:bedrock-agentcore-identity!default/apikey/${n}-${stableHex(6, n)}` }],
        };
    },
    "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider": (name, inputs, t) => {
        const n = inputs.name ?? name;
        return {
            id: n,
            credentialProviderArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:token-vault/default/oauth2credentialprovider/${n}`,
            callbackUrl: `https://bedrock-agentcore.${t.region}.amazonaws.com/identities/oauth2/callback/${uuidFrom(n)}`,
            clientSecretArns: [{ secretArn: `arn:${t.partition}:secretsmanager:${t.region}:${t.accountId}:secret:bedrock-agentcore-identity!default/oauth2/${n}-${stableHex(6, n)}` }],
        };
    },
    "aws:bedrock/agentcoreTokenVaultCmk:AgentcoreTokenVaultCmk": (_name, inputs) => ({ id: inputs.tokenVaultId ?? "default", tokenVaultId: inputs.tokenVaultId ?? "default" }),
    "aws:bedrock/agentcoreWorkloadIdentity:AgentcoreWorkloadIdentity": (name, inputs, t) => {
        const n = inputs.name ?? name;
        return { id: n, workloadIdentityArn: `arn:${t.partition}:bedrock-agentcore:${t.region}:${t.accountId}:workload-identity-directory/default/workload-identity/${n}` };
    },
    "aws:s3/bucket:Bucket": (name, inputs, t) => {
        const bucket = inputs.bucket ?? (inputs.bucketPrefix ? `${inputs.bucketPrefix}${stableHex(26, name)}` : `${name}-${stableHex(7, name)}`);
        return { id: bucket, bucket, arn: `arn:${t.partition}:s3:::${bucket}`, bucketRegionalDomainName: `${bucket}.s3.${t.region}.amazonaws.com` };
    },
    // S3 bucket settings: each is identified by the name of its bucket.
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": (_name, inputs) => ({ id: inputs.bucket }),
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": (_name, inputs) => ({ id: inputs.bucket }),
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": (_name, inputs) => ({ id: inputs.bucket }),
    "aws:s3/bucketPolicy:BucketPolicy": (_name, inputs) => ({ id: inputs.bucket }),
    "aws:s3/bucketVersioning:BucketVersioning": (_name, inputs) => ({ id: inputs.bucket }),
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": (_name, inputs) => ({ id: inputs.bucket }),
    // A code package (issue 23): its version id names the bytes uploaded, here the key (a content hash).
    "aws:s3/bucketObjectv2:BucketObjectv2": (_name, inputs, t) => ({ id: `${inputs.bucket}/${inputs.key}`, arn: `arn:${t.partition}:s3:::${inputs.bucket}/${inputs.key}`, versionId: `v${stableHex(31, String(inputs.key))}` }),
    "aws:cloudwatch/logGroup:LogGroup": (name, inputs, t) => {
        const n = inputs.name ?? `${name}-${stableHex(7, name)}`;
        return { id: n, name: n, arn: `arn:${t.partition}:logs:${t.region}:${t.accountId}:log-group:${n}` };
    },
    "aws:lambda/function:Function": (name, inputs, t) => {
        const n = inputs.name ?? `${name}-${stableHex(7, name)}`;
        const arn = `arn:${t.partition}:lambda:${t.region}:${t.accountId}:function:${n}`;
        return { id: n, name: n, arn, invokeArn: `arn:${t.partition}:apigateway:${t.region}:lambda:path/2015-03-31/functions/${arn}/invocations` };
    },
    "aws:sns/topic:Topic": (name, inputs, t) => {
        const n = inputs.name ?? `${name}-${stableHex(7, name)}`;
        return { id: `arn:${t.partition}:sns:${t.region}:${t.accountId}:${n}`, name: n, arn: `arn:${t.partition}:sns:${t.region}:${t.accountId}:${n}` };
    },
    "aws:secretsmanager/secret:Secret": (name, inputs, t) => {
        const n = inputs.name ?? `${name}-${stableHex(7, name)}`;
        const arn = `arn:${t.partition}:secretsmanager:${t.region}:${t.accountId}:secret:${n}-${stableHex(6, n)}`;
        return { id: arn, name: n, arn };
    },
    "aws:cognito/userPool:UserPool": (name, _inputs, t) => {
        const id = `${t.region}_${stableHex(9, name)}`;
        return { id, arn: `arn:${t.partition}:cognito-idp:${t.region}:${t.accountId}:userpool/${id}`, endpoint: `cognito-idp.${t.region}.amazonaws.com/${id}` };
    },
    "aws:cognito/userPoolClient:UserPoolClient": (name) => ({ id: stableHex(26, name), clientSecret: stableHex(40, "secret", name) }),
    "aws:ec2/vpc:Vpc": (name, _inputs, t) => {
        const id = `vpc-${stableHex(17, name)}`;
        return { id, arn: `arn:${t.partition}:ec2:${t.region}:${t.accountId}:vpc/${id}`, ownerId: t.accountId };
    },
    "aws:ec2/subnet:Subnet": (name, inputs, t) => {
        const id = `subnet-${stableHex(17, name)}`;
        const zone = inputs.availabilityZone ?? zoneOf(id, t);
        return { id, arn: `arn:${t.partition}:ec2:${t.region}:${t.accountId}:subnet/${id}`, availabilityZone: zone, availabilityZoneId: zoneIdOf(zone, t), ownerId: t.accountId };
    },
    "aws:ec2/routeTable:RouteTable": (name, _inputs, t) => {
        const id = `rtb-${stableHex(17, name)}`;
        return { id, arn: `arn:${t.partition}:ec2:${t.region}:${t.accountId}:route-table/${id}`, ownerId: t.accountId };
    },
    "aws:cognito/userPoolDomain:UserPoolDomain": (_name, inputs, t) => ({
        id: inputs.domain,
        cloudfrontDistribution: `${stableHex(14, inputs.domain ?? "")}.cloudfront.net`,
        cloudfrontDistributionArn: `arn:${t.partition}:cloudfront::${t.accountId}:distribution/E${stableHex(13, inputs.domain ?? "").toUpperCase()}`,
    }),
    "aws:cognito/resourceServer:ResourceServer": (_name, inputs) => ({
        id: `${inputs.userPoolId}|${inputs.identifier}`,
        scopeIdentifiers: (inputs.scopes ?? []).map((s: { scopeName: string }) => `${inputs.identifier}/${s.scopeName}`),
    }),
    "aws:xray/group:Group": (name, inputs, t) => {
        const n = inputs.groupName ?? name;
        const arn = `arn:${t.partition}:xray:${t.region}:${t.accountId}:group/${n}/${stableHex(26, n).toUpperCase()}`;
        return { id: arn, arn };
    },
    "aws:xray/samplingRule:SamplingRule": (name, inputs, t) => {
        const n = inputs.ruleName ?? name;
        return { id: n, arn: `arn:${t.partition}:xray:${t.region}:${t.accountId}:sampling-rule/${n}` };
    },
    "aws:ec2/securityGroup:SecurityGroup": (name, _inputs, t) => {
        const id = `sg-${stableHex(17, name)}`;
        return { id, arn: `arn:${t.partition}:ec2:${t.region}:${t.accountId}:security-group/${id}` };
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": (name, _inputs, t) => {
        const id = `vpce-${stableHex(17, name)}`;
        return { id, arn: `arn:${t.partition}:ec2:${t.region}:${t.accountId}:vpc-endpoint/${id}` };
    },
    // Observability and smoke test (sdk/observability, sdk/smoke).
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": (_name, inputs) => ({
        id: inputs.policyName ?? inputs.resourceArn,
        policyScope: inputs.resourceArn ? "RESOURCE" : "ACCOUNT",
        revisionId: stableHex(32, inputs.policyName ?? inputs.resourceArn ?? ""),
    }),
    "aws:xray/traceSegmentDestination:TraceSegmentDestination": (_name, inputs, t) => ({ id: t.region, destination: inputs.destination, region: t.region }),
    "aws:xray/indexingRule:IndexingRule": (_name, inputs) => ({ id: inputs.name }),
    "aws:xray/resourcePolicy:ResourcePolicy": (_name, inputs) => ({ id: inputs.policyName, policyRevisionId: "1" }),
    "aws:cloudwatch/logDeliverySource:LogDeliverySource": (name, inputs, t) => {
        const n = inputs.name ?? `${name}-${stableHex(7, name)}`;
        return { id: n, name: n, arn: `arn:${t.partition}:logs:${t.region}:${t.accountId}:delivery-source:${n}`, service: "bedrock-agentcore" };
    },
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": (name, inputs, t) => {
        const n = inputs.name ?? `${name}-${stableHex(7, name)}`;
        return { id: n, name: n, arn: `arn:${t.partition}:logs:${t.region}:${t.accountId}:delivery-destination:${n}`, deliveryDestinationType: inputs.deliveryDestinationType ?? "CWL" };
    },
    "aws:cloudwatch/logDelivery:LogDelivery": (name, _inputs, t) => {
        const id = stableHex(16, name);
        return { id, arn: `arn:${t.partition}:logs:${t.region}:${t.accountId}:delivery:${id}` };
    },
    "aws:cloudwatch/dashboard:Dashboard": (_name, inputs, t) => ({ id: inputs.dashboardName, dashboardArn: `arn:${t.partition}:cloudwatch::${t.accountId}:dashboard/${inputs.dashboardName}` }),
    "aws:cloudwatch/metricAlarm:MetricAlarm": (name, inputs, t) => {
        const n = inputs.name ?? `${name}-${stableHex(7, name)}`;
        return { id: n, name: n, arn: `arn:${t.partition}:cloudwatch:${t.region}:${t.accountId}:alarm:${n}` };
    },
    "command:local:Command": (name) => ({ id: `${name}-${stableHex(8, name)}`, stdout: "smoke test passed (plan)", stderr: "" }),
    // Network (AgentNetwork): awsx's VPC is a remote component; under mocks its children do not exist and
    // these outputs are all a program sees: one subnet per zone and subnet type asked for.
    "awsx:ec2:Vpc": (name, inputs, t) => {
        const zones: string[] =
            inputs.availabilityZoneNames ?? Array.from({ length: inputs.numberOfAvailabilityZones ?? 3 }, (_, i) => `${t.region}${ZONE_LETTERS[i % ZONE_LETTERS.length]}`);
        const types: string[] = (inputs.subnetSpecs ?? [{ type: "Public" }, { type: "Private" }]).map((spec: { type: string }) => spec.type);
        // Private and isolated subnet ids (the ones a runtime uses) are ones the getSubnet mock answers consistently:
        // `subnet-<the VPC id's 16 hex><one hex digit>` lies in that VPC and in the zone the digit names, so a stack
        // given these subnets (a team stack on a platform's VPC) plans.
        const vpcHex = stableHex(16, name);
        // The last digit picks the zone (getSubnet takes it modulo the region's zone count); private subnets add that
        // count so they differ from the isolated ones in the same zone. The VPC id has 16 hex digits (a subnet id has at most 17).
        const known = mockZones(t.region);
        const zoneDigit = (zone: string, type: string) => (Math.max(0, known.findIndex((z) => z.name === zone)) + (type === "Private" ? known.length : 0)).toString(16);
        const subnets = (type: string) =>
            types.includes(type) ? zones.map((zone) => (type === "Public" ? `subnet-${stableHex(17, name, type, zone)}` : `subnet-${vpcHex}${zoneDigit(zone, type)}`)) : [];
        return { vpcId: `vpc-${vpcHex}`, publicSubnetIds: subnets("Public"), privateSubnetIds: subnets("Private"), isolatedSubnetIds: subnets("Isolated") };
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": (name, _inputs, t) => {
        const id = `sgr-${stableHex(17, name)}`;
        return { id, securityGroupRuleId: id, arn: `arn:${t.partition}:ec2:${t.region}:${t.accountId}:security-group-rule/${id}` };
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": (name, _inputs, t) => {
        const id = `sgr-${stableHex(17, name)}`;
        return { id, securityGroupRuleId: id, arn: `arn:${t.partition}:ec2:${t.region}:${t.accountId}:security-group-rule/${id}` };
    },
};

const ZONE_LETTERS = ["a", "b", "c"];
const DIRECTIONS: Record<string, string> = { north: "n", south: "s", east: "e", west: "w", central: "c", northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw" };

/** One of three availability zones of the region, chosen by a stable hash of `seed`. */
function zoneOf(seed: string, t: MockTarget): string {
    return `${t.region}${ZONE_LETTERS[parseInt(stableHex(2, seed), 16) % ZONE_LETTERS.length]}`;
}

/** Zone id in AWS's format, e.g. `us-east-1b` → `use1-az2`, `ap-southeast-2a` → `apse2-az1`. */
function zoneIdOf(zone: string, t: MockTarget): string {
    const [area, direction, number] = t.region.split("-");
    const letter = zone.slice(t.region.length) || "a";
    return `${area}${DIRECTIONS[direction] ?? direction[0]}${number}-az${letter.charCodeAt(0) - 96}`;
}

function uuidFrom(seed: string): string {
    const h = stableHex(32, seed);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Outputs for a type without a specific entry: an id and, for AWS types, an ARN in the service's usual shape. */
function genericOutputs(type: string, name: string, t: MockTarget): Record<string, any> {
    const id = `${name}-${stableHex(8, type, name)}`;
    const match = /^aws:([a-z0-9]+)\/([a-zA-Z0-9]+):/.exec(type);
    if (!match) {
        return { id };
    }
    return { id, arn: `arn:${t.partition}:${match[1]}:${t.region}:${t.accountId}:${match[2].toLowerCase()}/${id}` };
}

type CallFactory = (inputs: Record<string, any>, target: MockTarget) => Record<string, any>;

/** Short zone-id prefix of a region as AWS writes it: us-east-1 → use1, ap-southeast-2 → apse2. */
function zonePrefix(region: string): string {
    const [area, direction, number] = region.split("-");
    const initials: Record<string, string> = { northeast: "ne", southeast: "se", northwest: "nw", southwest: "sw", central: "c", north: "n", south: "s", east: "e", west: "w" };
    return `${area}${initials[direction] ?? direction}${number}`;
}

/**
 * The zones of the mock account, in name order. Names map to zone IDs per account;
 * in us-east-1 this account's `us-east-1a` is `use1-az6`, which AgentCore does not support.
 */
function mockZones(region: string): { name: string; zoneId: string }[] {
    if (region === "us-east-1") {
        return ["use1-az6", "use1-az1", "use1-az2", "use1-az4", "use1-az3", "use1-az5"].map((zoneId, i) => ({ name: `us-east-1${"abcdef"[i]}`, zoneId }));
    }
    return [1, 2, 3].map((n, i) => ({ name: `${region}${"abc"[i]}`, zoneId: `${zonePrefix(region)}-az${n}` }));
}

/** Tokens of the data sources and functions the mocks answer with plausible values. */
export function answeredCalls(): string[] {
    return Object.keys(CALLS).sort();
}

const CALLS: Record<string, CallFactory> = {
    "aws:index/getCallerIdentity:getCallerIdentity": (_i, t) => ({
        accountId: t.accountId,
        arn: `arn:${t.partition}:iam::${t.accountId}:user/plan`,
        userId: "AIDAPLANPLANPLANPLAN",
        id: t.accountId,
    }),
    "aws:index/getRegion:getRegion": (_i, t) => ({ name: t.region, region: t.region, id: t.region, endpoint: `ec2.${t.region}.amazonaws.com` }),
    "aws:index/getPartition:getPartition": (_i, t) => ({
        partition: t.partition,
        dnsSuffix: t.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com",
        reverseDnsPrefix: t.partition === "aws-cn" ? "cn.com.amazonaws" : "com.amazonaws",
        id: t.partition,
    }),
    "aws:ecr/getAuthorizationToken:getAuthorizationToken": (_i, t) => ({
        userName: "AWS",
        password: "mock-ecr-password",
        authorizationToken: "bW9jaw==",
        proxyEndpoint: `https://${t.accountId}.dkr.ecr.${t.region}.amazonaws.com`,
        expiresAt: "2099-01-01T00:00:00Z",
        id: t.region,
    }),
    // An existing image given by tag (AgentImage imageUri `<repo>:<tag>`): resolved to a digest stable per repository and tag.
    "aws:ecr/getImage:getImage": (inputs, t) => {
        const registryId: string = inputs.registryId ?? t.accountId;
        const region: string = inputs.region ?? t.region;
        const repositoryName: string = inputs.repositoryName;
        const tag: string = inputs.imageTag ?? "latest";
        const imageDigest: string = inputs.imageDigest ?? `sha256:${stableHex(64, "ecr-image", registryId, region, repositoryName, tag)}`;
        return {
            id: imageDigest,
            imageDigest,
            imageTags: inputs.imageTag ? [inputs.imageTag] : [],
            imagePushedAt: 1767225600,
            imageSizeInBytes: 123456789,
            imageUri: `${registryId}.dkr.ecr.${region}.amazonaws.com/${repositoryName}@${imageDigest}`,
            registryId,
            region,
            repositoryName,
        };
    },
    // Network lookups (AgentNetwork).
    "aws:index/getAvailabilityZones:getAvailabilityZones": (_i, t) => {
        const zones = mockZones(t.region);
        return { id: t.region, region: t.region, names: zones.map((z) => z.name), zoneIds: zones.map((z) => z.zoneId), groupNames: zones.map(() => t.region) };
    },
    // A subnet's zone is picked by the last hex digit of its id (us-east-1: …0 → use1-az6, …1 → use1-az1,
    // …2 → use1-az2, …3 → use1-az4, …4 → use1-az3) and its VPC is named by the rest of its digits
    // (subnet-0123456789abcdef1 is in vpc-0123456789abcdef), so tests can choose both.
    "aws:ec2/getSubnet:getSubnet": (inputs, t) => {
        const id: string = inputs.id;
        const digits = id.replace(/^subnet-/, "");
        const zones = mockZones(t.region);
        const zone = zones[parseInt(digits.slice(-1), 16) % zones.length];
        return {
            id,
            arn: `arn:${t.partition}:ec2:${t.region}:${t.accountId}:subnet/${id}`,
            vpcId: `vpc-${digits.slice(0, -1)}`,
            availabilityZone: zone.name,
            availabilityZoneId: zone.zoneId,
            cidrBlock: `10.0.${parseInt(digits.slice(-2), 16)}.0/24`,
            ownerId: t.accountId,
            state: "available",
            mapPublicIpOnLaunch: false,
        };
    },
    "aws:ec2/getPrefixList:getPrefixList": (inputs) => {
        const id = `pl-${stableHex(8, inputs.name ?? "")}`;
        return { id, prefixListId: id, name: inputs.name, cidrBlocks: ["3.5.0.0/19", "16.182.0.0/16", "52.216.0.0/15"] };
    },
    "aws:ec2/getRouteTable:getRouteTable": (inputs, t) => {
        const routeTableId = `rtb-${stableHex(17, inputs.subnetId ?? inputs.vpcId ?? "main")}`;
        return {
            id: routeTableId,
            routeTableId,
            arn: `arn:${t.partition}:ec2:${t.region}:${t.accountId}:route-table/${routeTableId}`,
            ownerId: t.accountId,
            associations: inputs.subnetId ? [{ subnetId: inputs.subnetId, routeTableId, main: false }] : [],
        };
    },
};

/** What the raw registration request carried, kept until the mock engine answers it. */
type PendingRequest = Omit<RecordedResource, "id" | "inputs" | "outputs" | "custom">;

/**
 * Mocks for `pulumi.runtime.setMocks` that answer like AWS would and record every
 * registration, for the offline plan and for tests.
 */
export class RecordingMocks implements pulumi.runtime.Mocks {
    readonly resources: RecordedResource[] = [];
    private readonly pending = new Map<string, PendingRequest>();

    constructor(readonly target: MockTarget = DEFAULT_TARGET) {}

    /** Stack transforms (`pulumi.runtime.registerResourceTransform`), applied to every resource after its own and its parents'. */
    private readonly stackTransforms: pulumi.ResourceTransform[] = [];
    /** Transforms each registered URN passes on to its children: its own, then its ancestors'. */
    private readonly inheritedTransforms = new Map<string, pulumi.ResourceTransform[]>();

    registerTransform(transform: pulumi.ResourceTransform): void {
        this.stackTransforms.push(transform);
    }

    async newResource(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string | undefined; state: Record<string, any> }> {
        const meta = this.pending.get(`${args.type}::${args.name}`);
        this.pending.delete(`${args.type}::${args.name}`);
        const options = meta?.options ?? defaultOptions();
        const inputs = await this.applyTransforms(args, meta, options);
        const factory = OUTPUTS[args.type];
        // Components get outputs only when a factory knows them (remote components such as awsx:ec2:Vpc).
        const produced = factory ? factory(args.name, inputs, this.target) : args.custom === false ? {} : genericOutputs(args.type, args.name, this.target);
        const { id: producedId, ...rest } = produced;
        const id = args.custom === false ? undefined : (producedId ?? `${args.name}-id`);
        const state = { ...inputs, ...rest };
        this.resources.push({
            type: args.type,
            name: args.name,
            id,
            urn: meta?.urn ?? "",
            parent: meta?.parent ?? "",
            custom: args.custom !== false,
            inputs,
            outputs: state,
            secretInputs: meta?.secretInputs ?? [],
            options,
            deleteTimeout: meta?.deleteTimeout ?? "",
        });
        return { id, state };
    }

    /**
     * Applies transforms as the engine does: the resource's own, then each
     * ancestor's, then the stack's; returns the inputs the resource ends up with
     * and updates `options` with what the transforms changed.
     */
    private async applyTransforms(args: pulumi.runtime.MockResourceArgs, meta: PendingRequest | undefined, options: RecordedResource["options"]): Promise<Record<string, any>> {
        const inherited = meta ? (this.inheritedTransforms.get(meta.parent) ?? []) : [];
        const own = args.transforms ?? [];
        if (meta && (own.length > 0 || inherited.length > 0)) {
            this.inheritedTransforms.set(meta.urn, [...own, ...inherited]);
        }
        let props: Record<string, any> = args.inputs;
        let opts: pulumi.CustomResourceOptions = {
            protect: options.protect,
            retainOnDelete: options.retainOnDelete,
            deleteBeforeReplace: options.deleteBeforeReplace,
            replaceOnChanges: options.replaceOnChanges,
            ignoreChanges: options.ignoreChanges,
        };
        for (const transform of [...own, ...inherited, ...this.stackTransforms]) {
            const result = await transform({ custom: args.custom !== false, type: args.type, name: args.name, props, opts });
            if (result) {
                props = result.props;
                opts = result.opts;
            }
        }
        options.protect = opts.protect === true;
        options.retainOnDelete = opts.retainOnDelete === true;
        options.deleteBeforeReplace = opts.deleteBeforeReplace === true;
        options.replaceOnChanges = opts.replaceOnChanges ?? [];
        options.ignoreChanges = opts.ignoreChanges ?? [];
        return props;
    }

    /** Tokens of the data sources and functions the program called that no {@link CALLS} entry answers, in call order. */
    readonly unansweredCalls: string[] = [];

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        const factory = CALLS[args.token];
        if (!factory) {
            // Echoing the inputs keeps a user's program running, but its outputs are missing: the report says so.
            if (!this.unansweredCalls.includes(args.token)) {
                this.unansweredCalls.push(args.token);
            }
            return args.inputs;
        }
        return factory(args.inputs, this.target);
    }

    /**
     * The stack's outputs (what the program exports), as serialized for the engine: secrets
     * wrapped, values unknown during a preview as Pulumi's unknown sentinel. Set when the program
     * has finished and the stack registered them; they also become the root resource's outputs.
     */
    stackOutputs: Record<string, any> = {};

    /** Records the outputs a resource registered; only the stack's are kept. Called by {@link installMocks}. */
    noteOutputs(urn: string, outputs: Record<string, any>): void {
        if (!urn.includes("::pulumi:pulumi:Stack::")) {
            return;
        }
        this.stackOutputs = outputs;
        const stack = this.resources.find((r) => r.urn === urn);
        if (stack) {
            stack.outputs = outputs;
        }
    }

    /** Records what only the raw request carries (parent, secrets, options); called by {@link installMocks}. */
    noteRequest(req: any, urn: string): void {
        const object = req.getObject()?.toJavaScript() ?? {};
        const secretInputs = secretPaths(object, "");
        const dependsOn: string[] = req.getDependenciesList?.() ?? [];
        const implied = new Set<string>();
        req.getPropertydependenciesMap?.()?.forEach((deps: any) => deps.getUrnsList().forEach((urn: string) => implied.add(urn)));
        this.pending.set(`${req.getType()}::${req.getName()}`, {
            type: req.getType(),
            name: req.getName(),
            urn,
            parent: req.getParent(),
            secretInputs,
            options: {
                protect: req.getProtect?.() === true,
                retainOnDelete: req.getRetainondelete?.() === true,
                dependsOn,
                explicitDependsOn: dependsOn.filter((urn) => !implied.has(urn)),
                deleteBeforeReplace: req.getDeletebeforereplace?.() === true,
                replaceOnChanges: req.getReplaceonchangesList?.() ?? [],
                ignoreChanges: req.getIgnorechangesList?.() ?? [],
            },
            deleteTimeout: req.getCustomtimeouts?.()?.getDelete() ?? "",
        });
    }
}

/** Paths of every value wrapped as a Pulumi secret inside a serialized object. */
function secretPaths(value: any, path: string): string[] {
    if (value === null || typeof value !== "object") {
        return [];
    }
    if (isSecretWrapper(value)) {
        return [path];
    }
    const entries: [string, any][] = Array.isArray(value) ? value.map((v, i) => [`${path}[${i}]`, v]) : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v]);
    return entries.flatMap(([p, v]) => secretPaths(v, p));
}

/**
 * Installs {@link RecordingMocks} as Pulumi's mock engine for a project and stack
 * and returns them. Every later registration is recorded with its URN and parent.
 */
export async function installMocks(project: string, stack: string, target: MockTarget = DEFAULT_TARGET): Promise<RecordingMocks> {
    const mocks = new RecordingMocks(target);
    await pulumi.runtime.setMocks(mocks, project, stack, true);
    const monitor: any = settings.getMonitor();
    const original = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: any) => {
        mocks.noteRequest(req, monitor.newUrn(req.getParent(), req.getType(), req.getName()));
        return original(req, callback);
    };
    const originalOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: any, callback: any) => {
        mocks.noteOutputs(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
        return originalOutputs(req, callback);
    };
    return mocks;
}

/** Waits until every pending registration and output of the program has settled. */
export async function settle(): Promise<void> {
    await settings.waitForRPCs();
}
