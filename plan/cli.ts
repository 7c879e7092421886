#!/usr/bin/env node
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { formatPlan, PlanReport, toSarif } from "./report";
import { Evaluator, planStack, ProgramError, stacksOf } from "./run";

const HELP = `Usage: npm run plan -- [options]

Runs a Pulumi TypeScript program offline (mocked AWS, no credentials, no Pulumi CLI)
with a stack's config, prints the resource tree, a summary and policy violations.

Options:
  --program DIR         Pulumi program directory (holds Pulumi.yaml; entry point is its
                        "main" or index.ts). Default: the current directory
  --stack NAME          Stack to plan (reads Pulumi.NAME.yaml). Default: every stack of
                        the program, one after another.
  --policy-config FILE  Policy config. Default: <name>.json in this package's policy
                        configs (dist/policy/config when installed) for the first of the
                        stack's <project>:environment config and the stack name that has
                        such a file, else prod.json (the strictest). The plan prints the
                        file it used and fails when the package has no such file.
  --json FILE           Write the report as JSON (an array when several stacks are planned).
                        Format: plan/README.md.
  --sarif FILE          Write policy violations as SARIF 2.1.0 (one run per stack).
  --runtime-version N   The version every runtime has after the update. Default 1: a new
                        stack's first deployment, so a stack pinning a later version fails
                        as that deployment would. Give the stack's current
                        latestVersion to plan an established stack.
  -h, --help            Show this help.

Secure config values get a placeholder and every secret is shown as "[secret]".

Exit codes: 0 planned (advisory violations at most), 1 mandatory policy violations,
2 the program failed or the options are wrong (nothing is written then).
`;

/** Where the CLI writes and which evaluator it uses; tests replace them. */
export interface CliIO {
    stdout?: (text: string) => void;
    stderr?: (text: string) => void;
    evaluate?: Evaluator;
}

/**
 * Runs the CLI with the given arguments (without `node` and script) and returns
 * the exit code: 0 planned, 1 mandatory violations, 2 program error or bad options.
 */
export async function runCli(argv: string[], io: CliIO = {}): Promise<number> {
    const stdout = io.stdout ?? ((text: string) => process.stdout.write(text));
    const stderr = io.stderr ?? ((text: string) => process.stderr.write(text));
    try {
        return await plan(argv, stdout, io.evaluate);
    } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        stderr(`error: ${err instanceof ProgramError ? `stack "${err.stackName}" failed: ${message}` : message}\n`);
        if (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS")) {
            stderr("Run with --help for the options.\n");
        }
        return 2;
    }
}

async function plan(argv: string[], stdout: (text: string) => void, evaluate: Evaluator | undefined): Promise<number> {
    const { values } = parseArgs({
        args: argv,
        options: {
            program: { type: "string" },
            stack: { type: "string" },
            "policy-config": { type: "string" },
            json: { type: "string" },
            sarif: { type: "string" },
            "runtime-version": { type: "string" },
            help: { type: "boolean", short: "h" },
        },
        strict: true,
        allowPositionals: false,
    });
    if (values.help) {
        stdout(HELP);
        return 0;
    }
    const programDir = path.resolve(values.program ?? process.cwd());
    const stacks = values.stack ? [values.stack] : stacksOf(programDir);
    if (stacks.length === 0) {
        throw new Error(`no Pulumi.<stack>.yaml in ${programDir}: add one or pass --program with a Pulumi program directory`);
    }

    const runtimeVersion = values["runtime-version"];
    if (runtimeVersion !== undefined && !/^[1-9][0-9]{0,4}$/.test(runtimeVersion)) {
        throw new Error(`--runtime-version "${runtimeVersion}" must be a runtime version number (1-99999)`);
    }
    const reports: PlanReport[] = [];
    for (const stack of stacks) {
        const report = await planStack({ programDir, stack, policyConfig: values["policy-config"], evaluate, runtimeVersion });
        stdout(`${reports.length > 0 ? "\n" : ""}${formatPlan(report)}`);
        reports.push(report);
    }
    if (values.json) {
        const content = reports.length === 1 ? reports[0] : reports;
        fs.writeFileSync(values.json, JSON.stringify(content, null, 2) + "\n");
    }
    if (values.sarif) {
        fs.writeFileSync(values.sarif, JSON.stringify(toSarif(reports), null, 2) + "\n");
    }
    return reports.some((r) => r.summary.violations.mandatory > 0) ? 1 : 0;
}

if (require.main === module) {
    let finished = false;
    // A program awaiting something that never settles lets Node exit silently with code 0: say so and fail.
    process.on("beforeExit", () => {
        if (!finished) {
            finished = true;
            process.stderr.write("error: the program never finished: it awaits a value that never settles (a dependency cycle?)\n");
            process.exitCode = 2;
        }
    });
    runCli(process.argv.slice(2)).then((code) => {
        finished = true;
        process.exitCode = code;
    });
}
