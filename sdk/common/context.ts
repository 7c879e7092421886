import * as pulumi from "@pulumi/pulumi";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import { getRegionOutput } from "@pulumi/aws/getRegion";

/** Where a component deploys: the values every ARN it builds is made of. */
export interface AwsContext {
    accountId: pulumi.Output<string>;
    region: pulumi.Output<string>;
    partition: pulumi.Output<string>;
}

/** Looks up the account, region and partition of the provider the component uses. */
export function awsContext(parent: pulumi.Resource): AwsContext {
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
