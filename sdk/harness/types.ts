import * as pulumi from "@pulumi/pulumi";
import type { EnvironmentGatewayArgs } from "../environment/types";
import type { EnvironmentName, EnvironmentProfile } from "../environment/profiles";
import type { AgentGatewayArgs } from "../gateway/agentGateway";
import type { AgentMemoryArgs } from "../memory/agentMemory";
import type { AgentNetworkArgs } from "../network/agentNetwork";
import type { NetworkSettings } from "../network/types";
import type { InferenceProfileModels } from "../runtime/models";
import { BUILTIN_TOOL_NAMES } from "../../policy/rules/harness/tool-patterns";

// The arguments of AgentHarness and their resolved form (issue 23 item 2), below the component
// and its resolve step.

/** The built-in tools of a harness session: `shell` (bash in the session's microVM) and `file_operations`. */
export type HarnessBuiltinTool = "shell" | "file_operations";

/** The built-in tools AWS puts in every harness session unless `allowedTools` restricts them (harness-tools guide). */
export const HARNESS_BUILTIN_TOOLS: readonly HarnessBuiltinTool[] = BUILTIN_TOOL_NAMES;

/** Inbound JWT authorization of a harness (the harness's `authorizerConfiguration.customJwtAuthorizer`). */
export interface HarnessJwtAuthorizer {
    type: "CUSTOM_JWT";
    /** OIDC discovery URL, ending in `/.well-known/openid-configuration`. */
    discoveryUrl: pulumi.Input<string>;
    /** Accepted `aud` claims. At least one audience or client is required. */
    allowedAudiences?: pulumi.Input<string>[];
    /** Accepted `client_id` claims. */
    allowedClients?: pulumi.Input<string>[];
    /** Accepted scopes. */
    allowedScopes?: pulumi.Input<string>[];
    /**
     * Refused for a harness: the API model's AllowedWorkloadConfiguration ("At launch, this is
     * supported only for AgentCore Runtime targets") does not cover harnesses, so AWS could
     * reject or ignore it. Kept in the type so that setting it is an error naming the field.
     */
    allowedGatewayArns?: pulumi.Input<string>[];
}

/** Who may call the harness: SigV4 (`bedrock-agentcore:InvokeHarness`, the default) or a JWT authorizer. */
export type HarnessAuthorizer = { type: "AWS_IAM" } | HarnessJwtAuthorizer;

/** Arguments of {@link AgentHarness}: one managed agent loop in one environment. */
export interface AgentHarnessArgs {
    /** The environment; selects the row of `ENVIRONMENT_PROFILES` that supplies every default (network, keys, protection, pinning). */
    environment: EnvironmentName;
    /** AgentCore harness name (`[a-zA-Z][a-zA-Z0-9_]{0,39}`, API shape HarnessName). @default the component name with hyphens mapped to underscores; a name longer than 40 characters is cut to 33 and ends in `_` and 6 hex characters of a hash of the full name (no suffix otherwise: a harness is replaced only when its name changes) */
    harnessName?: string;
    /** The Bedrock model the loop runs (a foundation model id, a system inference profile id or an ARN); it must be one of `models`. */
    model: string;
    /** The Bedrock models and inference profiles the harness may invoke (its role's allowlist). Required where an endpoint is pinned (staging, prod, or `harnessVersion` set): every version shares the role, so a model change must add the new model before the pinned endpoint moves and remove the old one after. @default [model] (dev on DEFAULT) */
    models?: string[];
    /** Foundation models behind inference profiles that cannot be expanded offline (see `AgentEnvironmentArgs.inferenceProfileModels`). @default {} */
    inferenceProfileModels?: InferenceProfileModels;
    /** The system prompt (no secrets: it is stored in the harness's configuration). */
    systemPrompt: string;
    /**
     * MCP tools the agent may use, as harness patterns (`@<server>/<tool>` or `@<server>/*`). The
     * built-in tools and the wildcards that reach them (`*`, `@builtin`, a glob matching `shell`
     * or `file_operations`) are refused here: ask for built-ins with `builtinTools`.
     * @default every tool of the gateway (`@tools/*`) when `gateway` is set
     */
    allowedTools?: string[];
    /**
     * The built-in tools the agent may use: `shell` (bash in the session's microVM) and
     * `file_operations`. Without `allowedTools` AWS gives both to every session; this component
     * always sends `allowedTools`, so they are there only when listed here (the explicit opt-in).
     * @default [] (none)
     */
    builtinTools?: HarnessBuiltinTool[];
    /** Memory for the harness, as `AgentEnvironment`'s memory section (profile defaults for expiry, key and protection). @default no memory: the harness is sent `memory: { disabled: {} }` (AWS would otherwise create a managed memory under its own key) */
    memory?: Omit<AgentMemoryArgs, "protectFromDeletion" | "tags">;
    /** An MCP gateway for the harness's tools (with Cedar `toolPolicies`), referenced by the harness as its `tools` server. @default none */
    gateway?: EnvironmentGatewayArgs;
    /**
     * Where sessions run: `{ mode: "PUBLIC" }` (dev only), an existing VPC or a new one, as
     * `AgentEnvironment`'s `network`. @default the profile's: dev PUBLIC, staging and prod `{ mode: "NEW_VPC" }`
     */
    network?: NetworkSettings;
    /** Inbound authorization. @default { type: "AWS_IAM" } */
    authorizer?: HarnessAuthorizer;
    /**
     * The reviewed harness version callers use, through an endpoint named after the environment
     * (`HarnessEndpoint`, `@pulumi/aws-native`). Required in staging and prod; in dev, setting it
     * adds a pinned `dev` endpoint beside DEFAULT. Every harness update makes a new version.
     */
    harnessVersion?: string;
    /** Most iterations of the agent loop per invocation. @default AWS's */
    maxIterations?: number;
    /** Most tokens per model response. @default AWS's */
    maxTokens?: number;
    /** Most seconds one invocation may run. @default AWS's */
    timeoutSeconds?: number;
    /** Tags added to every resource (over the package's own `agentcore:*` tags). */
    tags?: Record<string, string>;
}

/** Every key of {@link AgentHarnessArgs}: any other key is refused (nothing configured is silently dropped). */
export const AGENT_HARNESS_ARG_KEYS: readonly (keyof AgentHarnessArgs)[] = [
    "environment",
    "harnessName",
    "model",
    "models",
    "inferenceProfileModels",
    "systemPrompt",
    "allowedTools",
    "builtinTools",
    "memory",
    "gateway",
    "network",
    "authorizer",
    "harnessVersion",
    "maxIterations",
    "maxTokens",
    "timeoutSeconds",
    "tags",
];

/** The name the harness gives its gateway in `tools`, and so the server name in `allowedTools` (`@tools/*`). */
export const GATEWAY_TOOL_NAME = "tools";

/** A harness endpoint: a name pinned to a reviewed version. */
export interface HarnessEndpointSpec {
    name: string;
    version: string;
}

/**
 * One `AgentHarness`, resolved: every profile default applied and every child's arguments
 * derived, as data (no resource, no output).
 */
export interface ResolvedHarness {
    name: string;
    environment: EnvironmentName;
    profile: EnvironmentProfile;
    tags: Record<string, string>;
    harnessName: string;
    model: string;
    models: string[];
    inferenceProfileModels?: InferenceProfileModels;
    systemPrompt: string;
    /** What the harness sends as `allowedTools`: never empty, never a wildcard reaching a built-in not opted into. */
    allowedTools: string[];
    builtinTools: HarnessBuiltinTool[];
    network: NetworkSettings;
    networkArgs?: AgentNetworkArgs;
    memory?: AgentMemoryArgs & { eventExpiryDays: number; encryptionKey: NonNullable<AgentMemoryArgs["encryptionKey"]> };
    gateway?: Omit<EnvironmentGatewayArgs, "toolPolicies"> & Omit<AgentGatewayArgs, "targets">;
    authorizer: HarnessAuthorizer;
    /** The pinned endpoint callers use (staging and prod; dev when `harnessVersion` is set). */
    endpoint?: HarnessEndpointSpec;
    /** Name of the endpoint callers use: the pinned one, else DEFAULT. */
    endpointName: string;
    limits: { maxIterations?: number; maxTokens?: number; timeoutSeconds?: number };
    children: { memory: string; gateway: string; network: string; role: string; endpoint: string };
}
