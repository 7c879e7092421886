import * as pulumi from "@pulumi/pulumi";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { AgentcoreResourcePolicy } from "@pulumi/aws/bedrock/agentcoreResourcePolicy";
import { awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { CanaryFrontDoor } from "../delivery/canaryFrontDoor";
import { PromotionCheckInput } from "../delivery/types";
import { canaryEndpointName, previousEndpointName } from "../delivery/validate";
import { AgentEvaluation } from "../evaluation/agentEvaluation";
import { AgentGateway } from "../gateway/agentGateway";
import { InvokeAccess, InvokeCallerAuth, InvokeResourcePolicy, callersAreIamPrincipals, checkInvokeAccess, onlyThroughRoleStatements } from "../governance/resourcePolicy";
import { Grantable, allow, policyDocument } from "../iam/grants";
import { AgentIdentity } from "../identity/agentIdentity";
import { AgentImage } from "../image/agentImage";
import { AgentCode } from "../code/agentCode";
import { AgentMemory } from "../memory/agentMemory";
import { AgentNetwork } from "../network/agentNetwork";
import { AgentObservability, AgentObservabilityArgs } from "../observability/agentObservability";
import { environmentObservability } from "../observability/environment";
import { ObservedResource } from "../observability/types";
import { PlatformOutputs } from "../platform/types";
import { AgentRuntime } from "../runtime/agentRuntime";
import * as runtimePerms from "../runtime/perms";
import { RuntimeEndpointSpec } from "../runtime/types";
import { DEFAULT_ENDPOINT } from "../runtime/validate";
import { SmokeTest } from "../smoke/smokeTest";
import { RegistryPublication } from "../registry/registryPublication";
import { AgentFileSystem } from "../storage/agentFileSystem";
import { RuntimeStorage } from "../storage/types";
import { Browser, CodeInterpreter } from "../tools";
import { InputValidationError, Problems } from "../validation";
import { agentVariables } from "./agentVariables";
import { EnvironmentProfile } from "./profiles";
import { inEnvironmentVpc, resolveEnvironment, versionRetentionWarningOf } from "./resolve";
import { environmentGatewayArgs, grantToolAccess } from "./toolAccess";
import { AgentEnvironmentArgs, EnvironmentInvokeAccess, InvokeGrantOptions, ResolvedDelivery, ResolvedEnvironment } from "./types";

export type { AgentEnvironmentArgs, EnvironmentInvokeAccess, InvokeGrantOptions } from "./types";

/**
 * Everything one agent needs in one environment, from a single args object and
 * an `environment` profile: the image, the least-privilege role, the runtime and
 * the endpoint callers use — DEFAULT in dev, a custom endpoint pinned to a
 * reviewed version in staging and prod.
 */
export class AgentEnvironment extends pulumi.ComponentResource {
    /** The profile row in force (after the environment was chosen). */
    readonly profile: EnvironmentProfile;
    /** The image component (when the agent runs an image). */
    readonly image?: AgentImage;
    /** The code package component (when the agent runs a code package, issue 23 item 1). */
    readonly code?: AgentCode;
    /** The private network (VPC modes only; PUBLIC creates none). */
    readonly network?: AgentNetwork;
    /** The EFS file systems of the `storage` section, by child name (issue 24 item 4). */
    readonly fileSystems: Record<string, AgentFileSystem> = {};
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
    /** Container URI (by digest) the newest version runs, when the agent runs an image. */
    readonly imageUri?: pulumi.Output<string>;
    /**
     * What the newest version runs: the container URI by digest, or the code package as
     * `s3://<bucket>/<key>?versionId=<version id>`.
     */
    readonly artifactUri: pulumi.Output<string>;
    /** The agent's memory, when the args ask for one. */
    readonly memory?: AgentMemory;
    /** Log and trace delivery, dashboard and alarms. */
    readonly observability: AgentObservability;
    /** The post-deploy smoke test, when configured. */
    readonly smokeTest?: SmokeTest;
    /** The records published to an agent registry, when the `publish` section is given (issue 24 item 1). */
    readonly publication?: RegistryPublication;
    /** The code interpreter, when the `codeInterpreter` section is given. */
    readonly codeInterpreter?: CodeInterpreter;
    /** The browser, when the `browser` section is given. */
    readonly browser?: Browser;
    /** Identity resources, when the `identity` section is given. */
    readonly identity?: AgentIdentity;
    /** The tools gateway, when the `gateway` section is given. */
    readonly gateway?: AgentGateway;
    /** Online evaluation of the served endpoints, when asked for (or a canary runs). */
    readonly evaluation?: AgentEvaluation;
    /** The front door callers use, when `frontDoor` is set. */
    readonly frontDoor?: CanaryFrontDoor;
    /** The URL callers of the front door call (`<gateway>/stable/invocations`), when `frontDoor` is set (docs/promotion.md). */
    readonly frontDoorInvocationUrl?: pulumi.Output<string>;
    /**
     * Input of `agentcore-promote-check` (export it as the stack output `promotionCheck`),
     * when the front door exists: region, runtime, evaluators, and per variant its
     * endpoint, evaluation configuration and alarms (`candidate` only during a canary).
     */
    readonly promotionCheck?: pulumi.Output<PromotionCheckInput>;

    private readonly resourceName: string;
    /** How callers of the runtime and of the tools gateway authenticate (restrictInvoke writes statements for them). */
    private readonly invokeAuth: { runtime: InvokeCallerAuth; gateway?: InvokeCallerAuth };
    /** The platform the environment runs on, if any (its VPC endpoints are the platform's). */
    private readonly platform?: PlatformOutputs;
    /** Resource policies by the resource they are attached to, and who wrote them: AgentCore keeps one per resource. */
    private readonly resourcePolicyOwners = new Map<string, string>();

    constructor(name: string, args: AgentEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentEnvironment`, name, {}, opts);
        // Resolve (pure, every problem at once), then build from the resolved value only.
        const resolution = resolveEnvironment(name, args);
        if (resolution.ok === false) {
            throw new InputValidationError(`AgentEnvironment ${name}`, resolution.problems);
        }
        const r = resolution.value;
        this.resourceName = name;
        this.profile = r.profile;
        this.endpointName = r.endpointName;
        this.platform = r.platform;
        this.invokeAuth = r.invokeAuth;

        this.image = r.image && new AgentImage(name, r.image, { parent: this });
        this.code = r.code && new AgentCode(`${name}-code`, r.code, { parent: this });
        this.network = this.buildNetwork(r);
        const resolveRuntimeRoleArn = this.buildFileSystems(r);
        this.memory = r.memory && new AgentMemory(r.children.memory, r.memory, { parent: this });
        this.identity = r.identity && new AgentIdentity(r.children.identity, r.identity, { parent: this });
        this.gateway = r.gateway && new AgentGateway(r.children.gateway, environmentGatewayArgs(r.gateway, this.identity), { parent: this });
        this.codeInterpreter = r.codeInterpreter && new CodeInterpreter(r.children.codeInterpreter, inEnvironmentVpc(r.codeInterpreter, this.network?.toolNetwork), { parent: this });
        this.browser = r.browser && new Browser(r.children.browser, inEnvironmentVpc(r.browser, this.network?.toolNetwork), { parent: this });
        // issue 20 item 12: a JWT runtime behind a front door accepts only calls the front door forwards (its gateway
        // ARN, known once the gateway exists, which waits for nothing of the runtime's).
        const [frontDoorArn, resolveFrontDoorArn] = r.runtimeAdmitsOnlyFrontDoor ? pulumi.deferredOutput<string>() : [undefined, undefined];
        this.runtime = buildOrFail(resolveRuntimeRoleArn, () => this.buildRuntime(r, frontDoorArn, resolveRuntimeRoleArn));
        const observabilityArgs = this.observabilityArgsOf(r);
        this.observability = new AgentObservability(`${name}-observability`, observabilityArgs, { parent: this });
        this.evaluation = this.buildEvaluation(r);
        this.frontDoor = this.buildFrontDoor(r, observabilityArgs, resolveFrontDoorArn);
        this.frontDoorInvocationUrl = this.frontDoor?.invocationUrl;
        this.promotionCheck = this.frontDoor && this.promotionCheckOf(r, this.frontDoor);
        this.logWarnings(r);
        this.smokeTest = this.buildSmokeTest(r);
        this.publication = this.buildPublication(r);

        this.runtimeArn = this.runtime.runtimeArn;
        this.latestVersion = this.runtime.latestVersion;
        this.imageUri = this.image?.imageUri;
        this.artifactUri = this.image ? this.image.imageUri : pulumi.interpolate`s3://${this.code!.bucket}/${this.code!.key}?versionId=${this.code!.versionId}`;
        this.invokeEndpointArn =
            this.endpointName === "DEFAULT" ? this.runtime.defaultEndpointArn : this.runtime.endpoints[this.endpointName].agentRuntimeEndpointArn;
        this.registerOutputs({
            invokeEndpointArn: this.invokeEndpointArn,
            runtimeArn: this.runtimeArn,
            latestVersion: this.latestVersion,
            imageUri: this.imageUri,
            artifactUri: this.artifactUri,
        });
    }

    /** The private network (VPC modes; PUBLIC creates none); on a platform, checked to be in the stack's region. */
    private buildNetwork(r: ResolvedEnvironment): AgentNetwork | undefined {
        if (!r.networkArgs) {
            return undefined;
        }
        const network = new AgentNetwork(`${r.name}-network`, r.networkArgs, { parent: this });
        if (r.platform) {
            this.checkPlatformRegion(r.name, r.platform, network);
        }
        return network;
    }

    /**
     * The EFS file systems of the storage section, in the network's subnets, admitting NFS from the runtime's group
     * only (issue 24 item 4). Red-team finding 2 (issue 24): each file system's policy names the runtime's execution role, which the runtime
     * creates later; the policy gets it through a deferred output resolved in the runtime's `grants` (after the role,
     * before the runtime), and the runtime's mount waits for the policy (AgentFileSystem.accessPointArn): no cycle.
     */
    private buildFileSystems(r: ResolvedEnvironment): ((roleArn: pulumi.Output<string>) => void) | undefined {
        if (Object.keys(r.fileSystems).length === 0) {
            return undefined;
        }
        const [runtimeRoleArn, resolveOnce] = pulumi.deferredOutput<string>();
        let resolved = false;
        // Resolved by the runtime's grants, or with the error when building fails (so nothing waits on it forever).
        const resolveRuntimeRoleArn = (arn: pulumi.Output<string>) => {
            if (!resolved) {
                resolved = true;
                resolveOnce(arn);
            }
        };
        for (const [child, fs] of Object.entries(r.fileSystems)) {
            const network = this.network!; // resolve refuses EFS storage on a PUBLIC network
            this.fileSystems[child] = buildOrFail(resolveRuntimeRoleArn, () => new AgentFileSystem(
                child,
                { ...fs, vpcId: network.vpcId, subnetIds: network.mountTargetSubnetIds(), clientSecurityGroupIds: network.runtimeGroupIds, addClientEgress: network.runtimeSecurityGroup !== undefined, clientRoleArns: [runtimeRoleArn] },
                { parent: this },
            ));
        }
        return resolveRuntimeRoleArn;
    }

    /** The runtime's mounts: the section's, with each EFS file system's mount. */
    private storageOf(r: ResolvedEnvironment): RuntimeStorage[] | undefined {
        return r.storage.length ? r.storage.map((m) => ("mount" in m ? m.mount : this.fileSystems[m.fileSystem].storage)) : undefined;
    }

    /** The runtime, its endpoints and its role, with the parts' ids in its variables and their grants. */
    private buildRuntime(r: ResolvedEnvironment, frontDoorArn: pulumi.Output<string> | undefined, resolveRuntimeRoleArn?: (roleArn: pulumi.Output<string>) => void): AgentRuntime {
        const { environmentVariables, ...runtime } = r.runtime;
        return new AgentRuntime(
            r.name,
            {
                ...runtime,
                image: this.image,
                code: this.code,
                ...(frontDoorArn ? { allowedGatewayArns: [frontDoorArn] } : {}),
                network: this.network?.runtimeNetwork ?? { mode: "PUBLIC" },
                storage: this.storageOf(r),
                environmentVariables: agentVariables(environmentVariables, {
                    memory: this.memory?.memoryId,
                    gateway: this.gateway?.gatewayUrl,
                    codeInterpreter: this.codeInterpreter?.codeInterpreterId,
                    browser: this.browser?.browserId,
                    browserProfile: this.browser?.profileId,
                }),
                grants: (role) => {
                    resolveRuntimeRoleArn?.(role.roleArn);
                    this.code?.grantRead(role);
                    this.memory?.grantAccess(role);
                    this.codeInterpreter?.grantUse(role);
                    this.browser?.grantUse(role);
                    grantToolAccess(role, this.identity, this.gateway, r.agentProviders);
                },
            },
            { parent: this },
        );
    }

    /** Arguments of the log and trace delivery, dashboard and alarms of the runtime and the parts (the front door shares its alarms and dashboard). */
    private observabilityArgsOf(r: ResolvedEnvironment): AgentObservabilityArgs {
        const observed: ObservedResource[] = [
            ...(this.memory ? [{ kind: "memory" as const, name: this.memory.memoryName, arn: this.memory.memoryArn }] : []),
            ...(this.gateway ? [{ kind: "gateway" as const, name: this.gateway.baseName, arn: this.gateway.gatewayArn }] : []),
            // issue 24 item 7: the custom tools this environment creates (AWS's managed ones are not its to observe).
            ...(this.codeInterpreter?.interpreter ? [{ kind: "codeInterpreter" as const, name: this.codeInterpreter.baseName, arn: this.codeInterpreter.codeInterpreterArn }] : []),
            ...(this.browser?.browser ? [{ kind: "browser" as const, name: this.browser.baseName, arn: this.browser.browserArn }] : []),
        ];
        const engine = this.gateway?.policyEngine;
        const metricsTarget = { runtimeName: this.runtime.runtimeName, runtimeArn: this.runtime.runtimeArn, endpointName: this.endpointName };
        return {
            ...environmentObservability(r.observability, r.profile, metricsTarget, observed, r.tags),
            ...(engine && this.gateway ? { policyEngines: [{ name: this.gateway.baseName, id: engine.policyEngineId }] } : {}),
            ...(r.logsKeyArn ? { logsKeyArn: r.logsKeyArn } : {}),
        };
    }

    /** Online evaluation of each served endpoint (sdk/evaluation), when delivery asks for it. */
    private buildEvaluation(r: ResolvedEnvironment): AgentEvaluation | undefined {
        const delivery = r.delivery;
        if (!delivery.evaluation) {
            return undefined;
        }
        return new AgentEvaluation(
            r.children.evaluation,
            { ...delivery.evaluation, variants: delivery.variants.map((v) => ({ ...v, runtimeName: this.runtime.runtimeName, runtimeId: this.runtime.runtimeId })), tags: r.tags },
            { parent: this, dependsOn: Object.values(this.runtime.endpoints) },
        );
    }

    /** The front door and the canary (sdk/delivery), when delivery asks for it; AWS_IAM runtimes then admit only it on the other endpoints. */
    private buildFrontDoor(r: ResolvedEnvironment, observabilityArgs: AgentObservabilityArgs, resolveFrontDoorArn: ((arn: pulumi.Output<string>) => void) | undefined): CanaryFrontDoor | undefined {
        const delivery = r.delivery;
        if (!delivery.frontDoor) {
            return undefined;
        }
        // The targets need the endpoints. A JWT runtime names the front door's gateway (item 12), so that gateway must
        // not wait for the runtime: there the runtime ARN given resolves once every endpoint exists (what uses it waits
        // for them) instead of the whole front door depending on the endpoints.
        const runtimeEndpoints = Object.values(this.runtime.endpoints);
        const runtimeArn = resolveFrontDoorArn ? pulumi.all([this.runtime.runtimeArn, ...runtimeEndpoints.map((e) => e.agentRuntimeEndpointArn)]).apply(([arn]) => arn) : this.runtime.runtimeArn;
        const frontDoor = buildOrFail(resolveFrontDoorArn, () => new CanaryFrontDoor(
            r.children.frontDoor,
            {
                runtime: { runtimeName: this.runtime.runtimeName, runtimeArn, authorizer: r.runtime.authorizer ?? { type: "AWS_IAM" }, endpointPrefix: r.environment },
                variants: delivery.variants.map((v) => ({ ...v, endpoint: this.runtime.endpoints[v.endpointName], scoreSource: this.evaluation?.scoreSources[v.variant] })),
                candidateWeight: delivery.candidateWeight,
                customerManagedKey: r.profile.customerManagedKeys,
                protectFromDeletion: r.profile.protectData,
                alarms: observabilityArgs.alarms,
                alarmTopicArn: this.observability.alarmTopicArn,
                dashboard: observabilityArgs.dashboard,
                // Numerically scored evaluators only: a categorical judge's results carry no value (sdk/evaluation/validate.ts).
                scoredEvaluators: delivery.evaluation?.scoredEvaluators,
                scoreMetricNames: this.evaluation?.metricNames,
                tags: r.tags,
            },
            { parent: this, ...(resolveFrontDoorArn ? {} : { dependsOn: runtimeEndpoints }) },
        ));
        resolveFrontDoorArn?.(frontDoor.gateway.gatewayArn);
        if (callersAreIamPrincipals(this.invokeAuth.runtime)) {
            this.onlyThroughFrontDoor(r.name, r.environment, frontDoor, r.runtime.endpoints, [this.endpointName, delivery.variants[0].endpointName]);
        }
        return frontDoor;
    }

    /** Input of `agentcore-promote-check`: region, runtime, evaluators and per variant its endpoint, evaluation and alarms. */
    private promotionCheckOf(r: ResolvedEnvironment, frontDoor: CanaryFrontDoor): pulumi.Output<PromotionCheckInput> {
        const delivery = r.delivery;
        const variant = (v: ResolvedDelivery["variants"][number]) => ({
            endpointName: v.endpointName,
            evaluationConfigName: v.evaluationConfigName,
            ...(this.evaluation ? { evaluationConfigId: this.evaluation.scoreSources[v.variant].configId, serviceName: this.evaluation.scoreSources[v.variant].serviceName } : {}),
            alarmNames: frontDoor.alarmNames[v.variant] ?? [],
        });
        return pulumi.output({
            region: awsContext(this).region,
            runtimeName: this.runtime.runtimeName,
            runtimeArn: this.runtime.runtimeArn,
            evaluators: delivery.evaluation?.scoredEvaluators ?? [],
            ...(this.evaluation ? { scoreMetricNames: this.evaluation.metricNames } : {}),
            stable: variant(delivery.variants[0]),
            candidate: delivery.variants[1] ? variant(delivery.variants[1]) : undefined,
        }) as pulumi.Output<PromotionCheckInput>;
    }

    /** The resolved warnings now; the version-retention one from the resolved delivery settings once the newest version is known. */
    private logWarnings(r: ResolvedEnvironment): void {
        for (const warning of r.warnings) {
            pulumi.log.warn(warning, this);
        }
        this.runtime.latestVersion.apply((latest) => {
            const warning = versionRetentionWarningOf(r, latest);
            if (warning) {
                pulumi.log.warn(warning, this);
            }
        });
    }

    /** The post-deploy smoke test, when configured: after the runtime (which waits for every grant to its role) and its endpoints. */
    private buildSmokeTest(r: ResolvedEnvironment): SmokeTest | undefined {
        if (!r.smokeTest) {
            return undefined;
        }
        return new SmokeTest(
            r.children.smokeTest,
            { runtimeArn: this.runtime.runtimeArn, endpointName: this.endpointName, version: r.smokeTest.pinnedVersion ?? this.runtime.latestVersion, ...r.smokeTest.section },
            { parent: this, dependsOn: [this.runtime.runtime, ...Object.values(this.runtime.endpoints)] },
        );
    }

    /** The agent registry records of the agent and its gateway (sdk/registry), when `publish` is given. */
    private buildPublication(r: ResolvedEnvironment): RegistryPublication | undefined {
        if (!r.publication) {
            return undefined;
        }
        const parts = new Set(r.publication.records.map((record) => record.part));
        return new RegistryPublication(
            `${r.name}-publication`,
            r.publication,
            {
                agent: parts.has("agent")
                    ? { name: this.runtime.runtimeName, runtimeArn: this.runtime.runtimeArn, endpointName: this.endpointName, protocol: r.runtime.protocol ?? "HTTP", region: awsContext(this).region }
                    : undefined,
                gateway:
                    parts.has("gateway") && this.gateway
                        ? { url: this.gateway.gatewayUrl, tools: (r.gateway?.targets ?? []).flatMap((t) => (t.type === "lambda" ? t.tools : [])) }
                        : undefined,
            },
            { parent: this, dependsOn: Object.values(this.runtime.endpoints) },
        );
    }

    /**
     * Fails the deployment (and the plan) when the stack's region is not its platform's:
     * the platform's VPC and endpoints exist in one region only.
     */
    private checkPlatformRegion(name: string, platform: PlatformOutputs, network: AgentNetwork): void {
        const region = awsContext(this).region;
        const checked = region.apply((here) => {
            if (here !== platform.region) {
                throw new Error(
                    `AgentEnvironment ${name}: platform "${platform.platformName}" is in region ${platform.region}, this stack deploys to ${here}: ` +
                        `use the platform of ${here}, or deploy this stack to ${platform.region}`,
                );
            }
            return here;
        });
        // The runtime waits for the check: its network configuration depends on it.
        network.runtimeNetwork.subnetIds = pulumi.all([checked, network.runtimeNetwork.subnetIds]).apply(([, ids]) => ids);
    }

    /**
     * Lets a role invoke the agent through the endpoint this environment serves (the
     * pinned endpoint in staging and prod, DEFAULT in dev) and no other: the
     * runtime and that endpoint's ARN, both of which IAM requires for the invoke actions.
     */
    grantInvoke(grantee: Grantable, options: InvokeGrantOptions = {}): RolePolicy {
        const actions = [
            ...runtimePerms.RUNTIME_INVOKE,
            ...(options.webSocket ? runtimePerms.RUNTIME_INVOKE_WEBSOCKET : []),
            ...(options.forUser ? runtimePerms.RUNTIME_INVOKE_FOR_USER : []),
            ...(options.forUser && options.webSocket ? runtimePerms.RUNTIME_INVOKE_WEBSOCKET_FOR_USER : []),
        ];
        return grantee.grant("agent-invoke", [allow("InvokeAgent", actions, [this.runtimeArn, this.invokeEndpointArn])]);
    }

    /**
     * issue 20 item 12, AWS_IAM runtimes: every endpoint of the runtime but the one callers
     * use and the front door's stable one (`<env>_canary`, `<env>_previous`, and DEFAULT
     * where it is not the environment's endpoint) answers only the front door's gateway
     * role, whatever other identities' policies allow: AWS's "Restrict IAM (SigV4) inbound
     * invocation to your gateway" policy, put on each endpoint (a resource policy's
     * `Resource` must be the ARN it is attached to). Each policy depends on its endpoint, so
     * it is deleted before the endpoint when that leaves the program (`<env>_previous` is
     * not retained: prod protects it instead, so dropping it stops at preview).
     */
    private onlyThroughFrontDoor(name: string, environment: string, frontDoor: CanaryFrontDoor, endpoints: RuntimeEndpointSpec[], open: string[]): void {
        const guarded: { endpointName: string; arn: pulumi.Output<string>; retain: boolean }[] = [];
        for (const endpointName of [canaryEndpointName(environment), previousEndpointName(environment)]) {
            const endpoint = this.runtime.endpoints[endpointName];
            if (endpoint && !open.includes(endpointName)) {
                guarded.push({ endpointName, arn: endpoint.agentRuntimeEndpointArn, retain: endpoints.find((e) => e.name === endpointName)?.retainOnDelete ?? false });
            }
        }
        if (!open.includes(DEFAULT_ENDPOINT)) {
            guarded.push({ endpointName: DEFAULT_ENDPOINT, arn: this.runtime.defaultEndpointArn, retain: false });
        }
        for (const g of guarded) {
            this.claimResourcePolicy(`endpoint:${g.endpointName}`, "the front door");
            new AgentcoreResourcePolicy(
                `${name}-${g.endpointName}-front-door-only`,
                { resourceArn: g.arn, policy: pulumi.jsonStringify(policyDocument(onlyThroughRoleStatements(g.arn, frontDoor.role.arn))) },
                { parent: this, retainOnDelete: g.retain },
            );
        }
    }

    /** Records that `owner` writes the policy of `key`, or returns who already does (AgentCore keeps one policy per resource). */
    private claimResourcePolicy(key: string, owner: string): string | undefined {
        const holder = this.resourcePolicyOwners.get(key);
        if (holder === undefined) {
            this.resourcePolicyOwners.set(key, owner);
        }
        return holder;
    }

    /**
     * Resource-based policies that let only the given accounts, organization or networks
     * invoke the agent (issue 20 item 14), written to the runtime **and** the endpoint this
     * environment serves (cross-account callers need both), to the tools gateway with
     * `includeGateway`, and to the front door's gateway when there is one (with the same
     * restriction: otherwise the front door would be the way around it). Restrictions are
     * explicit `Deny` statements, so they bind this account's callers too, whatever their
     * identity policies allow; callers still need an identity policy (see {@link grantInvoke})
     * or a JWT. The front door's gateway role (it calls from AWS's network) and, on the
     * tools gateway, the runtime's own role are exempt from the network restriction.
     *
     * `throughEnvironmentVpc` creates the `bedrock-agentcore` interface endpoint in the
     * environment's VPC (and `bedrock-agentcore.gateway` when a gateway is restricted),
     * unless the VPC shares one: `aws:SourceVpc` exists only on calls through an endpoint.
     * Call it once: every resource holds one policy.
     */
    restrictInvoke(access: EnvironmentInvokeAccess): InvokeResourcePolicy[] {
        const problems = new Problems();
        const { throughEnvironmentVpc, includeGateway, ...rest } = access;
        const runtimeAuth = this.invokeAuth.runtime;
        if (throughEnvironmentVpc && !this.network) {
            problems.add("throughEnvironmentVpc", true, "needs a VPC network mode (the environment runs PUBLIC, so it has no VPC)");
        }
        if (includeGateway && !this.gateway) {
            problems.add("includeGateway", true, "needs the gateway section (the environment has no gateway)");
        }
        if (throughEnvironmentVpc && (rest.accounts?.length || rest.organizationId !== undefined)) {
            problems.add(
                "throughEnvironmentVpc",
                true,
                "cannot be combined with accounts or organizationId: the environment's VPC endpoints admit only this account's principals (their endpoint policies), " +
                    "so another account's principal never calls through them; name the other accounts' VPCs or endpoints in sourceVpcIds or sourceVpceIds instead",
            );
        }
        if (this.frontDoor && !callersAreIamPrincipals(runtimeAuth)) {
            problems.add(
                "restrictInvoke",
                runtimeAuth,
                "is not available with a front door on a CUSTOM_JWT runtime: the front door forwards its callers' tokens from AWS's network, " +
                    "with no aws:SourceVpc or aws:SourceVpce and no IAM principal to exempt, so a network restriction on the runtime would refuse them (frontDoorOnly keeps direct callers out instead)",
            );
        }
        const sourceVpcIds = [...(rest.sourceVpcIds ?? []), ...(throughEnvironmentVpc && this.network ? [this.network.vpcId] : [])];
        const resolved: InvokeAccess = { ...rest, sourceVpcIds };
        checkInvokeAccess(problems, resolved, "access", runtimeAuth);
        const gatewayAuth = this.invokeAuth.gateway;
        if (includeGateway && gatewayAuth && !callersAreIamPrincipals(gatewayAuth) && callersAreIamPrincipals(runtimeAuth) && (rest.accounts?.length || rest.organizationId !== undefined)) {
            problems.add("includeGateway", true, `cannot carry accounts or organizationId to the gateway: its inbound auth is ${gatewayAuth}, whose callers are not IAM principals (AWS requires Principal "*" with network conditions only)`);
        }
        const networkRestricted = sourceVpcIds.length > 0 || (rest.sourceVpceIds ?? []).length > 0;
        if (includeGateway && gatewayAuth && !callersAreIamPrincipals(gatewayAuth) && networkRestricted && !this.network) {
            problems.add(
                "includeGateway",
                true,
                `cannot carry a network restriction to the ${gatewayAuth} gateway of a PUBLIC environment: the agent calls its gateway over the internet (no aws:SourceVpc or aws:SourceVpce) with a token, not a role that could be exempted, so its own tool calls would be refused`,
            );
        }
        const targets = ["runtime", `endpoint:${this.endpointName}`, ...(includeGateway && this.gateway ? ["gateway"] : []), ...(this.frontDoor ? ["front-door"] : [])];
        for (const key of targets) {
            const holder = this.resourcePolicyOwners.get(key);
            if (holder !== undefined) {
                problems.add(
                    "restrictInvoke",
                    key,
                    `cannot write the policy of ${key}: ${holder} already does, and AgentCore keeps one resource policy per resource (PutResourcePolicy replaces it); pass every restriction in one restrictInvoke call`,
                );
            }
        }
        const endpointsNeeded: ("bedrock-agentcore" | "bedrock-agentcore.gateway")[] = ["bedrock-agentcore", ...(includeGateway || this.frontDoor ? ["bedrock-agentcore.gateway" as const] : [])];
        if (throughEnvironmentVpc && this.platform) {
            const missing = endpointsNeeded.filter((s) => !this.platform!.endpoints.includes(s));
            if (missing.length > 0) {
                problems.add(
                    "throughEnvironmentVpc",
                    true,
                    `needs the VPC endpoints ${missing.join(", ")} in platform "${this.platform.platformName}"'s VPC (aws:SourceVpc is set only on calls through an endpoint), which the platform does not provide: add a feature that brings them to the platform (memory or identity; gateway)`,
                );
            }
        }
        if (problems.count > 0) {
            throw new InputValidationError(`AgentEnvironment ${this.resourceName}.restrictInvoke`, [...problems.messages]);
        }
        for (const key of targets) {
            this.claimResourcePolicy(key, "restrictInvoke");
        }
        if (throughEnvironmentVpc && !this.platform) {
            // issue 20 item 14c: aws:SourceVpc is present only on calls through a VPC endpoint.
            this.network!.requireFeatures({ invoke: true, ...(endpointsNeeded.includes("bedrock-agentcore.gateway") ? { gateway: true } : {}) });
        }
        if (includeGateway && gatewayAuth && !callersAreIamPrincipals(gatewayAuth) && networkRestricted && !throughEnvironmentVpc) {
            pulumi.log.warn(
                `restrictInvoke: the agent calls its ${gatewayAuth} gateway through the environment's VPC with a token, which no role exemption covers; unless sourceVpcIds or sourceVpceIds name that VPC or its bedrock-agentcore.gateway endpoint, the agent's own tool calls are refused`,
                this,
            );
        }
        if (this.smokeTest && networkRestricted) {
            pulumi.log.warn(
                `restrictInvoke: the smoke test invokes the runtime from where \`pulumi up\` runs; it passes only if that machine calls through a VPC interface endpoint the restriction names (${throughEnvironmentVpc ? "the environment's VPC" : "sourceVpcIds / sourceVpceIds"}), otherwise the deny refuses it`,
                this,
            );
        }
        const frontDoorRole = this.frontDoor ? [this.frontDoor.role.arn] : [];
        const policy = (suffix: string, kind: "runtime" | "gateway", resourceArn: pulumi.Input<string>, callerAuth: InvokeCallerAuth, networkExemptRoleArns: pulumi.Input<string>[]) =>
            new InvokeResourcePolicy(`${this.resourceName}-${suffix}`, { ...resolved, kind, resourceArn, callerAuth, networkExemptRoleArns }, { parent: this });
        const policies = [
            policy("runtime-access", "runtime", this.runtimeArn, runtimeAuth, frontDoorRole),
            // issue 20 item 14b: cross-account callers need the Allow on the endpoint too.
            policy("endpoint-access", "runtime", this.invokeEndpointArn, runtimeAuth, frontDoorRole),
        ];
        if (includeGateway && this.gateway) {
            policies.push(policy("gateway-access", "gateway", this.gateway.gatewayArn, gatewayAuth ?? "AWS_IAM", callersAreIamPrincipals(gatewayAuth ?? "AWS_IAM") ? [this.runtime.role.roleArn] : []));
        }
        if (this.frontDoor) {
            policies.push(policy("front-door-access", "gateway", this.frontDoor.gateway.gatewayArn, runtimeAuth, []));
        }
        return policies;
    }
}

/**
 * Builds a part whose output a registered resource already waits for (through a deferred
 * output): if building throws, the waiting resource fails with the same error instead of
 * waiting forever (which would hang every later registration of the process, such as the
 * next stack of an in-process plan).
 */
function buildOrFail<T>(resolve: ((source: pulumi.Output<string>) => void) | undefined, build: () => T): T {
    try {
        return build();
    } catch (err) {
        resolve?.(pulumi.output(Promise.reject<string>(err)));
        throw err;
    }
}
