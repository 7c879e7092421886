import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";

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

/** Hex characters of the suffix {@link replaceSafeName} appends. */
export const REPLACEMENT_SUFFIX_LENGTH = 6;

/** How a replace-safe name is joined and how long it may be: the API shape's rule. */
export interface NameRule {
    /** Character between the base and the suffix (one the shape allows). */
    separator: "_" | "-";
    /** Length the whole name may have. */
    maxLength: number;
    /** The API shape the rule comes from (for docs and messages). */
    shape: string;
}

/** Tool names: shape SandboxName `[a-zA-Z][a-zA-Z0-9_]{0,47}` (bedrock-agentcore-control). */
export const SANDBOX_NAME_RULE: NameRule = { separator: "_", maxLength: 48, shape: "SandboxName" };
/** Gateway names: shape GatewayName `([0-9a-zA-Z][-]?){1,48}`; 48 characters in all keeps the letters and digits within 48. */
export const GATEWAY_NAME_RULE: NameRule = { separator: "-", maxLength: 48, shape: "GatewayName" };

/**
 * A short hash of the values whose change makes the provider replace a resource
 * (canonical JSON: object keys sorted, undefined members left out), so equal
 * values always give the same suffix and a change of any of them a new one.
 */
export function replacementSuffix(replacing: unknown): string {
    return createHash("sha256").update(canonicalJson(replacing)).digest("hex").slice(0, REPLACEMENT_SUFFIX_LENGTH);
}

/**
 * A physical name that can exist beside the one it replaces: `base` (cut to fit,
 * trailing separators dropped) + separator + {@link replacementSuffix} of the
 * replacing values. A change of those values yields a new name, so Pulumi's
 * create-before-delete replacement never collides with the old resource's name.
 * Used only for names the component derives; a name given explicitly is kept as is.
 */
export function replaceSafeName(base: string, rule: NameRule, replacing: unknown): string {
    const room = rule.maxLength - rule.separator.length - REPLACEMENT_SUFFIX_LENGTH;
    const trimmed = base.slice(0, room).replace(rule.separator === "_" ? /_+$/ : /-+$/, "");
    return `${trimmed}${rule.separator}${replacementSuffix(replacing)}`;
}

/** {@link replaceSafeName} of values that may be outputs (resolved, however deep, before hashing). */
export function replaceSafeNameOf(base: string, rule: NameRule, replacing: pulumi.Input<unknown>): pulumi.Output<string> {
    return pulumi.output(replacing as pulumi.Input<Record<string, unknown>>).apply((values) => replaceSafeName(base, rule, values));
}

function canonicalJson(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map(canonicalJson).join(",")}]`;
    }
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        const members = Object.keys(record)
            .filter((key) => record[key] !== undefined)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
        return `{${members.join(",")}}`;
    }
    return JSON.stringify(value ?? null);
}
