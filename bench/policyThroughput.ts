// Child process of the benchmark: plans the generated scaling program (argv[2]) without
// evaluating policies, keeps its first argv[3] resources, attaches AWS managed policies to
// every role among them (so the pack expands managed policies too), and times
// `evaluatePolicies` on them: the first run (cold, which reads the managed policy table) and
// argv[4] warm runs. Prints one JSON line.
import { performance } from "perf_hooks";
import { evaluatePolicies, EvaluateOptions } from "../policy/evaluate";
import { RecordedResource } from "../plan/mocks";
import { planStack } from "../plan/run";
import { SCALING_STACK } from "./program";

/**
 * AWS managed policies attached to every role of the measured slice: what real stacks attach
 * (Lambda and ECR read access, CloudWatch agent), one with a path, none broad.
 */
export const BENCH_MANAGED_POLICIES = [
    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
    "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
];

/** The resources with {@link BENCH_MANAGED_POLICIES} added to every role's managedPolicyArns (inputs and outputs). */
function withManagedPolicies(resources: RecordedResource[]): { resources: RecordedResource[]; roles: number } {
    let roles = 0;
    const out = resources.map((r) => {
        if (r.type !== "aws:iam/role:Role") {
            return r;
        }
        roles++;
        const add = (props: Record<string, any>) => ({ ...props, managedPolicyArns: [...(props.managedPolicyArns ?? []), ...BENCH_MANAGED_POLICIES] });
        return { ...r, inputs: add(r.inputs), outputs: add(r.outputs) };
    });
    return { resources: out, roles };
}

/** What the child reports. */
export interface PolicyTimes {
    /** Resources evaluated. */
    resources: number;
    /** Roles among them, each given the AWS managed policies of BENCH_MANAGED_POLICIES. */
    rolesWithManagedPolicies: number;
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
    const { resources, roles } = withManagedPolicies(recorded.slice(0, size));
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
    return { resources: resources.length, rolesWithManagedPolicies: roles, violations: cold.violations, coldMs: cold.ms, warmMs };
}

// Run only as the bench's child process (bench/run.ts imports BENCH_MANAGED_POLICIES from here).
if (require.main === module) {
    main(process.argv[2], Number(process.argv[3]), Number(process.argv[4])).then(
        (times) => process.stdout.write(JSON.stringify(times) + "\n"),
        (err) => {
            process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
            process.exitCode = 1;
        },
    );
}
