import * as pulumi from "@pulumi/pulumi";
import { AgentcoreMemory } from "@pulumi/aws/bedrock/agentcoreMemory";
import { AgentcoreMemoryStrategy, AgentcoreMemoryStrategyArgs } from "@pulumi/aws/bedrock/agentcoreMemoryStrategy";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { AwsContext, agentCoreArnPattern, awsContext } from "../common/context";
import { mapOrUndefined } from "../common/maps";
import { TYPE_PREFIX, agentCoreName } from "../common/naming";
import { AGENTCORE_SERVICE_PRINCIPAL, Grantable, PolicyStatement, agentCoreTrustPolicy, allow, policyDocument } from "../iam/grants";
import { CustomerManagedKey } from "../kms/customerManagedKey";
import { InferenceProfileModels, modelsResourceArns } from "../runtime/models";
import { Problems } from "../validation";
import * as perms from "./perms";
import { MemoryEncryptionKey, MemoryStrategySpec, ModelPromptOverride, ReflectionOverride, StrategyOverride } from "./types";
import { checkMemorySettings, strategyName } from "./validate";

/** Days short-term events are kept when neither the args nor an environment profile say. */
export const DEFAULT_EVENT_EXPIRY_DAYS = 30;
/** Namespace of actor-wide records (semantic facts, user preferences, reflections). */
const ACTOR_NAMESPACE = "/strategies/{memoryStrategyId}/actors/{actorId}";
/** Namespace of per-session records (summaries, episodes). */
const SESSION_NAMESPACE = "/strategies/{memoryStrategyId}/actors/{actorId}/sessions/{sessionId}";

/** Arguments of {@link AgentMemory}. */
export interface AgentMemoryArgs {
    /**
     * AgentCore memory name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`, shape Name). It stays the same when the
     * memory is replaced (a new key replaces it): the old memory, with every event and record,
     * is deleted first (`deleteBeforeReplace`; docs/replacements.md).
     * @default the component name with hyphens mapped to underscores
     */
    memoryName?: string;
    /** Description (1-4096 characters, shape Description). */
    description?: string;
    /** Days short-term events are kept (7-365). @default 30 (AgentEnvironment: the profile's `memoryEventExpiryDays`) */
    eventExpiryDays?: number;
    /** Long-term strategies (at most 6; one of each built-in type). @default [] (short-term memory only) */
    strategies?: MemoryStrategySpec[];
    /**
     * The key memory is encrypted with: `"create"` (a rotating customer-managed key for
     * this memory), `{ arn }` (an existing customer-managed key) or `"aws-owned"`.
     * @default "create" (AgentEnvironment: "create" where the profile requires customer-managed keys, else "aws-owned")
     */
    encryptionKey?: MemoryEncryptionKey;
    /**
     * Protect the memory, its strategies and the key it creates from deletion and replacement
     * (`protect`, and retain on delete for the memory and key): a change that would replace
     * them (the key, the name, a strategy's type) stops at preview. Set for prod data.
     * @default false
     */
    protectFromDeletion?: boolean;
    /**
     * The foundation models behind inference profiles that custom strategies run on
     * and that cannot be expanded offline, by profile as given in `modelId`: every
     * application inference profile ARN maps to the foundation-model ARNs it routes
     * to, one per Region. Bedrock requires invoke on those as well as on the profile
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html).
     * System profiles (`us.`, `eu.`, `apac.`, `jp.`, `au.`, `us-gov.`, `global.`) are expanded without it.
     * @default {}
     */
    inferenceProfileModels?: InferenceProfileModels;
    /** Tags for every resource the component creates. */
    tags?: Record<string, string>;
}

/**
 * One AgentCore Memory: short-term events with an expiry, the long-term strategies
 * that extract records from them, encryption under a customer-managed key, and —
 * only when custom strategies run your models — an execution role allowed to
 * invoke exactly those models. Agents get access with {@link grantAccess}.
 */
export class AgentMemory extends pulumi.ComponentResource {
    /** The memory resource. */
    readonly memory: AgentcoreMemory;
    /** The strategies by name. */
    readonly strategies: Record<string, AgentcoreMemoryStrategy> = {};
    /** The customer-managed key created for the memory (when `encryptionKey` is "create"). */
    readonly key?: CustomerManagedKey;
    /** The memory execution role (only when a CUSTOM strategy invokes models). */
    readonly executionRole?: Role;
    /** The memory's AgentCore name. */
    readonly memoryName: string;
    /** Memory id (what agents pass to the memory API; `AGENTCORE_MEMORY_ID` in a runtime). */
    readonly memoryId: pulumi.Output<string>;
    /** Memory ARN. */
    readonly memoryArn: pulumi.Output<string>;
    /** ARN of the customer-managed key, or undefined with the AWS-owned key. */
    readonly kmsKeyArn: pulumi.Output<string | undefined>;

    private readonly ctx: AwsContext;
    private readonly customerKeyArn?: pulumi.Input<string>;

    constructor(name: string, args: AgentMemoryArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentMemory`, name, {}, opts);
        this.memoryName = args.memoryName ?? agentCoreName(name);
        const eventExpiryDays = args.eventExpiryDays ?? DEFAULT_EVENT_EXPIRY_DAYS;
        const protect = args.protectFromDeletion ?? false;

        const component = `AgentMemory ${name}`;
        const problems = new Problems();
        const checked = checkMemorySettings(
            problems,
            { memoryName: this.memoryName, eventExpiryDays, description: args.description, strategies: args.strategies ?? [], encryptionKey: args.encryptionKey ?? "create", inferenceProfileModels: args.inferenceProfileModels, tags: args.tags },
            "",
            component,
        );
        problems.throwIfAny(component);
        const { strategies, encryptionKey: encryption } = checked;
        const givenKeyArn = typeof encryption === "object" ? encryption.arn : undefined;

        this.ctx = awsContext(this);
        const sourceArn = agentCoreArnPattern(this.ctx, "memory", this.memoryName);
        if (encryption === "create") {
            this.key = new CustomerManagedKey(
                name,
                {
                    purpose: `AgentCore memory ${this.memoryName}`,
                    serviceStatements: (ctx) => [keyServiceStatement(ctx, sourceArn)],
                    protectFromDeletion: protect,
                    tags: args.tags,
                },
                { parent: this },
            );
        }
        this.customerKeyArn = this.key?.arn ?? givenKeyArn;

        const models = [...new Set(strategies.flatMap(overrideModels))];
        let rolePolicy: RolePolicy | undefined;
        if (models.length > 0) {
            this.executionRole = new Role(
                `${name}-role`,
                {
                    assumeRolePolicy: pulumi.jsonStringify(agentCoreTrustPolicy("AssumedByAgentCoreMemory", this.ctx.accountId, sourceArn)),
                    description: `Execution role of AgentCore memory ${this.memoryName} (custom strategy models)`,
                    maxSessionDuration: 3600,
                    tags: args.tags,
                },
                { parent: this },
            );
            const statements = [allow("InvokeStrategyModels", perms.MODEL_INVOKE, modelsResourceArns(this.ctx, models, args.inferenceProfileModels)), ...this.keyStatements()];
            rolePolicy = new RolePolicy(
                `${name}-execution`,
                { role: this.executionRole.id, name: "memory-execution", policy: pulumi.jsonStringify(policyDocument(statements)) },
                { parent: this },
            );
        }

        this.memory = new AgentcoreMemory(
            `${name}-memory`,
            {
                name: this.memoryName,
                description: args.description,
                eventExpiryDuration: eventExpiryDays,
                encryptionKeyArn: this.customerKeyArn,
                memoryExecutionRoleArn: this.executionRole?.arn,
                tags: mapOrUndefined(args.tags),
            },
            // The name is stable (the key policy and role trust name it): a replacement (new key) must delete first.
            { parent: this, protect, retainOnDelete: protect, deleteBeforeReplace: true, dependsOn: rolePolicy ? [rolePolicy] : [] },
        );
        for (const strategy of strategies) {
            const strategyNameValue = strategyName(strategy)!;
            this.strategies[strategyNameValue] = new AgentcoreMemoryStrategy(
                `${name}-${strategyNameValue}`,
                strategyInputs(this.memory.id, strategyNameValue, strategy),
                // A type change replaces a strategy and its name stays (unique per memory): delete first.
                { parent: this, protect, deleteBeforeReplace: true },
            );
        }

        this.memoryId = this.memory.id;
        this.memoryArn = this.memory.arn;
        this.kmsKeyArn = pulumi.output(this.customerKeyArn);
        this.registerOutputs({ memoryId: this.memoryId, memoryArn: this.memoryArn, kmsKeyArn: this.kmsKeyArn });
    }

    /**
     * Lets an agent use this memory: record events, read short-term events and
     * long-term records, and read the memory's configuration — on this memory's ARN
     * only, plus use of its customer-managed key through AgentCore. No delete or
     * control-plane actions. Adds the inline policy `memory-access`.
     */
    grantAccess(grantee: Grantable): RolePolicy {
        return grantee.grant("memory-access", [
            allow("UseAgentMemory", [...perms.EVENTS_WRITE, ...perms.EVENTS_READ, ...perms.RECORDS_READ, ...perms.MEMORY_DESCRIBE], [this.memoryArn]),
            ...this.keyStatements(),
        ]);
    }

    /** Lets a read-only consumer read events, records and configuration of this memory (inline policy `memory-read`). */
    grantRead(grantee: Grantable): RolePolicy {
        return grantee.grant("memory-read", [
            allow("ReadAgentMemory", [...perms.EVENTS_READ, ...perms.RECORDS_READ, ...perms.MEMORY_DESCRIBE], [this.memoryArn]),
            ...this.keyStatements(),
        ]);
    }

    /** Use of the customer-managed key, only through AgentCore in this region; none with the AWS-owned key. */
    private keyStatements(): pulumi.Input<PolicyStatement>[] {
        if (this.customerKeyArn === undefined) {
            return [];
        }
        return [
            allow("UseMemoryKeyThroughAgentCore", perms.KEY_USE_VIA_SERVICE, [this.customerKeyArn], {
                StringEquals: { "kms:ViaService": pulumi.interpolate`bedrock-agentcore.${this.ctx.region}.amazonaws.com` },
            }),
        ];
    }
}

/** Key policy statement: the AgentCore service may use the key for memories of this name in this account only. */
function keyServiceStatement(ctx: AwsContext, sourceArn: pulumi.Output<string>): pulumi.Input<PolicyStatement> {
    return {
        Sid: "AgentCoreMemoryUsesKey",
        Effect: "Allow",
        Principal: { Service: AGENTCORE_SERVICE_PRINCIPAL },
        Action: perms.KEY_USE_BY_SERVICE,
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": ctx.accountId }, ArnLike: { "aws:SourceArn": sourceArn } },
    };
}


/** The models a strategy's overrides run on. */
function overrideModels(strategy: MemoryStrategySpec): string[] {
    if (strategy.type !== "CUSTOM") {
        return [];
    }
    return overrideSteps(strategy.override).map((step) => step.modelId);
}

/** Any override seen through the steps it may have (each type has a subset of them). */
type OverrideSteps = { type: string; extraction?: ModelPromptOverride; consolidation?: ModelPromptOverride; reflection?: ReflectionOverride };

function overrideSteps(override: StrategyOverride): ModelPromptOverride[] {
    const steps: OverrideSteps = override;
    return [steps.extraction, steps.consolidation, steps.reflection].filter((s): s is ModelPromptOverride => s !== undefined);
}

/** Where a strategy files records unless told: per actor for facts and preferences, per session for summaries and episodes. */
function defaultNamespace(strategy: MemoryStrategySpec): string {
    const kind = strategy.type === "CUSTOM" ? strategy.override.type : strategy.type;
    return ["SUMMARIZATION", "SUMMARY_OVERRIDE", "EPISODIC", "EPISODIC_OVERRIDE"].includes(kind) ? SESSION_NAMESPACE : ACTOR_NAMESPACE;
}

/** Maps one strategy onto the provider's inputs. */
function strategyInputs(memoryId: pulumi.Input<string>, name: string, strategy: MemoryStrategySpec): AgentcoreMemoryStrategyArgs {
    const common: AgentcoreMemoryStrategyArgs = {
        memoryId,
        name,
        type: strategy.type,
        description: strategy.description,
        namespaceTemplates: [strategy.namespace ?? defaultNamespace(strategy)],
    };
    if (strategy.type === "EPISODIC" && strategy.reflectionNamespace !== undefined) {
        return { ...common, reflectionConfiguration: { namespaceTemplates: [strategy.reflectionNamespace] } };
    }
    if (strategy.type !== "CUSTOM") {
        return common;
    }
    const o: OverrideSteps = strategy.override;
    const step = (s: ModelPromptOverride | undefined) => (s ? { modelId: s.modelId, appendToPrompt: s.appendToPrompt } : undefined);
    return {
        ...common,
        configuration: {
            type: o.type,
            extraction: step(o.extraction),
            consolidation: step(o.consolidation),
            reflection: o.reflection ? { ...step(o.reflection)!, namespaceTemplates: [o.reflection.namespace ?? ACTOR_NAMESPACE] } : undefined,
        },
    };
}
