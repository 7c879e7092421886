/** What the agent's answer must satisfy. */
export type SmokeExpectation = { contains: string } | { jsonField: string; equals?: string };

/** Settings of one smoke test run. */
export interface SmokeSettings {
    runtimeArn: string;
    qualifier: string;
    payload: string;
    region: string;
    expect: SmokeExpectation;
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
export function parseSettings(env: Record<string, string | undefined>): SmokeSettings;
export function checkAnswer(answer: string, expect: SmokeExpectation): string | undefined;
export function smokeTest(settings: SmokeSettings, sdk: AgentCoreSdk): Promise<SmokeResult>;
export function loadSdk(): Promise<AgentCoreSdk>;
export function main(
    env?: Record<string, string | undefined>,
    load?: () => Promise<AgentCoreSdk>,
    out?: { log(message: string): void; error(message: string): void },
): Promise<number>;
