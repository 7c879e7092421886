// The harness's allowedTools patterns, read as AgentCore reads them (issue 23 item 2, red-team
// finding 4). Shared by AgentHarness (sdk/harness/validate.ts) and the pack's
// agentcore-harness-tools rule: no import, so the sdk can use it without loading the pack.

/**
 * The built-in tools of a harness session, per the harness-tools guide
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-tools.html): `shell`
 * (bash in the session's microVM) and `file_operations`.
 */
export const BUILTIN_TOOL_NAMES = ["shell", "file_operations"] as const;

/** The server name of the built-in tools in `@<server>/<tool>` patterns. */
export const BUILTIN_SERVER = "builtin";

/** `*` and `?` as globs, everything else literal. */
function glob(pattern: string): RegExp {
    return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
}

/**
 * The built-in tools a pattern of `allowedTools` reaches. The guide's pattern table: `*` every
 * tool, a bare name or glob over built-in names, `@builtin` every built-in, `@builtin/<name>`
 * a specific built-in, `@<server>` / `@<server>/<tool>` MCP tools, `@*\/tool` a glob across
 * servers. An `@` pattern is split at its first `/`: the server part is glob-matched against
 * `builtin` and the tool part (all tools when absent) against the built-in names, so `@*`,
 * `@*\/*`, `@*\/shell`, `@builtin*`, `@b*\/shell` and `@?uiltin` all reach built-ins.
 */
export function builtinToolsReached(pattern: string): string[] {
    if (!pattern.startsWith("@")) {
        return BUILTIN_TOOL_NAMES.filter((t) => glob(pattern).test(t));
    }
    const slash = pattern.indexOf("/");
    const server = slash < 0 ? pattern.slice(1) : pattern.slice(1, slash);
    const tool = slash < 0 ? "*" : pattern.slice(slash + 1);
    if (!glob(server).test(BUILTIN_SERVER)) {
        return [];
    }
    return BUILTIN_TOOL_NAMES.filter((t) => glob(tool).test(t));
}

/** True for a pattern that names exactly one built-in tool, without a glob (`shell`, `@builtin/shell`). */
export function namesBuiltinExactly(pattern: string): boolean {
    return !/[*?]/.test(pattern) && builtinToolsReached(pattern).length === 1;
}
