import { strict as assert } from "assert";
import { AgentNetwork, AgentNetworkArgs, ENI_RELEASE_TIMEOUT, InputValidationError, waitForReleasedInterfaces } from "../../sdk";
import { stableHex } from "../../plan/mocks";
import { Registrations, parseJsonInput, record, valueOf } from "../harness";

const VPC = "awsx:ec2:Vpc";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const ACCOUNT = "123456789012";
/** Mock subnets (see plan/mocks.ts): the last digit picks the zone, the rest names the VPC. */
const SUBNET_AZ1 = "subnet-0123456789abcdef1";
const SUBNET_AZ2 = "subnet-0123456789abcdef2";
const SUBNET_AZ1_AGAIN = "subnet-0123456789abcdef7";
const SUBNET_AZ6 = "subnet-0123456789abcdef0";
const SUBNET_AZ3 = "subnet-0123456789abcdef4";
const SUBNET_OTHER_VPC = "subnet-fedcba98765432101";
const OWN_VPC = "vpc-0123456789abcdef";
const EXISTING = { mode: "EXISTING_VPC" as const, vpcId: OWN_VPC, subnetIds: [SUBNET_AZ1, SUBNET_AZ2] };

async function plan(args: AgentNetworkArgs): Promise<{ reg: Registrations; network: AgentNetwork }> {
    let network: AgentNetwork | undefined;
    const reg = await record(() => (network = new AgentNetwork("net", args)));
    return { reg, network: network! };
}

/** Runs a program whose outputs fail when they resolve, and returns the error. */
async function planFailure(args: AgentNetworkArgs): Promise<InputValidationError> {
    let failure: unknown;
    try {
        const { network } = await plan(args);
        await (network.runtimeNetwork.subnetIds as any).promise();
    } catch (e) {
        failure = e;
    }
    assert.ok(failure instanceof InputValidationError, `expected InputValidationError, got ${failure}`);
    return failure;
}

/** The id of a recorded security group (the mock keeps it in the ARN). */
function idOf(group: { outputs: Record<string, any> }): string {
    return group.outputs.arn.split("/").pop();
}

/** Registrations of a type sorted by name (resources register in the order their inputs resolve). */
function byName(reg: Registrations, type: string) {
    return reg.ofType(type).sort((a, b) => a.name.localeCompare(b.name));
}

/** The rules of a type by name, with inputs other than tags. */
function rules(reg: Registrations, type: string): [string, Record<string, any>][] {
    return byName(reg, type).map((r) => {
        const { tags: _tags, ...inputs } = r.inputs;
        return [r.name, inputs];
    });
}

describe("AgentNetwork: new VPC", () => {
    it("creates an awsx VPC in the first two supported zones with isolated subnets and no NAT", async () => {
        const { reg, network } = await plan({ mode: "NEW_VPC" });
        const vpc = reg.one(VPC, "net-vpc");
        assert.equal(vpc.parent, "urn:pulumi:test::agentcore-test::agentcore:index:AgentNetwork::net");
        // The mock account maps us-east-1a to use1-az6, which AgentCore does not support: it is skipped.
        assert.deepEqual(vpc.inputs, {
            cidrBlock: "10.0.0.0/16",
            availabilityZoneNames: ["us-east-1b", "us-east-1c"],
            enableDnsHostnames: true,
            enableDnsSupport: true,
            subnetStrategy: "Auto",
            subnetSpecs: [{ type: "Isolated" }],
            natGateways: { strategy: "None" },
        });
        assert.deepEqual(reg.typeCounts(), {
            "agentcore:index:AgentNetwork": 1,
            [VPC]: 1,
            [SG]: 2,
            [EGRESS]: 2,
            [INGRESS]: 1,
            [ENDPOINT]: 4,
        });
        assert.deepEqual(await valueOf(network.runtimeNetwork.subnetIds), vpc.outputs.isolatedSubnetIds);
        assert.deepEqual(await valueOf(network.runtimeNetwork.securityGroupIds), [idOf(reg.one(SG, "net-runtime-sg"))]);
        assert.equal(await valueOf(network.vpcId), vpc.outputs.vpcId);
        assert.equal(network.toolNetwork, undefined);
    });

    it("runtime group: no ingress, egress 443 only to the endpoints' group and S3; endpoints' group: 443 only from the runtime", async () => {
        const { reg } = await plan({ mode: "NEW_VPC" });
        const runtimeSg = idOf(reg.one(SG, "net-runtime-sg"));
        const endpointsSg = idOf(reg.one(SG, "net-endpoints-sg"));
        assert.deepEqual(rules(reg, EGRESS), [
            [
                "net-runtime-to-endpoints",
                { securityGroupId: runtimeSg, ipProtocol: "tcp", fromPort: 443, toPort: 443, referencedSecurityGroupId: endpointsSg, description: "HTTPS to the VPC interface endpoints" },
            ],
            [
                "net-runtime-to-s3",
                {
                    securityGroupId: runtimeSg,
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    prefixListId: `pl-${stableHex(8, "com.amazonaws.us-east-1.s3")}`,
                    description: "HTTPS to S3 through the gateway endpoint (image layers)",
                },
            ],
        ]);
        assert.deepEqual(rules(reg, INGRESS), [
            [
                "net-endpoints-from-runtime",
                { securityGroupId: endpointsSg, referencedSecurityGroupId: runtimeSg, ipProtocol: "tcp", fromPort: 443, toPort: 443, description: "HTTPS from the agent security group" },
            ],
        ]);
        for (const sg of reg.ofType(SG)) {
            assert.equal(sg.inputs.ingress, undefined, `${sg.name} has inline ingress`);
            assert.equal(sg.inputs.egress, undefined, `${sg.name} has inline egress`);
        }
        assert.ok(!JSON.stringify(reg.all.map((r) => r.inputs)).includes("0.0.0.0/0"), "0.0.0.0/0 appears without NAT");
    });

    it("lets the runtime's group wait for lingering network interfaces on delete, and awsx's subnets too", async () => {
        const { reg } = await plan({ mode: "NEW_VPC", features: { codeInterpreter: true } });
        assert.deepEqual(
            byName(reg, SG).map((sg) => [sg.name, sg.deleteTimeout]),
            [
                ["net-endpoints-sg", ""],
                ["net-runtime-sg", ENI_RELEASE_TIMEOUT],
                ["net-tools-sg", ENI_RELEASE_TIMEOUT],
            ],
        );
        const subnet = await waitForReleasedInterfaces({ type: "aws:ec2/subnet:Subnet", name: "s", props: { a: 1 }, opts: { customTimeouts: { create: "5m" } }, custom: true });
        assert.deepEqual(subnet, { props: { a: 1 }, opts: { customTimeouts: { create: "5m", delete: "9h" } } });
        assert.equal(await waitForReleasedInterfaces({ type: "aws:ec2/routeTable:RouteTable", name: "r", props: {}, opts: {}, custom: true }), undefined);
    });

    it("with NAT: private subnets behind NAT gateways, and only then egress 443 to 0.0.0.0/0", async () => {
        const { reg, network } = await plan({ mode: "NEW_VPC", natGateways: "Single", availabilityZoneCount: 3, cidrBlock: "10.20.0.0/16" });
        const vpc = reg.one(VPC);
        assert.deepEqual(vpc.inputs.availabilityZoneNames, ["us-east-1b", "us-east-1c", "us-east-1d"]);
        assert.deepEqual(vpc.inputs.subnetSpecs, [{ type: "Public" }, { type: "Private" }]);
        assert.deepEqual(vpc.inputs.natGateways, { strategy: "Single" });
        assert.equal(vpc.inputs.cidrBlock, "10.20.0.0/16");
        assert.deepEqual(await valueOf(network.runtimeNetwork.subnetIds), vpc.outputs.privateSubnetIds);
        const internet = reg.one(EGRESS, "net-runtime-to-internet").inputs;
        assert.deepEqual(
            { ...internet, tags: undefined },
            { securityGroupId: idOf(reg.one(SG, "net-runtime-sg")), ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0", description: "HTTPS to the internet through the NAT gateways", tags: undefined },
        );
        assert.equal(reg.ofType(EGRESS).length, 3);
    });

    it("puts the S3 gateway endpoint on each subnet's own route table", async () => {
        const { reg } = await plan({ mode: "NEW_VPC" });
        const subnets: string[] = reg.one(VPC).outputs.isolatedSubnetIds;
        const s3 = reg.one(ENDPOINT, "net-endpoint-s3").inputs;
        assert.equal(s3.vpcEndpointType, "Gateway");
        assert.deepEqual(s3.routeTableIds, subnets.map((id) => `rtb-${stableHex(17, id)}`));
        assert.equal(s3.subnetIds, undefined);
    });

    it("fails when the region has fewer supported zones than asked for", async () => {
        const error = await planFailure({ mode: "NEW_VPC", availabilityZoneCount: 4 });
        assert.deepEqual(error.problems, [
            'availabilityZoneCount 4 is more than the 3 zones of us-east-1 AgentCore supports (available here: us-east-1b=use1-az1, us-east-1c=use1-az2, us-east-1d=use1-az4; supported IDs: use1-az1, use1-az2, use1-az4; AgentCore Developer Guide, "Configure Amazon Bedrock AgentCore Runtime and tools for VPC", Supported Availability Zones)',
        ]);
    });
});

describe("AgentNetwork: endpoints per shape and features", () => {
    const cases: [string, AgentNetworkArgs, string[]][] = [
        ["new VPC, no features", { mode: "NEW_VPC" }, ["ecr.api", "ecr.dkr", "logs", "s3"]],
        ["new VPC, models and observability", { mode: "NEW_VPC", features: { models: true, observability: true } }, ["ecr.api", "ecr.dkr", "logs", "s3", "bedrock-runtime", "xray", "monitoring"]],
        [
            "existing VPC, memory, gateway and customer keys",
            { ...EXISTING, features: { memory: true, gateway: true, customerManagedKeys: true } },
            ["ecr.api", "ecr.dkr", "logs", "s3", "bedrock-agentcore", "bedrock-agentcore.gateway", "kms"],
        ],
        [
            "existing VPC sharing the baseline endpoints",
            { ...EXISTING, securityGroupIds: ["sg-0123456789abcdef0"], sharedEndpoints: ["ecr.api", "ecr.dkr", "logs", "s3"], features: { models: true } },
            ["bedrock-runtime"],
        ],
    ];
    for (const [title, args, services] of cases) {
        it(title, async () => {
            const { reg, network } = await plan(args);
            const endpoints = byName(reg, ENDPOINT);
            assert.deepEqual(
                endpoints.map((e) => [e.name, e.inputs.serviceName]),
                services.map((s) => [`net-endpoint-${s.replace(/\./g, "-")}`, `com.amazonaws.us-east-1.${s}`]).sort((a, b) => a[0].localeCompare(b[0])),
            );
            assert.deepEqual(network.endpointServices, services);
            const endpointsSg = idOf(reg.one(SG, "net-endpoints-sg"));
            const subnets = await valueOf(network.subnetIds);
            for (const e of endpoints.filter((x) => x.inputs.vpcEndpointType === "Interface")) {
                assert.equal(e.inputs.privateDnsEnabled, true);
                assert.deepEqual(e.inputs.securityGroupIds, [endpointsSg]);
                assert.deepEqual(e.inputs.subnetIds, subnets);
                assert.equal(e.inputs.vpcId, await valueOf(network.vpcId));
            }
        });
    }

    it("existing VPC with every needed endpoint shared creates no endpoint and no security group", async () => {
        const { reg, network } = await plan({ ...EXISTING, securityGroupIds: ["sg-0123456789abcdef0"], sharedEndpoints: ["ecr.api", "ecr.dkr", "logs", "s3"] });
        assert.deepEqual(reg.typeCounts(), { "agentcore:index:AgentNetwork": 1 });
        assert.deepEqual(await valueOf(network.runtimeNetwork.securityGroupIds), ["sg-0123456789abcdef0"]);
        assert.deepEqual(await valueOf(network.runtimeNetwork.subnetIds), [SUBNET_AZ1, SUBNET_AZ2]);
    });
});

describe("AgentNetwork: existing VPC", () => {
    it("uses existing security groups for the runtime and admits each of them at the endpoints", async () => {
        const groups = ["sg-0123456789abcdef0", "sg-0123456789abcdef1"];
        const { reg, network } = await plan({ ...EXISTING, securityGroupIds: groups });
        assert.deepEqual(reg.ofType(SG).map((sg) => sg.name), ["net-endpoints-sg"]);
        assert.equal(reg.ofType(EGRESS).length, 0);
        const endpointsSg = idOf(reg.one(SG));
        assert.deepEqual(
            byName(reg, INGRESS).map((r) => [r.name, r.inputs.securityGroupId, r.inputs.referencedSecurityGroupId, r.inputs.fromPort, r.inputs.toPort]),
            [
                ["net-endpoints-from-sg-0", endpointsSg, groups[0], 443, 443],
                ["net-endpoints-from-sg-1", endpointsSg, groups[1], 443, 443],
            ],
        );
        assert.deepEqual(await valueOf(network.runtimeNetwork.securityGroupIds), groups);
        assert.equal(reg.one(SG).inputs.vpcId, OWN_VPC);
    });

    it("places interface endpoints in one subnet per zone and the runtime in all", async () => {
        const { reg, network } = await plan({ ...EXISTING, subnetIds: [SUBNET_AZ1, SUBNET_AZ2, SUBNET_AZ1_AGAIN] });
        assert.deepEqual(await valueOf(network.runtimeNetwork.subnetIds), [SUBNET_AZ1, SUBNET_AZ2, SUBNET_AZ1_AGAIN]);
        assert.deepEqual(reg.one(ENDPOINT, "net-endpoint-logs").inputs.subnetIds, [SUBNET_AZ1, SUBNET_AZ2]);
    });

    it("gives the tools their own group and network when Code Interpreter or Browser is used", async () => {
        const { reg, network } = await plan({ ...EXISTING, features: { browser: true } });
        const toolsSg = idOf(reg.one(SG, "net-tools-sg"));
        assert.deepEqual(await valueOf(network.toolNetwork!.securityGroupIds), [toolsSg]);
        assert.deepEqual(await valueOf(network.toolNetwork!.subnetIds), [SUBNET_AZ1, SUBNET_AZ2]);
        assert.deepEqual(
            byName(reg, EGRESS).map((r) => r.name),
            ["net-runtime-to-endpoints", "net-runtime-to-s3", "net-tools-to-endpoints", "net-tools-to-s3"],
        );
        assert.deepEqual(byName(reg, INGRESS).map((r) => [r.name, r.inputs.referencedSecurityGroupId]), [
            ["net-endpoints-from-runtime", idOf(reg.one(SG, "net-runtime-sg"))],
            ["net-endpoints-from-tools", toolsSg],
        ]);
    });

    it("fails on subnets in unsupported zones, naming each subnet, its zone and the supported list", async () => {
        const error = await planFailure({ ...EXISTING, subnetIds: [SUBNET_AZ1, SUBNET_AZ6, SUBNET_AZ3] });
        const rule = 'which AgentCore does not support in us-east-1; supported zone IDs: use1-az1, use1-az2, use1-az4 (AgentCore Developer Guide, "Configure Amazon Bedrock AgentCore Runtime and tools for VPC", Supported Availability Zones)';
        assert.deepEqual(error.problems, [
            `subnetIds[1] "${SUBNET_AZ6}" is in availability zone use1-az6 (us-east-1a), ${rule}`,
            `subnetIds[2] "${SUBNET_AZ3}" is in availability zone use1-az3 (us-east-1e), ${rule}`,
        ]);
        assert.match(error.message, /AgentNetwork net: 2 invalid arguments:/);
    });

    it("fails on subnets of another VPC", async () => {
        const error = await planFailure({ ...EXISTING, subnetIds: [SUBNET_AZ1, SUBNET_OTHER_VPC] });
        assert.deepEqual(error.problems, [
            `subnetIds[1] "${SUBNET_OTHER_VPC}" belongs to vpc-fedcba9876543210, not to vpcId "${OWN_VPC}": all subnets must be in the one VPC`,
        ]);
    });
});

describe("AgentNetwork: endpoint policies", () => {
    async function policies(args: AgentNetworkArgs): Promise<Record<string, any>> {
        const { reg } = await plan(args);
        return Object.fromEntries(reg.ofType(ENDPOINT).map((e) => [e.inputs.serviceName.replace("com.amazonaws.us-east-1.", ""), parseJsonInput(e.inputs.policy)]));
    }

    it("AgentCore endpoints admit OAuth callers (principal *) but only to this account's resources and AWS's built-in tools", async () => {
        const p = await policies({ mode: "NEW_VPC", features: { memory: true, codeInterpreter: true, gateway: true } });
        assert.deepEqual(p["bedrock-agentcore"], {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AgentCoreInThisAccountIncludingOAuthCallers",
                    Effect: "Allow",
                    Principal: "*",
                    Action: ["bedrock-agentcore:*"],
                    Resource: [`arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:*`, "arn:aws:bedrock-agentcore:us-east-1:aws:code-interpreter/*"],
                    Condition: { StringEqualsIfExists: { "aws:PrincipalAccount": ACCOUNT } },
                },
            ],
        });
        assert.deepEqual(p["bedrock-agentcore.gateway"].Statement[0].Resource, [`arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:*`]);
        assert.equal(p["bedrock-agentcore.gateway"].Statement[0].Principal, "*");
    });

    it("S3 admits ECR's layer bucket and this account's buckets; other services only this account's principals", async () => {
        const p = await policies({ mode: "NEW_VPC", features: { models: true } });
        assert.deepEqual(p.s3.Statement, [
            { Sid: "DownloadEcrImageLayers", Effect: "Allow", Principal: "*", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"] },
            {
                Sid: "ThisAccountBucketsByThisAccount",
                Effect: "Allow",
                Principal: "*",
                Action: ["s3:*"],
                Resource: ["*"],
                Condition: { StringEquals: { "aws:PrincipalAccount": ACCOUNT, "aws:ResourceAccount": ACCOUNT } },
            },
        ]);
        const actions: Record<string, string> = { "ecr.api": "ecr:*", "ecr.dkr": "ecr:*", logs: "logs:*", "bedrock-runtime": "bedrock:*" };
        for (const [service, action] of Object.entries(actions)) {
            assert.deepEqual(p[service].Statement, [
                { Sid: "ThisAccountPrincipalsOnly", Effect: "Allow", Principal: "*", Action: [action], Resource: ["*"], Condition: { StringEquals: { "aws:PrincipalAccount": ACCOUNT } } },
            ]);
        }
    });
});

describe("AgentNetwork validation", () => {
    const cases: [string, AgentNetworkArgs, string[]][] = [
        [
            "existing VPC: bad ids, no subnets, unknown and unreachable shared endpoints",
            { mode: "EXISTING_VPC", vpcId: "vpc-xyz", subnetIds: [], sharedEndpoints: ["ecr" as any, "logs"] },
            [
                'vpcId "vpc-xyz" must match vpc-[0-9a-f]{8,17} (EC2 VPC id)',
                "subnetIds [] must have at least 1 items (bedrock-agentcore-control API model, shape Subnets)",
                'sharedEndpoints[0] "ecr" must be one of ecr.api, ecr.dkr, logs, s3, bedrock-runtime, bedrock-agentcore, bedrock-agentcore.gateway, xray, monitoring, kms, secretsmanager, sts',
                'sharedEndpoints ["logs"] needs securityGroupIds: a runtime group created here only reaches the endpoints created here, so give the groups that may reach the shared endpoints',
            ],
        ],
        [
            "existing VPC: malformed subnet and security group ids",
            { mode: "EXISTING_VPC", vpcId: OWN_VPC, subnetIds: [SUBNET_AZ1, "subnet-1"], securityGroupIds: ["sg-1", "sg-0123456789abcdef0"] },
            [
                'subnetIds[1] "subnet-1" must match subnet-[0-9a-zA-Z]{8,17} (bedrock-agentcore-control API model, shape SubnetId)',
                'securityGroupIds[0] "sg-1" must match sg-[0-9a-zA-Z]{8,17} (bedrock-agentcore-control API model, shape SecurityGroupId)',
            ],
        ],
        [
            "existing VPC: nothing given",
            { mode: "EXISTING_VPC" } as AgentNetworkArgs,
            ["vpcId (not set) is required for EXISTING_VPC", "subnetIds (not set) is required for EXISTING_VPC (a list of private subnet ids)"],
        ],
        [
            "new VPC: CIDR, one zone, unknown NAT strategy",
            { mode: "NEW_VPC", cidrBlock: "10.0.0.0/8", availabilityZoneCount: 1, natGateways: "Always" as any },
            [
                'cidrBlock "10.0.0.0/8" must be an IPv4 CIDR block from /16 to /24 (e.g. 10.0.0.0/16)',
                "availabilityZoneCount 1 must be a whole number of at least 2 (AgentCore guide: subnets in at least two availability zones)",
                'natGateways "Always" must be one of None, Single, OnePerAz',
            ],
        ],
        ["unknown mode", { mode: "VPC" } as any, ['mode "VPC" must be EXISTING_VPC or NEW_VPC (PUBLIC needs no network component)']],
    ];
    for (const [title, args, expected] of cases) {
        it(`reports ${title}, all at once, before registering anything`, async () => {
            let error: unknown;
            const reg = await record(() => {
                try {
                    new AgentNetwork("net", args);
                } catch (e) {
                    error = e;
                }
            });
            assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
            assert.deepEqual(error.problems, expected);
            assert.deepEqual(reg.all.map((r) => r.type), ["agentcore:index:AgentNetwork"]);
        });
    }
});
