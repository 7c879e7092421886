import * as pulumi from "@pulumi/pulumi";
import { Problems, checkInputList, checkWhenKnown } from "../validation";
import { ENDPOINTS, ENDPOINT_SERVICES } from "./features";
import { ExistingVpcNetwork, NewVpcNetwork, VpcNetworkSettings } from "./types";
import { ZONES_SOURCE, supportedZoneIds } from "./zones";

/** EC2 VPC id format (EC2 resource ids: prefix and 8 or 17 hex digits). */
export const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;
/** IPv4 CIDR of a new VPC: /16 (largest AWS allows) to /24 (room for two zones' subnets). */
export const VPC_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(1[6-9]|2[0-4])$/;
/** Fewest availability zones a new VPC spans (AgentCore guide, Best practices: at least two subnets in different zones). */
export const MIN_ZONES = 2;
const NAT_STRATEGIES = ["None", "Single", "OnePerAz"];

/**
 * Checks every argument of a VPC network, recording all problems; `prefix` is the
 * network's argument path in the caller's args ("" or "network."). Ids unknown at
 * plan time are checked when they resolve if `component` is given; the returned
 * settings carry them and are what the network is built from.
 */
export function checkVpcNetworkSettings(problems: Problems, s: VpcNetworkSettings, prefix = "", component?: string): VpcNetworkSettings {
    const mode = (s as { mode: string }).mode;
    if (mode === "EXISTING_VPC") {
        return checkExistingVpc(problems, s as ExistingVpcNetwork, prefix, component);
    }
    if (mode === "NEW_VPC") {
        checkNewVpc(problems, s as NewVpcNetwork, prefix);
    } else {
        problems.add(`${prefix}mode`, mode, "must be EXISTING_VPC or NEW_VPC (PUBLIC needs no network component)");
    }
    return s;
}

function checkExistingVpc(problems: Problems, s: ExistingVpcNetwork, prefix: string, component: string | undefined): ExistingVpcNetwork {
    const at = (field: string) => `${prefix}${field}`;
    let vpcId = s.vpcId;
    if (vpcId === undefined || vpcId === "") {
        problems.add(at("vpcId"), vpcId, "is required for EXISTING_VPC");
    } else {
        vpcId = checkWhenKnown(problems, component, vpcId, (p, id) => {
            if (!VPC_ID.test(id)) {
                p.add(at("vpcId"), id, `must match ${VPC_ID.source.slice(1, -1)} (EC2 VPC id)`);
            }
        });
    }
    let subnetIds = s.subnetIds;
    if (!Array.isArray(subnetIds)) {
        problems.add(at("subnetIds"), subnetIds, "is required for EXISTING_VPC (a list of private subnet ids)");
    } else {
        subnetIds = checkInputList(problems, component, at("subnetIds"), subnetIds, "Subnets", "SubnetId") as pulumi.Input<string>[];
    }
    const securityGroupIds =
        s.securityGroupIds && (checkInputList(problems, component, at("securityGroupIds"), s.securityGroupIds, "SecurityGroups", "SecurityGroupId") as pulumi.Input<string>[]);
    const shared = s.sharedEndpoints ?? [];
    shared.forEach((service, i) => {
        if (!ENDPOINT_SERVICES.includes(service)) {
            problems.add(at(`sharedEndpoints[${i}]`), service, `must be one of ${ENDPOINT_SERVICES.join(", ")}`);
        }
    });
    const sharedInterfaces = shared.filter((service) => ENDPOINT_SERVICES.includes(service) && ENDPOINTS[service].kind === "Interface");
    if (sharedInterfaces.length > 0 && s.securityGroupIds === undefined) {
        problems.add(
            at("sharedEndpoints"),
            sharedInterfaces,
            "needs securityGroupIds: a runtime group created here only reaches the endpoints created here, so give the groups that may reach the shared endpoints",
        );
    }
    return { ...s, vpcId, subnetIds, securityGroupIds };
}

function checkNewVpc(problems: Problems, s: NewVpcNetwork, prefix: string): void {
    if (s.cidrBlock !== undefined && !VPC_CIDR.test(s.cidrBlock)) {
        problems.add(`${prefix}cidrBlock`, s.cidrBlock, "must be an IPv4 CIDR block from /16 to /24 (e.g. 10.0.0.0/16)");
    }
    const count = s.availabilityZoneCount;
    if (count !== undefined && (!Number.isInteger(count) || count < MIN_ZONES)) {
        problems.add(`${prefix}availabilityZoneCount`, count, `must be a whole number of at least ${MIN_ZONES} (AgentCore guide: subnets in at least two availability zones)`);
    }
    if (s.natGateways !== undefined && !NAT_STRATEGIES.includes(s.natGateways)) {
        problems.add(`${prefix}natGateways`, s.natGateways, `must be one of ${NAT_STRATEGIES.join(", ")}`);
    }
}

/** What EC2 reports about one subnet given to an existing-VPC network. */
export interface SubnetFacts {
    id: string;
    vpcId: string;
    availabilityZone: string;
    availabilityZoneId: string;
}

/**
 * Checks looked-up subnets: each in a zone AgentCore supports in the region, and
 * all in the given VPC (and so in one VPC).
 */
export function checkSubnetPlacement(problems: Problems, region: string, vpcId: string, subnets: SubnetFacts[]): void {
    const supported = supportedZoneIds(region);
    subnets.forEach((subnet, i) => {
        if (!supported) {
            problems.add(`subnetIds[${i}]`, subnet.id, `is in region ${region}, which has no availability zones listed for AgentCore VPC mode (${ZONES_SOURCE})`);
        } else if (!supported.includes(subnet.availabilityZoneId)) {
            problems.add(
                `subnetIds[${i}]`,
                subnet.id,
                `is in availability zone ${subnet.availabilityZoneId} (${subnet.availabilityZone}), which AgentCore does not support in ${region}; supported zone IDs: ${supported.join(", ")} (${ZONES_SOURCE})`,
            );
        }
        if (subnet.vpcId !== vpcId) {
            problems.add(`subnetIds[${i}]`, subnet.id, `belongs to ${subnet.vpcId}, not to vpcId "${vpcId}": all subnets must be in the one VPC`);
        }
    });
}

/** The first subnet of each availability zone: an interface endpoint takes at most one subnet per zone. */
export function onePerZone(subnets: SubnetFacts[]): string[] {
    const seen = new Set<string>();
    return subnets.filter((s) => !seen.has(s.availabilityZoneId) && seen.add(s.availabilityZoneId)).map((s) => s.id);
}

