import { Problems, ShapeName, checkShape, checkVpcIds } from "../validation";
import { BrowserNetwork, CodeInterpreterNetwork, ToolVpcConfig } from "./types";

/** Hint added to name problems: AgentCore tool names take no hyphens. */
export const NAME_HINT = "(letters, digits and underscores; no hyphens)";

/**
 * Checks a tool's network: the mode against the API model's enum, and the VPC
 * placement in VPC mode (ids checked when they resolve, with `component`).
 * Returns the network to create the tool with.
 */
export function checkToolNetwork<N extends CodeInterpreterNetwork | BrowserNetwork>(
    problems: Problems,
    path: string,
    network: N | undefined,
    modeShape: Extract<ShapeName, "CodeInterpreterNetworkMode" | "BrowserNetworkMode">,
    component?: string,
): N | undefined {
    if (!network) {
        return undefined;
    }
    checkShape(problems, `${path}.mode`, network.mode, modeShape);
    if (network.mode !== "VPC") {
        return network;
    }
    const vpc: ToolVpcConfig | undefined = network.vpc;
    if (vpc === undefined) {
        problems.add(`${path}.vpc`, vpc, "is required in VPC mode (the subnets and security groups sessions attach to)");
        return network;
    }
    return { ...network, vpc: checkVpcIds(problems, `${path}.vpc`, vpc, component) };
}

/**
 * Records every field that is set although the AWS-managed tool is used: the
 * managed tool has fixed settings, so such a field would silently do nothing.
 */
export function checkManagedExclusive(problems: Problems, prefix: string, managedId: string, fixed: string, fields: Record<string, unknown>): void {
    for (const [field, value] of Object.entries(fields)) {
        if (value !== undefined) {
            problems.add(`${prefix}${field}`, value, `cannot be set with managed: true (AWS's managed ${managedId} has fixed settings: ${fixed})`);
        }
    }
}
