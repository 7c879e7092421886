// Checks (issue 26): functions that collect problems about an environment's args. Each
// section is checked by the rules of the concept it becomes (memory/, gateway/, tools/, …);
// this file only composes them, on values derive.ts computed once (see resolve.ts).
import { checkS3FilesNetwork, checkStorage } from "../storage/validate";
import * as pulumi from "@pulumi/pulumi";
import { agentCoreName } from "../common/naming";
import { checkDeliverySettings } from "../delivery/validate";
import { checkEvaluationSection } from "../evaluation/validate";
import { checkGatewaySettings } from "../gateway/validate";
import { checkIdentityArgs } from "../identity/agentIdentity";
import { checkImageArgs } from "../image/agentImage";
import { checkMemorySettings } from "../memory/validate";
import { NetworkFeatures, requiredEndpoints } from "../network/features";
import { checkVpcNetworkSettings } from "../network/validate";
import { checkObservabilityArgs } from "../observability/agentObservability";
import { environmentObservability } from "../observability/environment";
import { ObservedResource } from "../observability/types";
import { checkPlatformOutputs, missingEndpoints } from "../platform/validate";
import { checkOneArtifact, checkRuntimeSettings } from "../runtime/validate";
import { checkCodeArgs } from "../code/validate";
import { checkSmokeTestArgs } from "../smoke/smokeTest";
import { browserArgsFor, checkBrowserArgs, checkCodeInterpreterArgs, checkToolSections, codeInterpreterArgsFor } from "../tools";
import { Problems, checkShape } from "../validation";
import { agentVariables, checkReservedVariables } from "./agentVariables";
import { profileSampling } from "./derive";
import { ENVIRONMENT_NAMES } from "./profiles";
import { checkToolAccess, checkToolPolicyMode } from "./toolAccess";
import { AgentEnvironmentArgs, ResolvedEnvironment } from "./types";

/** Checks that `environment` names a profile row; nothing else can be resolved without one. */
export function checkEnvironmentName(problems: Problems, args: AgentEnvironmentArgs): boolean {
    if (!ENVIRONMENT_NAMES.includes(args.environment)) {
        problems.add("environment", args.environment, `must be one of ${ENVIRONMENT_NAMES.join(", ")}`);
        return false;
    }
    return true;
}

/**
 * Checks an environment built on a platform: the platform's outputs, no own network
 * or trace delivery policy, and every VPC endpoint the environment's features need
 * provided by the platform (each missing one named with the platform). False when the
 * platform's outputs themselves are unusable (the network comes from them).
 */
export function checkOnPlatform(problems: Problems, args: AgentEnvironmentArgs, features: NetworkFeatures): boolean {
    const platform = args.platform;
    if (!checkPlatformOutputs(problems, platform, "AgentEnvironment platform")) {
        return false;
    }
    const name = platform!.platformName;
    if (args.network !== undefined) {
        problems.add("network", args.network.mode, `must not be set with platform: the environment runs in platform "${name}"'s VPC (${platform!.vpcId})`);
    }
    if (args.observability?.traceDeliveryPolicy === "create") {
        problems.add(
            "observability.traceDeliveryPolicy",
            "create",
            `must not be "create" with platform: platform "${name}" holds the account's one trace delivery policy (${platform!.traceDeliveryPolicyName})`,
        );
    }
    const missing = missingEndpoints(requiredEndpoints(features), platform!);
    if (missing.length > 0) {
        const needing = (Object.keys(features) as (keyof NetworkFeatures)[]).filter((f) => features[f] && missingEndpoints(requiredEndpoints({ [f]: true }), platform!).length > 0);
        problems.addMessage(
            `platform: this environment needs the VPC endpoints ${missing.join(", ")} (for ${needing.join(", ")}), which platform "${name}" does not provide ` +
                `(it has ${platform!.endpoints.join(", ")}; its features: ${platform!.features.join(", ")}): add ${needing.join(", ")} to the platform's features, or drop them here`,
        );
    }
    return true;
}

/**
 * Checks every argument of an `AgentEnvironment` against the environment's own rules
 * and every section with the check function of the component it becomes, with the
 * section's argument path as prefix (`memory.`, `gateway.targets[0].`,
 * `observability.`, …), so that one run reports every problem. `r` holds the values
 * derived from the args (derive.ts). Values known only once other resources exist (the
 * image URI, the network's ids, the parts' ids in environment variables) are checked by
 * the child components when they resolve.
 */
export function checkEnvironment(problems: Problems, args: AgentEnvironmentArgs, r: ResolvedEnvironment): void {
    const profile = r.profile;
    if (profile.endpoint === "pinned" && args.runtimeVersion === undefined && !args.endpoints?.length) {
        problems.add(
            "runtimeVersion",
            undefined,
            `is required in ${args.environment}: callers use a custom endpoint pinned to a reviewed runtime version. ` +
                `For the first deployment of a new stack pin "1", the version that deployment creates (\`pulumi config set runtimeVersion 1\`); ` +
                `later pin a reviewed version named by \`pulumi stack output latestVersion\` (docs/promotion.md). Or pass endpoints explicitly`,
        );
    }
    if (args.runtimeVersion !== undefined) {
        checkShape(problems, "runtimeVersion", String(args.runtimeVersion), "AgentRuntimeVersion");
    }
    // issue 23 item 1: exactly one artifact, named by its field.
    checkOneArtifact(problems, args);
    if (profile.protectData && args.image?.repository?.forceDelete === true) {
        problems.add(
            "image.repository.forceDelete",
            true,
            `is not allowed in ${args.environment}: its profile protects data, and deleting a repository that holds images deletes the images older runtime versions run (no rollback to them)`,
        );
    }
    if (profile.customerManagedKeys && args.memory?.encryptionKey === "aws-owned") {
        problems.add("memory.encryptionKey", "aws-owned", `must be a customer-managed key in ${args.environment} ("create" or { arn }): its profile requires customer-managed keys for data`);
    }
    checkToolAccess(problems, args.identity, args.gateway);
    checkToolPolicyMode(problems, args.gateway, profile, args.environment);
    checkToolSections(problems, args, r.network.mode !== "PUBLIC");
    // issue 24 item 4: EFS and S3 Files need the environment's VPC.
    checkStorage(problems, args.storage, "storage", r.network.mode === "PUBLIC" ? "PUBLIC" : "VPC", true);
    checkS3FilesNetwork(problems, args.storage, "storage", r.network);
    checkReservedVariables(problems, args.environmentVariables, {
        memory: args.memory !== undefined,
        gateway: args.gateway !== undefined,
        codeInterpreter: args.codeInterpreter !== undefined,
        browser: args.browser !== undefined,
        browserProfile: args.browser?.profile !== undefined,
    });
    checkSections(problems, args, r);
    checkDelivery(problems, args, r);
}

/** The sections, each checked as the child component will check it (tags once, as the runtime's). */
function checkSections(problems: Problems, args: AgentEnvironmentArgs, r: ResolvedEnvironment): void {
    const { children, profile } = r;
    // Stands for ids and URLs that exist only once the parts are created (unknown at plan time).
    const pending = pulumi.output("");
    if (r.image) {
        checkImageArgs(problems, r.name, { ...r.image, tags: undefined });
    }
    if (r.code) {
        checkCodeArgs(problems, r.code, "code");
    }
    if (r.network.mode !== "PUBLIC") {
        checkVpcNetworkSettings(problems, r.network, "network.");
    }
    let memoryName: string | undefined;
    if (r.memory) {
        memoryName = r.memory.memoryName ?? agentCoreName(children.memory);
        checkMemorySettings(problems, { ...r.memory, tags: undefined, memoryName, strategies: r.memory.strategies ?? [], eventExpiryDays: r.memory.eventExpiryDays }, "memory.");
    }
    if (args.identity) {
        checkIdentityArgs(problems, children.identity, args.identity, "identity.");
    }
    let gatewayName: string | undefined;
    if (r.gateway) {
        gatewayName = r.gateway.gatewayName ?? children.gateway;
        checkGatewaySettings(
            problems,
            { ...r.gateway, tags: undefined, gatewayName, inboundAuth: r.gateway.inboundAuth ?? { type: "AWS_IAM" }, targets: r.gateway.targets ?? [] },
            "gateway.",
        );
    }
    // Tools are checked as if placed in a VPC whose ids are pending (checkToolSections has refused a VPC placement without one).
    const tools = { profile, vpc: { subnetIds: pending.apply(() => []), securityGroupIds: pending.apply(() => []) }, tags: {} };
    // issue 24 item 7: the custom tools' logs and traces are delivered too (their names name the deliveries).
    const observedTools: ObservedResource[] = [];
    if (args.codeInterpreter) {
        const interpreter = { ...codeInterpreterArgsFor(args.codeInterpreter, tools), tags: undefined };
        checkCodeInterpreterArgs(problems, interpreter.name ?? agentCoreName(children.codeInterpreter), interpreter, "codeInterpreter.");
        if (!interpreter.managed) {
            observedTools.push({ kind: "codeInterpreter", name: interpreter.name ?? agentCoreName(children.codeInterpreter), arn: pending });
        }
    }
    if (args.browser) {
        const browser = { ...browserArgsFor(args.browser, tools), tags: undefined };
        checkBrowserArgs(problems, browser.name ?? agentCoreName(children.browser), browser, "browser.");
        if (!browser.managed) {
            observedTools.push({ kind: "browser", name: browser.name ?? agentCoreName(children.browser), arn: pending });
        }
    }
    checkRuntimeSettings(problems, {
        runtimeName: r.runtime.runtimeName,
        runtimeNamePath: "agentName",
        models: args.models,
        inferenceProfileModels: args.inferenceProfileModels,
        protocol: args.protocol,
        authorizer: args.authorizer,
        environmentVariables: agentVariables(args.environmentVariables, {
            memory: args.memory && pending,
            gateway: args.gateway && pending,
            codeInterpreter: args.codeInterpreter && pending,
            browser: args.browser && pending,
        }),
        lifecycle: args.lifecycle,
        requestHeaderAllowlist: args.requestHeaderAllowlist,
        description: args.description,
        endpoints: r.runtime.endpoints,
        tags: r.tags,
    });
    const observed: ObservedResource[] = [
        ...(memoryName ? [{ kind: "memory" as const, name: memoryName, arn: pending }] : []),
        ...(gatewayName ? [{ kind: "gateway" as const, name: gatewayName, arn: pending }] : []),
        ...observedTools,
    ];
    const runtime = { runtimeName: r.runtime.runtimeName, runtimeArn: pending, endpointName: r.endpointName };
    checkObservabilityArgs(problems, environmentObservability(r.observability, profile, runtime, observed, {}), "observability.");
    if (r.smokeTest) {
        checkSmokeTestArgs(problems, { runtimeArn: pending, endpointName: r.endpointName, version: r.smokeTest.pinnedVersion ?? pending, ...r.smokeTest.section }, "observability.smokeTest.");
    }
}

/** Checks `canary`, `previousVersion`, `frontDoor` and the `evaluation` section (when evaluation is asked for). */
function checkDelivery(problems: Problems, args: AgentEnvironmentArgs, r: ResolvedEnvironment): void {
    checkDeliverySettings(problems, r.delivery.settings);
    if (r.delivery.evaluation) {
        checkEvaluationSection(
            problems,
            args.evaluation ?? {},
            profileSampling(r.profile),
            `the ${args.environment} profile${args.canary && !args.evaluation ? " (evaluation is on because of canary)" : ""}`,
            r.delivery.variants.map((v) => v.evaluationConfigName!),
        );
    }
}
