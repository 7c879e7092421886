import * as pulumi from "@pulumi/pulumi";
import { AgentcoreHarness, AgentcoreHarnessArgs } from "@pulumi/aws/bedrock/agentcoreHarness";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { AwsContext, agentCoreArnPattern, arn, awsContext } from "../common/context";
import { mapOrUndefined } from "../common/maps";
import { TYPE_PREFIX } from "../common/naming";
import { awsNativeAgentCore, checkAwsNativeReady } from "../common/optional";
import { EnvironmentProfile } from "../environment/profiles";
import { environmentGatewayArgs } from "../environment/toolAccess";
import { AgentGateway } from "../gateway/agentGateway";
import { Grantable, PolicyDocument, PolicyStatement, agentCoreTrustPolicy, allow, policyDocument } from "../iam/grants";
import { AgentMemory } from "../memory/agentMemory";
import { AgentNetwork } from "../network/agentNetwork";
import { modelsResourceArns } from "../runtime/models";
import { InputValidationError } from "../validation";
import * as perms from "./perms";
import { resolveHarness } from "./resolve";
import { AgentHarnessArgs, GATEWAY_TOOL_NAME, ResolvedHarness } from "./types";

export type { AgentHarnessArgs } from "./types";

/**
 * The id of the runtime AgentCore provisions for a harness, read from its
 * `environmentActuals` once it exists. Throws when they name none: granting logs and tokens
 * to a made-up runtime id would be a silent wrong grant.
 */
export function harnessRuntimeIdOf(envs: { agentcoreRuntimeEnvironments?: { agentRuntimeId?: string }[] }[] | undefined, name: string): string {
    const id = envs?.[0]?.agentcoreRuntimeEnvironments?.[0]?.agentRuntimeId;
    if (typeof id !== "string" || id.length === 0) {
        throw new Error(
            `AgentHarness ${name}: the harness's environmentActuals name no runtime (environmentActual.agentcoreRuntimeEnvironment.agentRuntimeId), ` +
                "so the harness-runtime policy (its log group and workload token) cannot name it; check the harness in the AgentCore console and run the update again",
        );
    }
    return id;
}

/**
 * A managed agent loop (AgentCore Harness) in one environment, from one args object and an
 * `environment` profile, as `AgentEnvironment` is for a container: the model allowlist, the
 * least-privilege execution role, memory through `AgentMemory`, tools through `AgentGateway`
 * (with Cedar tool policies), the profile's network (a VPC in staging and prod), built-in tools
 * only by explicit opt-in, and the endpoint callers use: DEFAULT in dev, an endpoint pinned to
 * a reviewed harness version in staging and prod. Every problem in the args is reported at
 * once, before anything is registered.
 */
export class AgentHarness extends pulumi.ComponentResource implements Grantable {
    /** The profile row in force. */
    readonly profile: EnvironmentProfile;
    /** The private network (VPC modes only). */
    readonly network?: AgentNetwork;
    /** The harness's memory, when asked for. */
    readonly memory?: AgentMemory;
    /** The tools gateway, when asked for. */
    readonly gateway?: AgentGateway;
    /** The execution role. */
    readonly role: Role;
    /** Inline policies of the role, by purpose (`harness-baseline`, `memory-access`, `gateway-invoke`, `harness-runtime`). */
    readonly policies: Map<string, RolePolicy> = new Map();
    /** The harness. */
    readonly harness: AgentcoreHarness;
    /** The pinned endpoint (staging and prod, and dev with `harnessVersion`). */
    readonly endpoint?: pulumi.CustomResource;
    /** Name of the endpoint callers use: the environment's pinned one, else DEFAULT. */
    readonly endpointName: string;
    /** AgentCore's harness name. */
    readonly harnessName: string;
    /** Harness ARN. */
    readonly harnessArn: pulumi.Output<string>;
    /** Harness id. */
    readonly harnessId: pulumi.Output<string>;

    private readonly resourceName: string;

    constructor(name: string, args: AgentHarnessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentHarness`, name, {}, opts);
        // Resolve (pure, every problem at once), then build from the resolved value only.
        const resolution = resolveHarness(name, args);
        if (resolution.ok === false) {
            throw new InputValidationError(`AgentHarness ${name}`, resolution.problems);
        }
        const r = resolution.value;
        this.resourceName = name;
        this.profile = r.profile;
        this.harnessName = r.harnessName;
        this.endpointName = r.endpointName;
        const ctx = awsContext(this);
        // Loaded before any child is registered: a stack that pins and lacks @pulumi/aws-native fails here, naming the feature.
        const native = r.endpoint ? awsNativeAgentCore("AgentHarness endpoints") : undefined;
        // ... and configured for this stack's region (aws-native reads aws-native:region, not aws:region).
        if (native) {
            checkAwsNativeReady("AgentHarness endpoints", this);
        }

        this.network = r.networkArgs && new AgentNetwork(r.children.network, r.networkArgs, { parent: this });
        this.memory = r.memory && new AgentMemory(r.children.memory, r.memory, { parent: this });
        this.gateway = r.gateway && new AgentGateway(r.children.gateway, environmentGatewayArgs(r.gateway, undefined), { parent: this });
        this.role = this.buildRole(r, ctx);
        this.memory?.grantAccess(this);
        this.gateway?.grantInvoke(this);
        this.harness = this.buildHarness(r);
        this.harnessArn = this.harness.arn;
        this.harnessId = this.harness.harnessId;
        this.grantOwnRuntime(ctx);
        this.endpoint = native && this.buildEndpoint(r, native);
        this.registerOutputs({ harnessArn: this.harnessArn, harnessId: this.harnessId });
    }

    /** Adds the statements as one inline policy of the harness's role, named for its purpose. */
    grant(purpose: string, statements: pulumi.Input<PolicyStatement>[]): RolePolicy {
        if (!/^[a-z0-9-]{1,40}$/.test(purpose)) {
            throw new Error(`grant purpose "${purpose}" must be 1-40 lowercase letters, digits or hyphens (it names the inline policy)`);
        }
        if (this.policies.has(purpose)) {
            throw new Error(`${this.resourceName}: "${purpose}" was already granted to this harness's role; grant each purpose once`);
        }
        const document: pulumi.Output<PolicyDocument> = policyDocument(statements);
        const policy = new RolePolicy(`${this.resourceName}-${purpose}`, { role: this.role.id, name: purpose, policy: pulumi.jsonStringify(document) }, { parent: this });
        this.policies.set(purpose, policy);
        return policy;
    }

    /**
     * The execution role: trusted by AgentCore for this account (`aws:SourceAccount`) and, as
     * `aws:SourceArn`, this harness (`harness/<harnessName>-??????????`) or a runtime of this
     * account and region (`runtime/*`, the runtime the harness runs inside), allowed to
     * invoke the listed models only (inference profiles expanded as for runtimes), write traces
     * and metrics. Logs and workload tokens name the runtime AgentCore provisions for the harness,
     * known once it exists ({@link grantOwnRuntime}).
     */
    private buildRole(r: ResolvedHarness, ctx: AwsContext): Role {
        // Either this harness or a runtime of this account and region: harness sessions run inside a runtime AgentCore provisions
        // ("The harness is a managed abstraction that runs inside Runtime", harness-vs-runtime guide), which may assume the role with its own ARN.
        // Which runtime may use the role is guarded by iam:PassRole (only a principal allowed to pass it can attach it), not by this condition.
        const trust = agentCoreTrustPolicy("AssumedByAgentCoreHarness", ctx.accountId, [agentCoreArnPattern(ctx, "harness", r.harnessName), arn(ctx, "bedrock-agentcore", "runtime/*")]);
        const role = new Role(
            r.children.role,
            { assumeRolePolicy: pulumi.jsonStringify(trust), description: `Execution role of AgentCore harness ${r.harnessName}`, maxSessionDuration: 3600, tags: r.tags },
            { parent: this },
        );
        (this as { role: Role }).role = role;
        this.grant("harness-baseline", [
            allow("InvokeAllowedModels", perms.MODEL_INVOKE, modelsResourceArns(ctx, r.models, r.inferenceProfileModels)),
            allow("WriteTraces", perms.XRAY_WRITE, ["*"]),
            allow("WriteAgentCoreMetrics", perms.METRICS_WRITE, ["*"], { StringEquals: { "cloudwatch:namespace": perms.METRICS_NAMESPACE } }),
            allow("DescribeLogGroups", perms.LOGS_DESCRIBE_GROUPS, ["*"]),
        ]);
        return role;
    }

    /** The harness, created once every policy of its role exists (AgentCore validates the role on create). */
    private buildHarness(r: ResolvedHarness): AgentcoreHarness {
        const vpc = this.network?.runtimeNetwork;
        const auth = r.authorizer;
        const harnessArgs: AgentcoreHarnessArgs = {
            harnessName: r.harnessName,
            executionRoleArn: this.role.arn,
            model: { bedrockModelConfig: { modelId: r.model } },
            systemPrompts: [{ text: r.systemPrompt }],
            allowedTools: r.allowedTools,
            // Tool type as the API model spells it (HarnessToolType `agentcore_gateway`, which harness.go validates as an enum);
            // the gateway is called with SigV4 as this role (its inbound auth is AWS_IAM), and each call is decided by its Cedar policies.
            tools: this.gateway
                ? [{ type: "agentcore_gateway", name: GATEWAY_TOOL_NAME, config: { agentcoreGateway: { gatewayArn: this.gateway.gatewayArn, outboundAuth: { awsIam: true } } } }]
                : undefined,
            // Without a memory block AWS creates a managed memory under its own key ("Managed memory (default)",
            // https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-memory.html; API model
            // HarnessManagedMemoryConfiguration.encryptionKeyArn "Defaults to AWS-owned key"): no memory asked for is sent as disabled.
            memory: this.memory ? { agentcoreMemoryConfiguration: { arn: this.memory.memoryArn } } : { disabled: {} },
            environments: [
                {
                    agentcoreRuntimeEnvironments: [
                        {
                            networkConfigurations: [
                                vpc
                                    ? { networkMode: "VPC", networkModeConfigs: [{ subnets: vpc.subnetIds, securityGroups: vpc.securityGroupIds }] }
                                    : { networkMode: "PUBLIC" },
                            ],
                        },
                    ],
                },
            ],
            authorizerConfiguration:
                auth.type === "CUSTOM_JWT"
                    ? {
                          customJwtAuthorizer: {
                              discoveryUrl: auth.discoveryUrl,
                              allowedAudiences: auth.allowedAudiences,
                              allowedClients: auth.allowedClients,
                              allowedScopes: auth.allowedScopes,
                          },
                      }
                    : undefined,
            maxIterations: r.limits.maxIterations,
            maxTokens: r.limits.maxTokens,
            timeoutSeconds: r.limits.timeoutSeconds,
            tags: mapOrUndefined(r.tags),
        };
        return new AgentcoreHarness(r.name, harnessArgs, {
            parent: this,
            dependsOn: [...this.policies.values()],
            // Its versions are the pinned targets: kept from deletion and replacement where data is protected.
            protect: r.profile.protectData,
        });
    }

    /**
     * Logs and workload tokens of the runtime AgentCore provisions for the harness
     * (`environmentActual.agentcoreRuntimeEnvironment.agentRuntimeId`): the runtime's log group
     * `/aws/bedrock-agentcore/runtimes/<runtimeId>-*` and its workload identity, as a runtime's
     * role has them (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html).
     */
    private grantOwnRuntime(ctx: AwsContext): void {
        // Unknown at a preview that creates the harness (the apply does not run); known once it exists, and then it must name the runtime.
        const runtimeId = this.harness.environmentActuals.apply((envs) => {
            try {
                return harnessRuntimeIdOf(envs, this.resourceName);
            } catch (e) {
                pulumi.log.error((e as Error).message, this);
                throw e;
            }
        });
        const logGroup = pulumi.interpolate`log-group:/aws/bedrock-agentcore/runtimes/${runtimeId}-*`;
        this.grant("harness-runtime", [
            allow("CreateHarnessLogGroup", perms.LOGS_GROUP, [arn(ctx, "logs", logGroup)]),
            allow("WriteHarnessLogs", perms.LOGS_WRITE, [arn(ctx, "logs", pulumi.interpolate`${logGroup}:log-stream:*`)]),
            allow("GetOwnWorkloadAccessToken", perms.WORKLOAD_TOKENS, [
                arn(ctx, "bedrock-agentcore", "workload-identity-directory/default"),
                arn(ctx, "bedrock-agentcore", pulumi.interpolate`workload-identity-directory/default/workload-identity/${runtimeId}`),
            ]),
        ]);
    }

    /**
     * The endpoint callers use in staging and prod: `HarnessEndpoint` (`@pulumi/aws-native`;
     * `@pulumi/aws` 7.48 has none), pinned to the reviewed version. DEFAULT follows every update
     * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-versioning.html).
     */
    private buildEndpoint(r: ResolvedHarness, native: ReturnType<typeof awsNativeAgentCore>): pulumi.CustomResource | undefined {
        if (!r.endpoint) {
            return undefined;
        }
        return new native.HarnessEndpoint(
            r.children.endpoint,
            { harnessId: this.harness.harnessId, endpointName: r.endpoint.name, targetVersion: r.endpoint.version, description: `${r.environment}: reviewed version ${r.endpoint.version}` },
            { parent: this, dependsOn: [this.harness], protect: r.profile.protectData },
        );
    }
}
