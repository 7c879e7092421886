/** Settings of one submission. */
export interface SubmitSettings {
    registryId: string;
    recordId: string;
    region: string;
    /** The record version this deployment wrote (a submitted record of another version fails). */
    version?: string;
}

/** The part of a GetRegistryRecord answer the decision reads. */
export interface RegistryRecordState {
    recordId?: string;
    status?: string;
    statusReason?: string;
    recordVersion?: string;
}

/** What to do with a record in a given status. */
export interface SubmitDecision {
    action: "wait" | "submit" | "done" | "fail";
    message: string;
}

/** Time as the script sees it (tests replace it). */
export interface Clock {
    now(): number;
    sleep(ms: number): Promise<void>;
}

/** The part of `@aws-sdk/client-bedrock-agentcore-control` the script uses. */
export interface AgentCoreControlSdk {
    BedrockAgentCoreControlClient: new (config: { region: string }) => { send(command: unknown): Promise<RegistryRecordState> };
    GetRegistryRecordCommand: new (input: { registryId: string; recordId: string }) => unknown;
    SubmitRegistryRecordForApprovalCommand: new (input: { registryId: string; recordId: string }) => unknown;
}

/** Outcome of one run. */
export interface SubmitResult {
    ok: boolean;
    message: string;
}

export const SDK_PACKAGE: string;
export const SETTLE_TIMEOUT_SECONDS: number;
export const POLL_SECONDS: number;
export const NAMESPACE_HINT: string;
export const PENDING_STATUSES: string[];
export function parseSettings(env: Record<string, string | undefined>): SubmitSettings;
export function decide(record: RegistryRecordState | undefined, version?: string): SubmitDecision;
export function submitRecord(settings: SubmitSettings, sdk: AgentCoreControlSdk, clock?: Clock): Promise<SubmitResult>;
export function loadSdk(name?: string): Promise<AgentCoreControlSdk>;
export function main(
    env?: Record<string, string | undefined>,
    load?: () => Promise<AgentCoreControlSdk>,
    out?: { log(message: string): void; error(message: string): void },
    clock?: Clock,
): Promise<number>;
