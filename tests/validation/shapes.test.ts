import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { SHAPES } from "../../sdk";

/** The AWS API model, vendored in data/aws-models (provenance there). */
const MODEL_PATH = path.join(__dirname, "..", "..", "data", "aws-models", "bedrock-agentcore-control.service-2.json");

describe("validation constraints match AWS's API model", () => {
    const shapes: Record<string, any> = JSON.parse(fs.readFileSync(MODEL_PATH, "utf8")).shapes;

    for (const [name, constraint] of Object.entries(SHAPES)) {
        it(`${name} equals the model's shape`, () => {
            const model = shapes[name];
            assert.ok(model, `shape ${name} does not exist in the API model`);
            const expected: Record<string, unknown> = {};
            for (const key of ["type", "pattern", "min", "max", "enum"] as const) {
                if (model[key] !== undefined) {
                    expected[key] = model[key];
                }
            }
            assert.deepEqual({ ...constraint }, expected);
        });
    }
});
