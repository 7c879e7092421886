import * as fs from "fs";
import * as path from "path";

/** Project name of the generated scaling program. */
export const SCALING_PROJECT = "bench-agents";
/** Its one stack. */
export const SCALING_STACK = "bench";

/**
 * Writes a Pulumi program of `count` agents ({@link agentsProgram}) into `dir`:
 * `Pulumi.yaml`, `Pulumi.bench.yaml` with the agent count, and an `index.ts`
 * that runs the fixture from this package.
 */
export function writeAgentsProgram(dir: string, count: number): void {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${SCALING_PROJECT}\nruntime: nodejs\n`);
    fs.writeFileSync(
        path.join(dir, `Pulumi.${SCALING_STACK}.yaml`),
        `config:\n  aws:region: us-east-1\n  ${SCALING_PROJECT}:environment: prod\n  ${SCALING_PROJECT}:agents: ${count}\n`,
    );
    const fixture = path.join(__dirname, "agents");
    fs.writeFileSync(
        path.join(dir, "index.ts"),
        `import * as pulumi from "@pulumi/pulumi";\n` +
            `import { agentsProgram } from ${JSON.stringify(fixture)};\n\n` +
            `agentsProgram(new pulumi.Config().requireNumber("agents"));\n`,
    );
}
