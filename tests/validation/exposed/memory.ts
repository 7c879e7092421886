import { AgentMemory, AgentMemoryArgs, MemoryStrategySpec, StrategyOverride } from "../../../sdk";
import { ConceptTable, ExposedField } from "../apiModel";

const MEMORY = "aws:bedrock/agentcoreMemory:AgentcoreMemory";
const STRATEGY = "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy";
const MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const memory = (args: Partial<AgentMemoryArgs>) => () => new AgentMemory("memory", { encryptionKey: "aws-owned", ...args });

/** A memory with one strategy (at index 0) of the given spec. */
const withStrategy = (strategy: MemoryStrategySpec) => memory({ strategies: [strategy] });

/** Where a strategy of each kind sends its fields (the API's union member), and a strategy of that kind. */
const KINDS: [string, (fields: { name?: string; description?: string; namespace?: string }) => MemoryStrategySpec][] = [
    ["semanticMemoryStrategy", (f) => ({ type: "SEMANTIC", ...f })],
    ["summaryMemoryStrategy", (f) => ({ type: "SUMMARIZATION", ...f })],
    ["userPreferenceMemoryStrategy", (f) => ({ type: "USER_PREFERENCE", ...f })],
    ["episodicMemoryStrategy", (f) => ({ type: "EPISODIC", ...f })],
    ["customMemoryStrategy", (f) => ({ type: "CUSTOM", name: "custom", override: { type: "SUMMARY_OVERRIDE", consolidation: { modelId: MODEL, appendToPrompt: "Summarise" } }, ...f })],
];

/** Each override step that takes a prompt: the API path below `customMemoryStrategy.configuration`, and a strategy with the prompt. */
const PROMPTS: [string, (prompt: string) => StrategyOverride][] = [
    ["semanticOverride.extraction", (p) => ({ type: "SEMANTIC_OVERRIDE", extraction: { modelId: MODEL, appendToPrompt: p } })],
    ["semanticOverride.consolidation", (p) => ({ type: "SEMANTIC_OVERRIDE", consolidation: { modelId: MODEL, appendToPrompt: p } })],
    ["summaryOverride.consolidation", (p) => ({ type: "SUMMARY_OVERRIDE", consolidation: { modelId: MODEL, appendToPrompt: p } })],
    ["userPreferenceOverride.extraction", (p) => ({ type: "USER_PREFERENCE_OVERRIDE", extraction: { modelId: MODEL, appendToPrompt: p } })],
    ["userPreferenceOverride.consolidation", (p) => ({ type: "USER_PREFERENCE_OVERRIDE", consolidation: { modelId: MODEL, appendToPrompt: p } })],
    ["episodicOverride.extraction", (p) => ({ type: "EPISODIC_OVERRIDE", extraction: { modelId: MODEL, appendToPrompt: p }, reflection: { modelId: MODEL, appendToPrompt: "Reflect" } })],
    ["episodicOverride.consolidation", (p) => ({ type: "EPISODIC_OVERRIDE", consolidation: { modelId: MODEL, appendToPrompt: p }, reflection: { modelId: MODEL, appendToPrompt: "Reflect" } })],
    ["episodicOverride.reflection", (p) => ({ type: "EPISODIC_OVERRIDE", reflection: { modelId: MODEL, appendToPrompt: p } })],
];

const exposed: ExposedField[] = [
    { type: MEMORY, path: "name", shape: "Name", argPath: "memoryName", valid: "support_memory", build: (v) => memory({ memoryName: v }) },
    { type: MEMORY, path: "description", shape: "Description", argPath: "description", valid: "Memory", build: (v) => memory({ description: v }) },
    { type: MEMORY, path: "eventExpiryDuration", shape: "CreateMemoryInputEventExpiryDurationInteger", argPath: "eventExpiryDays", valid: 30, build: (v) => memory({ eventExpiryDays: v }) },
    { type: MEMORY, path: "encryptionKeyArn", shape: "Arn", argPath: "encryptionKey.arn", valid: KEY_ARN, build: (v) => memory({ encryptionKey: { arn: v } }) },
    { type: MEMORY, path: "tags", shape: "TagsMap", argPath: "tags", valid: { team: "support" }, build: (v) => memory({ tags: v }) },
    { type: MEMORY, path: "tags{key}", shape: "TagKey", argPath: "tags key", valid: "team", build: (v) => memory({ tags: { [v]: "support" } }) },
    { type: MEMORY, path: "tags{value}", shape: "TagValue", argPath: "tags.team", valid: "support", build: (v) => memory({ tags: { team: v } }) },
    ...KINDS.flatMap(([member, kind]): ExposedField[] => [
        { type: STRATEGY, path: `${member}.name`, shape: "Name", argPath: "strategies[0].name", valid: "facts", build: (v) => withStrategy(kind({ name: v })) },
        { type: STRATEGY, path: `${member}.description`, shape: "Description", argPath: "strategies[0].description", valid: "Facts", build: (v) => withStrategy(kind({ description: v })) },
        {
            type: STRATEGY, path: `${member}.namespaceTemplates[]`, shape: "Namespace", argPath: "strategies[0].namespace", valid: "/facts/{actorId}",
            build: (v) => withStrategy(kind({ namespace: v })),
        },
    ]),
    {
        type: STRATEGY, path: "episodicMemoryStrategy.reflectionConfiguration.namespaceTemplates[]", shape: "Namespace", argPath: "strategies[0].reflectionNamespace", valid: "/reflections/{actorId}",
        build: (v) => withStrategy({ type: "EPISODIC", reflectionNamespace: v }),
    },
    {
        type: STRATEGY, path: "customMemoryStrategy.configuration.episodicOverride.reflection.namespaceTemplates[]", shape: "Namespace", argPath: "strategies[0].override.reflection.namespace",
        valid: "/reflections/{actorId}",
        build: (v) => withStrategy({ type: "CUSTOM", name: "custom", override: { type: "EPISODIC_OVERRIDE", reflection: { modelId: MODEL, appendToPrompt: "Reflect", namespace: v } } }),
    },
    ...PROMPTS.map(([step, override]): ExposedField => ({
        type: STRATEGY, path: `customMemoryStrategy.configuration.${step}.appendToPrompt`, shape: "Prompt", argPath: `strategies[0].override.${step.split(".")[1]}.appendToPrompt`, valid: "Extract",
        build: (v) => withStrategy({ type: "CUSTOM", name: "custom", override: override(v) }),
    })),
];

const namespaces = "the component sends exactly one template per list: the strategy's namespace (checked as strategies[i].namespace)";
const derived: Record<string, string> = {
    [`${MEMORY} memoryExecutionRoleArn`]: "the execution role the component creates for custom strategies",
    ...Object.fromEntries(KINDS.map(([member]) => [`${STRATEGY} ${member}.namespaceTemplates`, namespaces])),
    [`${STRATEGY} episodicMemoryStrategy.reflectionConfiguration.namespaceTemplates`]: namespaces,
    [`${STRATEGY} customMemoryStrategy.configuration.episodicOverride.reflection.namespaceTemplates`]: namespaces,
};

const maximal: (() => unknown)[] = [
    memory({
        memoryName: "support_memory",
        description: "Memory",
        eventExpiryDays: 30,
        encryptionKey: { arn: KEY_ARN },
        tags: { team: "support" },
        strategies: [
            { type: "SEMANTIC", name: "facts", description: "Facts", namespace: "/facts/{actorId}" },
            { type: "SUMMARIZATION", description: "Summaries", namespace: "/summaries/{actorId}/{sessionId}" },
            { type: "USER_PREFERENCE", description: "Preferences", namespace: "/preferences/{actorId}" },
            { type: "EPISODIC", description: "Episodes", namespace: "/episodes/{actorId}/{sessionId}", reflectionNamespace: "/reflections/{actorId}" },
            {
                type: "CUSTOM",
                name: "custom_facts",
                description: "Custom facts",
                namespace: "/custom/{actorId}",
                override: { type: "SEMANTIC_OVERRIDE", extraction: { modelId: MODEL, appendToPrompt: "Extract" }, consolidation: { modelId: MODEL, appendToPrompt: "Merge" } },
            },
            {
                type: "CUSTOM",
                name: "custom_episodes",
                override: {
                    type: "EPISODIC_OVERRIDE",
                    extraction: { modelId: MODEL, appendToPrompt: "Extract" },
                    consolidation: { modelId: MODEL, appendToPrompt: "Merge" },
                    reflection: { modelId: MODEL, appendToPrompt: "Reflect", namespace: "/reflections/{actorId}" },
                },
            },
        ],
    }),
    memory({
        strategies: [
            { type: "CUSTOM", name: "custom_summary", override: { type: "SUMMARY_OVERRIDE", consolidation: { modelId: MODEL, appendToPrompt: "Summarise" } } },
            {
                type: "CUSTOM",
                name: "custom_preferences",
                override: { type: "USER_PREFERENCE_OVERRIDE", extraction: { modelId: MODEL, appendToPrompt: "Extract" }, consolidation: { modelId: MODEL, appendToPrompt: "Merge" } },
            },
        ],
    }),
];

/** Memory and every strategy kind. */
export const MEMORY_TABLE: ConceptTable = { exposed, derived, maximal };
