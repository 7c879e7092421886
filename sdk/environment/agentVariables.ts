import * as pulumi from "@pulumi/pulumi";
import { Problems } from "../validation";

/**
 * Environment variables the environment sets on the runtime so the agent finds
 * its parts. They are ids and URLs, never secrets; the sample agent reads them.
 */
export const AGENT_VARIABLES = {
    memory: "AGENTCORE_MEMORY_ID",
    gateway: "AGENTCORE_GATEWAY_URL",
    codeInterpreter: "AGENTCORE_CODE_INTERPRETER_ID",
    browser: "AGENTCORE_BROWSER_ID",
    browserProfile: "AGENTCORE_BROWSER_PROFILE_ID",
} as const;

/** The part of the environment each variable describes, with the value to pass. */
export type AgentVariableValues = Partial<Record<keyof typeof AGENT_VARIABLES, pulumi.Input<string>>>;

/** The user's variables plus those of the parts that exist; undefined when there are none. */
export function agentVariables(
    user: Record<string, pulumi.Input<string>> | undefined,
    parts: AgentVariableValues,
): Record<string, pulumi.Input<string>> | undefined {
    const merged: Record<string, pulumi.Input<string>> = { ...user };
    for (const [part, value] of Object.entries(parts) as [keyof typeof AGENT_VARIABLES, pulumi.Input<string> | undefined][]) {
        if (value !== undefined) {
            merged[AGENT_VARIABLES[part]] = value;
        }
    }
    return Object.keys(merged).length > 0 ? merged : undefined;
}

/** The variables above are the environment's to set: a user value would be silently replaced, so it is an error. */
export function checkReservedVariables(problems: Problems, user: Record<string, unknown> | undefined, present: Partial<Record<keyof typeof AGENT_VARIABLES, boolean>>): void {
    for (const [part, variable] of Object.entries(AGENT_VARIABLES) as [keyof typeof AGENT_VARIABLES, string][]) {
        if (present[part] && user?.[variable] !== undefined) {
            problems.addMessage(`environmentVariables.${variable} is set by the environment from its ${part} section; remove it`);
        }
    }
}
