import * as pulumi from "@pulumi/pulumi";
import type { Vpc } from "@pulumi/awsx/ec2";
import { getAvailabilityZonesOutput } from "@pulumi/aws/getAvailabilityZones";
import { getPrefixListOutput } from "@pulumi/aws/ec2/getPrefixList";
import { getRouteTableOutput } from "@pulumi/aws/ec2/getRouteTable";
import { getSubnetOutput } from "@pulumi/aws/ec2/getSubnet";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { VpcEndpoint } from "@pulumi/aws/ec2/vpcEndpoint";
import { SecurityGroupEgressRule } from "@pulumi/aws/vpc/securityGroupEgressRule";
import { SecurityGroupIngressRule } from "@pulumi/aws/vpc/securityGroupIngressRule";
import { AwsContext, awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { RuntimeNetwork } from "../runtime/types";
import { Problems } from "../validation";
import { ENDPOINTS, EndpointService, NO_FEATURES, NetworkFeatures, requiredEndpoints } from "./features";
import { endpointPolicy } from "./policies";
import { ExistingVpcNetwork, NewVpcNetwork, ToolNetwork, VpcNetworkSettings } from "./types";
import { SubnetFacts, checkSubnetPlacement, checkVpcNetworkSettings, onePerZone } from "./validate";
import { pickSupportedZones } from "./zones";

/** Arguments of {@link AgentNetwork}: a VPC shape plus what the stack uses. */
export type AgentNetworkArgs = VpcNetworkSettings & {
    /** What the stack uses; decides which VPC endpoints are created. @default every feature off (ecr.api, ecr.dkr, logs, s3 only) */
    features?: Partial<NetworkFeatures>;
    /** Tags for every resource created. */
    tags?: Record<string, string>;
};

/**
 * How long deleting an agent security group or a subnet may wait for the
 * runtime's network interfaces to go: AgentCore releases them up to ~8 hours
 * after the runtime is deleted (AgentCore guide, "Configure ... for VPC"). The
 * provider retries the delete while EC2 reports the dependency, so `destroy`
 * waits instead of failing. See README.md, "Teardown".
 */
export const ENI_RELEASE_TIMEOUT = "9h";
/** HTTPS: the only port the runtime's group may send to and the endpoints' group admits. */
export const HTTPS = 443;

/**
 * A `transforms` entry giving the subnets awsx creates inside its VPC component
 * the delete timeout {@link ENI_RELEASE_TIMEOUT} (transforms reach into
 * packaged components; awsx has no option for it).
 */
export const waitForReleasedInterfaces: pulumi.ResourceTransform = ({ type, props, opts }) =>
    type === "aws:ec2/subnet:Subnet" ? { props, opts: { ...opts, customTimeouts: { ...opts.customTimeouts, delete: ENI_RELEASE_TIMEOUT } } } : undefined;

/** Where the runtime's interfaces go and which route tables the S3 gateway endpoint joins. */
interface Placement {
    vpcId: pulumi.Output<string>;
    subnetIds: pulumi.Output<string[]>;
    endpointSubnetIds: pulumi.Output<string[]>;
}

/**
 * Private networking for an AgentCore runtime (and its tools): an existing VPC
 * or a new one (awsx, private subnets in supported zones, no NAT by default),
 * least-privilege security groups, and exactly the VPC endpoints the stack's
 * features need, each with a policy scoped to this account. Give
 * {@link runtimeNetwork} to `AgentRuntime`; it resolves only after every endpoint
 * and rule exists, so the runtime never starts without its endpoints.
 */
export class AgentNetwork extends pulumi.ComponentResource {
    /** The VPC id. */
    readonly vpcId: pulumi.Output<string>;
    /** The runtime's subnet ids (checked to be in supported zones of the one VPC). */
    readonly subnetIds: pulumi.Output<string[]>;
    /** Services whose endpoints this component created, in table order. */
    readonly endpointServices: EndpointService[];
    /** The created VPC endpoints by service. */
    readonly endpoints: Partial<Record<EndpointService, VpcEndpoint>> = {};
    /** The runtime's security group, unless existing groups were given. */
    readonly runtimeSecurityGroup?: SecurityGroup;
    /** The tools' security group, when Code Interpreter or Browser is used and no existing groups were given. */
    readonly toolsSecurityGroup?: SecurityGroup;
    /** The endpoints' security group, when an interface endpoint is created. */
    readonly endpointsSecurityGroup?: SecurityGroup;
    /** The runtime's network configuration, for `AgentRuntime`'s `network` (a VPC-mode `RuntimeNetwork`). */
    readonly runtimeNetwork: Extract<RuntimeNetwork, { mode: "VPC" }> & { subnetIds: pulumi.Output<string[]>; securityGroupIds: pulumi.Output<string[]> };
    /** Subnets and security groups for the Code Interpreter and Browser, when `features` names either. */
    readonly toolNetwork?: ToolNetwork;

    /** The runtime's security group ids, as a list of known length (the network's own group, or the existing groups given). */
    readonly runtimeGroupIds: pulumi.Input<string>[];

    private readonly resourceName: string;
    private readonly tags?: Record<string, string>;
    /** How many subnets the runtime gets (the zones of a new VPC, the subnets given of an existing one). */
    private readonly subnetCount: number;
    /** What the endpoints were created for (grows with {@link requireFeatures}). */
    private features: NetworkFeatures;
    /** Services whose endpoints the VPC already has (EXISTING_VPC `sharedEndpoints`). */
    private readonly shared: ReadonlySet<EndpointService>;
    private readonly placement: Placement;
    private readonly ctx: AwsContext;

    constructor(name: string, args: AgentNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentNetwork`, name, {}, opts);
        this.resourceName = name;
        this.tags = args.tags;
        const features: NetworkFeatures = { ...NO_FEATURES, ...args.features };
        this.features = features;
        const usesTools = features.codeInterpreter || features.browser;

        const component = `AgentNetwork ${name}`;
        const problems = new Problems();
        const settings = checkVpcNetworkSettings(problems, args, "", component);
        problems.throwIfAny(component);

        const ctx = awsContext(this);
        const placement = settings.mode === "NEW_VPC" ? this.newVpc(settings, ctx) : this.existingVpc(settings, ctx);
        this.ctx = ctx;
        this.placement = placement;
        this.vpcId = placement.vpcId;
        this.subnetIds = placement.subnetIds;
        const shared = new Set<EndpointService>(settings.mode === "EXISTING_VPC" ? (settings.sharedEndpoints ?? []) : []);
        this.shared = shared;
        this.endpointServices = requiredEndpoints(features).filter((service) => !shared.has(service));
        const interfaceServices = this.endpointServices.filter((service) => ENDPOINTS[service].kind === "Interface");

        const existingGroups = settings.mode === "EXISTING_VPC" ? settings.securityGroupIds : undefined;
        if (!existingGroups) {
            this.runtimeSecurityGroup = this.securityGroup("runtime", "AgentCore runtime network interfaces: no ingress, egress 443 to VPC endpoints only", true);
            if (usesTools) {
                this.toolsSecurityGroup = this.securityGroup("tools", "AgentCore Code Interpreter and Browser network interfaces: no ingress, egress 443 only", true);
            }
        }
        if (interfaceServices.length > 0) {
            this.endpointsSecurityGroup = this.securityGroup("endpoints", "AgentCore VPC interface endpoints: ingress 443 from the agent groups only", false);
        }
        const rules = this.rules(ctx, existingGroups, settings.mode === "NEW_VPC" && (settings.natGateways ?? "None") !== "None");
        for (const service of this.endpointServices) {
            this.endpoints[service] = this.endpoint(service, ctx, features, placement);
        }

        const ready = [...Object.values(this.endpoints), ...rules];
        this.runtimeGroupIds = existingGroups ? [...existingGroups] : [this.runtimeSecurityGroup!.id];
        this.subnetCount = settings.mode === "NEW_VPC" ? (settings.availabilityZoneCount ?? 2) : settings.subnetIds.length;
        const runtimeGroupIds = pulumi.output(this.runtimeGroupIds);
        this.runtimeNetwork = { mode: "VPC", subnetIds: after(ready, this.subnetIds), securityGroupIds: after(ready, runtimeGroupIds) };
        if (usesTools) {
            const toolGroupIds = existingGroups ? pulumi.output(existingGroups) : pulumi.output([this.toolsSecurityGroup!.id]);
            this.toolNetwork = { subnetIds: after(ready, this.subnetIds), securityGroupIds: after(ready, toolGroupIds) };
        }
        this.registerOutputs({ vpcId: this.vpcId, subnetIds: this.subnetIds, endpointServices: this.endpointServices });
    }

    /**
     * Adds what `features` need after construction: creates the VPC endpoints they
     * require that this network neither created nor shares, with the same policy and
     * security group as the others, and returns them (nothing when all exist). Used
     * for endpoints callers need rather than the runtime (the runtime does not wait
     * for them). Throws when an interface endpoint is needed but every interface
     * endpoint of the VPC is shared, so this network has no endpoints' security group.
     */
    requireFeatures(features: Partial<NetworkFeatures>): EndpointService[] {
        const merged: NetworkFeatures = { ...this.features, ...Object.fromEntries(Object.entries(features).filter(([, on]) => on)) };
        const missing = requiredEndpoints(merged).filter((service) => !this.shared.has(service) && !this.endpoints[service]);
        const homeless = missing.filter((service) => ENDPOINTS[service].kind === "Interface" && !this.endpointsSecurityGroup);
        if (homeless.length > 0) {
            const problems = new Problems();
            problems.add(
                "sharedEndpoints",
                [...this.shared],
                `lacks ${homeless.join(", ")}, which ${Object.keys(features).join(", ")} needs: the VPC's interface endpoints are all shared, so this network has no endpoint security group to create one in; add the endpoint to the VPC and list it in sharedEndpoints`,
            );
            problems.throwIfAny(`AgentNetwork ${this.resourceName}`);
        }
        this.features = merged;
        for (const service of missing) {
            this.endpoints[service] = this.endpoint(service, this.ctx, merged, this.placement);
            this.endpointServices.push(service);
        }
        return missing;
    }

    /**
     * Subnets for EFS mount targets (issue 24 item 4), as a list of known length: one per
     * availability zone (EFS allows one mount target per zone). An existing VPC's subnets must
     * then be in distinct zones; the check runs once the subnets are looked up.
     */
    mountTargetSubnetIds(): pulumi.Output<string>[] {
        const checked = pulumi.all([this.placement.subnetIds, this.placement.endpointSubnetIds]).apply(([all, perZone]) => {
            if (all.length !== perZone.length) {
                const problems = new Problems();
                problems.add("subnetIds", all, "must be in distinct availability zones when storage has an EFS file system: EFS allows one mount target per zone (https://docs.aws.amazon.com/efs/latest/ug/accessing-fs.html)");
                problems.throwIfAny(`AgentNetwork ${this.resourceName}`);
            }
            return all;
        });
        return Array.from({ length: this.subnetCount }, (_, i) => checked.apply((ids) => ids[i]));
    }

    /** A new VPC in the first supported zones; isolated subnets without NAT, private ones with it. */
    private newVpc(args: NewVpcNetwork, ctx: AwsContext): Placement {
        const nat = args.natGateways ?? "None";
        const zones = getAvailabilityZonesOutput({ state: "available" }, { parent: this });
        const zoneNames = pulumi.all([ctx.region, zones.names, zones.zoneIds]).apply(([region, names, zoneIds]) => {
            const picked = pickSupportedZones(region, names.map((zoneName, i) => ({ name: zoneName, zoneId: zoneIds[i] })), args.availabilityZoneCount ?? 2);
            if ("problem" in picked) {
                const problems = new Problems();
                problems.addMessage(picked.problem);
                problems.throwIfAny(`AgentNetwork ${this.resourceName}`);
            }
            return (picked as { names: string[] }).names;
        });
        // awsx takes zone names as plain values; they are known only once the zone lookup (a read, resolved in
        // preview too) answers. awsx is loaded here so stacks without a new VPC never pay its load time.
        const vpc: pulumi.Output<Vpc> = zoneNames.apply((names) => {
            const awsx: typeof import("@pulumi/awsx/ec2") = require("@pulumi/awsx/ec2");
            return new awsx.Vpc(
                `${this.resourceName}-vpc`,
                {
                    cidrBlock: args.cidrBlock ?? "10.0.0.0/16",
                    availabilityZoneNames: names,
                    enableDnsHostnames: true,
                    enableDnsSupport: true,
                    subnetStrategy: "Auto",
                    subnetSpecs: nat === "None" ? [{ type: "Isolated" }] : [{ type: "Public" }, { type: "Private" }],
                    natGateways: { strategy: nat },
                    tags: this.tags,
                },
                { parent: this, transforms: [waitForReleasedInterfaces] },
            );
        });
        const subnetIds = vpc.apply((v) => (nat === "None" ? v.isolatedSubnetIds : v.privateSubnetIds));
        return { vpcId: vpc.apply((v) => v.vpcId), subnetIds, endpointSubnetIds: subnetIds };
    }

    /** An existing VPC: each subnet is looked up and checked (zone, VPC) before anything uses it. */
    private existingVpc(args: ExistingVpcNetwork, ctx: AwsContext): Placement {
        const lookups = args.subnetIds.map((id) => {
            const subnet = getSubnetOutput({ id }, { parent: this });
            return pulumi.all([subnet.id, subnet.vpcId, subnet.availabilityZone, subnet.availabilityZoneId]);
        });
        const checked = pulumi.all([ctx.region, args.vpcId, pulumi.all(lookups)]).apply(([region, vpcId, found]) => {
            const subnets: SubnetFacts[] = found.map(([id, subnetVpcId, availabilityZone, availabilityZoneId]) => ({ id, vpcId: subnetVpcId, availabilityZone, availabilityZoneId }));
            const problems = new Problems();
            checkSubnetPlacement(problems, region, vpcId, subnets);
            problems.throwIfAny(`AgentNetwork ${this.resourceName}`);
            return subnets;
        });
        return { vpcId: pulumi.output(args.vpcId), subnetIds: checked.apply((s) => s.map((x) => x.id)), endpointSubnetIds: checked.apply(onePerZone) };
    }

    /** A security group without inline rules; a group AgentCore's interfaces attach to waits for them on delete. */
    private securityGroup(role: string, description: string, holdsAgentInterfaces: boolean): SecurityGroup {
        return new SecurityGroup(
            `${this.resourceName}-${role}-sg`,
            { vpcId: this.vpcId, description, tags: { ...this.tags, Name: `${this.resourceName}-${role}` } },
            { parent: this, ...(holdsAgentInterfaces ? { customTimeouts: { delete: ENI_RELEASE_TIMEOUT } } : {}) },
        );
    }

    /**
     * The rules: each group created for agents sends 443 to the endpoints' group,
     * to S3's prefix list and, with NAT, to the internet; the endpoints' group
     * admits 443 from each agent group. Nothing else, no ingress to agents.
     */
    private rules(ctx: AwsContext, existingGroups: pulumi.Input<string>[] | undefined, internet: boolean): pulumi.CustomResource[] {
        const own: [string, SecurityGroup][] = [];
        if (this.runtimeSecurityGroup) {
            own.push(["runtime", this.runtimeSecurityGroup]);
        }
        if (this.toolsSecurityGroup) {
            own.push(["tools", this.toolsSecurityGroup]);
        }
        const rules: pulumi.CustomResource[] = [];
        const s3PrefixList = own.length > 0 ? getPrefixListOutput({ name: pulumi.interpolate`com.amazonaws.${ctx.region}.s3` }, { parent: this }).id : undefined;
        for (const [role, group] of own) {
            if (this.endpointsSecurityGroup) {
                rules.push(this.egress(`${role}-to-endpoints`, group, { referencedSecurityGroupId: this.endpointsSecurityGroup.id, description: "HTTPS to the VPC interface endpoints" }));
            }
            rules.push(this.egress(`${role}-to-s3`, group, { prefixListId: s3PrefixList!, description: "HTTPS to S3 through the gateway endpoint (image layers)" }));
            if (internet) {
                rules.push(this.egress(`${role}-to-internet`, group, { cidrIpv4: "0.0.0.0/0", description: "HTTPS to the internet through the NAT gateways" }));
            }
        }
        if (this.endpointsSecurityGroup) {
            const sources: [string, pulumi.Input<string>][] = existingGroups
                ? existingGroups.map((id, i) => [`sg-${i}`, id])
                : own.map(([role, group]) => [role, group.id]);
            for (const [source, id] of sources) {
                rules.push(
                    new SecurityGroupIngressRule(
                        `${this.resourceName}-endpoints-from-${source}`,
                        {
                            securityGroupId: this.endpointsSecurityGroup.id,
                            referencedSecurityGroupId: id,
                            ipProtocol: "tcp",
                            fromPort: HTTPS,
                            toPort: HTTPS,
                            description: "HTTPS from the agent security group",
                            tags: this.tags,
                        },
                        { parent: this },
                    ),
                );
            }
        }
        return rules;
    }

    private egress(
        name: string,
        group: SecurityGroup,
        to: { referencedSecurityGroupId?: pulumi.Input<string>; prefixListId?: pulumi.Input<string>; cidrIpv4?: string; description: string },
    ): SecurityGroupEgressRule {
        return new SecurityGroupEgressRule(
            `${this.resourceName}-${name}`,
            { securityGroupId: group.id, ipProtocol: "tcp", fromPort: HTTPS, toPort: HTTPS, ...to, tags: this.tags },
            { parent: this },
        );
    }

    /** One endpoint: interface endpoints in one subnet per zone with private DNS; S3 as a gateway on the subnets' route tables. */
    private endpoint(service: EndpointService, ctx: AwsContext, features: Partial<NetworkFeatures>, placement: Placement): VpcEndpoint {
        const common = {
            vpcId: placement.vpcId,
            serviceName: pulumi.interpolate`com.amazonaws.${ctx.region}.${service}`,
            policy: pulumi.jsonStringify(endpointPolicy(service, ctx, features)),
            tags: { ...this.tags, Name: `${this.resourceName}-${service}` },
        };
        const kind = ENDPOINTS[service].kind;
        return new VpcEndpoint(
            `${this.resourceName}-endpoint-${service.replace(/\./g, "-")}`,
            kind === "Gateway"
                ? { ...common, vpcEndpointType: kind, routeTableIds: this.routeTablesOf(placement.subnetIds) }
                : { ...common, vpcEndpointType: kind, privateDnsEnabled: true, subnetIds: placement.endpointSubnetIds, securityGroupIds: [this.endpointsSecurityGroup!.id] },
            { parent: this },
        );
    }

    /** The route table explicitly associated with each subnet (awsx gives every subnet its own), without repeats. */
    private routeTablesOf(subnetIds: pulumi.Output<string[]>): pulumi.Output<string[]> {
        return subnetIds
            .apply((ids) => pulumi.all(ids.map((subnetId) => getRouteTableOutput({ subnetId }, { parent: this }).routeTableId)))
            .apply((ids) => [...new Set(ids)]);
    }
}

/** The value, resolved only once every given resource exists: consumers then depend on all of them. */
function after(resources: pulumi.Resource[], value: pulumi.Output<string[]>): pulumi.Output<string[]> {
    return pulumi.all([pulumi.all(resources.map((r) => r.urn)), value]).apply(([, v]) => v);
}
