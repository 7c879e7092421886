import * as pulumi from "@pulumi/pulumi";
import type { EnvironmentProfile } from "../environment/profiles";
import { Problems } from "../validation";
import { BrowserArgs, BrowserProfileSettings, BrowserRecording } from "./browser";
import { CodeInterpreterArgs } from "./codeInterpreter";
import { ToolVpcConfig } from "./types";

/** The `codeInterpreter` section of an `AgentEnvironment` (and of the stack config). */
export interface CodeInterpreterSection {
    /** Use AWS's managed interpreter `aws.codeinterpreter.v1` instead of creating one (no other field may be set). @default false */
    managed?: boolean;
    /** AgentCore name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`); a name given here is kept, and a replacement deletes the old interpreter first. @default `<environment component name>_code_interpreter` cut to 41 characters, + `_` + a 6-hex suffix of the replacing arguments */
    name?: string;
    /**
     * SANDBOX, VPC (the environment's network) or PUBLIC (internet; only when written here).
     * SANDBOX still resolves DNS, so the prod gate (Security Hub's check too) wants VPC wherever there is one.
     * @default "VPC" when the environment runs in a VPC, else "SANDBOX"
     */
    networkMode?: "SANDBOX" | "VPC" | "PUBLIC";
    /** Names of S3 buckets code in the interpreter may read. @default [] (the interpreter holds no credentials) */
    dataBuckets?: pulumi.Input<string>[];
    /** Description (1-4096 characters). */
    description?: string;
}

/** The `browser` section of an `AgentEnvironment` (and of the stack config). */
export interface BrowserSection {
    /** Use AWS's managed browser `aws.browser.v1` instead of creating one (no other field may be set). @default false */
    managed?: boolean;
    /** AgentCore name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`); a name given here is kept, and a replacement deletes the old browser first. @default `<environment component name>_browser` cut to 41 characters, + `_` + a 6-hex suffix of the replacing arguments */
    name?: string;
    /** VPC (the environment's network) or PUBLIC. @default "VPC" when the environment runs in a VPC; otherwise required */
    networkMode?: "VPC" | "PUBLIC";
    /**
     * Record sessions to a bucket the environment creates, encrypted with a
     * customer-managed key when the profile says so and protected in prod.
     * @default no recording; retention: the profile's `browserRecordingRetentionDays`
     */
    recording?: Omit<BrowserRecording, "customerManagedKey">;
    /** Description (1-4096 characters). */
    description?: string;
    /**
     * A browser profile for logged-in browsing (issue 24 item 6): the runtime may start sessions with
     * it and (unless `save: false`) save sessions into it; its id is `AGENTCORE_BROWSER_PROFILE_ID`.
     * Protected with a custom browser where the profile protects data. No KMS key: AgentCore takes none for profiles.
     * @default none
     */
    profile?: BrowserProfileSettings;
}

/** What a tool section takes from its environment. */
export interface ToolEnvironment {
    /** The environment's profile row. */
    profile: EnvironmentProfile;
    /** The environment's VPC placement, when it runs in a VPC. */
    vpc?: ToolVpcConfig;
    /** The environment's tags. */
    tags: Record<string, string>;
}

/**
 * Maps a `codeInterpreter` section onto the component's arguments. Every field is
 * passed on as written, so the component reports what a managed interpreter
 * cannot have instead of it being dropped.
 */
export function codeInterpreterArgsFor(section: CodeInterpreterSection, env: ToolEnvironment): CodeInterpreterArgs {
    const mode = section.networkMode ?? (section.managed || !env.vpc ? undefined : "VPC");
    return {
        managed: section.managed,
        name: section.name,
        description: section.description,
        network: mode === "VPC" ? { mode, vpc: env.vpc as ToolVpcConfig } : mode && { mode },
        dataBuckets: section.dataBuckets,
        // Runtime versions name the interpreter: protected where the profile protects data.
        protectFromDeletion: section.managed ? undefined : env.profile.protectData,
        tags: env.tags,
    };
}

/** Maps a `browser` section onto the component's arguments, with the profile's network and recording defaults. */
export function browserArgsFor(section: BrowserSection, env: ToolEnvironment): BrowserArgs {
    const mode = section.networkMode ?? (section.managed ? undefined : "VPC");
    return {
        managed: section.managed,
        name: section.name,
        description: section.description,
        network: mode === "VPC" ? { mode, vpc: env.vpc as ToolVpcConfig } : mode && { mode },
        recording: section.recording && {
            prefix: section.recording.prefix,
            retentionDays: section.recording.retentionDays ?? env.profile.browserRecordingRetentionDays,
            customerManagedKey: env.profile.customerManagedKeys,
        },
        // Runtime versions name the browser, and recordings are data: protected where the profile protects data.
        protectFromDeletion: section.managed ? undefined : env.profile.protectData,
        ...(section.profile ? { profile: section.profile } : {}),
        tags: env.tags,
    };
}

/**
 * Checks what only the environment knows about its tool sections: VPC mode
 * needs the environment to run in a VPC, and a browser outside one must say PUBLIC.
 */
export function checkToolSections(problems: Problems, args: { codeInterpreter?: CodeInterpreterSection; browser?: BrowserSection }, inVpc: boolean): void {
    const noVpc = 'needs the environment to run in a VPC (network mode "EXISTING_VPC" or "NEW_VPC")';
    if (args.codeInterpreter && !args.codeInterpreter.managed && args.codeInterpreter.networkMode === "VPC" && !inVpc) {
        problems.add("codeInterpreter.networkMode", "VPC", noVpc);
    }
    if (args.browser && !args.browser.managed && !inVpc) {
        if (args.browser.networkMode === undefined) {
            problems.add("browser.networkMode", undefined, 'is required when the environment has no VPC network: set "PUBLIC" explicitly, or run the environment in a VPC');
        } else if (args.browser.networkMode === "VPC") {
            problems.add("browser.networkMode", "VPC", noVpc);
        }
    }
}
