import { strict as assert } from "assert";
import { ChildProcess, spawn } from "child_process";
import * as http from "http";
import * as path from "path";

const AGENT_DIR = path.join(__dirname, "..", "..", "examples", "sample-agent");
const MAX_BODY_BYTES = 1024;

interface Reply {
    status: number;
    body: any;
}

/** The sample agent as a process in offline mode on a free port, with everything it prints. */
class AgentProcess {
    readonly output: string[] = [];
    private constructor(
        readonly child: ChildProcess,
        readonly port: number,
    ) {}

    static start(): Promise<AgentProcess> {
        const child = spawn(process.execPath, ["server.mjs"], {
            cwd: AGENT_DIR,
            env: { PATH: process.env.PATH, PORT: "0", AGENT_OFFLINE: "1", AGENT_MAX_BODY_BYTES: String(MAX_BODY_BYTES) },
            stdio: ["ignore", "pipe", "pipe"],
        });
        return new Promise((resolve, reject) => {
            const lines: string[] = [];
            child.stdout!.setEncoding("utf8").on("data", (text: string) => {
                lines.push(...text.split("\n").filter(Boolean));
                const port = JSON.parse(lines[0]).listening;
                const agent = new AgentProcess(child, port);
                agent.output.push(...lines);
                child.stdout!.removeAllListeners("data").on("data", (more: string) => agent.output.push(...more.split("\n").filter(Boolean)));
                resolve(agent);
            });
            child.stderr!.setEncoding("utf8").on("data", (text: string) => reject(new Error(text)));
            child.on("exit", (code) => reject(new Error(`agent exited with ${code}`)));
        });
    }

    /** Sends a request; `chunked` streams the body without a content-length. */
    request(method: string, urlPath: string, body?: string, options: { chunked?: boolean; headers?: Record<string, string> } = {}): Promise<Reply> {
        return new Promise((resolve, reject) => {
            const headers: Record<string, string | number> = { "content-type": "application/json", ...options.headers };
            if (body !== undefined && !options.chunked) {
                headers["content-length"] = Buffer.byteLength(body);
            }
            const req = http.request({ host: "127.0.0.1", port: this.port, method, path: urlPath, headers, agent: false }, (res) => {
                let text = "";
                res.setEncoding("utf8").on("data", (chunk) => (text += chunk));
                res.on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
            });
            req.on("error", reject);
            if (body !== undefined && options.chunked) {
                req.write(body.slice(0, 10));
                req.write(body.slice(10));
            } else if (body !== undefined) {
                req.write(body);
            }
            req.end();
        });
    }

    stop(): Promise<number | null> {
        return new Promise((resolve) => {
            this.child.once("exit", (code) => resolve(code));
            this.child.kill("SIGTERM");
        });
    }
}

/** The agent logs a request when its response has finished, just after the client saw it: wait for those lines. */
const settleLogs = () => new Promise((resolve) => setTimeout(resolve, 100));

describe("sample agent (offline, as a process)", () => {
    let agent: AgentProcess;

    before(async () => {
        agent = await AgentProcess.start();
    });

    after(async () => {
        assert.equal(await agent.stop(), 0);
    });

    it("GET /ping answers Healthy", async () => {
        assert.deepEqual(await agent.request("GET", "/ping"), { status: 200, body: { status: "Healthy" } });
    });

    it("POST /invocations answers with the documented offline answer", async () => {
        const reply = await agent.request("POST", "/invocations", JSON.stringify({ prompt: "  What is AgentCore? " }));
        assert.deepEqual(reply, { status: 200, body: { answer: "offline: What is AgentCore?", mode: "offline" } });
    });

    const rejected: [string, string, string, string | undefined, Reply][] = [
        ["bad JSON", "POST", "/invocations", "{not json", { status: 400, body: { error: "request body must be JSON" } }],
        ["no prompt", "POST", "/invocations", JSON.stringify({ question: "hi" }), { status: 400, body: { error: 'request body must be a JSON object with a non-empty string "prompt"' } }],
        ["a blank prompt", "POST", "/invocations", JSON.stringify({ prompt: "  " }), { status: 400, body: { error: 'request body must be a JSON object with a non-empty string "prompt"' } }],
        ["a JSON array", "POST", "/invocations", "[1]", { status: 400, body: { error: 'request body must be a JSON object with a non-empty string "prompt"' } }],
        ["a non-string actorId", "POST", "/invocations", JSON.stringify({ prompt: "hi", actorId: 7 }), { status: 400, body: { error: '"actorId" must be a string' } }],
        ["an unknown path", "GET", "/nope", undefined, { status: 404, body: { error: "not found" } }],
        ["GET /invocations", "GET", "/invocations", undefined, { status: 405, body: { error: "GET is not allowed on /invocations" } }],
        ["a body over the limit", "POST", "/invocations", JSON.stringify({ prompt: "x".repeat(MAX_BODY_BYTES) }), { status: 413, body: { error: `request body exceeds ${MAX_BODY_BYTES} bytes` } }],
    ];
    for (const [what, method, urlPath, body, expected] of rejected) {
        it(`rejects ${what} with ${expected.status} and keeps serving`, async () => {
            assert.deepEqual(await agent.request(method, urlPath, body), expected);
            assert.deepEqual(await agent.request("GET", "/ping"), { status: 200, body: { status: "Healthy" } });
        });
    }

    it("rejects a streamed (chunked) body over the limit with 413", async () => {
        const reply = await agent.request("POST", "/invocations", JSON.stringify({ prompt: "y".repeat(2 * MAX_BODY_BYTES) }), { chunked: true });
        assert.deepEqual(reply, { status: 413, body: { error: `request body exceeds ${MAX_BODY_BYTES} bytes` } });
    });

    it("logs one line per request without prompts or headers", async () => {
        await settleLogs();
        const before = agent.output.length;
        await agent.request("POST", "/invocations", JSON.stringify({ prompt: "my password is hunter2" }), { headers: { authorization: "Bearer token-abc" } });
        await settleLogs();
        const lines = agent.output.slice(before);
        assert.equal(lines.length, 1);
        const { ms, ...line } = JSON.parse(lines[0]);
        assert.deepEqual(line, { method: "POST", path: "/invocations", status: 200 });
        assert.equal(typeof ms, "number");
        assert.deepEqual(agent.output.filter((l) => /hunter2|token-abc|What is AgentCore/.test(l)), []);
    });
});
