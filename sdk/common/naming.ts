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
