// Resolve, then build (issue 26): an AgentPlatform's args become one fully defaulted value, or every problem at once.
import { NO_FEATURES, NetworkFeatures } from "../network/features";
import { sharedLogsKeyStatements } from "../observability/agentObservability";
import { resolveRegistry } from "../registry/validate";
import { Problems } from "../validation";
import { AgentPlatformArgs, PLATFORM_FEATURES, ResolvedPlatform } from "./types";
import { checkPlatformArgs } from "./validate";

/** The outcome of {@link resolvePlatform}: the resolved platform, or every problem found. */
export type PlatformResolution = { ok: true; value: ResolvedPlatform } | { ok: false; problems: string[] };

/**
 * Resolves an `AgentPlatform` named `name` (pure: no resource, no output): its features
 * (every one by default), Transaction Search, the shared VPC with the endpoints of those
 * features, and the shared logs key (protected by default).
 */
export function resolvePlatform(name: string, args: AgentPlatformArgs = {}): PlatformResolution {
    const problems = new Problems();
    const features = args.features ?? [...PLATFORM_FEATURES];
    checkPlatformArgs(problems, args, features);
    if (args.registry !== undefined) {
        resolveRegistry(problems, `${name}-registry`, { ...args.registry, tags: args.tags }, "registry.");
    }
    if (problems.count > 0) {
        return { ok: false, problems: [...problems.messages] };
    }
    const networkFeatures: NetworkFeatures = { ...NO_FEATURES, ...Object.fromEntries(features.map((f) => [f, true])) };
    return {
        ok: true,
        value: {
            name,
            features,
            transactionSearch: { indexingPercentage: args.indexingPercentage },
            network: { mode: "NEW_VPC", ...(args.network ?? {}), features: networkFeatures, tags: args.tags },
            logsKey:
                (args.logsKey ?? true)
                    ? { purpose: "AgentCore vended log groups of every agent stack on this platform", serviceStatements: sharedLogsKeyStatements, protectFromDeletion: args.protectLogsKey ?? true, tags: args.tags }
                    : undefined,
            policyEngineArn: args.policyEngineArn,
            registry: args.registry && { ...args.registry, tags: args.tags },
        },
    };
}
