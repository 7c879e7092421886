import { Registrations } from "./harness";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A copy of a recorded value with every Pulumi-secret-wrapped value replaced by a marker. */
export function stripSecrets(value: unknown): unknown {
    if (value === null || typeof value !== "object") {
        return value;
    }
    if ((value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG) {
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
