import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { SHAPES, ShapeName } from "../../sdk";

/** The API model, vendored in data/aws-models (provenance there). */
const MODEL = path.join(__dirname, "..", "..", "data", "aws-models", "bedrock-agentcore-control.service-2.json");

/** The shapes the tools components validate against, each compared with the API model. */
const TOOL_SHAPES: ShapeName[] = ["SandboxName", "CodeInterpreterNetworkMode", "BrowserNetworkMode", "S3LocationBucketString", "S3LocationPrefixString"];

describe("tool shapes", () => {
    const model = JSON.parse(fs.readFileSync(MODEL, "utf8")).shapes;
    for (const name of TOOL_SHAPES) {
        it(`${name} equals the API model`, () => {
            const { type, pattern, min, max, enum: values } = model[name];
            const expected = Object.fromEntries(Object.entries({ type, pattern, min, max, enum: values }).filter(([, v]) => v !== undefined));
            assert.deepEqual(SHAPES[name], expected);
        });
    }
});
