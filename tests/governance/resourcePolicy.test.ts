import { strict as assert } from "assert";
import { AgentEnvironment, AgentEnvironmentArgs, EnvironmentInvokeAccess, InputValidationError, InvokeResourcePolicy, PlatformOutputs } from "../../sdk";
import { evaluatePolicies } from "../../policy/evaluate";
import { policyConfigOf } from "../crosscheck/gate";
import { ESTABLISHED, Registrations, parseJsonInput, record, withConfigDefault } from "../harness";

const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent@sha256:${"d".repeat(64)}` };
const T = {
    policy: "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy",
    runtime: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
    gateway: "aws:bedrock/agentcoreGateway:AgentcoreGateway",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
};
const VPC = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"] };
const FN = "arn:aws:lambda:us-east-1:123456789012:function:order-lookup";
const LAMBDA = { type: "lambda" as const, name: "orders", functionArn: FN, tools: [{ name: "lookup_order", description: "Find", inputSchema: { type: "object" } }] };
const JWT = { type: "CUSTOM_JWT" as const, discoveryUrl: "https://issuer.example.com/.well-known/openid-configuration", allowedClients: ["client-1"] };
const RUNTIME_ACTIONS = ["bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream"];
const GUARDED = [
    "bedrock-agentcore:InvokeAgentRuntime",
    "bedrock-agentcore:InvokeAgentRuntimeForUser",
    "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream",
    "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStreamForUser",
    "bedrock-agentcore:InvokeAgentRuntimeCommand",
    "bedrock-agentcore:InvokeAgentRuntimeCommandShell",
    "bedrock-agentcore:StopRuntimeSession",
    "bedrock-agentcore:GetAgentCard",
];

function environment(overrides: Partial<AgentEnvironmentArgs> = {}): AgentEnvironment {
    return new AgentEnvironment("agent", { environment: "prod", image: IMAGE, runtimeVersion: "1", network: VPC, gateway: { targets: [LAMBDA] }, ...overrides });
}

function restricted(access: EnvironmentInvokeAccess, overrides: Partial<AgentEnvironmentArgs> = {}) {
    return () => environment(overrides).restrictInvoke(access);
}

/** The document of the one resource policy attached to `arn`. */
function policyOn(reg: Registrations, arn: string): any {
    const found = reg.ofType(T.policy).filter((p) => p.inputs.resourceArn === arn);
    assert.equal(found.length, 1, `expected one resource policy on ${arn}, found ${found.length}`);
    return parseJsonInput(found[0].inputs.policy);
}

function arns(reg: Registrations) {
    const runtimeArn: string = reg.one(T.runtime).outputs.agentRuntimeArn;
    return { runtimeArn, endpointArn: `${runtimeArn}/runtime-endpoint/prod`, gatewayArn: reg.one(T.gateway, "agent-gateway-gateway").outputs.gatewayArn as string };
}

function throws(program: () => unknown, problems: string[]): void {
    // Built outside record(): the stack config a staging/prod gateway's rate limit needs (aws-native:region) is set here.
    const restore = withConfigDefault("aws-native:region", "us-east-1");
    try {
        assert.throws(program, (err: unknown) => {
            assert.ok(err instanceof InputValidationError, String(err));
            assert.deepEqual(err.problems, problems);
            return true;
        });
    } finally {
        restore();
    }
}

describe("AgentEnvironment.restrictInvoke: resource policies on the runtime, its endpoint and the gateway", () => {
    it("issue 20 items 14a and 14b: through the environment's VPC, an explicit Deny on the runtime and on the endpoint it serves", async () => {
        const reg = await record(restricted({ throughEnvironmentVpc: true }), "prod");
        const { runtimeArn, endpointArn } = arns(reg);
        for (const arn of [runtimeArn, endpointArn]) {
            assert.deepEqual(policyOn(reg, arn), {
                Version: "2012-10-17",
                Statement: [{ Sid: "DenyOutsideVpcs", Effect: "Deny", Principal: "*", Action: GUARDED, Resource: arn, Condition: { StringNotEquals: { "aws:SourceVpc": ["vpc-0123456789abcdef"] } } }],
            });
        }
        assert.equal(reg.ofType(T.policy).length, 2);
    });

    it("issue 20 item 14b: other accounts are allowed on the runtime and on the endpoint (and the gateway), every other account denied", async () => {
        const reg = await record(restricted({ accounts: ["210987654321"], sourceVpceIds: ["vpce-0abc"], includeGateway: true }), "prod");
        const { runtimeArn, endpointArn, gatewayArn } = arns(reg);
        const expected = (arn: string, allowed: string[], guarded: string[]) => ({
            Version: "2012-10-17",
            Statement: [
                { Sid: "AllowNamedAccounts", Effect: "Allow", Principal: { AWS: ["arn:aws:iam::210987654321:root"] }, Action: allowed, Resource: arn },
                { Sid: "DenyOtherAccounts", Effect: "Deny", Principal: "*", Action: guarded, Resource: arn, Condition: { StringNotEquals: { "aws:PrincipalAccount": ["123456789012", "210987654321"] } } },
                { Sid: "DenyOutsideVpcEndpoints", Effect: "Deny", Principal: "*", Action: guarded, Resource: arn, Condition: { StringNotEquals: { "aws:SourceVpce": ["vpce-0abc"] } } },
            ],
        });
        assert.deepEqual(policyOn(reg, runtimeArn), expected(runtimeArn, RUNTIME_ACTIONS, GUARDED));
        assert.deepEqual(policyOn(reg, endpointArn), expected(endpointArn, RUNTIME_ACTIONS, GUARDED));
        // The runtime's own role calls its tools gateway from AgentCore's network: exempt from the network restriction.
        const roleArn = reg.one("aws:iam/role:Role", "agent-role").outputs.arn;
        const gateway = policyOn(reg, gatewayArn);
        assert.deepEqual(gateway.Statement[2], {
            Sid: "DenyOutsideVpcEndpoints",
            Effect: "Deny",
            Principal: "*",
            Action: ["bedrock-agentcore:InvokeGateway"],
            Resource: gatewayArn,
            Condition: { StringNotEquals: { "aws:SourceVpce": ["vpce-0abc"] }, ArnNotEquals: { "aws:PrincipalArn": [roleArn] } },
        });
    });

    it("an organization: other member accounts allowed (this account's principals still need their identity policy), which the policy gate accepts", async () => {
        const reg = await record(restricted({ organizationId: "o-abcdefghij" }), "prod");
        const { runtimeArn } = arns(reg);
        assert.deepEqual(policyOn(reg, runtimeArn).Statement, [
            {
                Sid: "AllowOrganization",
                Effect: "Allow",
                Principal: "*",
                Action: RUNTIME_ACTIONS,
                Resource: runtimeArn,
                Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abcdefghij" }, StringNotEquals: { "aws:PrincipalAccount": "123456789012" } },
            },
            {
                Sid: "DenyOtherAccounts",
                Effect: "Deny",
                Principal: "*",
                Action: GUARDED,
                Resource: runtimeArn,
                Condition: { StringNotEquals: { "aws:PrincipalAccount": ["123456789012"], "aws:PrincipalOrgID": "o-abcdefghij" } },
            },
        ]);
        const violations = await evaluatePolicies(reg.all, { configPath: policyConfigOf("prod") });
        assert.deepEqual(violations.filter((v) => v.policy === "agentcore-resource-policy-principal"), []);
    });

    it("issue 20 item 14c: throughEnvironmentVpc creates the bedrock-agentcore interface endpoint the condition needs (and the gateway's with includeGateway)", async () => {
        const services = (reg: Registrations) => reg.ofType(T.vpcEndpoint).map((e) => String(e.inputs.serviceName).replace("com.amazonaws.us-east-1.", "")).sort();
        const plain = await record(() => environment({ gateway: undefined }), "prod");
        assert.equal(services(plain).includes("bedrock-agentcore"), false, "the environment alone needs no bedrock-agentcore endpoint");
        const runtimeOnly = await record(restricted({ throughEnvironmentVpc: true }, { gateway: undefined }), "prod");
        assert.deepEqual(
            services(runtimeOnly).filter((s) => !services(plain).includes(s)),
            ["bedrock-agentcore"],
        );
        const endpoint = runtimeOnly.one(T.vpcEndpoint, "agent-network-endpoint-bedrock-agentcore");
        assert.equal(endpoint.inputs.vpcId, "vpc-0123456789abcdef");
        assert.equal(endpoint.inputs.privateDnsEnabled, true);
        assert.deepEqual(endpoint.inputs.securityGroupIds, [runtimeOnly.one("aws:ec2/securityGroup:SecurityGroup", "agent-network-endpoints-sg").id]);
        const withGateway = await record(restricted({ throughEnvironmentVpc: true, includeGateway: true }), "prod");
        assert.deepEqual(withGateway.ofType(T.vpcEndpoint).filter((e) => /bedrock-agentcore/.test(e.inputs.serviceName)).map((e) => e.name).sort(), [
            "agent-network-endpoint-bedrock-agentcore",
            "agent-network-endpoint-bedrock-agentcore-gateway",
        ]);
        // A VPC that shares the endpoint gets none of its own.
        const shared = await record(restricted({ throughEnvironmentVpc: true }, { gateway: undefined, network: { ...VPC, securityGroupIds: ["sg-0123456789abcdef0"], sharedEndpoints: ["bedrock-agentcore"] } }), "prod");
        assert.equal(shared.ofType(T.vpcEndpoint).some((e) => /bedrock-agentcore$/.test(e.inputs.serviceName)), false);
    });

    it("issue 20 item 14d: a CUSTOM_JWT runtime takes network conditions only, with Principal \"*\"", async () => {
        const reg = await record(restricted({ sourceVpceIds: ["vpce-0abc"] }, { authorizer: JWT }), "prod");
        const { runtimeArn } = arns(reg);
        assert.deepEqual(policyOn(reg, runtimeArn).Statement, [
            { Sid: "AllowFromNetwork", Effect: "Allow", Principal: "*", Action: RUNTIME_ACTIONS, Resource: runtimeArn, Condition: { StringEquals: { "aws:SourceVpce": ["vpce-0abc"] } } },
            { Sid: "DenyOutsideVpcEndpoints", Effect: "Deny", Principal: "*", Action: GUARDED, Resource: runtimeArn, Condition: { StringNotEquals: { "aws:SourceVpce": ["vpce-0abc"] } } },
        ]);
        const rule =
            'cannot restrict a CUSTOM_JWT resource: its callers are not IAM principals, so AWS requires Principal "*" with network conditions only ' +
            "(aws:SourceVpc, aws:SourceVpce; https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/resource-based-policies.html, OAuth authentication) " +
            "and an account or organization condition would refuse every caller: use sourceVpcIds or sourceVpceIds";
        throws(restricted({ accounts: ["210987654321"], organizationId: "o-abcdefghij" }, { authorizer: JWT }), [`access.accounts ["210987654321"] ${rule}`, `access.organizationId "o-abcdefghij" ${rule}`]);
        throws(() => new InvokeResourcePolicy("p", { kind: "gateway", resourceArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/g-0123456789", callerAuth: "CUSTOM_JWT", accounts: ["210987654321"] }), [
            `access.accounts ["210987654321"] ${rule}`,
        ]);
    });

    it("refuses a policy that restricts nothing, bad ids, and options the environment cannot honour, all at once", () => {
        throws(restricted({ throughEnvironmentVpc: true, includeGateway: false, accounts: ["123"], organizationId: "org-1" }, { network: { mode: "PUBLIC" } }), [
            "throughEnvironmentVpc true needs a VPC network mode (the environment runs PUBLIC, so it has no VPC)",
            "throughEnvironmentVpc true cannot be combined with accounts or organizationId: the environment's VPC endpoints admit only this account's principals (their endpoint policies), " +
                "so another account's principal never calls through them; name the other accounts' VPCs or endpoints in sourceVpcIds or sourceVpceIds instead",
            'access.accounts[0] "123" must match [0-9]{12} (bedrock-agentcore-control API model, shape AwsAccountId)',
            'access.organizationId "org-1" must match ^o-[a-z0-9]{10,32}$ (an AWS Organizations id)',
        ]);
        throws(() => new InvokeResourcePolicy("p", { kind: "runtime", resourceArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/x", callerAuth: "AWS_IAM" }), [
            'access {"kind":"runtime","resourceArn":"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/x","callerAuth":"AWS_IAM"} must name accounts, an organizationId, sourceVpceIds or sourceVpcIds: a resource policy without any would allow everyone',
        ]);
    });

    it("a JWT tools gateway of a PUBLIC environment cannot take a network restriction: the agent's own tool calls would be refused", () => {
        throws(restricted({ sourceVpceIds: ["vpce-0abc"], includeGateway: true }, { network: { mode: "PUBLIC" }, gateway: { inboundAuth: { ...JWT }, targets: [LAMBDA] } }), [
            "includeGateway true cannot carry a network restriction to the CUSTOM_JWT gateway of a PUBLIC environment: the agent calls its gateway over the internet (no aws:SourceVpc or aws:SourceVpce) " +
                "with a token, not a role that could be exempted, so its own tool calls would be refused",
        ]);
    });

    it("a platform VPC without the bedrock-agentcore endpoint is refused: the condition could never hold", () => {
        const platform: PlatformOutputs = {
            platformName: "shared",
            accountId: "123456789012",
            region: "us-east-1",
            vpcId: "vpc-0fedcba9876543210",
            subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"],
            securityGroupIds: ["sg-0123456789abcdef0"],
            endpoints: ["ecr.api", "ecr.dkr", "logs", "s3", "bedrock-runtime", "xray", "monitoring", "kms"],
            features: ["models", "observability", "customerManagedKeys"],
            traceDeliveryPolicyName: "agentcore-traces",
        };
        throws(restricted({ throughEnvironmentVpc: true }, { gateway: undefined, network: undefined, platform }), [
            'throughEnvironmentVpc true needs the VPC endpoints bedrock-agentcore in platform "shared"\'s VPC (aws:SourceVpc is set only on calls through an endpoint), which the platform does not provide: add a feature that brings them to the platform (memory or identity; gateway)',
        ]);
    });
});

describe("one resource policy per resource (issue 20 item 12 with item 14)", () => {
    const CANARY: Partial<AgentEnvironmentArgs> = { frontDoor: true, previousVersion: "1", runtimeVersion: "2", canary: { version: "3", weight: 10 }, evaluation: { transactionSearch: "account" } };

    it("the front door's endpoint policies and restrictInvoke's never share a resource, and the front door's role passes restrictInvoke's network deny", async () => {
        const reg = await record(() => environment(CANARY).restrictInvoke({ throughEnvironmentVpc: true }), "prod", undefined, ESTABLISHED);
        const attached = reg.ofType(T.policy).map((p) => p.inputs.resourceArn as string);
        assert.equal(new Set(attached).size, attached.length, `two policies on one resource: ${attached.join(", ")}`);
        const { runtimeArn, endpointArn } = arns(reg);
        const frontDoorRole = reg.one("aws:iam/role:Role", "agent-front-door-role").outputs.arn;
        const frontDoorGateway = reg.one(T.gateway, "agent-front-door-gateway").outputs.gatewayArn;
        assert.deepEqual(attached.sort(), [
            runtimeArn,
            `${runtimeArn}/runtime-endpoint/DEFAULT`,
            endpointArn,
            `${runtimeArn}/runtime-endpoint/prod_canary`,
            `${runtimeArn}/runtime-endpoint/prod_previous`,
            frontDoorGateway,
        ].sort());
        assert.deepEqual(policyOn(reg, runtimeArn).Statement[0].Condition, { StringNotEquals: { "aws:SourceVpc": ["vpc-0123456789abcdef"] }, ArnNotEquals: { "aws:PrincipalArn": [frontDoorRole] } });
        // Callers reach the agent through the front door too: it carries the same restriction (no exemption there).
        assert.deepEqual(policyOn(reg, frontDoorGateway).Statement, [
            { Sid: "DenyOutsideVpcs", Effect: "Deny", Principal: "*", Action: ["bedrock-agentcore:InvokeGateway"], Resource: frontDoorGateway, Condition: { StringNotEquals: { "aws:SourceVpc": ["vpc-0123456789abcdef"] } } },
        ]);
    });

    it("a second restrictInvoke is refused, naming the resources whose policy it would replace", () => {
        throws(
            () => {
                const env = environment();
                env.restrictInvoke({ organizationId: "o-abcdefghij" });
                env.restrictInvoke({ accounts: ["210987654321"] });
            },
            [
                'restrictInvoke "runtime" cannot write the policy of runtime: restrictInvoke already does, and AgentCore keeps one resource policy per resource (PutResourcePolicy replaces it); pass every restriction in one restrictInvoke call',
                'restrictInvoke "endpoint:prod" cannot write the policy of endpoint:prod: restrictInvoke already does, and AgentCore keeps one resource policy per resource (PutResourcePolicy replaces it); pass every restriction in one restrictInvoke call',
            ],
        );
    });

    it("a CUSTOM_JWT runtime behind a front door: restrictInvoke is refused (the front door's forwarded calls carry no network keys), with or without frontDoorOnly", () => {
        const message =
            'restrictInvoke "CUSTOM_JWT" is not available with a front door on a CUSTOM_JWT runtime: the front door forwards its callers\' tokens from AWS\'s network, ' +
            "with no aws:SourceVpc or aws:SourceVpce and no IAM principal to exempt, so a network restriction on the runtime would refuse them (frontDoorOnly keeps direct callers out instead)";
        throws(restricted({ sourceVpceIds: ["vpce-0abc"] }, { ...CANARY, authorizer: JWT }), [message]);
        throws(restricted({ sourceVpceIds: ["vpce-0abc"] }, { ...CANARY, authorizer: JWT, frontDoorOnly: true }), [message]);
    });
});
