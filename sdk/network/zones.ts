/**
 * Availability-zone IDs in which AgentCore Runtime and the built-in tools accept
 * subnets (VPC mode), per region. Source: Amazon Bedrock AgentCore Developer
 * Guide, "Configure Amazon Bedrock AgentCore Runtime and tools for VPC", section
 * "Supported Availability Zones"
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html#agentcore-supported-azs).
 * Zone IDs, not names: `us-east-1a` is a different physical zone in each account.
 * A subnet outside this list makes runtime creation fail.
 */
export const SUPPORTED_ZONE_IDS: Readonly<Record<string, readonly string[]>> = {
    "us-east-1": ["use1-az1", "use1-az2", "use1-az4"],
    "us-east-2": ["use2-az1", "use2-az2", "use2-az3"],
    "us-west-2": ["usw2-az1", "usw2-az2", "usw2-az3"],
    "ap-southeast-2": ["apse2-az1", "apse2-az2", "apse2-az3"],
    "ap-south-1": ["aps1-az1", "aps1-az2", "aps1-az3"],
    "ap-southeast-1": ["apse1-az1", "apse1-az2", "apse1-az3"],
    "ap-northeast-1": ["apne1-az1", "apne1-az2", "apne1-az4"],
    "eu-west-1": ["euw1-az1", "euw1-az2", "euw1-az3"],
    "eu-central-1": ["euc1-az1", "euc1-az2", "euc1-az3"],
};

/** Where {@link SUPPORTED_ZONE_IDS} comes from, named in every message about zones. */
export const ZONES_SOURCE = 'AgentCore Developer Guide, "Configure Amazon Bedrock AgentCore Runtime and tools for VPC", Supported Availability Zones';

/** The supported zone IDs of a region, or undefined when the guide lists none for it. */
export function supportedZoneIds(region: string): readonly string[] | undefined {
    return SUPPORTED_ZONE_IDS[region];
}

/** One zone of a region as EC2 reports it. */
export interface Zone {
    name: string;
    zoneId: string;
}

/**
 * Picks the first `count` zones (in EC2's order) whose zone ID AgentCore
 * supports in `region`. Returns a problem message instead when the region has
 * fewer supported zones than asked for.
 */
export function pickSupportedZones(region: string, zones: Zone[], count: number): { names: string[] } | { problem: string } {
    const supported = supportedZoneIds(region);
    if (!supported) {
        return { problem: `region "${region}" has no availability zones listed for AgentCore VPC mode (${ZONES_SOURCE}: ${Object.keys(SUPPORTED_ZONE_IDS).join(", ")})` };
    }
    const usable = zones.filter((z) => supported.includes(z.zoneId));
    if (usable.length < count) {
        return {
            problem:
                `availabilityZoneCount ${count} is more than the ${usable.length} zones of ${region} AgentCore supports ` +
                `(available here: ${usable.map((z) => `${z.name}=${z.zoneId}`).join(", ") || "none"}; supported IDs: ${supported.join(", ")}; ${ZONES_SOURCE})`,
        };
    }
    return { names: usable.slice(0, count).map((z) => z.name) };
}
