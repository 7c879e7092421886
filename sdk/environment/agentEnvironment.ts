import * as pulumi from "@pulumi/pulumi";
import { TYPE_PREFIX, agentCoreName, baseTags } from "../common/naming";
import { AgentImage, AgentImageArgs } from "../image/agentImage";
import { AgentNetwork } from "../network/agentNetwork";
import { NetworkFeatures } from "../network/features";
import { NetworkSettings } from "../network/types";
import { AgentRuntime } from "../runtime/agentRuntime";
import { InboundAuthorizer, RuntimeEndpointSpec, RuntimeLifecycle, ServerProtocol } from "../runtime/types";
import { Problems, checkShape } from "../validation";
import { ENVIRONMENT_NAMES, ENVIRONMENT_PROFILES, EnvironmentName, EnvironmentProfile } from "./profiles";

/** Arguments of {@link AgentEnvironment}: one agent in one environment. */
export interface AgentEnvironmentArgs {
    /** The environment; selects the row of `ENVIRONMENT_PROFILES` that supplies every default below. */
    environment: EnvironmentName;
    /** AgentCore runtime name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`). @default the component name with hyphens mapped to underscores */
    agentName?: string;
    /** The agent image: `{ build: { context } }` to build for linux/arm64, or `{ imageUri }` for an existing ECR image. */
    image: AgentImageArgs;
    /** Bedrock models and inference profiles the agent may invoke. @default [] */
    models?: string[];
    /**
     * The reviewed runtime version this environment serves through its custom
     * endpoint (named after the environment). Required in staging and prod; in dev,
     * setting it adds a pinned `dev` endpoint beside DEFAULT. Promotion is changing
     * it; rollback is changing it back. The runtime itself is untouched by either.
     */
    runtimeVersion?: string;
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
}

/**
 * Everything one agent needs in one environment, from a single args object and
 * an `environment` profile: the image, the least-privilege role, the runtime and
 * the endpoint callers use — DEFAULT in dev, a custom endpoint pinned to a
 * reviewed version in staging and prod.
 */
export class AgentEnvironment extends pulumi.ComponentResource {
    /** The profile row in force (after the environment was chosen). */
    readonly profile: EnvironmentProfile;
    /** The image component. */
    readonly image: AgentImage;
    /** The private network (VPC modes only; PUBLIC creates none). */
    readonly network?: AgentNetwork;
    /** The runtime component (role, runtime, endpoints). */
    readonly runtime: AgentRuntime;
    /** Name of the endpoint callers of this environment use. */
    readonly endpointName: string;
    /** ARN callers invoke: the DEFAULT endpoint in dev, the pinned endpoint elsewhere. */
    readonly invokeEndpointArn: pulumi.Output<string>;
    /** Runtime ARN. */
    readonly runtimeArn: pulumi.Output<string>;
    /** Newest runtime version: the candidate to review and promote. */
    readonly latestVersion: pulumi.Output<string>;
    /** Container URI (by digest) the newest version runs. */
    readonly imageUri: pulumi.Output<string>;

    constructor(name: string, args: AgentEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentEnvironment`, name, {}, opts);
        validateEnvironmentArgs(name, args);
        this.profile = ENVIRONMENT_PROFILES[args.environment];
        const tags = { ...baseTags("AgentEnvironment", args.environment), ...args.tags };
        const endpoints = resolveEndpoints(args);
        this.endpointName = endpoints.length > 0 && this.profile.endpoint === "pinned" ? endpoints[0].name : "DEFAULT";

        this.image = new AgentImage(
            name,
            {
                ...args.image,
                repository: {
                    ...args.image.repository,
                    untaggedImageExpiryDays: args.image.repository?.untaggedImageExpiryDays ?? this.profile.untaggedImageExpiryDays,
                },
                tags,
            },
            { parent: this },
        );
        const network = args.network ?? (this.profile.networkMode === "VPC" ? { mode: "NEW_VPC" } : { mode: "PUBLIC" });
        this.network =
            network.mode === "PUBLIC" ? undefined : new AgentNetwork(`${name}-network`, { ...network, features: featuresOf(args, this.profile), tags }, { parent: this });
        this.runtime = new AgentRuntime(
            name,
            {
                runtimeName: args.agentName ?? agentCoreName(name),
                image: this.image,
                models: args.models,
                protocol: args.protocol,
                authorizer: args.authorizer,
                network: this.network?.runtimeNetwork ?? { mode: "PUBLIC" },
                environmentVariables: args.environmentVariables,
                lifecycle: args.lifecycle,
                requestHeaderAllowlist: args.requestHeaderAllowlist,
                description: args.description,
                endpoints,
                tags,
            },
            { parent: this },
        );

        this.runtimeArn = this.runtime.runtimeArn;
        this.latestVersion = this.runtime.latestVersion;
        this.imageUri = this.image.imageUri;
        this.invokeEndpointArn =
            this.endpointName === "DEFAULT" ? this.runtime.defaultEndpointArn : this.runtime.endpoints[this.endpointName].agentRuntimeEndpointArn;
        this.registerOutputs({
            invokeEndpointArn: this.invokeEndpointArn,
            runtimeArn: this.runtimeArn,
            latestVersion: this.latestVersion,
            imageUri: this.imageUri,
        });
    }
}

/** The custom endpoints an environment gets: explicit ones, else one named after the environment when a version is pinned. */
function resolveEndpoints(args: AgentEnvironmentArgs): RuntimeEndpointSpec[] {
    if (args.endpoints) {
        return args.endpoints;
    }
    return args.runtimeVersion !== undefined ? [{ name: args.environment, version: args.runtimeVersion }] : [];
}

/**
 * What this environment uses, for the VPC endpoints its network needs: the one
 * place features are derived from the args. Each feature section of
 * `AgentEnvironmentArgs` (memory, identity, gateway, codeInterpreter, browser,
 * observability, secrets) must add its line here when it is added.
 */
export function featuresOf(args: AgentEnvironmentArgs, profile: EnvironmentProfile): Partial<NetworkFeatures> {
    return {
        models: (args.models ?? []).length > 0,
        customerManagedKeys: profile.customerManagedKeys,
    };
}

/** Checks what only the environment component knows; the runtime and image check their own fields. */
function validateEnvironmentArgs(name: string, args: AgentEnvironmentArgs): void {
    const problems = new Problems();
    if (!ENVIRONMENT_NAMES.includes(args.environment)) {
        problems.add("environment", args.environment, `must be one of ${ENVIRONMENT_NAMES.join(", ")}`);
    } else if (ENVIRONMENT_PROFILES[args.environment].endpoint === "pinned" && args.runtimeVersion === undefined && !args.endpoints?.length) {
        problems.add(
            "runtimeVersion",
            undefined,
            `is required in ${args.environment}: callers use a custom endpoint pinned to a reviewed runtime version. ` +
                `Set it to the version to serve (e.g. \`pulumi config set runtimeVersion 3\`; the first deployment creates version 1), ` +
                `or pass endpoints explicitly`,
        );
    }
    if (args.runtimeVersion !== undefined) {
        checkShape(problems, "runtimeVersion", String(args.runtimeVersion), "AgentRuntimeVersion");
    }
    problems.throwIfAny(`AgentEnvironment ${name}`);
}
