export { AgentMemory, AgentMemoryArgs, DEFAULT_EVENT_EXPIRY_DAYS } from "./agentMemory";
export { MemoryEncryptionKey, MemoryStrategySpec, ModelPromptOverride, NamespaceTemplate, ReflectionOverride, StrategyOverride } from "./types";
export { MAX_STRATEGIES_PER_MEMORY, PROVIDER_MIN_EVENT_EXPIRY_DAYS, MemorySettings, checkMemorySettings } from "./validate";
