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
/**
 * The descriptor schema version of AGENT records (`a2aAgentCard.dataSchemaVersion`): issue 24 red-team item 4.
 * AWS troubleshooting: "Schema version '0.3.0' is not supported" -> use "0.3"
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-troubleshooting.html).
 */
export const A2A_DESCRIPTOR_SCHEMA_VERSION = "0.3";
/**
 * MCP registry `server.json` limits (modelcontextprotocol/registry docs/reference/server-json/server.schema.json):
 * `name` is `<namespace>/<name>`, `^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$`; `description` is 1-100 characters.
 * The MCP descriptor's schema version is left to the service: "If not specified, the version is auto-detected
 * from the content" (agent-registry API model, ServerDefinition.schemaVersion).
 */
export const MCP_SERVER_NAME = /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/;
export const MCP_SERVER_DESCRIPTION_MAX = 100;
/** The namespace of the MCP server names this package writes (`agentcore/<record name>`). */
export const MCP_SERVER_NAMESPACE = "agentcore";

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
        // A2A 0.3 AgentSkill requires id, name, description and tags (a2a.json AgentSkill `required`): tags default to [].
        skills:
            publication.skills.length > 0
                ? publication.skills.map((s) => ({ ...s, tags: s.tags ?? [] }))
                : [{ id: agentName, name: agentName, description: record.description ?? `AgentCore agent ${agentName}`, tags: ["agentcore"] }],
    };
}

/**
 * An MCP server description (MCP registry `server.json`: name, description, version, remotes). The name is
 * `agentcore/<record name>` (record names are letters, digits and hyphens, so it matches {@link MCP_SERVER_NAME});
 * the description is cut to 100 characters (the record's own description field keeps the full text).
 */
export function mcpServer(record: ResolvedRecord, url: string): Record<string, unknown> {
    const description = record.description ?? record.name;
    return {
        name: `${MCP_SERVER_NAMESPACE}/${record.name}`,
        description: description.length > MCP_SERVER_DESCRIPTION_MAX ? `${description.slice(0, MCP_SERVER_DESCRIPTION_MAX - 1)}…` : description,
        version: record.version,
        remotes: [{ type: "streamable-http", url }],
    };
}

/** A tool schema in the provider's block shape (gateway Lambda targets' `inputSchema`): properties as a list of named entries. */
interface BlockSchema {
    type?: unknown;
    description?: unknown;
    properties?: unknown;
    items?: unknown;
}

/**
 * A Lambda target's tool schema as JSON Schema (issue 24 red-team item 3). The provider takes `properties` as a
 * list of `{ name, type, required, ... }` blocks; an MCP tool's `inputSchema` is JSON Schema: `properties` a map
 * by name and `required` a list of names (MCP specification, Tool.inputSchema), recursively for nested
 * `properties` and `items`. A schema already in JSON Schema shape (properties a map) is kept as given.
 */
export function toJsonSchema(schema: unknown): unknown {
    if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
        return schema;
    }
    const s = schema as BlockSchema;
    if (s.properties !== undefined && !Array.isArray(s.properties)) {
        return schema;
    }
    const out: Record<string, unknown> = {};
    if (s.type !== undefined) out.type = s.type;
    if (s.description !== undefined) out.description = s.description;
    if (Array.isArray(s.properties)) {
        const properties: Record<string, unknown> = {};
        const required: string[] = [];
        for (const p of s.properties as (BlockSchema & { name: string; required?: boolean })[]) {
            const { name, required: isRequired, ...rest } = p;
            properties[name] = toJsonSchema(rest);
            if (isRequired === true) required.push(name);
        }
        out.properties = properties;
        if (required.length > 0) out.required = required;
    }
    if (s.items !== undefined) out.items = toJsonSchema(s.items);
    return out;
}

/**
 * The records an environment publishes to an agent registry (AWS Agent Registry, through
 * `@pulumi/aws-native` `agentregistry.RegistryRecord`, loaded only here: an optional peer). The
 * deployer creates them in DRAFT; they are not submitted for approval here (CloudFormation's RegistryRecord
 * has no submit step: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-record-lifecycle.html
 * "Create -> DRAFT ... Submit -> PENDING_APPROVAL"), so the publisher submits each record once
 * (`aws bedrock-agentcore-control submit-registry-record-for-approval`); then a curator approves it where the
 * registry approves manually, and a dev registry approves it at once.
 */
export class RegistryPublication extends pulumi.ComponentResource {
    /** The records, by part (`agent`, `gateway`). */
    readonly records: Partial<Record<ResolvedRecord["part"], RegistryRecord>> = {};
    /** Record ARNs by part. */
    readonly recordArns: pulumi.Output<Record<string, string>>;
    /**
     * Record statuses by part, as CloudFormation read them back (issue 24 red-team item 1). CreateRegistryRecord
     * leaves a record in DRAFT and CloudFormation's RegistryRecord has no submit property: nothing here submits it,
     * so it stays DRAFT (not searchable) until the publisher runs SubmitRegistryRecordForApproval (see README).
     */
    readonly recordStatuses: pulumi.Output<Record<string, string>>;

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
        this.recordStatuses = pulumi
            .all(Object.entries(this.records).map(([part, r]) => r!.status.apply((status) => [part, status as string] as const)))
            .apply((pairs) => Object.fromEntries(pairs));
        this.registerOutputs({ recordArns: this.recordArns, recordStatuses: this.recordStatuses });
    }
}

/** The descriptor of one record: an A2A card, an MCP server (with its tools), or a CUSTOM description. */
export function descriptorsOf(record: ResolvedRecord, publication: ResolvedPublication, targets: PublicationTargets): RegistryRecordArgs["descriptors"] {
    if (record.part === "gateway") {
        const gateway = targets.gateway!;
        const tools = pulumi.output(gateway.tools).apply((list) => JSON.stringify({ tools: list.map((t) => ({ name: t.name, description: t.description, inputSchema: toJsonSchema(t.inputSchema) })) }));
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
            return { a2aAgentCard: { dataSchemaVersion: A2A_DESCRIPTOR_SCHEMA_VERSION, data: url.apply((u) => JSON.stringify(agentCard(record, publication, agent.name, u))) } };
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
