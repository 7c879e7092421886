// Resolve, then build (issue 26): an environment's one args object becomes one fully
// defaulted value, or every problem at once. Pure: no resource, no output.
import { agentCoreName } from "../common/naming";
import { frontDoorOnlyWarning, versionRetentionWarning } from "../delivery/validate";
import type { ToolVpcConfig } from "../tools";
import { browserArgsFor, codeInterpreterArgsFor } from "../tools";
import { resolvePublication } from "../registry/validate";
import { Problems } from "../validation";
import { checkEnvironment, checkEnvironmentName, checkOnPlatform } from "./checks";
import {
    childNames,
    deliverySettingsOf,
    environmentTags,
    featuresOf,
    imageArgsFor,
    codeArgsFor,
    memoryArgsFor,
    resolveDelivery,
    resolveEndpoints,
    resolveNetwork,
    servedEndpointName,
    storageFor,
    transactionSearchWarning,
} from "./derive";
import { ENVIRONMENT_PROFILES } from "./profiles";
import { gatewaySectionArgs } from "./toolAccess";
import { AgentEnvironmentArgs, ResolvedEnvironment } from "./types";

/** The outcome of {@link resolveEnvironment}: the resolved environment, or every problem found. */
export type EnvironmentResolution = { ok: true; value: ResolvedEnvironment } | { ok: false; problems: string[] };

/**
 * Stands for the environment's VPC in a tool's resolved arguments: the subnets and
 * groups exist only once the network does, and the constructor puts them there
 * ({@link inEnvironmentVpc}).
 */
export const ENVIRONMENT_VPC: ToolVpcConfig = Object.freeze({ subnetIds: [], securityGroupIds: [] });

/** A tool's arguments with {@link ENVIRONMENT_VPC} replaced by the environment's VPC placement. */
export function inEnvironmentVpc<T extends { network?: { mode: string; vpc?: ToolVpcConfig } }>(args: T, vpc: ToolVpcConfig | undefined): T {
    return args.network?.mode === "VPC" ? { ...args, network: { ...args.network, vpc } } : args;
}

/**
 * Resolves an `AgentEnvironment` named `name`: the profile row its `environment`
 * selects, the tags, the child names, the network and its features, the endpoints and
 * the one callers use, each child component's arguments, delivery (variants,
 * evaluation, front door, canary) and the warnings known before anything exists.
 * Everything is derived once (derive.ts) and then checked (checks.ts); the result is
 * every problem at once, or the value the constructor builds from.
 *
 * "Where does prod's network come from?": `network` below, from `resolveNetwork` in
 * derive.ts: the platform's VPC when `platform` is set, else `args.network`, else the
 * profile's mode (`ENVIRONMENT_PROFILES.prod.networkMode: "VPC"`, so `{ mode: "NEW_VPC" }`).
 */
export function resolveEnvironment(name: string, args: AgentEnvironmentArgs): EnvironmentResolution {
    const problems = new Problems();
    const failed = (): EnvironmentResolution => ({ ok: false, problems: [...problems.messages] });
    if (!checkEnvironmentName(problems, args)) {
        return failed();
    }
    const profile = ENVIRONMENT_PROFILES[args.environment];
    const features = featuresOf(args, profile);
    if (args.platform !== undefined && !checkOnPlatform(problems, args, features)) {
        return failed(); // The network and everything derived from it come from the platform's outputs.
    }

    const tags = environmentTags(args);
    const children = childNames(name);
    const runtimeName = args.agentName ?? agentCoreName(name);
    const endpoints = resolveEndpoints(args, profile);
    const endpointName = servedEndpointName(endpoints, profile);
    const network = resolveNetwork(args, profile);
    const tools = { profile, vpc: network.mode !== "PUBLIC" ? ENVIRONMENT_VPC : undefined, tags };
    const delivery = { ...resolveDelivery(args, profile, runtimeName, endpointName), settings: deliverySettingsOf(args, profile) };
    const smokeTest = args.observability?.smokeTest;

    const value: ResolvedEnvironment = {
        name,
        environment: args.environment,
        profile,
        tags,
        children,
        platform: args.platform,
        invokeAuth: { runtime: args.authorizer?.type ?? "AWS_IAM", gateway: args.gateway ? (args.gateway.inboundAuth?.type ?? "AWS_IAM") : undefined },
        network,
        features,
        networkArgs: network.mode !== "PUBLIC" ? { ...network, features, tags } : undefined,
        image: args.image !== undefined ? imageArgsFor(args, profile, tags) : undefined,
        code: args.code && codeArgsFor(args.code, profile, tags),
        memory: args.memory && memoryArgsFor(args, profile, tags),
        identity: args.identity && { ...args.identity, protectFromDeletion: profile.protectData, tags },
        gateway: args.gateway && gatewaySectionArgs(args.gateway, profile, tags),
        agentProviders: args.identity?.agentProviders ?? [],
        codeInterpreter: args.codeInterpreter && codeInterpreterArgsFor(args.codeInterpreter, tools),
        browser: args.browser && browserArgsFor(args.browser, tools),
        runtime: {
            runtimeName,
            models: args.models,
            inferenceProfileModels: args.inferenceProfileModels,
            protocol: args.protocol,
            authorizer: args.authorizer,
            environmentVariables: args.environmentVariables,
            lifecycle: args.lifecycle,
            requestHeaderAllowlist: args.requestHeaderAllowlist,
            description: args.description,
            endpoints,
            // Its versions are the pinned and rollback targets: kept from replacement where data is protected.
            protectFromDeletion: profile.protectData,
            tags,
        },
        endpointName,
        // issue 20 item 12: a JWT runtime behind a front door accepts only calls the front door forwards.
        runtimeAdmitsOnlyFrontDoor: args.frontDoor === true && args.frontDoorOnly === true && args.authorizer?.type === "CUSTOM_JWT",
        ...storageFor(args, profile, name, tags),
        observability: args.observability ?? {},
        // Where the profile wants customer-managed keys, a platform's shared logs key replaces one of this stack's own.
        logsKeyArn: args.platform?.logsKeyArn && profile.customerManagedKeys ? args.platform.logsKeyArn : undefined,
        smokeTest: smokeTest && { section: smokeTest, pinnedVersion: endpoints.find((e) => e.name === endpointName)?.version },
        publication:
            args.publish &&
            resolvePublication(problems, args.publish, { name, protocol: args.protocol ?? "HTTP", hasGateway: args.gateway !== undefined, runtimeVersion: args.runtimeVersion, runtimeDescription: args.description, tags }),
        delivery,
        warnings: [transactionSearchWarning(delivery), frontDoorOnlyWarning(delivery.settings)].filter((w): w is string => w !== undefined),
    };
    checkEnvironment(problems, args, value);
    return problems.count > 0 ? failed() : { ok: true, value };
}

/** The version-retention warning of a resolved environment, once the runtime's newest version is known. */
export function versionRetentionWarningOf(resolved: ResolvedEnvironment, latestVersion: string | undefined): string | undefined {
    return versionRetentionWarning(resolved.delivery.settings, latestVersion);
}

/**
 * Checks every argument of an `AgentEnvironment` named `name` (as {@link resolveEnvironment}
 * does, adding its problems to `problems`).
 */
export function checkEnvironmentArgs(problems: Problems, name: string, args: AgentEnvironmentArgs): void {
    const resolved = resolveEnvironment(name, args);
    if (resolved.ok === false) {
        resolved.problems.forEach((p) => problems.addMessage(p));
    }
}
