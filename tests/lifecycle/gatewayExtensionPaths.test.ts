import { strict as assert } from "assert";
import { AgentEnvironmentArgs } from "../../sdk";
import { changeOf, compareSequence } from "./changeSet";
import { planEnvironments } from "./plan";
import { base, GATEWAY, ORDERS, PROFILES, summary } from "./paths";

// issue 24 items 2 and 3: the change paths of gateway interceptors and rate limits.

const RATE_LIMIT = "aws-native:bedrockagentcore:GatewayRateLimit";
const PII = "arn:aws:lambda:us-east-1:123456789012:function:pii-redactor";
const PER_TOOL = (perMinute: number, keys: string[] = ["toolName"]) => [
    { id: "per-tool", dimensionKeys: keys, entries: [{ dimensions: Object.fromEntries(keys.map((k) => [k, "*"])), requests: { rate: perMinute, period: "minute" as const } }] },
];

describe("change paths of gateway interceptors and rate limits (issue 24 items 2 and 3)", function () {
    this.timeout(300000);
    for (const env of PROFILES) {
        it(`${env}: issue 24 item 2: adding, moving and removing an interceptor updates the gateway in place (same URL)`, async () => {
            const step = (interceptors?: AgentEnvironmentArgs["gateway"] extends infer G ? (G extends { interceptors?: infer I } ? I : never) : never): AgentEnvironmentArgs => ({
                ...base(env),
                gateway: { targets: [ORDERS], ...(interceptors ? { interceptors } : {}) },
            });
            const { transitions, findings } = compareSequence(
                await planEnvironments([step(), step([{ functionArn: PII, points: ["REQUEST"] }]), step([{ functionArn: PII, points: ["RESPONSE"], passRequestHeaders: true }]), step()]),
            );
            for (const t of transitions) {
                assert.equal(changeOf(t, GATEWAY).kind, "update");
            }
            assert.deepEqual(summary(transitions), [], findings.join("\n"));
        });

        it(`${env}: issue 24 item 3: a new rate only updates the limit; new dimension keys are a new limit (new AWS id) created beside the old, which is then deleted`, async () => {
            const step = (perMinute: number, keys?: string[]): AgentEnvironmentArgs => ({ ...base(env), gateway: { targets: [ORDERS], rateLimits: PER_TOOL(perMinute, keys) } });
            const states = await planEnvironments([step(100), step(200), step(200, ["toolName", "targetName"])]);
            const { transitions, findings } = compareSequence(states);
            assert.equal(changeOf(transitions[0], RATE_LIMIT).kind, "update");
            assert.deepEqual(transitions[1].changes.filter((c) => c.type === RATE_LIMIT).map((c) => c.kind).sort(), ["create", "delete"]);
            // red-team 3: the new limit must not ask AWS for the id the old one still holds (ids are unique per gateway).
            const ids = [states[1], states[2]].map((s) => s.find((r) => r.type === RATE_LIMIT)!.inputs.rateLimitId);
            assert.notEqual(ids[0], ids[1], "a new key set gets a new AWS rateLimitId");
            assert.deepEqual(summary(transitions), [], findings.join("\n"));
        });

        // red-team finding 3: AWS keeps dimension keys unique per gateway, so a renamed id must not create the new limit
        // beside the old one (same keys): it is the same resource, replaced, the old limit deleted first.
        const rateChanges = (t: { changes: { type: string; kind: string; name: string }[] }) => t.changes.filter((c) => c.type === RATE_LIMIT).map((c) => c.kind);
        it(`${env}: issue 24 item 3 (red-team 3): renaming a limit's id with the same dimension keys replaces the one resource, deleting the old limit first`, async () => {
            const step = (id: string): AgentEnvironmentArgs => ({ ...base(env), gateway: { targets: [ORDERS], rateLimits: [{ ...PER_TOOL(100)[0], id }] } });
            const states = await planEnvironments([step("per-tool"), step("tools")]);
            const { transitions, findings } = compareSequence(states);
            assert.deepEqual(rateChanges(transitions[0]), ["replace"], "one replacement, not a create beside a delete");
            const limit = states[1].find((r) => r.type === RATE_LIMIT)!;
            assert.equal(limit.options.deleteBeforeReplace, true, "the old limit (same keys) is deleted first");
            assert.deepEqual(summary(transitions), [], findings.join("\n"));
        });

        if (env !== "dev") {
            it(`${env}: issue 24 item 3 (red-team 3): switching from the profile's limit to an explicit one on the same key replaces it, deleting the old first`, async () => {
                const explicit: AgentEnvironmentArgs = {
                    ...base(env),
                    gateway: {
                        targets: [ORDERS],
                        rateLimits: [{ id: "agent", dimensionKeys: ["$.context.iam.principal"], entries: [{ dimensions: { "$.context.iam.principal": "*" }, requests: { rate: 3000, period: "minute" } }] }],
                    },
                };
                const states = await planEnvironments([{ ...base(env), gateway: { targets: [ORDERS] } }, explicit]);
                const { transitions, findings } = compareSequence(states);
                assert.deepEqual(rateChanges(transitions[0]), ["replace"], "the profile's per-principal limit becomes the explicit one in place of itself");
                assert.equal(states[1].find((r) => r.type === RATE_LIMIT)!.options.deleteBeforeReplace, true, "deleted first");
                assert.deepEqual(summary(transitions), [], findings.join("\n"));
            });
        }

        it(`${env}: issue 24 item 3: a new gateway (inbound auth change) replaces its rate limits with it`, async () => {
            const step = (inboundAuth: NonNullable<AgentEnvironmentArgs["gateway"]>["inboundAuth"]): AgentEnvironmentArgs => ({
                ...base(env),
                gateway: { targets: [ORDERS], inboundAuth, rateLimits: PER_TOOL(100) },
            });
            const { transitions } = compareSequence(
                await planEnvironments([step({ type: "AWS_IAM" }), step({ type: "CUSTOM_JWT", discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedAudiences: ["tools"] })]),
            );
            assert.equal(changeOf(transitions[0], GATEWAY).kind, "replace");
            assert.equal(changeOf(transitions[0], RATE_LIMIT).kind, "replace");
        });
    }
});
