import * as pulumi from "@pulumi/pulumi";
import type { RegistryRecord, RegistryRecordArgs } from "@pulumi/aws-native/agentregistry";
import { TYPE_PREFIX } from "../common/naming";
import { awsNativeAgentRegistry } from "../common/optional";
import type { ServerProtocol } from "../runtime/types";
import { ResolvedPublication, ResolvedRecord } from "./types";

/** A tool as a Lambda target declares it (name, description, input schema), published in the MCP server record's tools descriptor. */
export interface PublishedTool {
    name: pulumi.Input<string>;
    description: pulumi.Input<string>;
    inputSchema: pulumi.Input<unknown>;
}

/** What the records describe, once it exists. */
export interface PublicationTargets {
    /** The agent's runtime: its ARN, the endpoint callers use, its protocol, and the region. */
    agent?: { name: string; runtimeArn: pulumi.Input<string>; endpointName: string; protocol: ServerProtocol; region: pulumi.Input<string> };
    /** The gateway: its MCP URL and the tools its Lambda targets declare. */
    gateway?: { url: pulumi.Input<string>; tools: PublishedTool[] };
}

/** The A2A protocol version of the agent cards this package writes (A2A 0.3 `AgentCard`). */
export const A2A_PROTOCOL_VERSION = "0.3.0";

/** The URL an AgentCore runtime is invoked at (InvokeAgentRuntime: `/runtimes/{agentRuntimeArn}/invocations?qualifier=`). */
export function runtimeInvocationUrl(region: string, runtimeArn: string, endpointName: string): string {
    return `https://bedrock-agentcore.${region}.amazonaws.com/runtimes/${encodeURIComponent(runtimeArn)}/invocations?qualifier=${encodeURIComponent(endpointName)}`;
}

/**
 * The A2A agent card of an A2A runtime (A2A 0.3: name, description, version, protocolVersion, url,
 * capabilities, default modes, skills), the descriptor of an AGENT record
 * (https://docs.aws.amazon.com/agent-registry-control/latest/APIReference/API_A2aAgentCardDescriptor.html:
 * "The content is validated against the A2A protocol schema").
 */
export function agentCard(record: ResolvedRecord, publication: ResolvedPublication, agentName: string, url: string): Record<string, unknown> {
    return {
        name: agentName,
        description: record.description ?? `AgentCore agent ${agentName}`,
        version: record.version,
        protocolVersion: A2A_PROTOCOL_VERSION,
        url,
        preferredTransport: "JSONRPC",
        // No capability is claimed: whether the agent streams or pushes notifications is the agent's, not known here.
        capabilities: {},
        defaultInputModes: ["text/plain"],
        defaultOutputModes: ["text/plain"],
        skills:
            publication.skills.length > 0
                ? publication.skills
                : [{ id: agentName, name: agentName, description: record.description ?? `AgentCore agent ${agentName}`, tags: ["agentcore"] }],
    };
}

/** An MCP server description (MCP registry `server.json`: name, description, version, remotes). */
export function mcpServer(record: ResolvedRecord, url: string): Record<string, unknown> {
    return { name: record.name, description: record.description ?? record.name, version: record.version, remotes: [{ type: "streamable-http", url }] };
}

/**
 * The records an environment publishes to an agent registry (AWS Agent Registry, through
 * `@pulumi/aws-native` `agentregistry.RegistryRecord`, loaded only here: an optional peer). The
 * deployer creates them; where the registry approves manually, a curator approves them.
 */
export class RegistryPublication extends pulumi.ComponentResource {
    /** The records, by part (`agent`, `gateway`). */
    readonly records: Partial<Record<ResolvedRecord["part"], RegistryRecord>> = {};
    /** Record ARNs by part. */
    readonly recordArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, publication: ResolvedPublication, targets: PublicationTargets, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}RegistryPublication`, name, {}, opts);
        const native = awsNativeAgentRegistry("registry records (AgentEnvironment publish)");
        const tags = Object.entries(publication.tags).map(([key, value]) => ({ key, value }));
        for (const record of publication.records) {
            const args: RegistryRecordArgs = {
                registryId: publication.registry,
                name: record.name,
                displayName: record.part === "agent" ? targets.agent?.name : `${targets.agent?.name ?? name} tools`,
                description: record.description,
                recordType: record.recordType,
                recordVersion: record.version,
                descriptors: descriptorsOf(record, publication, targets),
                tags: tags.length > 0 ? tags : undefined,
            };
            this.records[record.part] = new native.RegistryRecord(`${name}-${record.part}`, args, { parent: this });
        }
        this.recordArns = pulumi
            .all(Object.entries(this.records).map(([part, r]) => r!.recordArn.apply((arn) => [part, arn] as const)))
            .apply((pairs) => Object.fromEntries(pairs));
        this.registerOutputs({ recordArns: this.recordArns });
    }
}

/** The descriptor of one record: an A2A card, an MCP server (with its tools), or a CUSTOM description. */
export function descriptorsOf(record: ResolvedRecord, publication: ResolvedPublication, targets: PublicationTargets): RegistryRecordArgs["descriptors"] {
    if (record.part === "gateway") {
        const gateway = targets.gateway!;
        const tools = pulumi.output(gateway.tools).apply((list) => JSON.stringify({ tools: list.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })) }));
        return {
            mcpServer: {
                data: pulumi.output(gateway.url).apply((url) => JSON.stringify(mcpServer(record, url))),
                ...(gateway.tools.length > 0 ? { additionalData: { tools: { data: tools } } } : {}),
            },
        };
    }
    const agent = targets.agent!;
    const url = pulumi.all([agent.region, agent.runtimeArn]).apply(([region, arn]) => runtimeInvocationUrl(region, arn, agent.endpointName));
    switch (record.recordType) {
        case "AGENT":
            return { a2aAgentCard: { data: url.apply((u) => JSON.stringify(agentCard(record, publication, agent.name, u))) } };
        case "MCP":
            return { mcpServer: { data: url.apply((u) => JSON.stringify(mcpServer(record, u))) } };
        default:
            return {
                custom: {
                    data: pulumi.all([url, agent.runtimeArn]).apply(([u, arn]) =>
                        JSON.stringify({ name: agent.name, description: record.description ?? `AgentCore agent ${agent.name}`, version: record.version, protocol: agent.protocol, runtimeArn: arn, endpointName: agent.endpointName, invocationUrl: u }),
                    ),
                },
            };
    }
}
