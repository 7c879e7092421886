import { strict as assert } from "assert";
import type { AgentCoreControlSdk, Clock, RegistryRecordState } from "../../sdk/registry/submit.mjs";

// issue 24 red-team item 1: records are created in DRAFT (not discoverable); the script RegistryPublication's
// commands run submits them for approval once they settle, as the Terraform provider's submit action does.

const ENV = { REGISTRY_ID: "AbCdEf12345678", REGISTRY_RECORD_ID: "Rec0123456ab", REGISTRY_RECORD_VERSION: "3", AWS_REGION: "us-east-1" };
const TARGET = "record Rec0123456ab of registry AbCdEf12345678";

/** The script, loaded as the Command loads it (an ES module). */
function script(): Promise<typeof import("../../sdk/registry/submit.mjs")> {
    return import("../../sdk/registry/submit.mjs");
}

/** A fake SDK: GetRegistryRecord answers the given records in turn (the last one repeats); records every call. */
function fakeSdk(reads: (RegistryRecordState | Error)[], submitted: RegistryRecordState | Error = { status: "PENDING_APPROVAL" }) {
    const calls: { command: string; input: Record<string, unknown> }[] = [];
    const regions: string[] = [];
    let read = 0;
    class GetRegistryRecordCommand {
        readonly name = "GetRegistryRecord";
        constructor(readonly input: { registryId: string; recordId: string }) {}
    }
    class SubmitRegistryRecordForApprovalCommand {
        readonly name = "SubmitRegistryRecordForApproval";
        constructor(readonly input: { registryId: string; recordId: string }) {}
    }
    class BedrockAgentCoreControlClient {
        constructor(config: { region: string }) {
            regions.push(config.region);
        }
        async send(command: GetRegistryRecordCommand | SubmitRegistryRecordForApprovalCommand): Promise<RegistryRecordState> {
            calls.push({ command: command.name, input: command.input });
            const answer = command.name === "GetRegistryRecord" ? reads[Math.min(read++, reads.length - 1)] : submitted;
            if (answer instanceof Error) {
                throw answer;
            }
            return answer;
        }
    }
    const sdk: AgentCoreControlSdk = { BedrockAgentCoreControlClient, GetRegistryRecordCommand, SubmitRegistryRecordForApprovalCommand };
    return { sdk, calls, regions };
}

/** A clock that moves only when the script sleeps. */
function fakeClock(): Clock & { slept: number[] } {
    let now = 0;
    const slept: number[] = [];
    return {
        slept,
        now: () => now,
        sleep: async (ms) => {
            slept.push(ms);
            now += ms;
        },
    };
}

function capture() {
    const logs: string[] = [];
    const errors: string[] = [];
    return { out: { log: (m: string) => logs.push(m), error: (m: string) => errors.push(m) }, logs, errors };
}

const IDS = { registryId: "AbCdEf12345678", recordId: "Rec0123456ab" };

describe("registry record submission script (sdk/registry/submit.mjs, issue 24 red-team item 1)", () => {
    it("decides by status: wait while written, submit a DRAFT, leave submitted ones, fail on the rest with the reason", async () => {
        const { decide } = await script();
        const cases: [RegistryRecordState, string, string][] = [
            [{ status: "CREATING" }, "wait", "is CREATING"],
            [{ status: "UPDATING" }, "wait", "is UPDATING"],
            [{ status: "DRAFT", recordVersion: "3" }, "submit", "is DRAFT"],
            [{ status: "PENDING_APPROVAL", recordVersion: "3" }, "done", "is already PENDING_APPROVAL, nothing to submit"],
            [{ status: "APPROVED", recordVersion: "3" }, "done", "is already APPROVED, nothing to submit"],
            [
                { status: "APPROVED", recordVersion: "2" },
                "fail",
                "is APPROVED at version 2, not the deployed version 3: the record was changed after this deployment; run pulumi refresh and deploy again",
            ],
            [{ status: "REJECTED", statusReason: "no owner tag" }, "fail", "is REJECTED by a curator (status reason: no owner tag): change the record (a new DRAFT revision) and deploy again"],
            [{ status: "DEPRECATED" }, "fail", "is DEPRECATED, which is terminal: it cannot be submitted; replace the record (change publish.registry or delete it)"],
            [{ status: "CREATE_FAILED", statusReason: "descriptor is not valid A2A" }, "fail", "is CREATE_FAILED (status reason: descriptor is not valid A2A)"],
            [{ status: "UPDATE_FAILED" }, "fail", "is UPDATE_FAILED"],
            [{ status: "ARCHIVED" }, "fail", 'is in status "ARCHIVED", which cannot be submitted for approval'],
        ];
        assert.deepEqual(
            cases.map(([record]) => decide(record, "3")),
            cases.map(([, action, message]) => ({ action, message })),
        );
    });

    it("submits a DRAFT record in the record's region, by plain ids", async () => {
        const { main } = await script();
        const fake = fakeSdk([{ status: "DRAFT", recordVersion: "3" }], { status: "APPROVED" });
        const printed = capture();
        assert.equal(await main(ENV, async () => fake.sdk, printed.out, fakeClock()), 0);
        assert.deepEqual(fake.regions, ["us-east-1"]);
        assert.deepEqual(fake.calls, [
            { command: "GetRegistryRecord", input: IDS },
            { command: "SubmitRegistryRecordForApproval", input: IDS },
        ]);
        assert.deepEqual(printed.logs, [`registry record submission: ${TARGET} submitted for approval; it is now APPROVED`]);
        assert.deepEqual(printed.errors, []);
    });

    it("waits while the record is CREATING or UPDATING, then submits it", async () => {
        const { main, POLL_SECONDS } = await script();
        const fake = fakeSdk([{ status: "CREATING" }, { status: "UPDATING" }, { status: "DRAFT" }]);
        const clock = fakeClock();
        const printed = capture();
        assert.equal(await main(ENV, async () => fake.sdk, printed.out, clock), 0);
        assert.deepEqual(fake.calls.map((c) => c.command), ["GetRegistryRecord", "GetRegistryRecord", "GetRegistryRecord", "SubmitRegistryRecordForApproval"]);
        assert.deepEqual(clock.slept, [POLL_SECONDS * 1000, POLL_SECONDS * 1000]);
        assert.deepEqual(printed.logs, [`registry record submission: ${TARGET} submitted for approval; it is now PENDING_APPROVAL`]);
    });

    it("gives up after 10 minutes of CREATING with a clear message, without submitting", async () => {
        const { main, SETTLE_TIMEOUT_SECONDS, POLL_SECONDS } = await script();
        assert.equal(SETTLE_TIMEOUT_SECONDS, 600, "the Terraform action's default");
        const fake = fakeSdk([{ status: "CREATING" }]);
        const clock = fakeClock();
        const printed = capture();
        assert.equal(await main(ENV, async () => fake.sdk, printed.out, clock), 1);
        assert.equal(clock.slept.length, SETTLE_TIMEOUT_SECONDS / POLL_SECONDS, "reads every 5 s until the 10 minutes are over");
        assert.equal(fake.calls.filter((c) => c.command === "SubmitRegistryRecordForApproval").length, 0);
        assert.deepEqual(printed.errors, [`registry record submission: ${TARGET} did not settle within 600 s: it is still CREATING`]);
    });

    it("does nothing for a record already submitted (a rerun), and fails on a rejected one with the curator's reason", async () => {
        const { main } = await script();
        const done = fakeSdk([{ status: "PENDING_APPROVAL", recordVersion: "3" }]);
        const printed = capture();
        assert.equal(await main(ENV, async () => done.sdk, printed.out, fakeClock()), 0);
        assert.deepEqual(done.calls.map((c) => c.command), ["GetRegistryRecord"]);
        assert.deepEqual(printed.logs, [`registry record submission: ${TARGET} is already PENDING_APPROVAL, nothing to submit`]);
        const rejected = fakeSdk([{ status: "REJECTED", statusReason: "missing skills" }]);
        const failed = capture();
        assert.equal(await main(ENV, async () => rejected.sdk, failed.out, fakeClock()), 1);
        assert.deepEqual(failed.errors, [
            `registry record submission: ${TARGET} is REJECTED by a curator (status reason: missing skills): change the record (a new DRAFT revision) and deploy again`,
        ]);
    });

    it("fails with the SDK's error when reading or submitting fails", async () => {
        const { main, NAMESPACE_HINT } = await script();
        const denied = Object.assign(new Error("User is not authorized to perform: agent-registry:SubmitRegistryRecordForApproval"), { name: "AccessDeniedException" });
        const printed = capture();
        assert.equal(await main(ENV, async () => fakeSdk([{ status: "DRAFT" }], denied).sdk, printed.out, fakeClock()), 1);
        assert.deepEqual(printed.errors, [`registry record submission: submitting ${TARGET} failed: AccessDeniedException: User is not authorized to perform: agent-registry:SubmitRegistryRecordForApproval${NAMESPACE_HINT}`]);
        const missing = Object.assign(new Error("record not found"), { name: "ResourceNotFoundException" });
        const read = capture();
        assert.equal(await main(ENV, async () => fakeSdk([missing]).sdk, read.out, fakeClock()), 1);
        assert.deepEqual(read.errors, [`registry record submission: reading ${TARGET} failed: ResourceNotFoundException: record not found${NAMESPACE_HINT}`]);
    });

    it("names every missing or malformed setting at once, before loading the SDK", async () => {
        const { main } = await script();
        const printed = capture();
        let loaded = false;
        const code = await main({ REGISTRY_ID: "arn:aws:agent-registry:us-east-1:123456789012:registry/AbCdEf12345678", REGISTRY_RECORD_ID: "" }, async () => {
            loaded = true;
            return fakeSdk([]).sdk;
        }, printed.out);
        assert.equal(code, 2);
        assert.equal(loaded, false, "the SDK is not loaded for bad settings");
        assert.deepEqual(printed.errors, [
            'registry record submission: invalid settings: REGISTRY_ID "arn:aws:agent-registry:us-east-1:123456789012:registry/AbCdEf12345678" must be a registry id ([a-zA-Z0-9]{12,16}); REGISTRY_RECORD_ID is not set; AWS_REGION is not set',
        ]);
    });

    it("explains how to install the SDK when it cannot be loaded", async () => {
        const { loadSdk, SDK_PACKAGE } = await script();
        assert.equal(SDK_PACKAGE, "@aws-sdk/client-bedrock-agentcore-control");
        await assert.rejects(loadSdk("@agentcore-test/no-such-sdk"), (e: Error) => {
            assert.match(
                e.message,
                /^registry record submission: cannot load @agentcore-test\/no-such-sdk \(.+\); add it to the project's dependencies: npm install @agentcore-test\/no-such-sdk \(or set publish.submit to false and submit the records yourself\)$/,
            );
            return true;
        });
    });
});
