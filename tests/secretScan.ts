import { isSecretWrapper } from "../plan/mocks";
import { Registrations } from "./harness";

/** A copy of a recorded value with every Pulumi-secret-wrapped value replaced by a marker. */
export function stripSecrets(value: unknown): unknown {
    if (value === null || typeof value !== "object") {
        return value;
    }
    if (isSecretWrapper(value)) {
        return "[secret]";
    }
    if (Array.isArray(value)) {
        return value.map(stripSecrets);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripSecrets(v)]));
}

/** Where `text` appears unmasked: `<type> <name> inputs|outputs` of every resource whose serialized, secret-stripped record contains it. */
export function plaintextOccurrences(reg: Registrations, text: string): string[] {
    return reg.all.flatMap((r) =>
        (["inputs", "outputs"] as const).filter((side) => JSON.stringify(stripSecrets(r[side])).includes(text)).map((side) => `${r.type} ${r.name} ${side}`),
    );
}
