import { Problems } from "./problems";
import { checkShape, isKnown } from "./check";

/**
 * Checks the subnet and security group ids of a VPC placement (runtime or tool):
 * both are required, 1-16 ids each, every known id well-formed. `path` is the
 * argument path of the object holding `subnetIds` and `securityGroupIds`.
 */
export function checkVpcIds(problems: Problems, path: string, subnetIds: unknown, securityGroupIds: unknown): void {
    const lists: [string, unknown, "Subnets" | "SecurityGroups", "SubnetId" | "SecurityGroupId"][] = [
        ["subnetIds", subnetIds, "Subnets", "SubnetId"],
        ["securityGroupIds", securityGroupIds, "SecurityGroups", "SecurityGroupId"],
    ];
    for (const [field, value, listShape, itemShape] of lists) {
        if (value === undefined) {
            problems.add(`${path}.${field}`, value, "is required in VPC mode");
        } else if (Array.isArray(value)) {
            checkShape(problems, `${path}.${field}`, value, listShape);
            value.forEach((id, i) => isKnown(id) && checkShape(problems, `${path}.${field}[${i}]`, id, itemShape));
        }
    }
}
