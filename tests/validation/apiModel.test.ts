import { strict as assert } from "assert";
import { InputValidationError } from "../../sdk";
import { RecordedResource } from "../../plan/mocks";
import { record, recordFailures } from "../harness";
import { ConceptTable, constrainedFields, invalidValues, modelAccepts } from "./apiModel";
import { GATEWAY_TABLE } from "./exposed/gateway";
import { GOVERNANCE_TABLE } from "./exposed/governance";
import { IDENTITY_TABLE } from "./exposed/identity";
import { MEMORY_TABLE } from "./exposed/memory";
import { RUNTIME_TABLE } from "./exposed/runtime";
import { TOOLS_TABLE } from "./exposed/tools";

/**
 * Every constrained API field the package lets a user set, by concept (see
 * `exposed/`). The walk below derives invalid values from the model and proves
 * each one is refused with the argument named.
 */
const TABLES: ConceptTable[] = [RUNTIME_TABLE, MEMORY_TABLE, GATEWAY_TABLE, IDENTITY_TABLE, TOOLS_TABLE, GOVERNANCE_TABLE];
const EXPOSED = TABLES.flatMap((t) => t.exposed);
const DERIVED: Record<string, string> = Object.assign({}, ...TABLES.map((t) => t.derived));
const MAXIMAL = TABLES.flatMap((t) => t.maximal);

/** The errors a build produces: thrown while the program runs, or raised once values resolve. */
async function errorsOf(build: () => unknown): Promise<{ thrown: unknown; late: unknown }> {
    const { thrown, late } = await recordFailures(build);
    return { thrown, late: late[0] };
}

/** The problems of an error: an InputValidationError's list, or the message of a late failure (one problem). */
function problemsOf(error: unknown): string[] {
    if (error instanceof InputValidationError) {
        return error.problems;
    }
    assert.ok(error instanceof Error, `expected a validation error, got ${error}`);
    const match = /invalid argument:\n {2}- (.*)$/s.exec(error.message);
    assert.ok(match, `expected a late validation failure, got ${error.message}`);
    return [match[1]];
}

describe("every exposed AgentCore field is checked against the API model", () => {
    it("no constrained API field a component sends lacks a check (or a reason it needs none)", async () => {
        const sent: RecordedResource[] = [];
        for (const build of MAXIMAL) {
            sent.push(...(await record(build)).all);
        }
        const fields = sent.flatMap(constrainedFields);
        const unchecked = fields
            .map((f) => `${f.type} ${f.path}`)
            .filter((key) => !EXPOSED.some((e) => `${e.type} ${e.path}` === key) && !(key in DERIVED));
        assert.deepEqual([...new Set(unchecked)], []);
        const unused = EXPOSED.filter((e) => !fields.some((f) => f.type === e.type && f.path === e.path && f.shape === e.shape)).map((e) => `${e.type} ${e.path} ${e.shape}`);
        assert.deepEqual(unused, [], "entries that no maximal configuration sends (wrong path or shape)");
        const unsent = Object.keys(DERIVED).filter((key) => !fields.some((f) => `${f.type} ${f.path}` === key));
        assert.deepEqual(unsent, [], "derived entries that no maximal configuration sends");
    });

    for (const field of EXPOSED) {
        describe(`${field.argPath} (${field.shape})`, () => {
            it(`accepts ${JSON.stringify(field.valid)}`, async () => {
                assert.ok(modelAccepts(field.shape, field.valid), "the sample must be valid for the model");
                assert.deepEqual(await errorsOf(field.build(field.valid)), { thrown: undefined, late: undefined });
            });
            // A map key is always a string in JavaScript (a number key becomes its text), so keys get no wrong-type case.
            const cases = invalidValues(field.shape, field.valid).filter(({ rule }) => !(field.path.endsWith("{key}") && rule.startsWith("of the wrong type")));
            for (const { rule, value } of cases) {
                it(`refuses a value ${rule}${field.deferred ? " when it resolves" : ""}`, async () => {
                    assert.equal(modelAccepts(field.shape, value), false, "the derived value must be invalid for the model");
                    const { thrown, late } = await errorsOf(field.build(value));
                    const error = field.deferred ? late : thrown;
                    assert.ok(field.deferred ? thrown === undefined : thrown instanceof InputValidationError, `expected ${field.deferred ? "no error before the value resolves" : "InputValidationError"}, got ${thrown}`);
                    const message = problemsOf(error).find((p) => p.startsWith(`${field.argPath} `) && p.includes(`shape ${field.shape})`));
                    assert.ok(message, `no problem names ${field.argPath} and shape ${field.shape}: ${JSON.stringify(problemsOf(error))}`);
                });
            }
        });
    }
});
