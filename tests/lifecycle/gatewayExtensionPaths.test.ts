import { strict as assert } from "assert";
import { AgentEnvironmentArgs } from "../../sdk";
import { RecordedResource } from "../../plan/mocks";
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

        it(`${env}: issue 24 item 3: a new rate only updates the limit; new dimension keys replace it, the old one deleted first (ids are unique per gateway)`, async () => {
            const step = (perMinute: number, keys?: string[]): AgentEnvironmentArgs => ({ ...base(env), gateway: { targets: [ORDERS], rateLimits: PER_TOOL(perMinute, keys) } });
            const states = await planEnvironments([step(100), step(200), step(200, ["toolName", "targetName"])]);
            const { transitions, findings } = compareSequence(states);
            assert.equal(changeOf(transitions[0], RATE_LIMIT).kind, "update");
            assert.equal(changeOf(transitions[1], RATE_LIMIT).kind, "replace");
            assert.deepEqual(summary(transitions), [], findings.join("\n"));
            // Without deleteBeforeReplace the new limit would be created under the id the old one holds.
            const createFirst = states[2].map((r): RecordedResource => (r.type === RATE_LIMIT ? { ...r, options: { ...r.options, deleteBeforeReplace: false } } : r));
            const before = compareSequence([states[1], createFirst]);
            assert.deepEqual(summary(before.transitions), [`1→2 collision ${RATE_LIMIT} agent-gateway-rate-per-tool`], before.findings.join("\n"));
        });

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
