// Checks of AgentHarness's arguments (issue 23 item 2): functions that collect problems, each
// naming the field, the value and the rule. Sections are checked by the rules of the concept
// they become (memory/, gateway/, network/, runtime/models).
import { agentCoreName } from "../common/naming";
import type { EnvironmentProfile } from "../environment/profiles";
import { ENVIRONMENT_NAMES } from "../environment/profiles";
import { checkToolPolicyMode } from "../environment/toolAccess";
import { checkGatewaySettings } from "../gateway/validate";
import { checkMemorySettings } from "../memory/validate";
import { checkVpcNetworkSettings } from "../network/validate";
import { checkModelReferences } from "../runtime/models";
import { checkAuthorizer } from "../runtime/validate";
import { Problems, checkShape } from "../validation";
import { checkTags } from "../validation/tags";
import { builtinToolsReached } from "../../policy/rules/harness/tool-patterns";
import { AGENT_HARNESS_ARG_KEYS, AgentHarnessArgs, HARNESS_BUILTIN_TOOLS, ResolvedHarness } from "./types";

/** The harness-tools guide: without allowedTools every tool is allowed, and the built-in shell and file tools are in every session. */
export const HARNESS_TOOLS_GUIDE = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-tools.html";
/** The harness versioning guide: DEFAULT follows the newest version; other endpoints stay on the version they name. */
export const HARNESS_VERSIONING_GUIDE = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-versioning.html";

/** The control-plane API model (data/aws-models/bedrock-agentcore-control.service-2.json), shape AllowedWorkloadConfiguration. */
const ALLOWED_WORKLOAD_SOURCE = "https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_AllowedWorkloadConfiguration.html";

/** Checks that `environment` names a profile row and that no key is unknown; false when nothing else can be resolved. */
export function checkHarnessBasics(problems: Problems, args: AgentHarnessArgs): boolean {
    if (args === null || typeof args !== "object") {
        problems.add("args", args, "must be an object");
        return false;
    }
    for (const key of Object.keys(args)) {
        if (!(AGENT_HARNESS_ARG_KEYS as readonly string[]).includes(key)) {
            problems.add(key, (args as unknown as Record<string, unknown>)[key], `is not an AgentHarness argument (known: ${AGENT_HARNESS_ARG_KEYS.join(", ")})`);
        }
    }
    if (!ENVIRONMENT_NAMES.includes(args.environment)) {
        problems.add("environment", args.environment, `must be one of ${ENVIRONMENT_NAMES.join(", ")}`);
        return false;
    }
    return true;
}

/**
 * Why a pattern of `allowedTools` reaches a built-in tool (`shell`, `file_operations`), or
 * undefined, read by the matcher the pack's agentcore-harness-tools rule uses
 * (policy/rules/harness/tool-patterns.ts): `*`, a built-in name or glob, and any `@` pattern
 * whose server part matches `builtin` (`@builtin`, `@*`, `@b*\/shell`, `@?uiltin`).
 */
export function builtinReach(pattern: string): string | undefined {
    if (pattern === "*") {
        return "allows every tool, the built-in shell and file tools included";
    }
    const reached = builtinToolsReached(pattern);
    if (reached.length === 0) {
        return undefined;
    }
    return pattern.startsWith("@") ? `names built-in tools (reaches ${reached.join(" and ")})` : `reaches the built-in ${reached.join(" and ")}`;
}

/** Checks `allowedTools` and `builtinTools`: built-ins only through the opt-in, and something allowed (an empty list would be read as unset: every tool). */
export function checkHarnessTools(problems: Problems, args: AgentHarnessArgs, r: Pick<ResolvedHarness, "allowedTools" | "environment">): void {
    (args.allowedTools ?? []).forEach((pattern, i) => {
        const path = `allowedTools[${i}]`;
        if (typeof pattern !== "string") {
            problems.add(path, pattern, "must be a string");
            return;
        }
        checkShape(problems, path, pattern, "HarnessAllowedTool");
        const why = builtinReach(pattern);
        if (why) {
            problems.add(
                path,
                pattern,
                `${why}: built-in tools run in every session of the harness (${HARNESS_TOOLS_GUIDE}), so this component gives them only through the explicit opt-in builtinTools ` +
                    `(e.g. builtinTools: ["file_operations"]${r.environment === "prod" ? "; in prod that opt-in is the reviewed decision to let the agent run commands" : ""})`,
            );
        }
    });
    (args.builtinTools ?? []).forEach((tool, i) => {
        if (!HARNESS_BUILTIN_TOOLS.includes(tool)) {
            problems.add(`builtinTools[${i}]`, tool, `must be one of ${HARNESS_BUILTIN_TOOLS.join(", ")}`);
        }
    });
    if (r.allowedTools.length === 0) {
        problems.add(
            "allowedTools",
            args.allowedTools ?? [],
            `allows no tool: AgentCore treats a harness without allowedTools as allowing every tool, the built-in shell included (${HARNESS_TOOLS_GUIDE}); ` +
                "add a gateway (its tools are allowed as @tools/*), name MCP tools in allowedTools, or opt into built-ins with builtinTools",
        );
    }
}

/**
 * Checks every argument of an `AgentHarness` against the harness's own rules and each section
 * with the check of the component it becomes, prefixed with the section's path.
 */
export function checkHarness(problems: Problems, args: AgentHarnessArgs, r: ResolvedHarness): void {
    const profile: EnvironmentProfile = r.profile;
    checkShape(problems, "harnessName", r.harnessName, "HarnessName");
    if (typeof args.systemPrompt !== "string" || args.systemPrompt.length === 0) {
        problems.add("systemPrompt", args.systemPrompt, "is required (the instructions of the agent loop)");
    }
    // The model allowlist, as for runtimes: the role may invoke `models` only, and the loop's model must be one of them.
    if (typeof args.model !== "string" || args.model.length === 0) {
        problems.add("model", args.model, "is required (a Bedrock model id, inference profile id or ARN)");
    } else if (!r.models.includes(args.model)) {
        problems.add("model", args.model, `must be one of models (${r.models.join(", ")}): the harness's role may invoke only the models listed there`);
    }
    // Red-team finding 2: the role is shared by every version, so a model change must keep the pinned version's model invocable until promotion.
    if ((profile.endpoint === "pinned" || args.harnessVersion !== undefined) && args.models === undefined) {
        problems.add(
            "models",
            undefined,
            `is required where an endpoint is pinned (${args.environment}${args.harnessVersion !== undefined ? `, harnessVersion ${JSON.stringify(args.harnessVersion)}` : ""}): ` +
                "every harness version runs with the same role, so with models defaulting to [model] a model change would remove the pinned version's model from the role before promotion. " +
                "List the models explicitly; to change the model, add the new one to models, deploy, move harnessVersion, deploy, then remove the old one",
        );
    }
    checkModelReferences(
        problems,
        r.models.map((model, i) => ({ path: args.models ? `models[${i}]` : "model", model })),
        args.inferenceProfileModels,
        "inferenceProfileModels",
    );
    checkHarnessTools(problems, args, r);
    if (profile.endpoint === "pinned" && args.harnessVersion === undefined) {
        problems.add(
            "harnessVersion",
            undefined,
            `is required in ${args.environment}: callers use an endpoint pinned to a reviewed harness version (${HARNESS_VERSIONING_GUIDE}). ` +
                "For the first deployment pin \"1\", the version the create makes; later pin a reviewed version",
        );
    }
    if (args.harnessVersion !== undefined) {
        checkShape(problems, "harnessVersion", String(args.harnessVersion), "HarnessVersion");
    }
    if (args.environment === "prod" && r.network.mode === "PUBLIC") {
        problems.add("network.mode", "PUBLIC", "is not allowed in prod: a harness's sessions run on the public network there; use NEW_VPC or EXISTING_VPC (the prod profile's default is NEW_VPC)");
    }
    if (r.network.mode !== "PUBLIC") {
        checkVpcNetworkSettings(problems, r.network, "network.");
    }
    if (profile.customerManagedKeys && args.memory?.encryptionKey === "aws-owned") {
        problems.add("memory.encryptionKey", "aws-owned", `must be a customer-managed key in ${args.environment} ("create" or { arn }): its profile requires customer-managed keys for data`);
    }
    if (r.memory) {
        checkMemorySettings(problems, { ...r.memory, tags: undefined, memoryName: r.memory.memoryName ?? agentCoreName(r.children.memory), strategies: r.memory.strategies ?? [], eventExpiryDays: r.memory.eventExpiryDays }, "memory.");
    }
    if (r.gateway) {
        checkGatewaySettings(
            problems,
            { ...r.gateway, tags: undefined, gatewayName: r.gateway.gatewayName ?? r.children.gateway, inboundAuth: r.gateway.inboundAuth ?? { type: "AWS_IAM" }, targets: r.gateway.targets ?? [] },
            "gateway.",
        );
        for (const [i, t] of (args.gateway?.targets ?? []).entries()) {
            if ("credentials" in t && t.credentials !== undefined) {
                problems.add(`gateway.targets[${i}].credentials`, t.credentials, "names a credential provider, which AgentHarness has no identity section for: use an AgentEnvironment, or a target without credentials");
            }
        }
    }
    checkToolPolicyMode(problems, args.gateway, profile, args.environment);
    const auth = args.authorizer;
    if (auth && auth.type === "CUSTOM_JWT") {
        const { allowedGatewayArns, ...jwt } = auth;
        checkAuthorizer(problems, jwt, "authorizer");
        // Red-team finding 6: not sent, so AWS can neither reject it nor silently ignore it.
        if (allowedGatewayArns !== undefined) {
            problems.add(
                "authorizer.allowedGatewayArns",
                allowedGatewayArns,
                `is not supported for a harness: the API model's AllowedWorkloadConfiguration says "At launch, this is supported only for AgentCore Runtime targets" (${ALLOWED_WORKLOAD_SOURCE}); ` +
                    "remove it (restrict callers with allowedClients, allowedAudiences or allowedScopes)",
            );
        }
    } else if (auth && auth.type !== "AWS_IAM") {
        problems.add("authorizer.type", (auth as { type: unknown }).type, "must be AWS_IAM or CUSTOM_JWT");
    }
    for (const [field, value] of [["maxIterations", args.maxIterations], ["maxTokens", args.maxTokens], ["timeoutSeconds", args.timeoutSeconds]] as const) {
        if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
            problems.add(field, value, "must be a positive integer");
        }
    }
    checkTags(problems, r.tags, "tags");
}
