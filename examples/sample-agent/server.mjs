// The sample agent's HTTP server, honouring the AgentCore Runtime HTTP contract:
// GET /ping -> {"status":"Healthy"}, POST /invocations -> JSON answer, port 8080.
// Logs one line per request (method, path, status, duration): never bodies or headers.
import http from "node:http";
import { fileURLToPath } from "node:url";
import { createAgent } from "./agent.mjs";

/** Default request body limit: prompts are small; larger bodies get 413. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Header through which AgentCore Runtime passes the session id. */
const SESSION_HEADER = "x-amzn-bedrock-agentcore-runtime-session-id";

class HttpError extends Error {
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}

function send(res, status, body) {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
}

/** Reads the whole body as UTF-8, rejecting with 413 as soon as it exceeds `limit` bytes. */
function readBody(req, limit) {
    return new Promise((resolve, reject) => {
        if (Number(req.headers["content-length"] ?? 0) > limit) {
            return reject(new HttpError(413, `request body exceeds ${limit} bytes`));
        }
        const chunks = [];
        let size = 0;
        req.on("data", (chunk) => {
            size += chunk.length;
            if (size > limit) {
                req.removeAllListeners("data");
                req.pause();
                return reject(new HttpError(413, `request body exceeds ${limit} bytes`));
            }
            chunks.push(chunk);
        });
        req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        req.on("error", reject);
    });
}

/** Parses an invocation payload: `{ "prompt": string, "actorId"?: string }`. */
export function parseInvocation(raw) {
    let payload;
    try {
        payload = JSON.parse(raw);
    } catch {
        throw new HttpError(400, "request body must be JSON");
    }
    if (payload === null || typeof payload !== "object" || typeof payload.prompt !== "string" || payload.prompt.trim() === "") {
        throw new HttpError(400, 'request body must be a JSON object with a non-empty string "prompt"');
    }
    if (payload.actorId !== undefined && typeof payload.actorId !== "string") {
        throw new HttpError(400, '"actorId" must be a string');
    }
    return { prompt: payload.prompt, actorId: payload.actorId };
}

/**
 * Creates the HTTP server around an agent (`{ invoke({ prompt, actorId, sessionId }) }`).
 * Connections are closed after a rejected request so an unread body cannot linger.
 */
export function createServer(agent, { maxBodyBytes = DEFAULT_MAX_BODY_BYTES, log = (line) => console.log(line) } = {}) {
    return http.createServer(async (req, res) => {
        const started = Date.now();
        const path = (req.url ?? "/").split("?")[0];
        res.on("finish", () => log(JSON.stringify({ method: req.method, path, status: res.statusCode, ms: Date.now() - started })));
        try {
            if (path === "/ping" && req.method === "GET") {
                return send(res, 200, { status: "Healthy" });
            }
            if (path === "/invocations" && req.method === "POST") {
                const invocation = parseInvocation(await readBody(req, maxBodyBytes));
                const sessionId = req.headers[SESSION_HEADER];
                return send(res, 200, await agent.invoke({ ...invocation, sessionId: typeof sessionId === "string" ? sessionId : undefined }));
            }
            if (path === "/ping" || path === "/invocations") {
                throw new HttpError(405, `${req.method} is not allowed on ${path}`);
            }
            throw new HttpError(404, "not found");
        } catch (error) {
            if (error instanceof HttpError) {
                res.setHeader("connection", "close");
                return send(res, error.status, { error: error.message });
            }
            // AWS SDK errors carry a name and an HTTP status; their messages may quote input, so neither they nor the prompt are logged.
            log(JSON.stringify({ level: "error", path, error: error?.name ?? "Error", awsStatus: error?.$metadata?.httpStatusCode }));
            return send(res, 502, { error: "the agent could not answer; see the runtime logs" });
        }
    });
}

/** Starts the server on `PORT` (default 8080; 0 picks a free port) and logs the port it listens on. */
async function main() {
    const server = createServer(createAgent(process.env), { maxBodyBytes: Number(process.env.AGENT_MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES) });
    server.listen(Number(process.env.PORT ?? 8080), () => console.log(JSON.stringify({ listening: server.address().port, offline: process.env.AGENT_OFFLINE === "1" })));
    process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    main();
}
