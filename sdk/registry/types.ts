import * as pulumi from "@pulumi/pulumi";
import type { InboundAuthorizer } from "../runtime/types";

// issue 24 item 1: the organization's agent registry (AWS Agent Registry, `aws.agentregistry.Registry`;
// never the deprecated `aws.bedrock.AgentcoreRegistry`, which stopped working on 2026-09-17) and the
// records an environment publishes into it (`@pulumi/aws-native` `agentregistry.RegistryRecord`).

/** The environments a registry's defaults come from (the rows of {@link REGISTRY_PROFILES}). */
export type RegistryEnvironment = "dev" | "staging" | "prod";

/**
 * How submitted records are approved: `auto` (approvalConfiguration.autoApprovalRules
 * `["APPROVE_ALL"]`: a submitted record is APPROVED at once), or `manual` (no rule: a curator
 * approves each with UpdateRegistryRecordStatus). The API offers no other rule (Go
 * `awstypes.AutoApprovalRule`, aws-native enum `RegistryAutoApprovalRule`: only `APPROVE_ALL`).
 */
export type RecordApproval = "auto" | "manual";

/** One row of the registry's defaults. */
export interface RegistryProfile {
    /** Record approval. */
    readonly approval: RecordApproval;
    /** Protect the registry (and its created key) from deletion and replacement. */
    readonly protect: boolean;
}

/**
 * Registry defaults per environment: dev approves what a team publishes at once (fast
 * feedback; nothing there is trusted), staging and prod need a curator's review, and prod's
 * registry is protected. Every row encrypts with a customer-managed key (the pack's
 * agentcore-customer-managed-keys rule requires it for agent registries).
 */
export const REGISTRY_PROFILES: Readonly<Record<RegistryEnvironment, RegistryProfile>> = {
    dev: { approval: "auto", protect: false },
    staging: { approval: "manual", protect: false },
    prod: { approval: "manual", protect: true },
};

export const REGISTRY_ENVIRONMENTS: readonly RegistryEnvironment[] = ["dev", "staging", "prod"];

/** Arguments of `AgentRegistry` (and `AgentPlatform`'s `registry` section). */
export interface AgentRegistryArgs {
    /** The environment; selects the row of `REGISTRY_PROFILES` that supplies the defaults below. */
    environment: RegistryEnvironment;
    /**
     * Registry name (`[a-zA-Z0-9][a-zA-Z0-9_\-./]{0,63}`).
     * @default the component name with a suffix that changes whenever a change replaces the registry (replace-safe)
     */
    registryName?: string;
    /** Description (1-4096 characters). @default none */
    description?: string;
    /**
     * Who may search the registry and call its MCP endpoint: `AWS_IAM` (SigV4; consumers need
     * `agent-registry:SearchRegistryRecords` and `agent-registry:InvokeRegistryMcp`) or `CUSTOM_JWT`
     * (tokens of an OIDC issuer, restricted to named audiences or clients). Changing its type replaces the registry; a change of its JWT settings changes the derived name (replaced or renamed: docs/replacements.md).
     * @default { type: "AWS_IAM" }
     */
    authorizer?: InboundAuthorizer;
    /**
     * Record approval. `auto` is accepted in dev only: in staging and prod every record is reviewed.
     * @default the profile's: dev "auto", staging and prod "manual"
     */
    approval?: RecordApproval;
    /**
     * The customer-managed key record descriptors are encrypted with: `"create"` (a rotating key
     * whose policy keeps the account in control) or `{ arn }` of an existing symmetric key in the
     * same account and region. AWS: the key cannot be changed after the registry is created.
     * @default "create"
     */
    encryptionKey?: "create" | { arn: pulumi.Input<string> };
    /** Protect the registry and its created key from deletion (`protect`, retain on delete). @default the profile's: prod only */
    protectFromDeletion?: boolean;
    /** Tags for the registry and its key. */
    tags?: Record<string, string>;
}

/** An `AgentRegistry`, resolved: every default applied, as data. */
export interface ResolvedRegistry {
    /** Registry name (derived replace-safe, or as given). */
    registryName: string;
    description?: string;
    authorizer: InboundAuthorizer;
    approval: RecordApproval;
    /** `create`: the component creates the key; else the ARN given. */
    encryptionKey: "create" | { arn: pulumi.Input<string> };
    protect: boolean;
    tags: Record<string, string>;
}

/**
 * The `publish` section of `AgentEnvironment`: publish the agent, its gateway and their tools
 * to an agent registry (AWS Agent Registry records, created by the deployer through
 * `@pulumi/aws-native`, which must then be installed).
 */
export interface PublishSection {
    /** The registry: its id or ARN (`AgentPlatform`'s `registryArn` output, or another account's, shared through RAM). */
    registry: pulumi.Input<string>;
    /** Publish the agent: an A2A agent card (record type AGENT) when `protocol` is A2A, an MCP server (MCP) when it is MCP, else a CUSTOM record. @default true */
    agent?: boolean;
    /** Publish the gateway as an MCP server (record type MCP) with its Lambda targets' tools. Needs a `gateway` section. @default true when there is a gateway */
    gateway?: boolean;
    /** Description of the agent's record (1-4096 characters). @default the runtime's description, else none */
    description?: string;
    /** Skills listed on the A2A agent card (A2A only): what the agent can do, for discovery. @default one skill named after the agent */
    skills?: AgentCardSkill[];
    /** The version published on the record. @default the environment's runtimeVersion, else "1" */
    version?: string;
    /**
     * Submit each record for approval after every change (SubmitRegistryRecordForApproval, run by a
     * `command:local:Command` with `node`): a dev registry approves it at once, in staging and prod a curator
     * approves it. Needs `@aws-sdk/client-bedrock-agentcore-control` installed where `pulumi up` runs.
     * `false` leaves the records in DRAFT (not discoverable) for the publisher to submit.
     * @default true
     */
    submit?: boolean;
}

/** One skill of an A2A agent card (A2A protocol 0.3 `AgentSkill`). */
export interface AgentCardSkill {
    /** Unique among the card's skills. */
    id: string;
    /** Human-readable name of the skill. */
    name: string;
    /** What the skill does (searched by discovery). */
    description: string;
    /** Keywords for search. @default none */
    tags?: string[];
    /** Example requests the skill handles. @default none */
    examples?: string[];
}

/** The record types this package publishes (aws-native `RegistryRecordRecordType`). */
export type PublishedRecordType = "AGENT" | "MCP" | "CUSTOM";

/** One record to publish, resolved (its descriptor is built once the runtime or gateway exists). */
export interface ResolvedRecord {
    /** `agent` or `gateway`: which part of the environment it describes. */
    part: "agent" | "gateway";
    recordType: PublishedRecordType;
    /** Record name: replace-safe (changes with the record type and the registry). */
    name: string;
    description?: string;
    version: string;
}

/** The `publish` section, resolved. */
export interface ResolvedPublication {
    registry: pulumi.Input<string>;
    records: ResolvedRecord[];
    skills: AgentCardSkill[];
    tags: Record<string, string>;
    /** Submit the records for approval after each change. */
    submit: boolean;
}
