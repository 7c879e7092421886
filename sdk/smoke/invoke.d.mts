/** What the agent's answer must satisfy. */
export type SmokeExpectation = { contains: string } | { jsonField: string; equals?: string };

/** Settings of one smoke test run. */
export interface SmokeSettings {
    runtimeArn: string;
    qualifier: string;
    payload: string;
    region: string;
    expect: SmokeExpectation;
    /** Wait this long for the session's trace in `aws/spans` after a right answer (opt-in). */
    traceTimeoutSeconds?: number;
}

/** The part of `@aws-sdk/client-cloudwatch-logs` the trace check uses. */
export interface LogsSdk {
    CloudWatchLogsClient: new (config: { region: string }) => { send(command: unknown): Promise<{ events?: unknown[] }> };
    FilterLogEventsCommand: new (input: Record<string, unknown>) => unknown;
}

/** Time as the trace check sees it (tests replace it). */
export interface Clock {
    now(): number;
    sleep(ms: number): Promise<void>;
}

/** The part of `@aws-sdk/client-bedrock-agentcore` the test uses. */
export interface AgentCoreSdk {
    BedrockAgentCoreClient: new (config: { region: string }) => { send(command: unknown): Promise<{ response?: unknown }> };
    InvokeAgentRuntimeCommand: new (input: Record<string, unknown>) => unknown;
}

/** Outcome of one run. */
export interface SmokeResult {
    ok: boolean;
    message: string;
}

export const SDK_PACKAGE: string;
export const LOGS_SDK_PACKAGE: string;
export const SPANS_LOG_GROUP: string;
export const TRACE_POLL_SECONDS: number;
export const TRACE_TIMEOUT_RANGE: [number, number];
export function parseSettings(env: Record<string, string | undefined>): SmokeSettings;
export function checkAnswer(answer: string, expect: SmokeExpectation): string | undefined;
export function smokeTest(settings: SmokeSettings, sdk: AgentCoreSdk, logsSdk?: LogsSdk, clock?: Clock): Promise<SmokeResult>;
export function waitForTrace(settings: SmokeSettings, sessionId: string, startedAt: number, logsSdk: LogsSdk, clock?: Clock): Promise<SmokeResult>;
export function loadSdk(): Promise<AgentCoreSdk>;
export function loadLogsSdk(): Promise<LogsSdk>;
export function main(
    env?: Record<string, string | undefined>,
    load?: () => Promise<AgentCoreSdk>,
    out?: { log(message: string): void; error(message: string): void },
    loadLogs?: () => Promise<LogsSdk>,
    clock?: Clock,
): Promise<number>;
