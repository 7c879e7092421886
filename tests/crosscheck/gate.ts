import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { evaluatePolicies, PlanViolation } from "../../policy/evaluate";
import { T } from "../../policy/common/types";
import type { RecordedResource } from "../../plan/mocks";
import type { EnvironmentName } from "../../sdk";

/** The repository root: the root Pulumi project, and home of `examples/` and `policy/config/`. */
export const ROOT = path.resolve(__dirname, "..", "..");
const CONFIG_DIR = path.join(ROOT, "policy", "config");

/**
 * Marker file of a program that is meant to fail the gate (e.g. `examples/bad-stack`): the
 * cross-check of real stacks skips it, and its own test asserts exactly which violations it has.
 */
export const EXPECT_VIOLATIONS_MARKER = "EXPECT_VIOLATIONS";

/** The runtime a Pulumi.yaml names (`runtime: nodejs` or `runtime: { name: nodejs }`). */
function runtimeOf(dir: string): string {
    const project: any = yaml.load(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8"));
    return typeof project.runtime === "string" ? project.runtime : project.runtime?.name;
}

/**
 * Programs the gate must pass: the root project and every `examples/*` holding a
 * Pulumi.yaml of a Node.js program (the offline plan runs TypeScript; the Python
 * example is covered by tests/multilang), less those marked as meant to fail.
 */
export function gatedPrograms(): string[] {
    const examples = fs
        .readdirSync(path.join(ROOT, "examples"))
        .map((name) => path.join(ROOT, "examples", name))
        .filter((dir) => fs.existsSync(path.join(dir, "Pulumi.yaml")) && runtimeOf(dir) === "nodejs")
        .sort();
    return [ROOT, ...examples].filter((dir) => !fs.existsSync(path.join(dir, EXPECT_VIOLATIONS_MARKER)));
}

/** The gate an environment is held to: dev its own config; staging and prod the prod config. */
export type Gate = "dev" | "prod";

/** The gate of each environment. */
export const GATE_OF: Readonly<Record<EnvironmentName, Gate>> = { dev: "dev", staging: "prod", prod: "prod" };

/** The policy config file of a gate. */
export function policyConfigOf(gate: Gate): string {
    return path.join(CONFIG_DIR, `${gate}.json`);
}

/** An advisory the dev gate lets through, with the dev profile's choice that causes it. */
export interface AllowedAdvisory {
    /** Policy name. */
    policy: string;
    /** Type token of the resource it is reported on. */
    type: string;
    /** The dev profile's choice behind it (`ENVIRONMENT_PROFILES.dev`), as policy/README.md words it. */
    because: string;
}

/**
 * What dev deliberately allows: the one list of advisories a dev stack may show. Every entry
 * is a choice of the dev profile, listed in policy/README.md ("What dev deliberately allows");
 * anything else fails the dev gate.
 */
export const DEV_ALLOWED_ADVISORIES: readonly AllowedAdvisory[] = [
    { policy: "agentcore-browser-network", type: T.browser, because: "no VPC (`networkMode: PUBLIC`), so a browser is PUBLIC" },
    { policy: "agentcore-customer-managed-keys", type: T.memory, because: "`customerManagedKeys: false`: memory under AgentCore's own key" },
    { policy: "agentcore-customer-managed-keys", type: T.gateway, because: "`customerManagedKeys: false`: gateway under AgentCore's own key" },
    { policy: "agentcore-customer-managed-keys", type: T.policyEngine, because: "`customerManagedKeys: false`: the gateway's policy engine under AWS's own key" },
];

/** Type token of the resource a URN names (the last `$`-separated part of its type). */
export function typeOfUrn(urn: string): string | undefined {
    const qualifiedType = urn.split("::")[2];
    return qualifiedType?.split("$").pop();
}

/** True when the violation is an advisory the dev gate lets through. */
function allowedInDev(v: PlanViolation): boolean {
    return v.level === "advisory" && DEV_ALLOWED_ADVISORIES.some((a) => a.policy === v.policy && a.type === typeOfUrn(v.urn));
}

/**
 * The violations that fail a gate, as `level policy urn: message` lines (an empty list passes):
 * every mandatory one; in prod every advisory too; in dev advisories not on the allow-list.
 */
export function gateFailures(violations: readonly PlanViolation[], gate: Gate): string[] {
    return violations.filter((v) => !(gate === "dev" && allowedInDev(v))).map((v) => `${v.level} ${v.policy} ${v.urn}: ${v.message}`);
}

/** Evaluates the whole pack on recorded resources with a gate's config and returns what fails it. */
export async function failuresAt(resources: RecordedResource[], gate: Gate): Promise<string[]> {
    return gateFailures(await evaluatePolicies(resources, { configPath: policyConfigOf(gate) }), gate);
}
