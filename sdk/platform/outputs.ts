import * as pulumi from "@pulumi/pulumi";
import { Problems } from "../validation";
import { PLATFORM_OUTPUT_KEYS, PlatformOutputs } from "./types";
import { checkPlatformOutputs } from "./validate";

/** The stack output a platform stack exports its {@link PlatformOutputs} under. */
export const PLATFORM_OUTPUT = "platform";

/**
 * Reads a platform stack's outputs (its `platform` output) as plain values, checked:
 * a stack that does not exist, has no `platform` output or misses one of its keys
 * fails with the stack's name. Takes a `StackReference` or a stack name
 * (`org/project/stack`), for which one is created. Await it in the program
 * (`export = async () => { const platform = await platformOutputs("acme/platform/prod"); ... }`).
 */
export async function platformOutputs(ref: pulumi.StackReference | string): Promise<PlatformOutputs> {
    const reference = typeof ref === "string" ? new pulumi.StackReference(ref) : ref;
    const stackName = await new Promise<string>((resolve) => reference.name.apply(resolve));
    let value: unknown;
    try {
        value = (await reference.getOutputDetails(PLATFORM_OUTPUT)).value;
    } catch (err) {
        throw new Error(`platform stack "${stackName}" could not be read (${err instanceof Error ? err.message : String(err)}): is the name right and is it deployed?`);
    }
    return checkedPlatform(value, `output "${PLATFORM_OUTPUT}" of stack "${stackName}"`);
}

/** Checks platform outputs read elsewhere (stack config, a JSON file), naming `source` in every problem. */
export function checkedPlatform(value: unknown, source: string): PlatformOutputs {
    const problems = new Problems();
    if (value === undefined) {
        problems.add("platform", source, `does not exist: the stack exports no platform outputs (expected ${PLATFORM_OUTPUT_KEYS.join(", ")})`);
    } else {
        checkPlatformOutputs(problems, value, source);
    }
    problems.throwIfAny(`platform (${source})`);
    return value as PlatformOutputs;
}
