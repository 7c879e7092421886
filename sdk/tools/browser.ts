import * as pulumi from "@pulumi/pulumi";
import { AgentcoreBrowser } from "@pulumi/aws/bedrock/agentcoreBrowser";
import { AgentcoreBrowserProfile } from "@pulumi/aws/bedrock/agentcoreBrowserProfile";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { awsContext } from "../common/context";
import { mapOrUndefined } from "../common/maps";
import { SANDBOX_NAME_RULE, TYPE_PREFIX, agentCoreName, replaceSafeNameOf } from "../common/naming";
import { Grantable, allow } from "../iam/grants";
import { checkTags } from "../runtime/validate";
import { MODEL_SOURCE, Problems, SHAPES, checkShape } from "../validation";
import * as perms from "./perms";
import { RecordingBucket } from "./recordingBucket";
import { toolExecutionRole } from "./toolRole";
import { BrowserNetwork, MANAGED_BROWSER_ID, vpcConfigInput } from "./types";
import { NAME_HINT, checkManagedExclusive, checkToolNetwork } from "./validate";

/** Key prefix recordings go under when none is given. */
export const DEFAULT_RECORDING_PREFIX = "recordings";
/** Days recordings are kept when not said otherwise: AgentCore's own retention of session data. */
export const DEFAULT_RECORDING_RETENTION_DAYS = 30;

/**
 * One key segment: letters, digits and the other characters S3 calls safe for
 * object keys, except `*`, which would widen the IAM grant on `<prefix>/*`.
 */
const PREFIX_SEGMENT = /^[A-Za-z0-9!_.'()-]+$/;

/** Session recording of a browser, to an S3 bucket the component creates. */
export interface BrowserRecording {
    /**
     * Key prefix recordings are written under: segments of letters, digits and
     * `! - _ . ' ( )` separated by `/`, no leading or trailing `/`, no `.` or `..`
     * segment (1-1024 characters). The browser's role may write only below it.
     * @default "recordings"
     */
    prefix?: string;
    /** Days a recording is kept before S3 deletes it (whole number > 0). @default 30 */
    retentionDays?: number;
    /** Encrypt with a customer-managed KMS key created for the bucket; otherwise SSE-KMS with the AWS-managed `aws/s3` key. @default false */
    customerManagedKey?: boolean;
}

/** Arguments of {@link Browser}. */
/** A browser profile of a {@link Browser} (issue 24 item 6). */
export interface BrowserProfileSettings {
    /** AgentCore name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`, shape BrowserProfileName); a name given here is kept, and a replacement deletes the old profile first. @default the browser's name + `_profile`, cut to 41 characters, + `_` + a 6-hex suffix of the description */
    name?: string;
    /** Description (1-4096 characters; changing it replaces the profile and loses what it saved). */
    description?: string;
    /** Let agents save sessions into the profile (`SaveBrowserSessionProfile`), not only start sessions with it. @default true */
    save?: boolean;
}

export interface BrowserArgs {
    /**
     * Use AWS's managed browser `aws.browser.v1` (public network, no recording)
     * instead of creating one: nothing is created and no other field may be set.
     * @default false
     */
    managed?: boolean;
    /**
     * AgentCore name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`, shape SandboxName). Every argument of a
     * browser replaces it: a name given here is kept, so a replacement deletes the old
     * browser first (`deleteBeforeReplace`); the default name carries a suffix that changes
     * with those arguments, so the new browser is created beside the old one (docs/replacements.md).
     * @default the component name with hyphens mapped to underscores, cut to 41 characters, + `_` + 6 hex characters
     */
    name?: string;
    /** Description (1-4096 characters). @default none */
    description?: string;
    /**
     * Network of the sessions: VPC on the stack's network, or PUBLIC. Required for
     * a custom browser, so that PUBLIC is always a choice someone wrote down.
     */
    network?: BrowserNetwork;
    /** Record sessions (DOM, actions, console, network events) to a private, encrypted bucket. @default no recording */
    recording?: BrowserRecording;
    /**
     * A browser profile (issue 24 item 6): cookies and local storage a session saves
     * (`SaveBrowserSessionProfile`) and later sessions start with, for logged-in browsing.
     * `grantUse` then also grants starting sessions with the profile and, unless `save: false`,
     * saving into it, on exactly this profile. The profile takes no KMS key (CreateBrowserProfile
     * has no key parameter; @pulumi/aws 7.48 AgentcoreBrowserProfile has none): it is stored with
     * AgentCore's own encryption, which this package does not claim to control. Protected with
     * the browser (`protectFromDeletion`): deleting it loses every saved login.
     * @default no profile
     */
    profile?: BrowserProfileSettings;
    /**
     * Protect the browser (`protect`: a change that replaces it stops at preview, since
     * runtime versions name it in `AGENTCORE_BROWSER_ID`), the recording bucket and its key
     * (`protect` + retain on delete): set for prod.
     * @default false
     */
    protectFromDeletion?: boolean;
    /** Tags for every resource the component creates (at most 50). */
    tags?: Record<string, string>;
}

/**
 * An AgentCore Browser for agents that read the web: a custom one on the
 * network asked for, optionally recording sessions to a bucket it creates, with
 * an execution role that may only write those recordings; or AWS's managed one.
 * Agents get access with {@link grantUse}.
 */
export class Browser extends pulumi.ComponentResource {
    /** The custom browser (absent when the managed one is used). */
    readonly browser?: AgentcoreBrowser;
    /** The recording bucket (only with recording). */
    readonly recordingBucket?: RecordingBucket;
    /** The browser's execution role (only with recording: writing recordings is all it may do). */
    readonly role?: Role;
    /** The role's only inline policy, `recording-write`. */
    readonly rolePolicy?: RolePolicy;
    /** The name this package gives the browser (`name`, or one derived from the component name): names its log groups and deliveries. */
    readonly baseName: string;
    /** Network mode of the sessions (PUBLIC for the managed browser). */
    readonly networkMode: BrowserNetwork["mode"];
    /** The browser's AgentCore name (the managed browser's id when managed). */
    readonly browserName: pulumi.Output<string>;
    /** Browser id, as agents pass it to `StartBrowserSession`. */
    readonly browserId: pulumi.Output<string>;
    /** Browser ARN, the resource of every session action. */
    readonly browserArn: pulumi.Output<string>;
    /** Where recordings land (`s3://<bucket>/<prefix>/`), when recording. */
    readonly recordingLocation?: pulumi.Output<string>;
    /** The browser profile, when `profile` is set (issue 24 item 6). */
    readonly profile?: AgentcoreBrowserProfile;
    /** Profile id (`AGENTCORE_BROWSER_PROFILE_ID` in an environment), when `profile` is set. */
    readonly profileId?: pulumi.Output<string>;
    /** Profile ARN, when `profile` is set. */
    readonly profileArn?: pulumi.Output<string>;
    private readonly saveToProfile: boolean;

    constructor(name: string, args: BrowserArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}Browser`, name, {}, opts);
        const baseName = args.name ?? agentCoreName(name);
        this.baseName = baseName;
        const recording = recordingSettings(args.recording);
        const component = `Browser ${name}`;
        const problems = new Problems();
        const checked = checkBrowserArgs(problems, baseName, args, "", component);
        problems.throwIfAny(component);
        const ctx = awsContext(this);
        this.networkMode = args.network?.mode ?? "PUBLIC";

        if (args.managed) {
            this.browserName = pulumi.output(MANAGED_BROWSER_ID);
            this.browserId = pulumi.output(MANAGED_BROWSER_ID);
            this.browserArn = pulumi.interpolate`arn:${ctx.partition}:bedrock-agentcore:${ctx.region}:aws:browser/${MANAGED_BROWSER_ID}`;
        } else {
            const network = checked.network as BrowserNetwork;
            const protect = args.protectFromDeletion ?? false;
            const bucket = recording && new RecordingBucket(`${name}-recordings`, { ...recording, protectFromDeletion: protect, tags: args.tags }, { parent: this });
            this.recordingBucket = bucket;
            const recordingInput = recording && bucket && { enabled: true, s3Location: { bucket: bucket.bucketName, prefix: `${recording.prefix}/` } };
            const replacing = {
                description: args.description,
                networkConfiguration: network.mode === "VPC" ? { networkMode: "VPC", vpcConfig: vpcConfigInput(network.vpc) } : { networkMode: "PUBLIC" },
                recording: recordingInput,
            };
            // Every input of a browser replaces it (provider: RequiresReplace on all of them).
            this.browserName = args.name !== undefined ? pulumi.output(args.name) : replaceSafeNameOf(baseName, SANDBOX_NAME_RULE, { ...replacing, executionRole: recording !== undefined });
            if (recording && bucket) {
                const { role, policy } = toolExecutionRole(this, name, ctx, {
                    resourceType: "browser-custom",
                    toolName: this.browserName,
                    purpose: "recording-write",
                    statements: bucket.writeStatements(recording.prefix),
                    tags: args.tags,
                });
                this.role = role;
                this.rolePolicy = policy;
                this.recordingLocation = pulumi.interpolate`s3://${bucket.bucketName}/${recording.prefix}/`;
            }
            this.browser = new AgentcoreBrowser(
                `${name}-browser`,
                { name: this.browserName, ...replacing, executionRoleArn: this.role?.arn, tags: mapOrUndefined(args.tags) },
                {
                    parent: this,
                    protect,
                    deleteBeforeReplace: args.name !== undefined,
                    dependsOn: [...(this.rolePolicy ? [this.rolePolicy] : []), ...(this.recordingBucket?.settings ?? [])],
                },
            );
            this.browserId = this.browser.browserId;
            this.browserArn = this.browser.browserArn;
        }
        this.saveToProfile = args.profile?.save ?? true;
        if (args.profile) {
            // Name and description replace the profile (browser_profile.go: RequiresReplace): the generated name
            // carries a suffix of the description, so a replacement never collides with the old profile.
            const base = `${agentCoreName(name)}_profile`;
            const profileName = args.profile.name !== undefined ? pulumi.output(args.profile.name) : replaceSafeNameOf(base, SANDBOX_NAME_RULE, { description: args.profile.description });
            const protect = args.protectFromDeletion ?? false;
            this.profile = new AgentcoreBrowserProfile(
                `${name}-profile`,
                { name: profileName, description: args.profile.description, tags: mapOrUndefined(args.tags) },
                { parent: this, protect, retainOnDelete: protect, deleteBeforeReplace: args.profile.name !== undefined },
            );
            this.profileId = this.profile.profileId;
            this.profileArn = this.profile.profileArn;
        }
        this.registerOutputs({ browserId: this.browserId, browserArn: this.browserArn, recordingLocation: this.recordingLocation, profileArn: this.profileArn });
    }

    /**
     * Lets the grantee drive sessions of this browser, and nothing else: the
     * session and automation-stream actions on this browser's ARN, as the inline
     * policy `browser-use`.
     */
    grantUse(grantee: Grantable): RolePolicy {
        return grantee.grant("browser-use", [
            allow("UseBrowser", perms.BROWSER_SESSION, [this.browserArn]),
            allow("DriveBrowserSessions", perms.BROWSER_AUTOMATION_STREAM, ["*"]),
            // issue 24 item 6: exactly the profile operations an agent uses, on exactly this profile.
            ...(this.profileArn ? [allow("StartSessionsWithProfile", perms.BROWSER_PROFILE_LOAD, [this.profileArn])] : []),
            ...(this.profileArn && this.saveToProfile ? [allow("SaveSessionsToProfile", perms.BROWSER_PROFILE_SAVE, [this.browserArn, this.profileArn])] : []),
        ]);
    }
}

/**
 * Checks a browser's arguments (`browserName` resolved), recording every problem; `prefix` is their argument path in the
 * caller's args ("" or "browser."). Unknown values are checked when they resolve
 * if `component` is given; the returned args carry them.
 */
export function checkBrowserArgs(
    problems: Problems,
    browserName: string,
    args: BrowserArgs,
    prefix = "",
    component?: string,
): BrowserArgs {
    const at = (field: string) => `${prefix}${field}`;
    const recording = recordingSettings(args.recording);
    let checked = args;
    if (args.managed) {
        checkManagedExclusive(problems, prefix, `browser ${MANAGED_BROWSER_ID}`, "public network, no role, no session recording", {
            name: args.name,
            description: args.description,
            network: args.network,
            recording: args.recording,
            protectFromDeletion: args.protectFromDeletion,
        });
    } else {
        checkShape(problems, at("name"), browserName, "SandboxName", { hint: NAME_HINT });
        checkShape(problems, at("description"), args.description, "Description");
        if (args.network === undefined) {
            problems.add(at("network"), undefined, 'is required: { mode: "VPC", vpc } to browse through the stack\'s network, or { mode: "PUBLIC" } explicitly');
        }
        checked = { ...args, network: checkToolNetwork(problems, at("network"), args.network, "BrowserNetworkMode", component) };
    }
    if (recording) {
        checkRecordingPrefix(problems, at("recording.prefix"), recording.prefix);
        if (!Number.isInteger(recording.retentionDays) || recording.retentionDays < 1) {
            problems.add(at("recording.retentionDays"), recording.retentionDays, "must be a whole number of days greater than 0 (S3 lifecycle Expiration Days)");
        }
    }
    if (args.profile !== undefined) {
        checkBrowserProfile(problems, args.profile, at("profile"));
    }
    checkTags(problems, args.tags, at("tags"));
    return checked;
}

/** Recording settings with their defaults. */
function recordingSettings(recording: BrowserRecording | undefined): Required<BrowserRecording> | undefined {
    return (
        recording && {
            prefix: recording.prefix ?? DEFAULT_RECORDING_PREFIX,
            retentionDays: recording.retentionDays ?? DEFAULT_RECORDING_RETENTION_DAYS,
            customerManagedKey: recording.customerManagedKey ?? false,
        }
    );
}

/** A recording prefix must be a valid S3 key prefix that scopes the IAM grant to exactly its own keys. */
function checkRecordingPrefix(problems: Problems, path: string, prefix: string): void {
    const before = problems.count;
    checkShape(problems, path, prefix, "S3LocationPrefixString");
    if (typeof prefix !== "string") {
        return;
    }
    if (problems.count === before && [...prefix].length === SHAPES.S3LocationPrefixString.max) {
        problems.add(path, prefix, `must have at most ${SHAPES.S3LocationPrefixString.max - 1} characters: "/" is appended before it is sent (${MODEL_SOURCE}, shape S3LocationPrefixString)`);
    }
    const segments = prefix.split("/");
    if (prefix.length > 0 && segments.some((segment) => !PREFIX_SEGMENT.test(segment) || segment === "." || segment === "..")) {
        problems.add(
            path,
            prefix,
            "must be segments of letters, digits and ! - _ . ' ( ) separated by single slashes, with no leading or trailing slash and no . or .. segment " +
                "(S3 object key safe characters; * would widen the role's write grant beyond the prefix)",
        );
    }
}

/** The profile settings: name (shape BrowserProfileName), description (shape Description), known keys only (issue 24 item 6). */
function checkBrowserProfile(problems: Problems, profile: BrowserProfileSettings, path: string): void {
    if (profile === null || typeof profile !== "object") {
        problems.add(path, profile, "must be an object { name?, description?, save? }");
        return;
    }
    for (const key of Object.keys(profile)) {
        if (!["name", "description", "save"].includes(key)) {
            problems.add(`${path}.${key}`, (profile as Record<string, unknown>)[key], "is not a setting of profile (settings: name, description, save)");
        }
    }
    checkShape(problems, `${path}.name`, profile.name, "BrowserProfileName", { hint: NAME_HINT });
    checkShape(problems, `${path}.description`, profile.description, "Description");
    if (profile.save !== undefined && typeof profile.save !== "boolean") {
        problems.add(`${path}.save`, profile.save, "must be true or false");
    }
}
