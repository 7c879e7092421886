import * as pulumi from "@pulumi/pulumi";
import { MASKED, Problems } from "./problems";
import { SHAPES, ShapeConstraint, ShapeName, MODEL_SOURCE } from "./shapes";

const compiled = new Map<string, RegExp>();
function fullMatch(pattern: string): RegExp {
    let re = compiled.get(pattern);
    if (!re) {
        re = new RegExp(`^(?:${pattern})$`, "u");
        compiled.set(pattern, re);
    }
    return re;
}

/** Options for {@link checkShape}. */
export interface CheckOptions {
    /** Print `[secret]` instead of the value. */
    secret?: boolean;
    /** Extra words appended to the rule, e.g. "(no hyphens)". */
    hint?: string;
}

/**
 * Checks one known value against a shape of the AWS API model and records every
 * rule it breaks. Strings and numbers are checked by value; arrays and objects by
 * their size (their members are checked by the caller with their own shapes).
 */
export function checkShape(
    problems: Problems,
    path: string,
    value: unknown,
    shape: ShapeName,
    options: CheckOptions = {},
): void {
    if (value === undefined || value === null) {
        return;
    }
    const rule: ShapeConstraint = SHAPES[shape];
    const shown = options.secret ? MASKED : value;
    const source = `(${MODEL_SOURCE}, shape ${shape})`;
    const hint = options.hint ? ` ${options.hint}` : "";
    if (typeof value === "number") {
        if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
            problems.add(path, shown, `must be between ${rule.min ?? "-∞"} and ${rule.max ?? "∞"}${hint} ${source}`);
        }
        return;
    }
    const size = typeof value === "string" ? [...value].length : Array.isArray(value) ? value.length : Object.keys(value as object).length;
    const unit = typeof value === "string" ? "characters" : Array.isArray(value) ? "items" : "entries";
    if (rule.min !== undefined && size < rule.min) {
        problems.add(path, shown, `must have at least ${rule.min} ${unit}${hint} ${source}`);
    } else if (rule.max !== undefined && size > rule.max) {
        problems.add(path, shown, `must have at most ${rule.max} ${unit}${hint} ${source}`);
    }
    if (typeof value === "string") {
        if (rule.enum && !rule.enum.includes(value)) {
            problems.add(path, shown, `must be one of ${rule.enum.join(", ")}${hint} ${source}`);
        }
        if (rule.pattern && !fullMatch(rule.pattern).test(value)) {
            problems.add(path, shown, `must match ${rule.pattern}${hint} ${source}`);
        }
    }
}

/** True when a value is known now (not a Pulumi Output or Promise). */
export function isKnown<T>(value: pulumi.Input<T> | undefined): value is T {
    return !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}

/**
 * Checks a value now when it is known; when it is an Output, returns an Output
 * that fails with the same message once it resolves, before the resource that
 * consumes it is sent to AWS.
 */
export function checkInput<T>(
    problems: Problems,
    component: string,
    path: string,
    value: pulumi.Input<T>,
    shape: ShapeName,
    options: CheckOptions = {},
): pulumi.Input<T> {
    if (isKnown(value)) {
        checkShape(problems, path, value, shape, options);
        return value;
    }
    return pulumi.output(value).apply((resolved) => {
        const late = new Problems();
        checkShape(late, path, resolved, shape, options);
        late.throwIfAny(component);
        return resolved;
    }) as pulumi.Input<T>;
}
