import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment as SdkAgentEnvironment } from "../environment/agentEnvironment";
import { TYPE_PREFIX } from "../common/naming";
import { InputValidationError } from "../validation";
import { resolveEnvironmentArgs } from "./resolve";
import { AgentEnvironmentArgs } from "./types";

/**
 * One agent in one environment, for every Pulumi language: the image, the
 * least-privilege role, the runtime and the endpoint callers use (DEFAULT in dev,
 * a custom endpoint pinned to a reviewed version in staging and prod), with
 * memory, identity, gateway, tools and observability as configured. It builds the
 * same resources, with the same names, as the TypeScript `AgentEnvironment`.
 */
export class AgentEnvironment extends pulumi.ComponentResource {
    /** ARN callers invoke: the DEFAULT endpoint in dev, the pinned endpoint elsewhere. */
    readonly invokeEndpointArn: pulumi.Output<string>;
    /** Name of the endpoint callers use (`DEFAULT` or the pinned endpoint's name). */
    readonly endpointName: pulumi.Output<string>;
    /** Runtime ARN. */
    readonly runtimeArn: pulumi.Output<string>;
    /** Newest runtime version: the candidate to review and promote. */
    readonly latestVersion: pulumi.Output<string>;
    /** Container image URI (by digest) the newest version runs; for a code package (TypeScript only), its `s3://` URI with version id. */
    readonly imageUri: pulumi.Output<string>;
    /** The memory id, when the environment has memory. */
    readonly memoryId?: pulumi.Output<string>;
    /** The MCP gateway URL, when the environment has a gateway. */
    readonly gatewayUrl?: pulumi.Output<string>;
    /** The URL callers of the front door call (`<gateway>/stable/invocations`), when `frontDoor` is set. */
    readonly frontDoorInvocationUrl?: pulumi.Output<string>;

    constructor(name: string, args: AgentEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentEnvironment`, `${name}`, {}, opts);
        const resolved = resolveEnvironmentArgs(args);
        if (!resolved.args) {
            throw new InputValidationError(`AgentEnvironment ${name}`, [...resolved.problems]);
        }
        const environment = new SdkAgentEnvironment(name, resolved.args, { parent: this });
        this.invokeEndpointArn = environment.invokeEndpointArn;
        this.endpointName = pulumi.output(environment.endpointName);
        this.runtimeArn = environment.runtimeArn;
        this.latestVersion = environment.latestVersion;
        this.imageUri = environment.imageUri ?? environment.artifactUri;
        this.memoryId = environment.memory?.memoryId;
        this.gatewayUrl = environment.gateway?.gatewayUrl;
        this.frontDoorInvocationUrl = environment.frontDoorInvocationUrl;
        this.registerOutputs({
            invokeEndpointArn: this.invokeEndpointArn,
            endpointName: this.endpointName,
            runtimeArn: this.runtimeArn,
            latestVersion: this.latestVersion,
            imageUri: this.imageUri,
            memoryId: this.memoryId,
            gatewayUrl: this.gatewayUrl,
            frontDoorInvocationUrl: this.frontDoorInvocationUrl,
        });
    }
}
