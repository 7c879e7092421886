import * as pulumi from "@pulumi/pulumi";
import { Problems } from "./problems";
import { checkInputList } from "./check";

/** Subnet and security group ids of a VPC placement, as the provider takes them. */
export interface VpcIds {
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Checks the subnet and security group ids of a VPC placement (runtime or tool):
 * both are required, 1-16 ids each, every id well-formed — now when known, else
 * when they resolve (with `component`, see `checkWhenKnown`). `path` is the
 * argument path of the object holding `subnetIds` and `securityGroupIds`. Returns
 * the ids to send: the same values, or Outputs that fail on a bad id.
 */
export function checkVpcIds(
    problems: Problems,
    path: string,
    ids: Partial<VpcIds>,
    component?: string,
): VpcIds {
    const checked = (field: keyof VpcIds, listShape: "Subnets" | "SecurityGroups", itemShape: "SubnetId" | "SecurityGroupId") => {
        const value = ids[field];
        if (value === undefined) {
            problems.add(`${path}.${field}`, value, "is required in VPC mode");
            return [];
        }
        return checkInputList(problems, component, `${path}.${field}`, value, listShape, itemShape);
    };
    return { subnetIds: checked("subnetIds", "Subnets", "SubnetId"), securityGroupIds: checked("securityGroupIds", "SecurityGroups", "SecurityGroupId") };
}
