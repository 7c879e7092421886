import { Problems, ShapeName, checkShape, checkVpcIds } from "../validation";
import { BrowserNetwork, CodeInterpreterNetwork, ToolVpcConfig } from "./types";

/** Hint added to name problems: AgentCore tool names take no hyphens. */
export const NAME_HINT = "(letters, digits and underscores; no hyphens)";

/** Checks a tool's network: the mode against the API model's enum, and the VPC placement in VPC mode. */
export function checkToolNetwork(
    problems: Problems,
    path: string,
    network: CodeInterpreterNetwork | BrowserNetwork | undefined,
    modeShape: Extract<ShapeName, "CodeInterpreterNetworkMode" | "BrowserNetworkMode">,
): void {
    if (!network) {
        return;
    }
    checkShape(problems, `${path}.mode`, network.mode, modeShape);
    if (network.mode !== "VPC") {
        return;
    }
    const vpc: ToolVpcConfig | undefined = network.vpc;
    if (vpc === undefined) {
        problems.add(`${path}.vpc`, vpc, "is required in VPC mode (the subnets and security groups sessions attach to)");
        return;
    }
    checkVpcIds(problems, `${path}.vpc`, vpc.subnetIds, vpc.securityGroupIds);
}

/**
 * Records every field that is set although the AWS-managed tool is used: the
 * managed tool has fixed settings, so such a field would silently do nothing.
 */
export function checkManagedExclusive(problems: Problems, managedId: string, fixed: string, fields: Record<string, unknown>): void {
    for (const [field, value] of Object.entries(fields)) {
        if (value !== undefined) {
            problems.add(field, value, `cannot be set with managed: true (AWS's managed ${managedId} has fixed settings: ${fixed})`);
        }
    }
}
