// The agent: answers a prompt with a Bedrock model (Converse API), keeps the
// conversation in AgentCore Memory and lists the tools of an AgentCore Gateway,
// each only when its setting is in the environment. With AGENT_OFFLINE=1 it makes
// no AWS call and loads no AWS SDK: it answers "offline: <prompt>".
import { listGatewayTools } from "./gateway.mjs";

/** Actor whose memory is used when the payload names none. */
export const DEFAULT_ACTOR = "default-user";
/** Conversation turns (user + assistant events) read back from memory per invocation. */
export const HISTORY_EVENTS = 20;

const SESSION_ID = /^[a-zA-Z0-9][a-zA-Z0-9-_]{0,99}$/; // bedrock-agentcore SessionId
const ACTOR_ID = /^[a-zA-Z0-9][a-zA-Z0-9-_/]*(?::[a-zA-Z0-9-_/]+)*[a-zA-Z0-9-_/]*$/; // bedrock-agentcore ActorId (1-255)

const SYSTEM_PROMPT = "You are a concise, helpful assistant running on Amazon Bedrock AgentCore.";

/** The offline answer: fixed and derived from the prompt only, so tests can assert it exactly. */
export function offlineAnswer(prompt) {
    return { answer: `offline: ${prompt.trim()}`, mode: "offline" };
}

/**
 * Creates the agent from environment settings:
 * `AGENT_OFFLINE=1` (no AWS), `AGENT_MODEL_ID` (required online), `AGENTCORE_MEMORY_ID`,
 * `AGENTCORE_GATEWAY_URL`, `AWS_REGION` (set by AgentCore Runtime).
 */
export function createAgent(env) {
    if (env.AGENT_OFFLINE === "1") {
        return { invoke: async ({ prompt }) => offlineAnswer(prompt) };
    }
    const settings = {
        modelId: env.AGENT_MODEL_ID,
        memoryId: env.AGENTCORE_MEMORY_ID || undefined,
        gatewayUrl: env.AGENTCORE_GATEWAY_URL || undefined,
        region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
    };
    const tools = cachedTools(settings.gatewayUrl, settings.region);
    return {
        async invoke({ prompt, actorId, sessionId }) {
            if (!settings.modelId) {
                throw Object.assign(new Error("AGENT_MODEL_ID is not set"), { name: "ConfigurationError" });
            }
            const memory = settings.memoryId && sessionId && SESSION_ID.test(sessionId) ? await openMemory(settings, validActor(actorId), sessionId) : undefined;
            const history = memory ? await memory.history() : [];
            const answer = await converse(settings, history, prompt);
            if (memory) {
                await memory.remember(prompt, answer);
            }
            const toolNames = (await tools()).map((tool) => tool.name);
            return { answer, mode: "online", ...(toolNames.length > 0 ? { tools: toolNames } : {}) };
        },
    };
}

/** The gateway's tools, listed once per process; a failed listing is logged and retried on the next call. */
function cachedTools(gatewayUrl, region) {
    let pending;
    return async () => {
        if (!gatewayUrl) {
            return [];
        }
        pending ??= listGatewayTools(gatewayUrl, { signer: await sigV4Signer(region) }).catch((error) => {
            pending = undefined;
            warn("gateway", error);
            return [];
        });
        return pending;
    };
}

/** Signs gateway requests with the runtime role's credentials (the gateway's AWS_IAM inbound authorizer). */
async function sigV4Signer(region) {
    const [{ SignatureV4 }, { Sha256 }, { defaultProvider }] = await Promise.all([
        import("@smithy/signature-v4"),
        import("@aws-crypto/sha256-js"),
        import("@aws-sdk/credential-provider-node"),
    ]);
    const signer = new SignatureV4({ service: "bedrock-agentcore", region, credentials: defaultProvider(), sha256: Sha256 });
    return async (url, headers, body) => {
        const signed = await signer.sign({
            method: "POST",
            protocol: url.protocol,
            hostname: url.hostname,
            port: url.port ? Number(url.port) : undefined,
            path: url.pathname,
            query: Object.fromEntries(url.searchParams),
            headers: { ...headers, host: url.host },
            body,
        });
        const { host: _host, ...rest } = signed.headers; // fetch sets Host itself
        return rest;
    };
}

function validActor(actorId) {
    return actorId !== undefined && actorId.length <= 255 && ACTOR_ID.test(actorId) ? actorId : DEFAULT_ACTOR;
}

function warn(feature, error) {
    console.log(JSON.stringify({ level: "warn", feature, error: error?.name ?? "Error", awsStatus: error?.$metadata?.httpStatusCode }));
}

let bedrock;
/** One Converse call with the conversation so far; returns the model's text. */
async function converse(settings, history, prompt) {
    const { BedrockRuntimeClient, ConverseCommand } = await import("@aws-sdk/client-bedrock-runtime");
    bedrock ??= new BedrockRuntimeClient({ region: settings.region });
    const response = await bedrock.send(
        new ConverseCommand({
            modelId: settings.modelId,
            system: [{ text: SYSTEM_PROMPT }],
            messages: [...history, { role: "user", content: [{ text: prompt }] }],
            inferenceConfig: { maxTokens: 1024 },
        }),
    );
    return (response.output?.message?.content ?? []).map((block) => block.text ?? "").join("");
}

let agentcore;
/** Short-term memory of one actor's session: its past turns, and a way to add one. */
async function openMemory(settings, actorId, sessionId) {
    const { BedrockAgentCoreClient, CreateEventCommand, ListEventsCommand } = await import("@aws-sdk/client-bedrock-agentcore");
    agentcore ??= new BedrockAgentCoreClient({ region: settings.region });
    const key = { memoryId: settings.memoryId, actorId, sessionId };
    return {
        async history() {
            try {
                const { events } = await agentcore.send(new ListEventsCommand({ ...key, includePayloads: true, maxResults: HISTORY_EVENTS }));
                return toMessages(events ?? []);
            } catch (error) {
                warn("memory", error);
                return [];
            }
        },
        async remember(prompt, answer) {
            try {
                await agentcore.send(
                    new CreateEventCommand({
                        ...key,
                        eventTimestamp: new Date(),
                        payload: [
                            { conversational: { role: "USER", content: { text: prompt } } },
                            { conversational: { role: "ASSISTANT", content: { text: answer } } },
                        ],
                    }),
                );
            } catch (error) {
                warn("memory", error);
            }
        },
    };
}

/**
 * Converse messages from memory events, oldest first: user/assistant text turns
 * only, merged so roles alternate and the first message is the user's (Converse requires both).
 */
export function toMessages(events) {
    const turns = [...events]
        .sort((a, b) => new Date(a.eventTimestamp) - new Date(b.eventTimestamp))
        .flatMap((event) => event.payload ?? [])
        .map((item) => item.conversational)
        .filter((c) => c && (c.role === "USER" || c.role === "ASSISTANT") && typeof c.content?.text === "string");
    const messages = [];
    for (const turn of turns) {
        const role = turn.role === "USER" ? "user" : "assistant";
        if (messages.length === 0 && role !== "user") {
            continue;
        }
        const last = messages[messages.length - 1];
        if (last?.role === role) {
            last.content.push({ text: turn.content.text });
        } else {
            messages.push({ role, content: [{ text: turn.content.text }] });
        }
    }
    // The new prompt is a user message, so the history must end with the assistant.
    if (messages[messages.length - 1]?.role === "user") {
        messages.pop();
    }
    return messages;
}
