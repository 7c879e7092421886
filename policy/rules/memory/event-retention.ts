import { resourceRule } from "../../common/rule";
import { T } from "../../common/types";
import { at } from "../../common/values";
import { HARNESS_MANAGED_MEMORY_EXPIRY_DAYS, harnessManagedMemory } from "../harness/managed-memory";

const EXPIRY: Record<string, string> = {
    [T.memory]: "eventExpiryDuration",
    [T.nativeMemory]: "eventExpiryDuration",
    // A harness's managed memory (API HarnessManagedMemoryConfiguration.eventExpiryDuration, days, default 30).
    [T.harness]: "memory.managedMemoryConfiguration.eventExpiryDuration",
    [T.nativeHarness]: "memory.managedMemoryConfiguration.eventExpiryDuration",
};

export const eventRetention = resourceRule<{ maxEventExpiryDays: number }>({
    name: "agentcore-memory-event-retention",
    description: "Memory (a harness's managed memory too) keeps short-term events no longer than the configured maximum.",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps:
        "Components: lower AgentEnvironment `memory.eventExpiryDays` (7-365; the profile's default otherwise). Raw resources: lower eventExpiryDuration (days, 7-365) to the configured maximum or less.",
    config: {
        maxEventExpiryDays: { type: "integer", minimum: 7, maximum: 365, default: 90, description: "Longest acceptable eventExpiryDuration in days." },
    },
    types: Object.keys(EXPIRY),
    check: (res, config) => {
        const harness = res.type === T.harness || res.type === T.nativeHarness;
        if (harness && harnessManagedMemory(res.props) !== "managed") {
            return [];
        }
        // A harness's managed memory without eventExpiryDuration (or without a memory block) keeps events for AWS's default.
        const set = at(res.props, EXPIRY[res.type]);
        const days = harness && set === undefined ? HARNESS_MANAGED_MEMORY_EXPIRY_DAYS : set;
        return typeof days === "number" && days > config.maxEventExpiryDays
            ? [`Memory keeps events for ${days} days, more than the allowed ${config.maxEventExpiryDays} (lower eventExpiryDuration)`]
            : [];
    },
});
