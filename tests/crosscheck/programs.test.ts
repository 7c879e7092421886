import { strict as assert } from "assert";
import * as path from "path";
import { listStacks, readProjectFile, readStackConfig } from "../../plan/config";
import { planStack } from "../../plan/run";
import { ENVIRONMENT_NAMES, EnvironmentName } from "../../sdk";
import { EXPECT_VIOLATIONS_MARKER, GATE_OF, gatedPrograms, gateFailures, policyConfigOf, ROOT } from "./gate";

/** The environment a stack is meant for: its `<project>:environment` config, else its name. */
function environmentOf(programDir: string, stack: string): string {
    const project = readProjectFile(programDir);
    return readStackConfig(programDir, project, stack).values[`${project.name}:environment`] ?? stack;
}

const isEnvironment = (name: string): name is EnvironmentName => (ENVIRONMENT_NAMES as readonly string[]).includes(name);

const programs = gatedPrograms();

describe("cross-check: the root project and every example pass the gate of their environment", () => {
    it(`covers the root project and the examples, skipping programs marked ${EXPECT_VIOLATIONS_MARKER}`, () => {
        const names = programs.map((dir) => path.relative(ROOT, dir) || ".");
        assert.ok(names.includes(".") && names.includes(path.join("examples", "quickstart")), `programs: ${names.join(", ")}`);
        assert.equal(names.includes(path.join("examples", "bad-stack")), false);
        // A program without a Pulumi.<stack>.yaml would be planned in no environment at all.
        assert.deepEqual(programs.filter((dir) => listStacks(dir).length === 0), []);
    });

    for (const programDir of programs) {
        for (const stack of listStacks(programDir)) {
            const environment = environmentOf(programDir, stack);
            it(`${path.relative(ROOT, programDir) || "root project"} stack ${stack} (${environment})`, async () => {
                assert.ok(isEnvironment(environment), `${path.join(programDir, `Pulumi.${stack}.yaml`)}: environment "${environment}" is none of ${ENVIRONMENT_NAMES.join(", ")}; set <project>:environment`);
                const gate = GATE_OF[environment];
                const report = await planStack({ programDir, stack, policyConfig: policyConfigOf(gate) });
                assert.equal(report.policyConfig.found, true);
                assert.deepEqual(gateFailures(report.violations, gate), []);
            });
        }
    }
});
