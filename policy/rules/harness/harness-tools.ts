import { resourceRule } from "../../common/rule";
import { T } from "../../common/types";
import { asArray, at, containsUnknown } from "../../common/values";
import { BUILTIN_TOOL_NAMES, builtinToolsReached, namesBuiltinExactly } from "./tool-patterns";

/**
 * What a harness's allowedTools let the agent use. The harness guide's Tools page: without
 * allowedTools every tool is allowed, and the built-in `shell` (bash in the session's microVM)
 * and `file_operations` are in every session unless allowedTools restricts them
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-tools.html); the API
 * reference, Harness.allowedTools: "All tools are allowed by default"
 * (https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_Harness.html).
 * Patterns: `*`, a built-in name or glob, `@builtin`, `@builtin/<name>`, `@<server>`,
 * `@<server>/<tool or glob>`; globs in the server part too (`@*`, `@*\/*`), read by tool-patterns.ts.
 */
function unrestricted(allowed: unknown[]): string | undefined {
    const patterns = allowed.filter((p): p is string => typeof p === "string");
    if (patterns.length === 0) {
        return "sets no allowedTools, so every tool is allowed, the built-in shell (bash in the session's microVM) included";
    }
    const all = patterns.find((p) => p === "*");
    if (all) {
        return 'allows every tool (allowedTools "*"), the built-in shell included';
    }
    // Any "@" pattern whose server matches "builtin" ("@builtin", "@*", "@b*/shell") and any glob over built-in names
    // ("s*", "*ell") that reaches the shell without naming it exactly (the matcher AgentHarness uses too).
    const builtins = patterns.find((p) => p.startsWith("@") && builtinToolsReached(p).length === BUILTIN_TOOL_NAMES.length);
    if (builtins) {
        return `allows every built-in tool ("${builtins}"), the shell included`;
    }
    const glob = patterns.find((p) => !namesBuiltinExactly(p) && builtinToolsReached(p).includes("shell"));
    return glob ? `reaches the built-in shell through the pattern "${glob}"` : undefined;
}

export const harnessTools = resourceRule({
    name: "agentcore-harness-tools",
    description:
        "A harness names the tools its agent may use (allowedTools): not unset or \"*\" (every tool, the built-in shell included) and not every built-in (\"@builtin\"); naming \"shell\" explicitly is a reviewed choice.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: 'Components: AgentHarness always sends allowedTools (its gateway\'s tools, `@tools/*`) and adds built-ins only from `builtinTools`. Raw resources: set allowedTools to the tools the agent needs, e.g. ["file_operations", "@tools/search"]; add "shell" only where the agent must run commands.',
    types: [T.harness, T.nativeHarness],
    check: (res) => {
        const allowed = at(res.props, "allowedTools");
        if (containsUnknown(allowed)) {
            return [];
        }
        const why = unrestricted(asArray(allowed));
        return why ? [`Harness ${why}: name the tools the agent needs in allowedTools`] : [];
    },
});
