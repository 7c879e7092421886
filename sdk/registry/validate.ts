// issue 24 item 1: checks of the agent registry and of an environment's `publish` section. Limits cite the
// agent-registry-control API model (API version 2025-12-01) as documented in the API reference and the
// provider's Go source (hashicorp/terraform-provider-aws internal/service/agentregistry/registry.go).
import * as pulumi from "@pulumi/pulumi";
import { NameRule, replaceSafeName } from "../common/naming";
import type { ServerProtocol } from "../runtime/types";
import { Problems, checkAwsTags, isKnown } from "../validation";
import { didYouMean } from "../multilang/strict";
import {
    AgentCardSkill,
    AgentRegistryArgs,
    PublishSection,
    PublishedRecordType,
    REGISTRY_ENVIRONMENTS,
    REGISTRY_PROFILES,
    ResolvedPublication,
    ResolvedRecord,
    ResolvedRegistry,
} from "./types";

/** Registry names: CreateRegistry `name`, "Must start with a letter or digit ... up to 64 characters" (registry.go, `name` RegexMatches). */
export const REGISTRY_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_\-./]{0,63}$/;
/** Registry and record names derived by this package: letters, digits and hyphens, 64 in all. */
export const REGISTRY_NAME_RULE: NameRule = { separator: "-", maxLength: 64, shape: "RegistryName" };
/**
 * A registry id or ARN as CreateRegistryRecord's `registryId` accepts it: the id (`[a-zA-Z0-9]{12,16}`) or the ARN,
 * `arn:<partition>:agent-registry:<region>:<account>:registry/<id>` (IAM service reference, resource type `registry`).
 */
export const REGISTRY_REFERENCE = /^(arn:aws(-[^:]+)?:agent-registry:[a-z0-9-]+:[0-9]{12}:registry\/)?[a-zA-Z0-9]{12,16}$/;
/** EncryptionConfiguration.kmsKeyArn (agent-registry-control API reference, EncryptionConfiguration). */
export const REGISTRY_KMS_KEY_ARN = /^arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key\/[a-zA-Z0-9-]{36}$/;
/** A record's version: RegistryRecordVersion, `[a-zA-Z0-9.-]+`, 1-255 characters (agent-registry API model; issue 24 red-team item 8). */
export const RECORD_VERSION = /^[a-zA-Z0-9.-]{1,255}$/;
/** Descriptions: 1-4096 characters (registry.go `description` LengthBetween(1, 4096)). */
const DESCRIPTION_MAX = 4096;

const REGISTRY_KEYS = ["environment", "registryName", "description", "authorizer", "approval", "encryptionKey", "protectFromDeletion", "tags"];
const PUBLISH_KEYS = ["registry", "agent", "gateway", "description", "skills", "version", "submit"];
const SKILL_KEYS = ["id", "name", "description", "tags", "examples"];

function checkKeys(problems: Problems, path: string, value: object, known: readonly string[]): void {
    for (const key of Object.keys(value)) {
        if (!known.includes(key) && (value as Record<string, unknown>)[key] !== undefined) {
            problems.add(path ? `${path}.${key}` : key, (value as Record<string, unknown>)[key], `is not a field${path ? ` of ${path}` : ""}${didYouMean(key, known)}`);
        }
    }
}

function checkDescription(problems: Problems, path: string, description: string | undefined): void {
    if (description !== undefined && (typeof description !== "string" || description.length < 1 || description.length > DESCRIPTION_MAX)) {
        problems.add(path, description, `must be 1-${DESCRIPTION_MAX} characters (CreateRegistry/CreateRegistryRecord description)`);
    }
}

/**
 * Checks an `AgentRegistry`'s arguments (`prefix`: `registry.` inside `AgentPlatform`) and resolves them,
 * or returns undefined when a problem was found.
 */
export function resolveRegistry(problems: Problems, name: string, args: AgentRegistryArgs, prefix = ""): ResolvedRegistry | undefined {
    const before = problems.count;
    checkKeys(problems, prefix.replace(/\.$/, ""), args, REGISTRY_KEYS);
    if (!REGISTRY_ENVIRONMENTS.includes(args.environment)) {
        problems.add(`${prefix}environment`, args.environment, `must be one of ${REGISTRY_ENVIRONMENTS.join(", ")}`);
        return undefined;
    }
    const profile = REGISTRY_PROFILES[args.environment];
    const approval = args.approval ?? profile.approval;
    if (approval !== "auto" && approval !== "manual") {
        problems.add(`${prefix}approval`, approval, 'must be "auto" or "manual"');
    } else if (approval === "auto" && args.environment !== "dev") {
        // A registry that approves every record publishes whatever anyone allowed to submit registers (pack rule agentcore-registry-approval).
        problems.add(`${prefix}approval`, approval, `must be "manual" in ${args.environment}: records agents discover and call are reviewed by a curator before they are published (auto-approval is for dev only)`);
    }
    if (args.registryName !== undefined && !REGISTRY_NAME.test(args.registryName)) {
        problems.add(`${prefix}registryName`, args.registryName, "must match [a-zA-Z0-9][a-zA-Z0-9_\\-./]{0,63} (CreateRegistry name)");
    }
    checkDescription(problems, `${prefix}description`, args.description);
    const authorizer = args.authorizer ?? { type: "AWS_IAM" as const };
    if (authorizer.type === "CUSTOM_JWT") {
        const named = (list: unknown) => Array.isArray(list) && list.length > 0;
        if (!named(authorizer.allowedAudiences) && !named(authorizer.allowedClients)) {
            problems.add(`${prefix}authorizer`, "CUSTOM_JWT", "must name allowedAudiences or allowedClients: a registry accepting any token of its issuer lets anyone with an account there search it (registry.go custom_jwt_authorizer AtLeastOneOfChildren(allowed_audience, allowed_clients))");
        }
        if (isKnown(authorizer.discoveryUrl) && !/^https:\/\/.+\/\.well-known\/openid-configuration$/.test(authorizer.discoveryUrl)) {
            problems.add(`${prefix}authorizer.discoveryUrl`, authorizer.discoveryUrl, "must be an https OIDC discovery URL ending in /.well-known/openid-configuration");
        }
    } else if (authorizer.type !== "AWS_IAM") {
        problems.add(`${prefix}authorizer.type`, (authorizer as { type: unknown }).type, 'must be "AWS_IAM" or "CUSTOM_JWT" (RegistryAuthorizerType)');
    }
    const key = args.encryptionKey ?? "create";
    if (key !== "create") {
        if (typeof key !== "object" || key === null || !("arn" in key)) {
            problems.add(`${prefix}encryptionKey`, key, 'must be "create" or { arn } of a symmetric KMS key (the pack requires a customer-managed key)');
        } else if (isKnown(key.arn) && !REGISTRY_KMS_KEY_ARN.test(key.arn)) {
            problems.add(`${prefix}encryptionKey.arn`, key.arn, "must be a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<uuid> (EncryptionConfiguration.kmsKeyArn; not an alias)");
        }
    }
    if (args.tags !== undefined) {
        checkAwsTags(problems, `${prefix}tags`, args.tags);
    }
    if (problems.count > before) {
        return undefined;
    }
    return {
        // Replace-safe: every argument whose change replaces the registry (lifecycle.ts) is in the suffix, so a
        // replacement's new registry never collides with the old one's name while both exist.
        registryName: args.registryName ?? replaceSafeName(name, REGISTRY_NAME_RULE, { authorizer, encryptionKey: key === "create" ? "create" : isKnown(key.arn) ? key.arn : "given" }),
        description: args.description,
        authorizer,
        approval,
        encryptionKey: key,
        protect: args.protectFromDeletion ?? profile.protect,
        tags: { ...(args.tags ?? {}) },
    };
}

/** What an environment offers to publish. */
export interface PublishContext {
    /** The environment component's name (record names derive from it). */
    name: string;
    protocol: ServerProtocol;
    hasGateway: boolean;
    runtimeVersion?: string;
    runtimeDescription?: string;
    tags: Record<string, string>;
}

/** The record type of the agent's record for a runtime protocol. */
export function agentRecordType(protocol: ServerProtocol): PublishedRecordType {
    // Descriptors (agent-registry API reference): a2aAgentCard "populated when the record type is AGENT",
    // mcpServer "when the record type is MCP"; HTTP and AG-UI agents have no inline descriptor of their own
    // (http and agui descriptors are source-only, synchronized from a URL), so they are published as CUSTOM.
    return protocol === "A2A" ? "AGENT" : protocol === "MCP" ? "MCP" : "CUSTOM";
}

/** Checks the `publish` section and resolves the records it asks for (undefined when a problem was found). */
export function resolvePublication(problems: Problems, section: PublishSection, ctx: PublishContext): ResolvedPublication | undefined {
    const before = problems.count;
    if (typeof section !== "object" || section === null) {
        problems.add("publish", section, "must be an object with the registry's id or ARN ({ registry })");
        return undefined;
    }
    checkKeys(problems, "publish", section, PUBLISH_KEYS);
    if (section.registry === undefined) {
        problems.add("publish.registry", undefined, "is required: the id or ARN of the registry to publish to (AgentPlatform's registryArn output)");
    } else if (isKnown(section.registry) && !REGISTRY_REFERENCE.test(section.registry)) {
        problems.add("publish.registry", section.registry, "must be a registry id ([a-zA-Z0-9]{12,16}) or ARN (arn:<partition>:agent-registry:<region>:<account>:registry/<id>)");
    }
    const agent = section.agent ?? true;
    const gateway = section.gateway ?? ctx.hasGateway;
    if (gateway && !ctx.hasGateway) {
        problems.add("publish.gateway", true, "needs a gateway section: there is no gateway to publish");
    }
    if (!agent && !gateway) {
        problems.add("publish", "{ agent: false, gateway: false }", "publishes nothing: remove the section, or publish the agent or the gateway");
    }
    checkDescription(problems, "publish.description", section.description);
    if (section.version !== undefined && (typeof section.version !== "string" || !RECORD_VERSION.test(section.version))) {
        problems.add("publish.version", section.version, "must be 1-255 letters, digits, dots and hyphens (RegistryRecordVersion [a-zA-Z0-9.-]+)");
    }
    if (section.submit !== undefined && typeof section.submit !== "boolean") {
        problems.add("publish.submit", section.submit, "must be true (submit the records for approval after each change) or false (leave them in DRAFT)");
    }
    const skills = section.skills ?? [];
    if (section.skills !== undefined && ctx.protocol !== "A2A") {
        problems.add("publish.skills", `${section.skills.length} skills`, `are listed on an A2A agent card only; protocol is ${ctx.protocol}`);
    }
    skills.forEach((s: AgentCardSkill, i: number) => {
        checkKeys(problems, `publish.skills[${i}]`, s, SKILL_KEYS);
        for (const field of ["id", "name", "description"] as const) {
            if (typeof s[field] !== "string" || s[field].length === 0) {
                problems.add(`publish.skills[${i}].${field}`, s[field], "is required (A2A AgentSkill)");
            }
        }
        if (skills.findIndex((o) => o.id === s.id) !== i) {
            problems.add(`publish.skills[${i}].id`, s.id, "is listed twice: skill ids are unique on a card");
        }
    });
    if (problems.count > before) {
        return undefined;
    }
    const version = section.version ?? ctx.runtimeVersion ?? "1";
    const registryKey = isKnown(section.registry) ? section.registry : "registry";
    const record = (part: ResolvedRecord["part"], recordType: PublishedRecordType, description: string | undefined): ResolvedRecord => ({
        part,
        recordType,
        // Replace-safe: CloudFormation replaces a record whose recordType or registryId changes (aws-native
        // replaceOnChanges), so both are in the suffix and the new record never collides with the old one's name.
        // The project and stack are in it too (issue 24 red-team item 7): two stacks (or teams) publishing a
        // component of the same name to one registry get different record names.
        name: replaceSafeName(`${ctx.name}-${part}`, REGISTRY_NAME_RULE, { recordType, registry: registryKey, project: pulumi.getProject(), stack: pulumi.getStack() }),
        ...(description !== undefined ? { description } : {}),
        version,
    });
    return {
        registry: section.registry,
        records: [
            ...(agent ? [record("agent", agentRecordType(ctx.protocol), section.description ?? ctx.runtimeDescription)] : []),
            ...(gateway ? [record("gateway", "MCP", `MCP tools gateway of ${ctx.name}`)] : []),
        ],
        skills,
        tags: ctx.tags,
        submit: section.submit ?? true,
    };
}
