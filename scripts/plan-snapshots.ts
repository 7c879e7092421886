/**
 * Snapshots of the planned resources of the root stacks, every example stack and the
 * delivery fixture (tests/fixtures/golden/delivery, planned with runtimes that have versions 1-9), one JSON per program and stack
 * under tests/fixtures/plans/. tests/crosscheck/goldenPlans.test.ts plans the same stacks
 * and compares: a refactoring that changes a planned resource (type, name, inputs,
 * parent, dependsOn, protect, deleteBeforeReplace, replaceOnChanges, retainOnDelete,
 * ignoreChanges) or a warning the program logs fails it.
 *
 * Regenerate (only when a change of the plan is intended, and say so in the commit):
 *   npx tsx scripts/plan-snapshots.ts
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { listStacks } from "../plan/config";
import { PlanReport } from "../plan/report";
import { planStack } from "../plan/run";

export const ROOT = path.resolve(__dirname, "..");
export const PLANS_DIR = path.join(ROOT, "tests", "fixtures", "plans");
export const REGENERATE = "npx tsx scripts/plan-snapshots.ts";

/** Programs whose stacks are snapshotted: the root project, the Node.js examples (not bad-stack, which is meant to fail), the delivery fixture. */
export const GOLDEN_PROGRAMS: readonly string[] = [
    ".",
    "examples/byo-vpc",
    "examples/code-agent",
    "examples/gateway-tools",
    "examples/harness",
    "examples/platform",
    "examples/platform-team-a",
    "examples/platform-team-b",
    "examples/production",
    "examples/quickstart",
    "tests/fixtures/golden/delivery",
];

/** Newest runtime version the mocks answer per program (default "1", a first deployment): the delivery fixture pins versions 1-5. */
const RUNTIME_VERSION: Readonly<Record<string, string>> = { "tests/fixtures/golden/delivery": "9" };

/** One snapshotted stack: its program (relative to the repository), the stack and the snapshot file. */
export interface GoldenStack {
    program: string;
    stack: string;
    file: string;
}

/** Every (program, stack) pair, with its snapshot file. */
export function goldenStacks(): GoldenStack[] {
    return GOLDEN_PROGRAMS.flatMap((program) =>
        listStacks(path.join(ROOT, program)).map((stack) => ({
            program,
            stack,
            file: path.join(PLANS_DIR, `${program === "." ? "root" : path.basename(program)}.${stack}.json`),
        })),
    );
}

/** Replaces the repository's absolute path (image build contexts, program paths) and masks path-derived image build keys so snapshots do not depend on the checkout. */
function normalise(value: unknown): unknown {
    if (typeof value === "string") {
        // An image tag's build key hashes the build context's absolute path (sdk/image/agentImage.ts resolveBuild), and the
        // mocked digest follows the tag: masked, so a snapshot does not depend on where the repository is checked out.
        return value
            .split(ROOT)
            .join("<repo>")
            .replace(/(:ctx-[0-9a-f]{16})-[0-9a-f]{8}/g, "$1-<build key>")
            .replace(/@sha256:[0-9a-f]{64}/g, "@sha256:<digest>");
    }
    if (Array.isArray(value)) {
        return value.map(normalise);
    }
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalise(v)]));
    }
    return value;
}

/** The part of a report a behaviour-preserving change must not alter: each resource's identity, inputs and options, in registration order. */
export function snapshotOf(report: PlanReport, warnings: string[]): unknown {
    return normalise({
        project: report.project,
        stack: report.stack,
        warnings,
        resources: report.resources.map((r) => ({
            type: r.type,
            name: r.name,
            parent: r.parent,
            custom: r.custom,
            inputs: r.inputs,
            protect: r.protect,
            retainOnDelete: r.retainOnDelete,
            deleteBeforeReplace: r.deleteBeforeReplace,
            replaceOnChanges: r.replaceOnChanges,
            ignoreChanges: r.ignoreChanges,
            dependsOn: r.dependsOn,
        })),
        violations: report.violations.map((v) => ({ policy: v.policy, level: v.level, urn: v.urn })),
    });
}

/**
 * Plans one stack (no policy evaluation: the snapshot is about the resources) and returns
 * its snapshot, with the warnings the program logged (sorted: some are logged from `apply`).
 */
export async function planSnapshot(g: GoldenStack): Promise<unknown> {
    const warnings: string[] = [];
    const warn = pulumi.log.warn;
    pulumi.log.warn = (message: string) => {
        warnings.push(message);
        return Promise.resolve();
    };
    try {
        const report = await planStack({ programDir: path.join(ROOT, g.program), stack: g.stack, evaluate: async () => [], runtimeVersion: RUNTIME_VERSION[g.program] });
        return snapshotOf(report, warnings.sort());
    } finally {
        pulumi.log.warn = warn;
    }
}

/** Serialised as committed: two-space JSON, newline at the end. */
export function serialise(snapshot: unknown): string {
    return JSON.stringify(snapshot, null, 2) + "\n";
}

async function main(): Promise<void> {
    fs.mkdirSync(PLANS_DIR, { recursive: true });
    for (const g of goldenStacks()) {
        fs.writeFileSync(g.file, serialise(await planSnapshot(g)));
        console.log(`wrote ${path.relative(ROOT, g.file)}`);
    }
}

if (require.main === module) {
    main().catch((err) => {
        console.error(err);
        process.exit(1);
    });
}
