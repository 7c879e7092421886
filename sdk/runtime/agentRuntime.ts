import * as pulumi from "@pulumi/pulumi";
import { AgentcoreAgentRuntime, AgentcoreAgentRuntimeArgs } from "@pulumi/aws/bedrock/agentcoreAgentRuntime";
import { AgentcoreAgentRuntimeEndpoint } from "@pulumi/aws/bedrock/agentcoreAgentRuntimeEndpoint";
import { mapOrUndefined } from "../common/maps";
import { TYPE_PREFIX, agentCoreName } from "../common/naming";
import { storageNeedsGrant, storageStatements } from "../storage/grants";
import { filesystemConfigurations } from "../storage/validate";
import { Problems } from "../validation";
import { AgentExecutionRole } from "./executionRole";
import { AgentRuntimeArgs, DEFAULT_IDLE_SESSION_TIMEOUT, DEFAULT_MAX_LIFETIME } from "./types";
import { DEFAULT_ENDPOINT, checkArtifact, checkPinnedVersionsExist, checkRuntimeSettings } from "./validate";

export type { AgentRuntimeArgs, RuntimeImage } from "./types";
export type { RuntimeCode } from "../code/types";

/**
 * One AgentCore Runtime with its least-privilege execution role and its custom
 * endpoints. Every change to image, protocol, network or environment makes a new
 * immutable runtime version; AgentCore's `DEFAULT` endpoint follows it, while each
 * custom endpoint stays on the version it names until that version is changed.
 */
export class AgentRuntime extends pulumi.ComponentResource {
    /** The execution role; other components grant their access through it. */
    readonly role: AgentExecutionRole;
    /** The AgentCore runtime resource. */
    readonly runtime: AgentcoreAgentRuntime;
    /** Custom endpoints by name. */
    readonly endpoints: Record<string, AgentcoreAgentRuntimeEndpoint> = {};
    /** The runtime's AgentCore name. */
    readonly runtimeName: string;
    /** Runtime ARN. */
    readonly runtimeArn: pulumi.Output<string>;
    /** Runtime id. */
    readonly runtimeId: pulumi.Output<string>;
    /** The newest runtime version (what DEFAULT serves). */
    readonly latestVersion: pulumi.Output<string>;
    /** ARN of the DEFAULT endpoint, which always serves the newest version. */
    readonly defaultEndpointArn: pulumi.Output<string>;
    /** ARNs of the custom endpoints by name. */
    readonly endpointArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: AgentRuntimeArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentRuntime`, name, {}, opts);
        this.runtimeName = args.runtimeName ?? agentCoreName(name);

        const component = `AgentRuntime ${name}`;
        const problems = new Problems();
        const checked = checkRuntimeSettings(problems, { ...args, runtimeName: this.runtimeName }, "", component);
        checkArtifact(problems, args);
        problems.throwIfAny(component);

        this.role = new AgentExecutionRole(
            name,
            {
                runtimeName: this.runtimeName,
                repositoryArn: args.image?.repositoryArn,
                pullsImage: args.code === undefined,
                models: args.models,
                inferenceProfileModels: args.inferenceProfileModels,
                allowWorkloadTokenForUserId: args.allowWorkloadTokenForUserId,
                tags: args.tags,
            },
            { parent: this },
        );
        if (storageNeedsGrant(args.storage)) {
            // issue 24 item 4: mount (and write) exactly the file systems mounted, through their access points only.
            this.role.grant("file-storage", storageStatements(args.storage!));
        }
        args.grants?.(this.role);
        this.runtime = new AgentcoreAgentRuntime(`${name}-runtime`, runtimeInputs(this.runtimeName, { ...args, ...checked, image: args.image && { ...args.image, ...checked.image } }, this.role.roleArn), {
            parent: this,
            protect: args.protectFromDeletion ?? false,
            dependsOn: [...this.role.policies.values()],
        });
        // Each endpoint is sent only once the runtime has the version it pins (checked after the runtime is created or updated).
        const versions = checkPinnedVersionsExist(component, this.runtimeName, args.endpoints ?? [], this.runtime.agentRuntimeVersion);
        (args.endpoints ?? []).forEach((endpoint, i) => {
            this.endpoints[endpoint.name] = new AgentcoreAgentRuntimeEndpoint(
                `${name}-${endpoint.name}`,
                {
                    agentRuntimeId: this.runtime.agentRuntimeId,
                    name: endpoint.name,
                    agentRuntimeVersion: versions[i],
                    description: endpoint.description,
                    tags: mapOrUndefined(args.tags),
                },
                { parent: this, retainOnDelete: endpoint.retainOnDelete, protect: endpoint.protectFromDeletion },
            );
        });

        this.runtimeArn = this.runtime.agentRuntimeArn;
        this.runtimeId = this.runtime.agentRuntimeId;
        this.latestVersion = this.runtime.agentRuntimeVersion;
        this.defaultEndpointArn = pulumi.interpolate`${this.runtimeArn}/runtime-endpoint/${DEFAULT_ENDPOINT}`;
        this.endpointArns = pulumi.all(
            Object.fromEntries(Object.entries(this.endpoints).map(([n, e]) => [n, e.agentRuntimeEndpointArn])),
        ) as pulumi.Output<Record<string, string>>;
        this.registerOutputs({
            runtimeArn: this.runtimeArn,
            latestVersion: this.latestVersion,
            defaultEndpointArn: this.defaultEndpointArn,
            endpointArns: this.endpointArns,
        });
    }
}

/** Maps the component's arguments onto the provider's runtime inputs. */
function runtimeInputs(runtimeName: string, args: AgentRuntimeArgs, roleArn: pulumi.Output<string>): AgentcoreAgentRuntimeArgs {
    const network = args.network ?? { mode: "PUBLIC" };
    const auth = args.authorizer;
    return {
        agentRuntimeName: runtimeName,
        agentRuntimeArtifact: args.code
            ? {
                  // issue 23 item 1: every version pinned to the object version, as an image is pinned by digest.
                  codeConfiguration: {
                      runtime: args.code.runtime,
                      entryPoints: args.code.entryPoint,
                      code: { s3: { bucket: args.code.bucket, prefix: args.code.key, versionId: args.code.versionId } },
                  },
              }
            : { containerConfiguration: { containerUri: args.image!.imageUri } },
        roleArn,
        networkConfiguration:
            network.mode === "VPC"
                ? { networkMode: "VPC", networkModeConfig: { subnets: network.subnetIds, securityGroups: network.securityGroupIds } }
                : { networkMode: "PUBLIC" },
        protocolConfiguration: { serverProtocol: args.protocol ?? "HTTP" },
        authorizerConfiguration:
            auth?.type === "CUSTOM_JWT"
                ? {
                      customJwtAuthorizer: {
                          discoveryUrl: auth.discoveryUrl,
                          allowedAudiences: auth.allowedAudiences,
                          allowedClients: auth.allowedClients,
                          allowedScopes: auth.allowedScopes,
                          allowedWorkloadConfiguration: args.allowedGatewayArns?.length ? { hostingEnvironments: args.allowedGatewayArns.map((arn) => ({ arn })) } : undefined,
                      },
                  }
                : undefined,
        environmentVariables: mapOrUndefined(args.environmentVariables),
        filesystemConfigurations: filesystemConfigurations(args.storage),
        lifecycleConfigurations: args.lifecycle
            ? [
                  {
                      idleRuntimeSessionTimeout: args.lifecycle.idleSessionTimeoutSeconds ?? DEFAULT_IDLE_SESSION_TIMEOUT,
                      maxLifetime: args.lifecycle.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME,
                  },
              ]
            : undefined,
        requestHeaderConfiguration: args.requestHeaderAllowlist ? { requestHeaderAllowlists: args.requestHeaderAllowlist } : undefined,
        description: args.description,
        tags: mapOrUndefined(args.tags),
    };
}
