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
    const typeRule = typeMismatch(rule.type, value);
    if (typeRule) {
        problems.add(path, shown, `${typeRule}${hint} ${source}`);
        return;
    }
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

/** What is wrong with a value's type for a shape of the model, or undefined when the type fits. */
export function typeMismatch(type: ShapeConstraint["type"], value: unknown): string | undefined {
    const got = value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : `a ${typeof value}`;
    switch (type) {
        case "integer":
            if (typeof value !== "number" || !Number.isFinite(value)) {
                return `must be a whole number (got ${got})`;
            }
            return Number.isInteger(value) ? undefined : "must be a whole number";
        case "double":
            return typeof value === "number" && Number.isFinite(value) ? undefined : `must be a number (got ${got})`;
        case "string":
            return typeof value === "string" ? undefined : `must be a string (got ${got})`;
        case "list":
            return Array.isArray(value) ? undefined : `must be a list (got ${got})`;
        case "map":
            return value !== null && typeof value === "object" && !Array.isArray(value) ? undefined : `must be a map of names to values (got ${got})`;
    }
}

/** True when a value is known now (not a Pulumi Output or Promise). */
export function isKnown<T>(value: pulumi.Input<T> | undefined): value is T {
    return !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}

/**
 * Runs `check` on a value now when it is known. When the value is an Output (or a
 * Promise) and `component` is given, returns an Output that runs the same check
 * once the value resolves and fails with the same message (`<component>: …`);
 * the resource that consumes the returned Output is then never sent to AWS with
 * a bad value. Without `component` an unknown value is returned unchecked: the
 * caller collects plan-time problems ahead of the component that checks it later
 * (as `AgentEnvironment` does for its sections).
 */
export function checkWhenKnown<T>(problems: Problems, component: string | undefined, value: pulumi.Input<T>, check: (problems: Problems, value: T) => void): pulumi.Input<T> {
    if (isKnown(value)) {
        check(problems, value);
        return value;
    }
    if (component === undefined) {
        return value;
    }
    return pulumi.output(value).apply((resolved) => {
        const late = new Problems();
        check(late, resolved as T);
        late.throwIfAny(component);
        return resolved;
    }) as pulumi.Input<T>;
}

/** {@link checkShape} for a value that may be unknown at plan time (see {@link checkWhenKnown}). */
export function checkInput<T>(
    problems: Problems,
    component: string | undefined,
    path: string,
    value: pulumi.Input<T>,
    shape: ShapeName,
    options: CheckOptions = {},
): pulumi.Input<T> {
    return checkWhenKnown(problems, component, value, (p, v) => checkShape(p, path, v, shape, options));
}

/**
 * Checks a list that may be unknown at plan time, or hold unknown items: its size
 * against `listShape` (when given) and every item against `itemShape` (paths
 * `<path>[i]`), now or when they resolve (see {@link checkWhenKnown}).
 */
export function checkInputList<T>(
    problems: Problems,
    component: string | undefined,
    path: string,
    list: pulumi.Input<pulumi.Input<T>[]>,
    listShape: ShapeName | undefined,
    itemShape: ShapeName,
    options: CheckOptions = {},
): pulumi.Input<pulumi.Input<T>[]> {
    if (!isKnown(list)) {
        const all = pulumi.output(list) as pulumi.Output<T[]>;
        return component === undefined ? list : checkWhenKnown(problems, component, all, (p, items) => checkListNow(p, path, items, listShape, itemShape, options));
    }
    if (listShape) {
        checkShape(problems, path, list, listShape);
    }
    return list.map((item, i) => checkInput(problems, component, `${path}[${i}]`, item, itemShape, options));
}

function checkListNow(problems: Problems, path: string, items: unknown[], listShape: ShapeName | undefined, itemShape: ShapeName, options: CheckOptions): void {
    if (listShape) {
        checkShape(problems, path, items, listShape);
    }
    items.forEach((item, i) => checkShape(problems, `${path}[${i}]`, item, itemShape, options));
}
