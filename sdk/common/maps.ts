/**
 * The map to send to the provider: `undefined` instead of an empty map. The AWS
 * provider reads an empty map back from AgentCore as null and fails the update
 * with "Provider produced inconsistent result after apply … was
 * cty.MapValEmpty(cty.String), but now null" (reported for the runtime's
 * `environment_variables`: https://github.com/hashicorp/terraform-provider-aws/issues/45885).
 * No map, and an empty one, mean the same to AgentCore, so nothing the user
 * configured is lost. Used for every map this package sends to an AgentCore
 * resource (environment variables and tags).
 */
export function mapOrUndefined<T>(map: Record<string, T> | undefined): Record<string, T> | undefined {
    return map !== undefined && Object.keys(map).length > 0 ? map : undefined;
}
