import * as pulumi from "@pulumi/pulumi";
import { AgentcoreWorkloadIdentity } from "@pulumi/aws/bedrock/agentcoreWorkloadIdentity";
import { TYPE_PREFIX } from "../common/naming";
import { Problems, checkShape, isKnown } from "../validation";

/** Arguments of {@link WorkloadIdentity}. */
export interface WorkloadIdentityArgs {
    /** Name (`[A-Za-z0-9_.-]+`, 3-255 characters). @default the component name */
    identityName?: string;
    /**
     * URLs AgentCore may send a user back to after an OAuth2 authorization-code
     * flow (each `scheme://...`, 1-2048 characters). Only these are accepted.
     * @default [] (no user-delegated flows)
     */
    allowedReturnUrls?: pulumi.Input<string>[];
}

/**
 * A workload identity of the default directory: the identity an agent presents
 * to the token vault, with the OAuth2 return URLs it may use.
 */
export class WorkloadIdentity extends pulumi.ComponentResource {
    /** The workload identity resource. */
    readonly identity: AgentcoreWorkloadIdentity;
    /** Its name. */
    readonly identityName: string;
    /** Its ARN (`…:workload-identity-directory/default/workload-identity/<name>`). */
    readonly arn: pulumi.Output<string>;

    constructor(name: string, args: WorkloadIdentityArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}WorkloadIdentity`, name, {}, opts);
        this.identityName = args.identityName ?? name;

        const problems = new Problems();
        checkShape(problems, "identityName", this.identityName, "WorkloadIdentityNameType");
        (args.allowedReturnUrls ?? []).forEach((url, i) => isKnown(url) && checkShape(problems, `allowedReturnUrls[${i}]`, url, "ResourceOauth2ReturnUrlType"));
        problems.throwIfAny(`WorkloadIdentity ${name}`);

        this.identity = new AgentcoreWorkloadIdentity(
            `${name}-identity`,
            { name: this.identityName, allowedResourceOauth2ReturnUrls: args.allowedReturnUrls },
            { parent: this },
        );
        this.arn = this.identity.workloadIdentityArn;
        this.registerOutputs({ arn: this.arn });
    }
}
