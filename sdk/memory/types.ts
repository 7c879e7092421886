import * as pulumi from "@pulumi/pulumi";

/**
 * A namespace template: where a strategy files the records it extracts. Up to 512
 * characters of letters, digits, `-`, `_` and `/`, plus the template variables
 * `{actorId}`, `{sessionId}` and `{memoryStrategyId}` (shape Namespace); no other
 * variable is accepted.
 */
export type NamespaceTemplate = string;

/** A model and the text appended to AgentCore's built-in prompt for one step of a custom strategy. */
export interface ModelPromptOverride {
    /**
     * Bedrock model id, inference profile id or ARN the step runs on. The memory
     * execution role may invoke exactly these models.
     */
    modelId: string;
    /** Text appended to the step's built-in prompt (1-30000 characters, shape Prompt). */
    appendToPrompt: pulumi.Input<string>;
}

/** The reflection step of an episodic override, with the namespace reflections are filed under. */
export interface ReflectionOverride extends ModelPromptOverride {
    /** Namespace of the reflections; may be less nested than the episodes'. @default "/strategies/{memoryStrategyId}/actors/{actorId}" */
    namespace?: NamespaceTemplate;
}

/**
 * How a custom strategy changes a built-in one (shape CustomConfigurationInput):
 * the steps it overrides and the models they run on.
 */
export type StrategyOverride =
    | { type: "SEMANTIC_OVERRIDE"; extraction?: ModelPromptOverride; consolidation?: ModelPromptOverride }
    | { type: "USER_PREFERENCE_OVERRIDE"; extraction?: ModelPromptOverride; consolidation?: ModelPromptOverride }
    | { type: "SUMMARY_OVERRIDE"; consolidation: ModelPromptOverride }
    | { type: "EPISODIC_OVERRIDE"; extraction?: ModelPromptOverride; consolidation?: ModelPromptOverride; reflection: ReflectionOverride };

/** Fields every strategy has. */
interface StrategyCommon {
    /**
     * Strategy name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`, shape Name), unique in the memory.
     * Changing it replaces the strategy.
     * @default the type in lower case (`semantic`, `summarization`, `user_preference`, `episodic`); required for CUSTOM
     */
    name?: string;
    /** Description (1-4096 characters, shape Description). Once set it cannot be removed, only changed. */
    description?: string;
    /**
     * The one namespace template records are filed under (shape NamespacesList: exactly one).
     * @default per type: `/strategies/{memoryStrategyId}/actors/{actorId}` for semantic and user
     * preference, `/strategies/{memoryStrategyId}/actors/{actorId}/sessions/{sessionId}` for summary and episodic
     */
    namespace?: NamespaceTemplate;
}

/**
 * One long-term memory strategy (shape MemoryStrategyType). Built-in types run on
 * AWS's models without an execution role; at most one of each per memory. CUSTOM
 * strategies override steps of a built-in one with your models and prompts, so
 * the memory gets an execution role allowed to invoke exactly those models.
 */
export type MemoryStrategySpec =
    | (StrategyCommon & { type: "SEMANTIC" | "SUMMARIZATION" | "USER_PREFERENCE" })
    | (StrategyCommon & {
          type: "EPISODIC";
          /** Namespace of the reflections AgentCore builds across episodes; may be less nested than the episodes'. @default not set (no reflection configuration is sent) */
          reflectionNamespace?: NamespaceTemplate;
      })
    | (StrategyCommon & { type: "CUSTOM"; name: string; override: StrategyOverride });

/**
 * The key memory is encrypted with: `"create"` a rotating customer-managed key for
 * this memory, `{ arn }` an existing customer-managed key, or `"aws-owned"`
 * (AgentCore's own key: still encrypted at rest, but not under your control).
 */
export type MemoryEncryptionKey = "create" | "aws-owned" | { arn: pulumi.Input<string> };
