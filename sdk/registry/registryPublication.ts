import { createHash } from "crypto";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { RegistryRecord, RegistryRecordArgs } from "@pulumi/aws-native/agentregistry";
import { Command } from "@pulumi/command/local";
import { TYPE_PREFIX } from "../common/naming";
import { awsNativeAgentRegistry, checkAwsNativeReady } from "../common/optional";
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

/** The script each submission command runs with `node`; it loads the AWS SDK only when it runs (issue 24 red-team item 1). */
export const SUBMIT_SCRIPT = path.join(__dirname, "submit.mjs");

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
 * `@pulumi/aws-native` `agentregistry.RegistryRecord`, loaded only here: an optional peer), and their
 * submission for approval (issue 24 red-team item 1). The deployer creates each record in DRAFT, where it is
 * not discoverable, and CloudFormation's RegistryRecord has no submit property
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-record-lifecycle.html
 * "Create -> DRAFT ... Submit -> PENDING_APPROVAL. Auto-approval skips to APPROVED"; an edit makes a new DRAFT
 * revision). So, unless `publish.submit` is false, a `command:local:Command` per record runs `node submit.mjs`
 * once the record is written and again whenever the record changes: it waits for the record to leave
 * CREATING/UPDATING and submits it (SubmitRegistryRecordForApproval, as the Terraform provider's
 * `aws_agentregistry_submit_registry_record_for_approval` action does); a dev registry then approves it at once,
 * elsewhere a curator approves it.
 */
export class RegistryPublication extends pulumi.ComponentResource {
    /** The records, by part (`agent`, `gateway`). */
    readonly records: Partial<Record<ResolvedRecord["part"], RegistryRecord>> = {};
    /** The commands that submit the records for approval, by part (none with `publish.submit: false`). */
    readonly submissions: Partial<Record<ResolvedRecord["part"], Command>> = {};
    /** Record ARNs by part. */
    readonly recordArns: pulumi.Output<Record<string, string>>;
    /**
     * Record statuses by part, as CloudFormation read them back when it wrote them (issue 24 red-team item 1):
     * DRAFT, since the submission runs after the record is written (the submission command prints the status it left).
     */
    readonly recordStatuses: pulumi.Output<Record<string, string>>;

    constructor(name: string, publication: ResolvedPublication, targets: PublicationTargets, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}RegistryPublication`, name, {}, opts);
        const native = awsNativeAgentRegistry("registry records (AgentEnvironment publish)");
        checkAwsNativeReady("registry records (AgentEnvironment publish)", this);
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
            const created = new native.RegistryRecord(`${name}-${record.part}`, args, { parent: this });
            this.records[record.part] = created;
            if (publication.submit) {
                this.submissions[record.part] = submitCommand(`${name}-${record.part}-submit`, created, args, this);
            }
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

/**
 * Where a record lives, from its ARN (`arn:<partition>:agent-registry:<region>:<account>:registry/<registryId>/record/<recordId>`,
 * IAM service reference resource type `registry-record`): the region to call and the registry's plain id.
 */
export function recordLocation(recordArn: string): { region: string; registryId: string } {
    const match = /^arn:[^:]+:[^:]+:([a-z0-9-]+):[0-9]{12}:registry\/([a-zA-Z0-9]{12,16})\/record\/[a-zA-Z0-9]+$/.exec(recordArn);
    if (!match) {
        throw new Error(`registry record ARN ${JSON.stringify(recordArn)} is not arn:<partition>:agent-registry:<region>:<account>:registry/<id>/record/<id>`);
    }
    return { region: match[1], registryId: match[2] };
}

/**
 * A hash of everything an update of the record writes (UpdateRegistryRecord makes a new DRAFT revision), so the
 * submission runs again exactly when the record gets a new revision. Tags are left out: tagging is not an edit.
 */
export function recordRevisionHash(args: RegistryRecordArgs): pulumi.Output<string> {
    const { tags: _tags, ...written } = args;
    return pulumi.output(written).apply((value) => createHash("sha256").update(JSON.stringify(value)).digest("hex"));
}

/**
 * The command that submits one record for approval (`node submit.mjs`, settings in environment variables that
 * hold no secrets: ids, region, version). It runs after the record is written (`dependsOn`) and again when the
 * record is replaced (new id) or gets a new revision (the hash of what it writes).
 */
function submitCommand(name: string, record: RegistryRecord, args: RegistryRecordArgs, parent: pulumi.Resource): Command {
    const location = record.recordArn.apply(recordLocation);
    return new Command(
        name,
        {
            interpreter: ["node"],
            // Relative to the project directory (where Pulumi runs commands), so the inputs are the same on every machine.
            create: path.relative(process.cwd(), SUBMIT_SCRIPT),
            environment: {
                REGISTRY_ID: location.registryId,
                REGISTRY_RECORD_ID: record.recordId,
                REGISTRY_RECORD_VERSION: pulumi.output(args.recordVersion).apply((v) => v ?? ""),
                AWS_REGION: location.region,
            },
            addPreviousOutputInEnv: false,
            triggers: [record.recordId, recordRevisionHash(args)],
        },
        { parent, dependsOn: [record] },
    );
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
