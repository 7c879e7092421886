// Submits one agent registry record for approval, run by RegistryPublication's Command as
// `node submit.mjs` after the record is created or changed (issue 24 red-team item 1). Settings come from
// environment variables that hold no secrets; AWS credentials come from the usual chain of the process
// that runs `pulumi up`. The AWS SDK is loaded only when the script runs, so the package works without
// it until a record is published with `submit` on.
//
// Why a script: CreateRegistryRecord leaves a record in DRAFT ("Create -> DRAFT ... Submit ->
// PENDING_APPROVAL. Auto-approval skips to APPROVED",
// https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-record-lifecycle.html) and
// CloudFormation's RegistryRecord (what @pulumi/aws-native creates) has no submit property. The waits
// and statuses follow the Terraform provider's submit action
// (hashicorp/terraform-provider-aws internal/service/agentregistry/submit_registry_record_for_approval_action.go:
// wait up to 10 minutes while CREATING or UPDATING, submit a DRAFT, leave PENDING_APPROVAL and APPROVED
// alone, fail on REJECTED, DEPRECATED and the failed states with the status reason).
import { pathToFileURL } from "node:url";

/** The SDK package the script needs at run time (an optional peer dependency). */
export const SDK_PACKAGE = "@aws-sdk/client-bedrock-agentcore-control";
/** How long a record may stay CREATING or UPDATING before the script gives up (the Terraform action's default, 600 s). */
export const SETTLE_TIMEOUT_SECONDS = 600;
/** Seconds between two reads of a record that has not settled. */
export const POLL_SECONDS = 5;
/** Statuses of a record still being written (RegistryRecordStatus, bedrock-agentcore-control API model). */
export const PENDING_STATUSES = ["CREATING", "UPDATING"];

/**
 * Reads the settings from environment variables and throws one error naming
 * every missing or malformed one.
 */
export function parseSettings(env) {
    const problems = [];
    const required = (key, pattern, rule) => {
        const value = env[key];
        if (value === undefined || value === "") {
            problems.push(`${key} is not set`);
        } else if (pattern && !pattern.test(value)) {
            problems.push(`${key} ${JSON.stringify(value)} must be ${rule}`);
        }
        return value;
    };
    // Plain ids (RegistryId [a-zA-Z0-9]{12,16}, RegistryRecordId [a-zA-Z0-9]{12}): the API also takes ARNs, but
    // their namespace differs between API models (agent-registry vs bedrock-agentcore), ids do not.
    const registryId = required("REGISTRY_ID", /^[a-zA-Z0-9]{12,16}$/, "a registry id ([a-zA-Z0-9]{12,16})");
    const recordId = required("REGISTRY_RECORD_ID", /^[a-zA-Z0-9]{12}$/, "a record id ([a-zA-Z0-9]{12})");
    const region = required("AWS_REGION");
    const version = env.REGISTRY_RECORD_VERSION || undefined;
    if (problems.length > 0) {
        throw new Error(`registry record submission: invalid settings: ${problems.join("; ")}`);
    }
    return { registryId, recordId, region, ...(version !== undefined ? { version } : {}) };
}

/**
 * What to do with a record in `record.status`: `wait` (still being written), `submit` (DRAFT),
 * `done` (already submitted: PENDING_APPROVAL or APPROVED) or `fail`, with a message that
 * completes "record <id> of registry <id> ...".
 * `version` is the revision this deployment wrote: a submitted record of another version means
 * someone changed the record after this deployment, which is not this submission's to settle.
 */
export function decide(record, version) {
    const status = record?.status;
    const because = record?.statusReason ? ` (status reason: ${record.statusReason})` : "";
    switch (status) {
        case "CREATING":
        case "UPDATING":
            return { action: "wait", message: `is ${status}` };
        case "DRAFT":
            return { action: "submit", message: `is DRAFT` };
        case "PENDING_APPROVAL":
        case "APPROVED":
            if (version !== undefined && record.recordVersion !== undefined && record.recordVersion !== version) {
                return {
                    action: "fail",
                    message: `is ${status} at version ${record.recordVersion}, not the deployed version ${version}: the record was changed after this deployment; run pulumi refresh and deploy again`,
                };
            }
            return { action: "done", message: `is already ${status}, nothing to submit` };
        case "REJECTED":
            return { action: "fail", message: `is REJECTED by a curator${because}: change the record (a new DRAFT revision) and deploy again` };
        case "DEPRECATED":
            return { action: "fail", message: `is DEPRECATED, which is terminal: it cannot be submitted; replace the record (change publish.registry or delete it)` };
        case "CREATE_FAILED":
        case "UPDATE_FAILED":
            return { action: "fail", message: `is ${status}${because}` };
        default:
            return { action: "fail", message: `is in status ${JSON.stringify(status)}, which cannot be submitted for approval${because}` };
    }
}

/** Real time, replaced in tests. */
const realClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

const errorText = (e) => `${e?.name ?? "Error"}: ${e?.message ?? String(e)}`;

/**
 * Reads the record (GetRegistryRecord) every {@link POLL_SECONDS} seconds until it leaves CREATING and
 * UPDATING (at most {@link SETTLE_TIMEOUT_SECONDS}), then submits a DRAFT (SubmitRegistryRecordForApproval)
 * through `sdk` (the AWS SDK module, or a fake with the same three classes).
 */
export async function submitRecord(settings, sdk, clock = realClock) {
    const target = `record ${settings.recordId} of registry ${settings.registryId}`;
    const client = new sdk.BedrockAgentCoreControlClient({ region: settings.region });
    const ids = { registryId: settings.registryId, recordId: settings.recordId };
    const deadline = clock.now() + SETTLE_TIMEOUT_SECONDS * 1000;
    let decision;
    for (;;) {
        let record;
        try {
            record = await client.send(new sdk.GetRegistryRecordCommand(ids));
        } catch (e) {
            return { ok: false, message: `registry record submission: reading ${target} failed: ${errorText(e)}${NAMESPACE_HINT}` };
        }
        decision = decide(record, settings.version);
        if (decision.action !== "wait") {
            break;
        }
        if (clock.now() + POLL_SECONDS * 1000 > deadline) {
            return { ok: false, message: `registry record submission: ${target} did not settle within ${SETTLE_TIMEOUT_SECONDS} s: it is still ${record.status}` };
        }
        await clock.sleep(POLL_SECONDS * 1000);
    }
    if (decision.action === "fail") {
        return { ok: false, message: `registry record submission: ${target} ${decision.message}` };
    }
    if (decision.action === "done") {
        return { ok: true, message: `registry record submission: ${target} ${decision.message}` };
    }
    try {
        const out = await client.send(new sdk.SubmitRegistryRecordForApprovalCommand(ids));
        return { ok: true, message: `registry record submission: ${target} submitted for approval; it is now ${out?.status ?? "submitted"}` };
    } catch (e) {
        return { ok: false, message: `registry record submission: submitting ${target} failed: ${errorText(e)}${NAMESPACE_HINT}` };
    }
}

/** Loads the AWS SDK (`name`: {@link SDK_PACKAGE}), explaining how to install it when it is missing. */
export async function loadSdk(name = SDK_PACKAGE) {
    try {
        return await import(name);
    } catch (e) {
        throw new Error(
            `registry record submission: cannot load ${name} (${e.message}); add it to the project's dependencies: npm install ${name} (or set publish.submit to false and submit the records yourself)`,
        );
    }
}

/**
 * Said with every failed call: the client is the bedrock-agentcore-control one (no JavaScript client of the
 * agent-registry control API is published), and AWS moved the registry to the agent-registry namespace on 2026-08-06.
 */
export const NAMESPACE_HINT =
    " (this step uses @aws-sdk/client-bedrock-agentcore-control, whose registry calls were not confirmed against the agent-registry " +
    "namespace AWS moved registries to; if they are refused, set publish.submit to false and run: aws bedrock-agentcore-control " +
    "submit-registry-record-for-approval --registry-id <id> --record-id <id>)";

/** Runs the submission; resolves to the exit code (0 submitted or nothing to do, 1 failed, 2 could not run). */
export async function main(env = process.env, load = loadSdk, out = console, clock = realClock) {
    let settings;
    let sdk;
    try {
        settings = parseSettings(env);
        sdk = await load();
    } catch (e) {
        out.error(e.message);
        return 2;
    }
    const result = await submitRecord(settings, sdk, clock);
    if (result.ok) {
        out.log(result.message);
        return 0;
    }
    out.error(result.message);
    return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    main().then((code) => {
        process.exitCode = code;
    });
}
