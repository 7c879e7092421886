// Resolve, then build (issue 23 item 2): a harness's one args object becomes one fully
// defaulted value, or every problem at once. Pure: no resource, no output. The profile row,
// the network, the memory section and the gateway section are derived by the functions
// AgentEnvironment uses (environment/derive.ts, environment/toolAccess.ts), not copies of them.
import { createHash } from "crypto";
import { agentCoreName, baseTags } from "../common/naming";
import { featuresOf, memoryArgsFor, resolveNetwork } from "../environment/derive";
import { ENVIRONMENT_PROFILES } from "../environment/profiles";
import { gatewaySectionArgs } from "../environment/toolAccess";
import type { AgentEnvironmentArgs } from "../environment/types";
import { DEFAULT_ENDPOINT } from "../runtime/validate";
import { Problems } from "../validation";
import { AgentHarnessArgs, GATEWAY_TOOL_NAME, ResolvedHarness } from "./types";
import { checkHarness, checkHarnessBasics } from "./validate";

/** The outcome of {@link resolveHarness}: the resolved harness, or every problem found. */
export type HarnessResolution = { ok: true; value: ResolvedHarness } | { ok: false; problems: string[] };

/** Longest harness name (API shape HarnessName `[a-zA-Z][a-zA-Z0-9_]{0,39}`). */
export const HARNESS_NAME_MAX = 40;

/** Hex characters of the hash that ends a shortened derived name. */
const NAME_HASH_LENGTH = 6;

/**
 * The harness name derived from the component name: AgentCore's name rule; a name longer than
 * 40 characters is cut to 33 and ends in `_` and 6 hex characters of the SHA-256 of the component
 * name, so two long names sharing their first 40 characters do not collide. The provider
 * replaces a harness only when its name changes (harness.go `harness_name`: RequiresReplace,
 * the only such argument), so a derived name needs no replacement suffix: a replacement always
 * comes with a new name, and create-before-delete never collides.
 */
export function harnessNameOf(name: string): string {
    const full = agentCoreName(name);
    if (full.length <= HARNESS_NAME_MAX) {
        return full;
    }
    const hash = createHash("sha256").update(name).digest("hex").slice(0, NAME_HASH_LENGTH);
    return `${full.slice(0, HARNESS_NAME_MAX - NAME_HASH_LENGTH - 1)}_${hash}`;
}

/**
 * Resolves an `AgentHarness` named `name`: the profile row its `environment` selects, the
 * tags, the network (VPC in staging and prod), the memory and gateway sections with the
 * profile's defaults, the tools the harness allows (restricted by default), the pinned
 * endpoint, and every problem at once.
 */
export function resolveHarness(name: string, args: AgentHarnessArgs): HarnessResolution {
    const problems = new Problems();
    if (!checkHarnessBasics(problems, args)) {
        return { ok: false, problems: [...problems.messages] };
    }
    const profile = ENVIRONMENT_PROFILES[args.environment];
    const tags = { ...baseTags("AgentHarness", args.environment), ...args.tags };
    // The environment's derivations read only the sections a harness shares with it.
    const asEnvironment = { environment: args.environment, models: args.models ?? [args.model], memory: args.memory, gateway: args.gateway, network: args.network } as AgentEnvironmentArgs;
    const network = resolveNetwork(asEnvironment, profile);
    const features = featuresOf(asEnvironment, profile);
    const builtinTools = [...new Set(args.builtinTools ?? [])];
    const allowedTools = [...builtinTools, ...(args.allowedTools ?? (args.gateway ? [`@${GATEWAY_TOOL_NAME}/*`] : []))];
    const endpoint = args.harnessVersion !== undefined ? { name: args.environment, version: String(args.harnessVersion) } : undefined;
    const value: ResolvedHarness = {
        name,
        environment: args.environment,
        profile,
        tags,
        harnessName: args.harnessName ?? harnessNameOf(name),
        model: args.model,
        models: args.models ?? (typeof args.model === "string" ? [args.model] : []),
        inferenceProfileModels: args.inferenceProfileModels,
        systemPrompt: args.systemPrompt,
        allowedTools,
        builtinTools,
        network,
        networkArgs: network.mode !== "PUBLIC" ? { ...network, features, tags } : undefined,
        memory: args.memory && memoryArgsFor(asEnvironment, profile, tags),
        gateway: args.gateway && gatewaySectionArgs(args.gateway, profile, tags),
        authorizer: args.authorizer ?? { type: "AWS_IAM" },
        endpoint,
        endpointName: endpoint ? endpoint.name : DEFAULT_ENDPOINT,
        limits: { maxIterations: args.maxIterations, maxTokens: args.maxTokens, timeoutSeconds: args.timeoutSeconds },
        children: { memory: `${name}-memory`, gateway: `${name}-gateway`, network: `${name}-network`, role: `${name}-role`, endpoint: `${name}-${args.environment}` },
    };
    checkHarness(problems, args, value);
    return problems.count > 0 ? { ok: false, problems: [...problems.messages] } : { ok: true, value };
}
