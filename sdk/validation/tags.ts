import { isKnown, checkShape } from "./check";
import { Problems } from "./problems";

/**
 * AWS-wide tag rules (the "standard set" most services state, e.g.
 * https://docs.aws.amazon.com/personalize/latest/dg/personalize-managing-tags.html):
 * at most 50 tags per resource, keys of 1-128 and values of 0-256 Unicode
 * characters of letters, digits, white space and `_ . : / = + - @`, and no key or
 * value starting with the `aws:` prefix (any case), which AWS reserves.
 */
export const AWS_TAG_RULES = {
    maxTags: 50,
    maxKeyLength: 128,
    maxValueLength: 256,
    characters: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
    reservedPrefix: "aws:",
    source: "AWS tag restrictions",
} as const;

/**
 * Checks one tag map against the AWS-wide rules, recording every problem, and
 * returns the entries that passed (so a caller adding a service's stricter rules
 * does not report the same fault twice). Values still unknown (Outputs) are skipped.
 */
export function checkAwsTags(problems: Problems, path: string, tags: unknown): [string, string][] {
    if (tags === undefined || tags === null) {
        return [];
    }
    if (typeof tags !== "object" || Array.isArray(tags)) {
        problems.add(path, tags, `must be a map of tag keys to string values (${AWS_TAG_RULES.source})`);
        return [];
    }
    const entries = Object.entries(tags as Record<string, unknown>);
    if (entries.length > AWS_TAG_RULES.maxTags) {
        problems.add(path, `${entries.length} tags`, `must have at most ${AWS_TAG_RULES.maxTags} tags (${AWS_TAG_RULES.source})`);
    }
    const passed: [string, string][] = [];
    for (const [key, value] of entries) {
        const before = problems.count;
        const keyLength = [...key].length;
        if (keyLength < 1 || keyLength > AWS_TAG_RULES.maxKeyLength) {
            problems.add(`${path} key`, key, `must have 1 to ${AWS_TAG_RULES.maxKeyLength} characters (${AWS_TAG_RULES.source})`);
        }
        if (!AWS_TAG_RULES.characters.test(key)) {
            problems.add(`${path} key`, key, `may contain only letters, digits, white space and _ . : / = + - @ (${AWS_TAG_RULES.source})`);
        }
        if (key.toLowerCase().startsWith(AWS_TAG_RULES.reservedPrefix)) {
            problems.add(`${path} key`, key, `must not start with "aws:" (reserved for AWS) (${AWS_TAG_RULES.source})`);
        }
        if (!isKnown(value)) {
            continue;
        }
        if (typeof value !== "string") {
            problems.add(`${path}.${key}`, value, `must be a string (${AWS_TAG_RULES.source})`);
        } else {
            if ([...value].length > AWS_TAG_RULES.maxValueLength) {
                problems.add(`${path}.${key}`, value, `must have at most ${AWS_TAG_RULES.maxValueLength} characters (${AWS_TAG_RULES.source})`);
            }
            if (!AWS_TAG_RULES.characters.test(value)) {
                problems.add(`${path}.${key}`, value, `may contain only letters, digits, white space and _ . : / = + - @ (${AWS_TAG_RULES.source})`);
            }
            if (value.toLowerCase().startsWith(AWS_TAG_RULES.reservedPrefix)) {
                problems.add(`${path}.${key}`, value, `must not start with "aws:" (reserved for AWS) (${AWS_TAG_RULES.source})`);
            }
        }
        if (problems.count === before) {
            passed.push([key, value as string]);
        }
    }
    return passed;
}

/**
 * Checks the tags of a component that creates AgentCore resources: the AgentCore
 * API model's shapes (TagsMap: at most 50; TagKey 1-128 and TagValue 0-256
 * characters of ASCII letters, digits, white space and `_ . : / = + - @`, narrower
 * than the AWS-wide set), plus what the model cannot say: values must be strings
 * and no key or value may start with the reserved `aws:` prefix.
 */
export function checkTags(problems: Problems, tags: unknown, path: string): void {
    if (tags === undefined || tags === null) {
        return;
    }
    if (typeof tags !== "object" || Array.isArray(tags)) {
        problems.add(path, tags, `must be a map of tag keys to string values (${AWS_TAG_RULES.source})`);
        return;
    }
    checkShape(problems, path, tags, "TagsMap");
    for (const [key, value] of Object.entries(tags as Record<string, unknown>)) {
        checkShape(problems, `${path} key`, key, "TagKey");
        if (key.toLowerCase().startsWith(AWS_TAG_RULES.reservedPrefix)) {
            problems.add(`${path} key`, key, `must not start with "aws:" (reserved for AWS) (${AWS_TAG_RULES.source})`);
        }
        if (!isKnown(value)) {
            continue;
        }
        checkShape(problems, `${path}.${key}`, value, "TagValue");
        if (typeof value === "string" && value.toLowerCase().startsWith(AWS_TAG_RULES.reservedPrefix)) {
            problems.add(`${path}.${key}`, value, `must not start with "aws:" (reserved for AWS) (${AWS_TAG_RULES.source})`);
        }
    }
}
