import * as pulumi from "@pulumi/pulumi";
import type { CanarySettings } from "../delivery/types";
import type { EvaluationSection } from "../evaluation/types";
import type { ResolvedEvaluation } from "../evaluation/validate";
import type { AgentGatewayArgs } from "../gateway/agentGateway";
import type { GatewayRateLimitSpec, GatewayTargetSpec } from "../gateway/types";
import type { GatewayToolPolicies, ToolPolicyMode } from "../governance/types";
import type { InvokeAccess } from "../governance/resourcePolicy";
import type { AgentIdentityArgs } from "../identity/agentIdentity";
import type { AgentImageArgs } from "../image/agentImage";
import type { AgentCodeArgs } from "../code/types";
import type { AgentMemoryArgs } from "../memory/agentMemory";
import type { NetworkSettings } from "../network/types";
import type { EnvironmentObservabilityArgs } from "../observability/environment";
import type { PlatformOutputs } from "../platform/types";
import type { InferenceProfileModels } from "../runtime/models";
import type { InboundAuthorizer, RuntimeEndpointSpec, RuntimeLifecycle, ServerProtocol } from "../runtime/types";
import type { BrowserSection, CodeInterpreterSection } from "../tools";
import type { DeliverySettings } from "../delivery/validate";
import type { InvokeCallerAuth } from "../governance/resourcePolicy";
import type { AgentNetworkArgs } from "../network/agentNetwork";
import type { NetworkFeatures } from "../network/features";
import type { AgentRuntimeArgs } from "../runtime/types";
import type { PublishSection, ResolvedPublication } from "../registry/types";
import type { AgentFileSystemArgs } from "../storage/agentFileSystem";
import type { EnvironmentStorage, RuntimeStorage } from "../storage/types";
import type { BrowserArgs, CodeInterpreterArgs } from "../tools";
import type { EnvironmentName, EnvironmentProfile } from "./profiles";

// The arguments of AgentEnvironment and its sections, below every file that uses them
// (the component, its resolve step, the multi-language facade): issue 26.

/** Arguments of {@link AgentEnvironment}: one agent in one environment. */
export interface AgentEnvironmentArgs {
    /** The environment; selects the row of `ENVIRONMENT_PROFILES` that supplies every default below. */
    environment: EnvironmentName;
    /** AgentCore runtime name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`). @default the component name with hyphens mapped to underscores */
    agentName?: string;
    /**
     * The agent image: `{ build: { context } }` to build for linux/arm64, or `{ imageUri }` for
     * an existing ECR image. Exactly one of `image` or `code`.
     */
    image?: AgentImageArgs;
    /**
     * The agent as a code package (direct code deployment, no Docker): a Python folder packed
     * as a zip into a private, versioned, encrypted bucket (a customer-managed key where the
     * profile wants one; protected in prod), each runtime version pinned to the object's
     * version id. Exactly one of `image` or `code` (docs/choosing.md).
     */
    code?: EnvironmentCodeArgs;
    /** Bedrock models and inference profiles the agent may invoke. @default [] */
    models?: string[];
    /**
     * The foundation models behind inference profiles among the models that cannot be
     * expanded offline, by profile as listed: every application inference profile
     * ARN (and a system profile of a geography without a Region table) maps to the
     * foundation-model ARNs it routes to, one per Region. Bedrock requires invoke on
     * those as well as on the profile
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html).
     * System profiles (`us.`, `eu.`, `apac.`, `jp.`, `au.`, `us-gov.`, `global.`) are expanded without it.
     * @default {}
     */
    inferenceProfileModels?: InferenceProfileModels;
    /**
     * The reviewed runtime version this environment serves through its custom
     * endpoint (named after the environment). Required in staging and prod; in dev,
     * setting it adds a pinned `dev` endpoint beside DEFAULT. Promotion is changing
     * it; rollback is changing it back. The runtime itself is untouched by either.
     */
    runtimeVersion?: string;
    /**
     * The shared platform of this account and region (the outputs of an `AgentPlatform`
     * stack, read with `platformOutputs(stackReference)` or from stack config). The
     * environment then creates no VPC, no VPC endpoints and no account-level
     * observability: its network is the platform's VPC (EXISTING_VPC with the
     * platform's subnets and security groups, every endpoint shared) and traces rely on
     * the platform's trace delivery policy. `network` and
     * `observability.traceDeliveryPolicy: "create"` may not be set with it. Every VPC
     * endpoint the environment's features need must be one the platform provides, and
     * the stack must deploy to the platform's region.
     * @default none: the environment brings its own network per the profile
     */
    platform?: PlatformOutputs;
    /** Custom endpoints to create instead of the profile's one (each pinned to a version). */
    endpoints?: RuntimeEndpointSpec[];
    /** Server protocol. @default "HTTP" */
    protocol?: ServerProtocol;
    /** Inbound authorization. @default { type: "AWS_IAM" } */
    authorizer?: InboundAuthorizer;
    /**
     * Where sessions run: `{ mode: "PUBLIC" }`, an existing VPC (`EXISTING_VPC`)
     * or a new one (`NEW_VPC`); VPC modes get an `AgentNetwork` with the endpoints
     * the features of this environment need.
     * @default the profile's: dev PUBLIC, staging and prod `{ mode: "NEW_VPC" }`
     */
    network?: NetworkSettings;
    /** Container environment variables (no secrets). */
    environmentVariables?: Record<string, pulumi.Input<string>>;
    /** Session lifecycle. */
    lifecycle?: RuntimeLifecycle;
    /** Request headers passed to the container. */
    requestHeaderAllowlist?: string[];
    /** Description of the runtime. */
    description?: string;
    /** Tags added to every resource (over the package's own `agentcore:*` tags). */
    tags?: Record<string, string>;
    /**
     * Memory for the agent: the runtime gets `AGENTCORE_MEMORY_ID` and access to it.
     * Defaults from the profile: event expiry, the key ("create" where customer-managed
     * keys are required, which "aws-owned" may not override) and deletion protection.
     * @default no memory
     */
    memory?: Omit<AgentMemoryArgs, "protectFromDeletion" | "tags">;
    /**
     * File systems mounted into every session (issue 24 item 4; at most 5, each at its own
     * `/mnt/<name>`): `{ type: "SESSION", mountPath }` for AgentCore's per-session storage, or
     * `{ type: "EFS", mountPath }` for an EFS file system this environment creates in its VPC
     * (encrypted, with the profile's key; an access point with an unprivileged POSIX user; one
     * mount target per zone; NFS admitted from the runtime's security group only; protected and
     * retained where the profile protects data), or `{ type: "S3_FILES", ... }` for an existing S3
     * Files access point. EFS and S3 Files need a VPC network.
     * @default none
     */
    storage?: EnvironmentStorage[];
    /** Logs, traces, dashboard, alarms and the post-deploy smoke test. @default logs and traces on; dashboard and alarms per profile; no smoke test */
    observability?: EnvironmentObservabilityArgs;
    /**
     * Publish this environment to an agent registry (issue 24 item 1): the agent (an A2A agent
     * card when `protocol` is A2A, an MCP server when MCP, else a CUSTOM record), its gateway as
     * an MCP server with its Lambda targets' tools. Records are created by the deployer through
     * `@pulumi/aws-native` (an optional peer: install it to use this section).
     * @default none: nothing is published
     */
    publish?: PublishSection;
    /** A code interpreter for the agent (on the environment's VPC when it has one, else SANDBOX, unless said otherwise), granted to the runtime and named in `AGENTCORE_CODE_INTERPRETER_ID`. @default none */
    codeInterpreter?: CodeInterpreterSection;
    /** A browser for the agent (on the environment's VPC unless PUBLIC is said), granted to the runtime and named in `AGENTCORE_BROWSER_ID`. @default none */
    browser?: BrowserSection;
    /** Credential providers (secrets from secure config), workload identity and token vault key. @default none */
    identity?: EnvironmentIdentityArgs;
    /** An MCP gateway for the agent's tools: the runtime may invoke it and gets its URL as `AGENTCORE_GATEWAY_URL`. @default none */
    gateway?: EnvironmentGatewayArgs;
    /**
     * The version promoted before `runtimeVersion`, kept on the endpoint
     * `<environment>_previous` so that AgentCore does not delete it (it deletes inactive
     * versions after 45 days) and a rollback can always go back to it. Removing it deletes
     * the endpoint; in prod the endpoint is protected, so that removal stops at preview
     * (docs/promotion.md, "Retiring the rollback target").
     * @default none
     */
    previousVersion?: string;
    /**
     * A front door for callers: a gateway whose HTTP targets are this environment's
     * endpoints, with the runtime's inbound auth, routing every session to the stable
     * endpoint, or `canary.weight` percent to the candidate while a canary runs.
     * Required with `canary`, so that promotion and abort keep the gateway and its URL.
     * @default false
     */
    frontDoor?: boolean;
    /**
     * CUSTOM_JWT runtimes with `frontDoor` only: the runtime's JWT authorizer admits only the
     * front door's gateway (`allowedWorkloadConfiguration`), so direct JWT callers of every
     * endpoint are refused, the stable one included, once it serves a version created after
     * this is set. Unverified on AWS: AWS does not document it with token passthrough, and
     * the one public report of the combination says the runtime then refused every request,
     * forwarded ones included ("Transaction token required: authorizer has
     * AllowedWorkloadConfiguration configured"); try it as a canary in a non-production account
     * first. A version names the gateway it was created with: when the front door's gateway is
     * replaced, pin the version the same update creates (docs/governance.md). AWS_IAM runtimes
     * need no opt-in: their canary, previous and DEFAULT endpoints always answer only the
     * front door's role (resource policies).
     * @default false
     */
    frontDoorOnly?: boolean;
    /**
     * A canary: a candidate endpoint `<environment>_canary` on `version` gets `weight`
     * percent (1-99) of the front door's sessions, each variant with its own online
     * evaluation and alarms. Promote: `runtimeVersion` := the canary version, remove
     * `canary` (and set `previousVersion` to the old one). Abort: remove `canary`.
     * Neither replaces or updates the runtime.
     * @default none
     */
    canary?: CanarySettings;
    /**
     * Online evaluation of each served endpoint (the stable one and, during a canary,
     * the candidate): evaluators, custom evaluators and sampling (the profile's
     * `evaluationSamplingPercentage` by default; dev samples nothing unless asked).
     * A canary turns evaluation on with the default evaluators.
     * @default none (unless canary)
     */
    evaluation?: EvaluationSection;
}

/** The code section of `AgentEnvironmentArgs`: the key and protection come from the profile. */
export type EnvironmentCodeArgs = Omit<AgentCodeArgs, "customerManagedKey" | "protectFromDeletion" | "tags">;

/** The identity section of `AgentEnvironmentArgs`: providers, workload identity, token vault key (protected as the profile says). */
export interface EnvironmentIdentityArgs extends Omit<AgentIdentityArgs, "protectFromDeletion" | "tags"> {
    /**
     * Providers the agent's own code fetches credentials from (granted to the
     * runtime role); providers used only by gateway targets need not be listed.
     * @default []
     */
    agentProviders?: string[];
}

/** The gateway section of `AgentEnvironmentArgs`: targets name providers of the identity section. */
export interface EnvironmentGatewayArgs extends Omit<AgentGatewayArgs, "targets" | "debugErrors" | "protectFromDeletion" | "protectUserPool" | "tags" | "toolPolicies" | "rateLimits"> {
    /** Targets; `credentials: { apiKey: "<name>" }` or `{ oauth2: "<name>" }` name a provider of the identity section. @default [] */
    targets?: GatewayTargetSpec<string, string>[];
    /**
     * Cedar policies deciding every tool call (see `AgentGatewayArgs.toolPolicies`), checked
     * offline against the schema derived from `targets`. The mode comes from the profile
     * (`toolPolicyMode`: LOG_ONLY in dev and staging, ENFORCE in prod); LOG_ONLY is refused where
     * the profile enforces.
     * @default no policy engine
     */
    toolPolicies?: Omit<GatewayToolPolicies, "mode"> & { mode?: ToolPolicyMode };
    /**
     * Rate limits of the gateway (see `AgentGatewayArgs.rateLimits`; created with the optional peer
     * `@pulumi/aws-native`). Unset, the profile decides (`gatewayRequestsPerPrincipalPerMinute`): none in
     * dev; in staging and prod one limit `per-principal` counting requests per minute of each caller
     * (`$.context.iam.principal` behind AWS_IAM, `$.context.jwt.sub` behind a JWT authorizer; none for
     * NONE). A caller is a calling role or client, so the whole agent (all its sessions) is one caller:
     * the profile's limit is a ceiling against runaway loops, not a per-user quota. The stack needs
     * `aws-native:region` (`pulumi config set aws-native:region <region>`, the same as `aws:region`). `"none"` turns the profile's limit off (e.g. where `@pulumi/aws-native` is not installed); a
     * list replaces it.
     * @default the profile's
     */
    rateLimits?: GatewayRateLimitSpec[] | "none";
}

/** Who may invoke the environment's runtime (and gateways), as resource-based policies. */
export interface EnvironmentInvokeAccess extends InvokeAccess {
    /**
     * Only calls through an interface endpoint in the environment's own VPC (`aws:SourceVpc`;
     * VPC network modes only, and not with `accounts` or `organizationId`). Creates the
     * `bedrock-agentcore` endpoint (and `bedrock-agentcore.gateway` for a restricted gateway)
     * unless the VPC shares one. @default false
     */
    throughEnvironmentVpc?: boolean;
    /** Put the same restriction on the tools gateway (`InvokeGateway`), when there is one. @default false */
    includeGateway?: boolean;
}

/** Which invocations {@link AgentEnvironment.grantInvoke} allows. */
export interface InvokeGrantOptions {
    /** Also allow `InvokeAgentRuntimeWithWebSocketStream`. @default false */
    webSocket?: boolean;
    /** Allow the `…ForUser` variants, which let the caller name the end user (for trusted front ends only). @default false */
    forUser?: boolean;
}


/** Names of the child components of an environment (their AgentCore names default from them). */
export interface ChildNames {
    memory: string;
    identity: string;
    gateway: string;
    codeInterpreter: string;
    browser: string;
    smokeTest: string;
    evaluation: string;
    frontDoor: string;
}

/** What delivery builds for an environment: the scored variants, the evaluation section in force, whether a front door exists. */
export interface ResolvedDelivery {
    /** Served endpoints: the stable one, and the candidate while a canary runs. */
    variants: { variant: "stable" | "candidate"; endpointName: string; evaluationConfigName?: string }[];
    /** The evaluation section with the profile's sampling, when evaluation is asked for (by the section or by a canary). */
    evaluation?: EvaluationSection & ResolvedEvaluation;
    /** Build the front door. */
    frontDoor: boolean;
    /** The candidate's share of sessions. */
    candidateWeight?: number;
}

/** The gateway section with the profile's defaults; its targets still name the identity section's providers. */
export type EnvironmentGatewaySection = Omit<EnvironmentGatewayArgs, "toolPolicies"> & Omit<AgentGatewayArgs, "targets">;

/**
 * One `AgentEnvironment`, resolved (issue 26): every default of the profile applied and
 * every child component's arguments derived, as data (no resource, no output). The
 * constructor builds from it and nothing else; only values that exist once resources
 * exist (ids, ARNs, the VPC's subnets, the runtime's newest version) are filled in there.
 */
export interface ResolvedEnvironment {
    /** The component name. */
    name: string;
    environment: EnvironmentName;
    /** The profile row in force. */
    profile: EnvironmentProfile;
    /** Tags of every resource: the package's own, under the user's. */
    tags: Record<string, string>;
    /** Names of the child components. */
    children: ChildNames;
    /** The platform the environment runs on, if any. */
    platform?: PlatformOutputs;
    /** How callers of the runtime and of the tools gateway authenticate (restrictInvoke writes statements for them). */
    invokeAuth: { runtime: InvokeCallerAuth; gateway?: InvokeCallerAuth };
    /** The network in force: the args', the platform's, else the profile's mode. */
    network: NetworkSettings;
    /** What the environment uses, for the VPC endpoints its network needs. */
    features: NetworkFeatures;
    /** The network component's arguments (VPC modes only; PUBLIC creates none). */
    networkArgs?: AgentNetworkArgs;
    /** The image component's arguments (when the agent runs an image). */
    image?: AgentImageArgs;
    /** The code component's arguments (when the agent runs a code package). */
    code?: AgentCodeArgs;
    /** The memory component's arguments, when the args ask for memory. */
    memory?: AgentMemoryArgs & { eventExpiryDays: number; encryptionKey: NonNullable<AgentMemoryArgs["encryptionKey"]> };
    /** The identity component's arguments, when the identity section is given. */
    identity?: AgentIdentityArgs & { agentProviders?: string[] };
    /** The gateway section with the profile's defaults (providers resolved when the identity exists). */
    gateway?: EnvironmentGatewaySection;
    /** Providers the agent's own code uses (granted to the runtime role). */
    agentProviders: string[];
    /** The code interpreter's arguments; a VPC placement names {@link ENVIRONMENT_VPC}, the environment's VPC. */
    codeInterpreter?: CodeInterpreterArgs;
    /** The browser's arguments; a VPC placement names {@link ENVIRONMENT_VPC}, the environment's VPC. */
    browser?: BrowserArgs;
    /** The runtime's arguments but those that name other children (image, network, parts' ids, grants, the front door). */
    runtime: Omit<AgentRuntimeArgs, "image" | "code" | "network" | "grants" | "allowedGatewayArns"> & { runtimeName: string; endpoints: RuntimeEndpointSpec[] };
    /** Name of the endpoint callers of this environment use: the pinned one, else DEFAULT. */
    endpointName: string;
    /** A JWT runtime behind a front door admits only the front door's gateway (issue 20 item 12). */
    runtimeAdmitsOnlyFrontDoor: boolean;
    /** The runtime's mounts in order: given ones as they are, EFS ones created by the environment by child name (issue 24 item 4). */
    storage: ({ mount: RuntimeStorage } | { fileSystem: string })[];
    /** The EFS file systems the environment creates, by child name, without what the network supplies. */
    fileSystems: Record<string, Omit<AgentFileSystemArgs, "vpcId" | "subnetIds" | "clientSecurityGroupIds" | "addClientEgress">>;
    /** The observability section as given (its targets are the runtime and the parts, once they exist). */
    observability: EnvironmentObservabilityArgs;
    /** The platform's shared logs key, where the profile wants customer-managed keys and the platform has one. */
    logsKeyArn?: string;
    /** The smoke test section and the version of the endpoint it calls (else the newest version). */
    smokeTest?: { section: NonNullable<EnvironmentObservabilityArgs["smokeTest"]>; pinnedVersion?: string };
    /** The registry records to publish (issue 24 item 1), when `publish` is set. */
    publication?: ResolvedPublication;
    /** Delivery: its settings, the variants, evaluation, front door and canary. */
    delivery: ResolvedDelivery & { settings: DeliverySettings };
    /** Warnings known before anything exists (the version-retention warning needs the runtime's newest version: `versionRetentionWarning(delivery.settings, latest)`). */
    warnings: string[];
}
