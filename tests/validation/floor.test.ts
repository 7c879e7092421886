import { strict as assert } from "assert";
import { Problems, checkAwsTags, checkShape, checkTags } from "../../sdk/validation";

const SRC = "(bedrock-agentcore-control API model, shape";
const AWS = "(AWS tag restrictions)";

function problems(check: (p: Problems) => void): readonly string[] {
    const p = new Problems();
    check(p);
    return p.messages;
}

describe("shared floor: every model shape checks the value's type", () => {
    const cases: [string, unknown, string, string[]][] = [
        ["a fraction for an integer", 60.5, "LifecycleConfigurationMaxLifetimeInteger", [`f 60.5 must be a whole number ${SRC} LifecycleConfigurationMaxLifetimeInteger)`]],
        ["a numeric string for an integer", "600", "LifecycleConfigurationMaxLifetimeInteger", [`f "600" must be a whole number (got a string) ${SRC} LifecycleConfigurationMaxLifetimeInteger)`]],
        ["NaN for an integer", Number.NaN, "CreateMemoryInputEventExpiryDurationInteger", [`f NaN must be a whole number (got a number) ${SRC} CreateMemoryInputEventExpiryDurationInteger)`]],
        ["a number for a string", 42, "Description", [`f 42 must be a string (got a number) ${SRC} Description)`]],
        ["a boolean for a string", true, "AgentRuntimeName", [`f true must be a string (got a boolean) ${SRC} AgentRuntimeName)`]],
        ["an object for a list", { a: 1 }, "RequestHeaderAllowlist", [`f {"a":1} must be a list (got an object) ${SRC} RequestHeaderAllowlist)`]],
        ["a list for a map", ["a"], "EnvironmentVariablesMap", [`f ["a"] must be a map of names to values (got a list) ${SRC} EnvironmentVariablesMap)`]],
        ["a whole number in range", 600, "LifecycleConfigurationMaxLifetimeInteger", []],
    ];
    for (const [title, value, shape, expected] of cases) {
        it(title, () => {
            assert.deepEqual(problems((p) => checkShape(p, "f", value, shape as any)), expected);
        });
    }
});

describe("shared floor: tag rules", () => {
    const fifty = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
    const cases: [string, unknown, string[], string[]][] = [
        [
            "reserved aws: prefix on a key and a value, any case",
            { "AWS:team": "x", owner: "aws:me" },
            [`tags key "AWS:team" must not start with "aws:" (reserved for AWS) ${AWS}`, `tags.owner "aws:me" must not start with "aws:" (reserved for AWS) ${AWS}`],
            [`tags key "AWS:team" must not start with "aws:" (reserved for AWS) ${AWS}`, `tags.owner "aws:me" must not start with "aws:" (reserved for AWS) ${AWS}`],
        ],
        ["51 tags", fifty, [`tags "51 tags" must have at most 50 tags ${AWS}`], [`tags (a map of 51 entries) must have at most 50 entries ${SRC} TagsMap)`]],
        [
            "a 129-character key and a 257-character value",
            { ["k".repeat(129)]: "v".repeat(257) },
            [`tags key "${"k".repeat(117)}..." must have 1 to 128 characters ${AWS}`, `tags.${"k".repeat(129)} "${"v".repeat(117)}..." must have at most 256 characters ${AWS}`],
            [`tags key "${"k".repeat(117)}..." must have at most 128 characters ${SRC} TagKey)`, `tags.${"k".repeat(129)} "${"v".repeat(117)}..." must have at most 256 characters ${SRC} TagValue)`],
        ],
        [
            "Unicode letters: AWS-wide they are allowed, AgentCore's model refuses them",
            { équipe: "café" },
            [],
            [`tags key "équipe" must match [a-zA-Z0-9\\s._:/=+@-]* ${SRC} TagKey)`, `tags.équipe "café" must match [a-zA-Z0-9\\s._:/=+@-]* ${SRC} TagValue)`],
        ],
        ["a character no AWS service accepts", { "team!": "a#b" }, [`tags key "team!" may contain only letters, digits, white space and _ . : / = + - @ ${AWS}`, `tags.team! "a#b" may contain only letters, digits, white space and _ . : / = + - @ ${AWS}`], [`tags key "team!" must match [a-zA-Z0-9\\s._:/=+@-]* ${SRC} TagKey)`, `tags.team! "a#b" must match [a-zA-Z0-9\\s._:/=+@-]* ${SRC} TagValue)`]],
        ["a number as a value", { cost: 12 }, [`tags.cost 12 must be a string ${AWS}`], [`tags.cost 12 must be a string (got a number) ${SRC} TagValue)`]],
        ["a list instead of a map", ["team"], [`tags ["team"] must be a map of tag keys to string values ${AWS}`], [`tags ["team"] must be a map of tag keys to string values ${AWS}`]],
        ["valid tags", { team: "support", "cost-center": "42" }, [], []],
    ];
    for (const [title, tags, awsWide, agentCore] of cases) {
        it(`AWS-wide (keys, images): ${title}`, () => {
            assert.deepEqual(problems((p) => checkAwsTags(p, "tags", tags)), awsWide);
        });
        it(`AgentCore components: ${title}`, () => {
            assert.deepEqual(problems((p) => checkTags(p, tags, "tags")), agentCore);
        });
    }
});
