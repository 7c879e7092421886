/**
 * Collects every problem found in one set of arguments so that a user sees all
 * of them at once, then throws a single {@link InputValidationError}.
 */
export class Problems {
    private readonly items: string[] = [];

    /** Records one problem. `path` is the argument path as the user wrote it. */
    add(path: string, value: unknown, rule: string): void {
        this.items.push(`${path} ${describeValue(value)} ${rule}`);
    }

    /** Records a problem whose message is already complete (cross-field rules). */
    addMessage(message: string): void {
        this.items.push(message);
    }

    get count(): number {
        return this.items.length;
    }

    get messages(): readonly string[] {
        return this.items;
    }

    /** Throws one error listing every recorded problem, if there is any. */
    throwIfAny(component: string): void {
        if (this.items.length > 0) {
            throw new InputValidationError(component, [...this.items]);
        }
    }
}

/** Thrown before any resource is registered when arguments break AWS or package rules. */
export class InputValidationError extends Error {
    constructor(
        readonly component: string,
        readonly problems: string[],
    ) {
        super(
            `${component}: ${problems.length} invalid argument${problems.length === 1 ? "" : "s"}:\n` +
                problems.map((p) => `  - ${p}`).join("\n"),
        );
        this.name = "InputValidationError";
    }
}

/** Marker for values that must never be printed (secrets). */
export const MASKED = Symbol("masked");

function describeValue(value: unknown): string {
    if (value === MASKED) {
        return '"[secret]"';
    }
    if (typeof value === "string") {
        return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
    }
    if (value === undefined) {
        return "(not set)";
    }
    if (typeof value === "number" && !Number.isFinite(value)) {
        return String(value); // NaN and Infinity, which JSON would print as null
    }
    const text = JSON.stringify(value);
    if (text.length <= 120) {
        return text;
    }
    return Array.isArray(value) ? `(a list of ${value.length} items)` : `(a map of ${Object.keys(value as object).length} entries)`;
}
