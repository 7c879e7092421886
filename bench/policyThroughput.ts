// Child process of the benchmark: plans the generated scaling program (argv[2]) without
// evaluating policies, keeps its first argv[3] resources and times `evaluatePolicies` on
// them: the first run (cold) and argv[4] warm runs. Prints one JSON line.
import { performance } from "perf_hooks";
import { evaluatePolicies, EvaluateOptions } from "../policy/evaluate";
import { RecordedResource } from "../plan/mocks";
import { planStack } from "../plan/run";
import { SCALING_STACK } from "./program";

/** What the child reports. */
export interface PolicyTimes {
    /** Resources evaluated. */
    resources: number;
    /** Violations the pack found (the same on every run). */
    violations: number;
    /** The first evaluation in the process. */
    coldMs: number;
    /** Every later evaluation. */
    warmMs: number[];
}

async function main(programDir: string, size: number, warmRuns: number): Promise<PolicyTimes> {
    let recorded: RecordedResource[] = [];
    let options: EvaluateOptions = {};
    await planStack({
        programDir,
        stack: SCALING_STACK,
        evaluate: async (resources, evaluateOptions) => {
            recorded = resources;
            options = evaluateOptions;
            return [];
        },
    });
    if (recorded.length < size) {
        throw new Error(`the program registered ${recorded.length} resources, fewer than the ${size} to evaluate`);
    }
    const resources = recorded.slice(0, size);
    const timed = async () => {
        const start = performance.now();
        const violations = await evaluatePolicies(resources, options);
        return { ms: performance.now() - start, violations: violations.length };
    };
    const cold = await timed();
    const warmMs: number[] = [];
    for (let i = 0; i < warmRuns; i++) {
        warmMs.push((await timed()).ms);
    }
    return { resources: resources.length, violations: cold.violations, coldMs: cold.ms, warmMs };
}

main(process.argv[2], Number(process.argv[3]), Number(process.argv[4])).then(
    (times) => process.stdout.write(JSON.stringify(times) + "\n"),
    (err) => {
        process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
        process.exitCode = 1;
    },
);
