import { strict as assert } from "assert";
import * as path from "path";
import { AgentEnvironment, AgentEnvironmentArgs, EnvironmentName, InputValidationError } from "../../sdk";
import { ESTABLISHED, record } from "../harness";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-agent");
const REPO = "aws:ecr/repository:Repository";
const VPC = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"], securityGroupIds: ["sg-0123456789abcdef0"] };

function args(environment: EnvironmentName, repository?: { forceDelete?: boolean }): AgentEnvironmentArgs {
    return {
        environment,
        runtimeVersion: environment === "dev" ? undefined : "1",
        network: environment === "dev" ? { mode: "PUBLIC" } : VPC,
        image: { build: { context: SAMPLE }, repository },
    };
}

/**
 * A repository that holds images cannot be deleted without forceDelete (destroy, or a replacement
 * such as a new KMS key), and deleting it deletes the images older runtime versions run.
 */
describe("the image repository's forceDelete follows the profile", () => {
    for (const [environment, forceDelete] of [["dev", true], ["staging", true], ["prod", false]] as [EnvironmentName, boolean][]) {
        it(`${environment}: forceDelete ${forceDelete} by default`, async () => {
            const reg = await record(() => new AgentEnvironment("support-agent", args(environment)), undefined, undefined, ESTABLISHED);
            assert.equal(reg.one(REPO).inputs.forceDelete, forceDelete);
        });
    }

    it("dev: an explicit forceDelete false is kept", async () => {
        const reg = await record(() => new AgentEnvironment("support-agent", args("dev", { forceDelete: false })));
        assert.equal(reg.one(REPO).inputs.forceDelete, false);
    });

    it("prod: forceDelete true is refused before anything is registered", async () => {
        let error: unknown;
        const reg = await record(() => {
            try {
                new AgentEnvironment("support-agent", args("prod", { forceDelete: true }));
            } catch (e) {
                error = e;
            }
        });
        assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
        assert.deepEqual(error.problems, [
            "image.repository.forceDelete true is not allowed in prod: its profile protects data, and deleting a repository that holds images deletes the images older runtime versions run (no rollback to them)",
        ]);
        assert.deepEqual(reg.ofType(REPO), []);
    });
});
