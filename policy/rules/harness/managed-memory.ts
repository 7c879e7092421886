import { at, isUnknown } from "../../common/values";

/**
 * AWS's default retention of a harness's managed memory (API model
 * HarnessManagedMemoryConfiguration.eventExpiryDuration: "Event retention in days. Defaults to 30.").
 */
export const HARNESS_MANAGED_MEMORY_EXPIRY_DAYS = 30;

/**
 * Whether a harness (classic or aws-native) gets a memory AWS creates for it: `managed` for a
 * `managedMemoryConfiguration` and for a harness with no memory block at all ("Managed memory
 * (default) ... provisions an AgentCore Memory instance automatically",
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-memory.html), under
 * AWS's own key unless the configuration names one (API model
 * HarnessManagedMemoryConfiguration.encryptionKeyArn: "Defaults to AWS-owned key"); `none` for
 * `disabled` or an existing memory (`agentcoreMemoryConfiguration`); `unknown` when not known yet.
 */
export function harnessManagedMemory(props: unknown): "managed" | "none" | "unknown" {
    const memory = at(props, "memory");
    if (isUnknown(memory)) {
        return "unknown";
    }
    if (memory === undefined || memory === null) {
        return "managed";
    }
    const managed = at(memory, "managedMemoryConfiguration");
    if (isUnknown(managed)) {
        return "unknown";
    }
    if (managed !== undefined && managed !== null) {
        return "managed";
    }
    const other = ["disabled", "agentcoreMemoryConfiguration", "agentCoreMemoryConfiguration"].map((k) => at(memory, k));
    if (other.some(isUnknown)) {
        return "unknown";
    }
    // An empty memory block names no kind: AWS applies its default, managed memory.
    return other.some((v) => v !== undefined && v !== null) ? "none" : "managed";
}
