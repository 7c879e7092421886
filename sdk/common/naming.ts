/** Prefix of every component type token in this package: `agentcore:index:<Name>`. */
export const TYPE_PREFIX = "agentcore:index:";

/**
 * Derives a name AgentCore accepts (`[a-zA-Z][a-zA-Z0-9_]{0,47}`, shape
 * AgentRuntimeName/EndpointName) from a Pulumi resource name: hyphens and other
 * characters become underscores, a leading non-letter gets an `a` prefix, and the
 * result is cut to 48 characters. A name given explicitly is never changed, only
 * validated.
 */
export function agentCoreName(resourceName: string): string {
    let name = resourceName.replace(/[^a-zA-Z0-9_]/g, "_");
    if (!/^[a-zA-Z]/.test(name)) {
        name = `a${name}`;
    }
    return name.slice(0, 48);
}

/** Tags every component adds to what it creates, merged under the user's own tags. */
export function baseTags(component: string, environment?: string): Record<string, string> {
    return {
        "agentcore:component": component,
        ...(environment ? { "agentcore:environment": environment } : {}),
        "managed-by": "pulumi-agentcore",
    };
}

/**
 * Length of the random suffix AgentCore appends to a resource's name to make its
 * id: `<name>-<10 alphanumeric characters>`. Source: the control-plane API model
 * (`data/aws-models/bedrock-agentcore-control.service-2.json`), shapes
 * `AgentRuntimeId` and `AgentRuntimeArn` (`…-[a-zA-Z0-9]{10}`), `MemoryId`/`MemoryArn`,
 * `CodeInterpreterId`, `BrowserId` and `GatewayId`/`GatewayArn` (`…-[0-9a-z]{10}`).
 */
export const AGENTCORE_ID_SUFFIX_LENGTH = 10;

/**
 * The id AgentCore gives the resource named `name`, as an IAM wildcard pattern that
 * matches exactly that resource's ids: `<name>-??????????` (one `?` per suffix
 * character). Unlike `<name>-*` it does not match the ids of a different resource
 * whose name merely starts with `<name>-` (`<name>-admin-…`, `<name>_x-…`): such an
 * id is longer, and `?` matches exactly one character
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
 */
export function agentCoreIdPattern(name: string): string {
    return `${name}-${"?".repeat(AGENTCORE_ID_SUFFIX_LENGTH)}`;
}
