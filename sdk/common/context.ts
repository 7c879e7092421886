import * as pulumi from "@pulumi/pulumi";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import { agentCoreIdPattern } from "./naming";

/** Where a component deploys: the values every ARN it builds is made of. */
export interface AwsContext {
    accountId: pulumi.Output<string>;
    region: pulumi.Output<string>;
    partition: pulumi.Output<string>;
}

/** Lookups already made in a stack, per AWS provider (undefined: the default provider). */
const stackLookups = new WeakMap<pulumi.Resource, Map<pulumi.ProviderResource | undefined, AwsContext>>();

/**
 * Looks up the account, region and partition of the provider the component uses.
 * Inside a stack, components that use the same provider share one set of lookups
 * (made with the first of them as parent): a stack of 50 agents makes 3 lookups,
 * not 3 per component.
 */
export function awsContext(parent: pulumi.Resource): AwsContext {
    const stack = pulumi.runtime.getStackResource();
    if (!stack) {
        return lookUp(parent);
    }
    const byProvider = stackLookups.get(stack) ?? new Map<pulumi.ProviderResource | undefined, AwsContext>();
    stackLookups.set(stack, byProvider);
    // The three lookups are functions of the same package: one provider answers them all.
    const provider = parent.getProvider("aws:index/getCallerIdentity:getCallerIdentity");
    const ctx = byProvider.get(provider) ?? lookUp(parent);
    byProvider.set(provider, ctx);
    return ctx;
}

function lookUp(parent: pulumi.Resource): AwsContext {
    const opts = { parent };
    return {
        accountId: getCallerIdentityOutput({}, opts).accountId,
        region: getRegionOutput({}, opts).region,
        partition: getPartitionOutput({}, opts).partition,
    };
}

/** Builds an ARN from its parts; `resource` is everything after the account. */
export function arn(ctx: AwsContext, service: string, resource: pulumi.Input<string>, options: { global?: boolean; noAccount?: boolean } = {}): pulumi.Output<string> {
    return pulumi.interpolate`arn:${ctx.partition}:${service}:${options.global ? "" : ctx.region}:${options.noAccount ? "" : ctx.accountId}:${resource}`;
}

/**
 * ARN pattern of exactly one AgentCore resource, known by type and name before it
 * exists: `arn:…:bedrock-agentcore:<region>:<account>:<type>/<name>-??????????`
 * (see {@link agentCoreIdPattern}). Trust policies (`aws:SourceArn`), key policies
 * and grants on a resource's own sub-resources use it so they cannot match a
 * different resource whose name starts with this one's (`<name>-admin`).
 */
export function agentCoreArnPattern(ctx: AwsContext, resourceType: string, name: pulumi.Input<string>): pulumi.Output<string> {
    return arn(ctx, "bedrock-agentcore", pulumi.output(name).apply((n) => `${resourceType}/${agentCoreIdPattern(n)}`));
}
