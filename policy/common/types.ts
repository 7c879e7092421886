/** Pulumi type tokens the pack looks at (`@pulumi/aws` 7.48 and `aws-native`). */
export const T = {
    runtime: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
    runtimeEndpoint: "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint",
    memory: "aws:bedrock/agentcoreMemory:AgentcoreMemory",
    memoryStrategy: "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy",
    gateway: "aws:bedrock/agentcoreGateway:AgentcoreGateway",
    gatewayTarget: "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget",
    apiKeyProvider: "aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider",
    oauth2Provider: "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider",
    workloadIdentity: "aws:bedrock/agentcoreWorkloadIdentity:AgentcoreWorkloadIdentity",
    tokenVaultCmk: "aws:bedrock/agentcoreTokenVaultCmk:AgentcoreTokenVaultCmk",
    codeInterpreter: "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter",
    browser: "aws:bedrock/agentcoreBrowser:AgentcoreBrowser",
    resourcePolicy: "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy",
    // Added in @pulumi/aws 7.x (listed from node_modules/@pulumi/aws/bedrock/*.d.ts and agentregistry/).
    harness: "aws:bedrock/agentcoreHarness:AgentcoreHarness",
    policyEngine: "aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine",
    cedarPolicy: "aws:bedrock/agentcorePolicy:AgentcorePolicy",
    gatewayRule: "aws:bedrock/agentcoreGatewayRule:AgentcoreGatewayRule",
    evaluator: "aws:bedrock/agentcoreEvaluator:AgentcoreEvaluator",
    onlineEvaluationConfig: "aws:bedrock/agentcoreOnlineEvaluationConfig:AgentcoreOnlineEvaluationConfig",
    browserProfile: "aws:bedrock/agentcoreBrowserProfile:AgentcoreBrowserProfile",
    registry: "aws:bedrock/agentcoreRegistry:AgentcoreRegistry",
    agentRegistry: "aws:agentregistry/registry:Registry",

    nativeRuntime: "aws-native:bedrockagentcore:Runtime",
    nativeRuntimeEndpoint: "aws-native:bedrockagentcore:RuntimeEndpoint",
    nativeMemory: "aws-native:bedrockagentcore:Memory",
    nativeGateway: "aws-native:bedrockagentcore:Gateway",
    nativeGatewayTarget: "aws-native:bedrockagentcore:GatewayTarget",
    nativeCodeInterpreter: "aws-native:bedrockagentcore:CodeInterpreterCustom",
    nativeBrowser: "aws-native:bedrockagentcore:BrowserCustom",
    nativeWorkloadIdentity: "aws-native:bedrockagentcore:WorkloadIdentity",
    // Confirmed in the aws-native bedrockagentcore module index
    // (https://www.pulumi.com/registry/packages/aws-native/api-docs/bedrockagentcore/, v1.63.0); that version
    // had no harness, gateway rule, registry or resource policy (later versions add the harness: below).
    nativePolicyEngine: "aws-native:bedrockagentcore:PolicyEngine",
    nativeCedarPolicy: "aws-native:bedrockagentcore:Policy",
    nativeEvaluator: "aws-native:bedrockagentcore:Evaluator",
    nativeOnlineEvaluationConfig: "aws-native:bedrockagentcore:OnlineEvaluationConfig",
    nativeBrowserProfile: "aws-native:bedrockagentcore:BrowserProfile",
    // Types aws-native has and @pulumi/aws 7.48 lacks, from the Pulumi registry pages of aws-native
    // (https://www.pulumi.com/registry/packages/aws-native/api-docs/bedrockagentcore/harness/ (v1.74),
    // .../harnessendpoint/ (v1.74.1), .../gatewayratelimit/ (v1.79.0), .../capacityprovider/ (v1.77.0)) and the
    // CloudFormation template reference (AWS::BedrockAgentCore::Harness, HarnessEndpoint, GatewayRateLimit,
    // CapacityProvider: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrockagentcore-harness.html
    // and its siblings). Property names are the CloudFormation ones in camelCase, as aws-native spells them;
    // aws-native is not installed here, so they are checked against those pages only.
    nativeHarness: "aws-native:bedrockagentcore:Harness",
    nativeHarnessEndpoint: "aws-native:bedrockagentcore:HarnessEndpoint",
    nativeGatewayRateLimit: "aws-native:bedrockagentcore:GatewayRateLimit",
    nativeCapacityProvider: "aws-native:bedrockagentcore:CapacityProvider",
    // AWS::AgentRegistry::Registry (https://www.pulumi.com/registry/packages/aws-native/api-docs/agentregistry/registry/, v1.78.0).
    nativeAgentRegistry: "aws-native:agentregistry:Registry",

    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    policy: "aws:iam/policy:Policy",
    rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    ecrRepository: "aws:ecr/repository:Repository",
    ecrRepositoryPolicy: "aws:ecr/repositoryPolicy:RepositoryPolicy",
    kmsKey: "aws:kms/key:Key",
    kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
    kmsAlias: "aws:kms/alias:Alias",
    lambdaFunction: "aws:lambda/function:Function",
    lambdaPermission: "aws:lambda/permission:Permission",
    ecrLifecyclePolicy: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketV2: "aws:s3/bucketV2:BucketV2",
    s3BucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    s3Sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    s3SseV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    s3Versioning: "aws:s3/bucketVersioning:BucketVersioning",
    s3VersioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    inferenceProfile: "aws:bedrock/inferenceProfile:InferenceProfile",

    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    // issue 24 item 4: session file systems.
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    efsFileSystem: "aws:efs/fileSystem:FileSystem",
    efsMountTarget: "aws:efs/mountTarget:MountTarget",
    efsAccessPoint: "aws:efs/accessPoint:AccessPoint",
    efsFileSystemPolicy: "aws:efs/fileSystemPolicy:FileSystemPolicy",
    nativeEfsFileSystem: "aws-native:efs:FileSystem",
    natGateway: "aws:ec2/natGateway:NatGateway",
    route: "aws:ec2/route:Route",
    routeTable: "aws:ec2/routeTable:RouteTable",
    awsxVpc: "awsx:ec2:Vpc",

    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    logDeliverySource: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
    logDelivery: "aws:cloudwatch/logDelivery:LogDelivery",
    logDeliveryDestination: "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
    kinesisStream: "aws:kinesis/stream:Stream",
    firehose: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
} as const;

/**
 * AgentCore resources that run under an IAM role, and where each provider keeps the role ARN.
 * The one place the IAM rules learn which roles are "agent roles".
 */
export const ROLE_ARN_PATHS: Record<string, readonly string[]> = {
    [T.runtime]: ["roleArn"],
    [T.gateway]: ["roleArn"],
    [T.memory]: ["memoryExecutionRoleArn"],
    [T.codeInterpreter]: ["executionRoleArn"],
    [T.browser]: ["executionRoleArn"],
    [T.harness]: ["executionRoleArn"],
    [T.nativeRuntime]: ["roleArn"],
    [T.nativeGateway]: ["roleArn"],
    [T.nativeMemory]: ["memoryExecutionRoleArn"],
    [T.nativeCodeInterpreter]: ["executionRoleArn"],
    [T.nativeBrowser]: ["executionRoleArn"],
    [T.nativeHarness]: ["executionRoleArn"],
    // The role AgentCore uses to manage a capacity provider's EC2 instances
    // (CreateCapacityProvider permissionsConfiguration.capacityProviderOperatorRoleArn).
    [T.nativeCapacityProvider]: ["permissionsConfiguration.capacityProviderOperatorRoleArn"],
};
