// Derivations (issue 26): pure functions from an environment's args and profile row to
// its parts' values. No check here (those are in checks.ts), no resource, no output.
import type { AgentCodeArgs } from "../code/types";
import { baseTags } from "../common/naming";
import { DeliverySettings, canaryEndpointName, deliveryEndpoints } from "../delivery/validate";
import { EvaluationSection } from "../evaluation/types";
import { onlineEvaluationName, resolveEvaluation } from "../evaluation/validate";
import { ENDPOINT_SERVICES, NetworkFeatures } from "../network/features";
import { NetworkSettings } from "../network/types";
import type { RuntimeEndpointSpec } from "../runtime/types";
import { DEFAULT_ENDPOINT } from "../runtime/validate";
import { fileSystemChildPart } from "../storage/validate";
import { EnvironmentProfile } from "./profiles";
import { AgentEnvironmentArgs, ChildNames, ResolvedDelivery, ResolvedEnvironment } from "./types";

/** Names of the child components of an environment named `name` (their AgentCore names default from them). */
export function childNames(name: string): ChildNames {
    return {
        memory: `${name}-memory`,
        identity: `${name}-identity`,
        gateway: `${name}-gateway`,
        codeInterpreter: `${name}-code-interpreter`,
        browser: `${name}-browser`,
        smokeTest: `${name}-smoke-test`,
        evaluation: `${name}-evaluation`,
        frontDoor: `${name}-front-door`,
    };
}

/** Tags of every resource of the environment: the package's own, under the user's. */
export function environmentTags(args: AgentEnvironmentArgs): Record<string, string> {
    return { ...baseTags("AgentEnvironment", args.environment), ...args.tags };
}

/** The image component's arguments: the section, with the profile's expiry of untagged images and force delete (off where data is protected). */
export function imageArgsFor(args: AgentEnvironmentArgs, profile: EnvironmentProfile, tags?: Record<string, string>) {
    const image = args.image ?? {};
    return {
        ...image,
        repository: {
            ...image.repository,
            untaggedImageExpiryDays: image.repository?.untaggedImageExpiryDays ?? profile.untaggedImageExpiryDays,
            // Only where data is not protected may `pulumi destroy` (or a repository replacement) delete images.
            forceDelete: image.repository?.forceDelete ?? !profile.protectData,
        },
        tags,
    };
}

/** The code component's arguments (issue 23 item 1): the section, with the profile's key (customer-managed where it wants one) and protection. */
export function codeArgsFor(code: NonNullable<AgentEnvironmentArgs["code"]>, profile: EnvironmentProfile, tags?: Record<string, string>): AgentCodeArgs {
    return { ...code, customerManagedKey: profile.customerManagedKeys, protectFromDeletion: profile.protectData, tags };
}

/** The memory component's arguments: the section, with the profile's expiry, key and deletion protection. */
export function memoryArgsFor(args: AgentEnvironmentArgs, profile: EnvironmentProfile, tags?: Record<string, string>) {
    const memory = args.memory!;
    return {
        ...memory,
        eventExpiryDays: memory.eventExpiryDays ?? profile.memoryEventExpiryDays,
        encryptionKey: memory.encryptionKey ?? (profile.customerManagedKeys ? ("create" as const) : ("aws-owned" as const)),
        protectFromDeletion: profile.protectData,
        tags,
    };
}

/**
 * The network settings in force: the platform's VPC (every endpoint shared), else the
 * args', else the profile's mode (a new VPC where the profile runs in a VPC).
 */
export function resolveNetwork(args: AgentEnvironmentArgs, profile: EnvironmentProfile): NetworkSettings {
    if (args.platform) {
        // The platform's VPC, groups and endpoints: this stack creates no endpoint (a missing one is a plan-time error, checkOnPlatform).
        const p = args.platform;
        return { mode: "EXISTING_VPC", vpcId: p.vpcId, subnetIds: p.subnetIds, securityGroupIds: p.securityGroupIds, sharedEndpoints: [...ENDPOINT_SERVICES] };
    }
    return args.network ?? (profile.networkMode === "VPC" ? { mode: "NEW_VPC" as const } : { mode: "PUBLIC" as const });
}

/**
 * What this environment uses, for the VPC endpoints its network needs: the one
 * place features are derived from the args.
 */
export function featuresOf(args: AgentEnvironmentArgs, profile: EnvironmentProfile): NetworkFeatures {
    return {
        models: (args.models ?? []).length > 0,
        memory: args.memory !== undefined,
        identity: args.identity !== undefined,
        // Callers invoking through the VPC: added by restrictInvoke's throughEnvironmentVpc (AgentNetwork.requireFeatures).
        invoke: false,
        gateway: args.gateway !== undefined,
        codeInterpreter: args.codeInterpreter !== undefined,
        browser: args.browser !== undefined,
        observability: args.observability?.traces !== false,
        customerManagedKeys: profile.customerManagedKeys,
        // No section calls Secrets Manager from the VPC: the agent asks AgentCore Identity
        // (GetResourceApiKey / GetResourceOauth2Token, through the bedrock-agentcore
        // endpoint), and Identity reads the provider's secret itself, server-side, with the
        // caller's permissions (which is why the role holds secretsmanager:GetSecretValue).
        // The API returns the credential; the agent never reaches Secrets Manager.
        secretsManager: false,
        assumeRoles: false,
    };
}

/**
 * The custom endpoints an environment gets: explicit ones, else one named after the
 * environment when a version is pinned, then delivery's (`<env>_previous`, `<env>_canary`).
 */
export function resolveEndpoints(args: AgentEnvironmentArgs, profile: EnvironmentProfile): RuntimeEndpointSpec[] {
    if (args.endpoints) {
        return args.endpoints;
    }
    const stable = args.runtimeVersion !== undefined ? [{ name: args.environment, version: args.runtimeVersion, versionPath: "runtimeVersion" }] : [];
    return [...stable, ...deliveryEndpoints({ environment: args.environment, profileEndpoint: profile.endpoint, previousVersion: args.previousVersion, canary: args.canary, protectData: profile.protectData })];
}

/** The endpoint callers use: the first custom endpoint where the profile pins one, else DEFAULT. */
export function servedEndpointName(endpoints: RuntimeEndpointSpec[], profile: EnvironmentProfile): string {
    return endpoints.length > 0 && profile.endpoint === "pinned" ? endpoints[0].name : DEFAULT_ENDPOINT;
}

/** The delivery settings of an environment's args. */
export function deliverySettingsOf(args: AgentEnvironmentArgs, profile: EnvironmentProfile): DeliverySettings {
    return {
        environment: args.environment,
        profileEndpoint: profile.endpoint,
        runtimeVersion: args.runtimeVersion,
        previousVersion: args.previousVersion,
        canary: args.canary,
        frontDoor: args.frontDoor,
        frontDoorOnly: args.frontDoorOnly,
        authorizerType: args.authorizer?.type,
        endpoints: args.endpoints,
        protectData: profile.protectData,
    };
}

/**
 * Derives the delivery children from the args (pure): a canary adds the candidate
 * variant and asks for evaluation with the profile's sampling; the stable variant
 * is the endpoint callers use.
 */
export function resolveDelivery(args: AgentEnvironmentArgs, profile: EnvironmentProfile, runtimeName: string, endpointName: string): ResolvedDelivery {
    // The stable variant is the pinned endpoint (in dev too, where callers otherwise use DEFAULT).
    const stable = args.runtimeVersion !== undefined && !args.endpoints ? args.environment : endpointName;
    const variants: ResolvedDelivery["variants"] = [{ variant: "stable", endpointName: stable }];
    if (args.canary) {
        variants.push({ variant: "candidate", endpointName: canaryEndpointName(args.environment) });
    }
    const wanted = args.evaluation !== undefined || args.canary !== undefined;
    const section: EvaluationSection = args.evaluation ?? {};
    const evaluation = wanted ? { ...section, ...resolveEvaluation(section, profileSampling(profile)) } : undefined;
    if (evaluation) {
        for (const v of variants) {
            v.evaluationConfigName = onlineEvaluationName(runtimeName, v.endpointName);
        }
    }
    return { variants, evaluation, frontDoor: args.frontDoor === true, candidateWeight: args.canary?.weight };
}

/** The profile's sampling default (0 means none unless asked). */
export function profileSampling(profile: EnvironmentProfile): number | undefined {
    return profile.evaluationSamplingPercentage > 0 ? profile.evaluationSamplingPercentage : undefined;
}

/** The plan-time warning when online evaluation runs without Transaction Search provided by this stack or declared for the account. */
export function transactionSearchWarning(resolved: ResolvedDelivery): string | undefined {
    if (!resolved.evaluation || resolved.evaluation.transactionSearch !== undefined) {
        return undefined;
    }
    return (
        "online evaluation reads spans that only CloudWatch Transaction Search indexes, and neither this stack provides it " +
        '(evaluation.transactionSearch: a TransactionSearch) nor does the config say the account has it (evaluation.transactionSearch: "account"): ' +
        "the evaluation configurations will score nothing until it is enabled (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Enable-TransactionSearch.html)"
    );
}

/**
 * The runtime's mounts and the EFS file systems the environment creates (issue 24 item 4): each
 * EFS mount becomes `<name>-fs-<mount name>` (named after the mount path, so reordering the list
 * renames nothing), encrypted with a key of its own where the profile wants customer-managed keys
 * (AWS's managed EFS key elsewhere), protected and retained where the profile protects data.
 */
export function storageFor(args: AgentEnvironmentArgs, profile: EnvironmentProfile, name: string, tags: Record<string, string>): Pick<ResolvedEnvironment, "storage" | "fileSystems"> {
    const storage: ResolvedEnvironment["storage"] = [];
    const fileSystems: ResolvedEnvironment["fileSystems"] = {};
    for (const mount of args.storage ?? []) {
        if (mount.type !== "EFS") {
            storage.push({ mount });
            continue;
        }
        const child = `${name}-fs-${fileSystemChildPart(mount)}`;
        fileSystems[child] = {
            mountPath: mount.mountPath,
            encryption: profile.customerManagedKeys ? "create" : "aws-managed",
            posixUser: mount.posixUser,
            rootDirectory: mount.rootDirectory,
            readOnly: mount.readOnly,
            protectFromDeletion: profile.protectData,
            tags,
        };
        storage.push({ fileSystem: child });
    }
    return { storage, fileSystems };
}
