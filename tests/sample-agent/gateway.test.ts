import { strict as assert } from "assert";
import * as http from "http";
import { AddressInfo } from "net";
import * as path from "path";

const AGENT_DIR = path.join(__dirname, "..", "..", "examples", "sample-agent");

interface Seen {
    method: string;
    sessionHeader: string | undefined;
    signature: string | undefined;
}

/** A fake AgentCore Gateway speaking MCP over streamable HTTP: a session id, one SSE page and one JSON page of tools. */
async function fakeGateway(seen: Seen[]): Promise<{ url: string; close: () => void }> {
    const server = http.createServer((req, res) => {
        let raw = "";
        req.on("data", (chunk) => (raw += chunk));
        req.on("end", () => {
            const message = JSON.parse(raw);
            seen.push({ method: message.method, sessionHeader: req.headers["mcp-session-id"] as string | undefined, signature: req.headers["x-test-signature"] as string | undefined });
            const reply = (result: object) => JSON.stringify({ jsonrpc: "2.0", id: message.id, result });
            if (message.method === "initialize") {
                res.writeHead(200, { "content-type": "application/json", "mcp-session-id": "session-1" }).end(reply({ protocolVersion: "2025-06-18", capabilities: { tools: {} } }));
            } else if (message.method === "notifications/initialized") {
                res.writeHead(202).end();
            } else if (message.method === "tools/list" && !message.params.cursor) {
                res.writeHead(200, { "content-type": "text/event-stream" }).end(`event: message\ndata: ${reply({ tools: [{ name: "weather___get_forecast" }], nextCursor: "page-2" })}\n\n`);
            } else if (message.method === "tools/list" && message.params.cursor === "page-2") {
                res.writeHead(200, { "content-type": "application/json" }).end(reply({ tools: [{ name: "orders___lookup" }] }));
            } else {
                res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "no" } }));
            }
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`, close: () => server.close() };
}

describe("sample agent: gateway tool listing (MCP)", () => {
    it("initializes, keeps the session, signs every request and follows nextCursor across JSON and SSE replies", async () => {
        const { listGatewayTools } = await import(path.join(AGENT_DIR, "gateway.mjs"));
        const seen: Seen[] = [];
        const gateway = await fakeGateway(seen);
        try {
            const signer = async (_url: URL, headers: Record<string, string>, body: string) => ({ ...headers, "x-test-signature": `signed-${body.length}` });
            const tools = await listGatewayTools(gateway.url, { signer });
            assert.deepEqual(tools.map((t: { name: string }) => t.name), ["weather___get_forecast", "orders___lookup"]);
            assert.deepEqual(
                seen.map((s) => [s.method, s.sessionHeader]),
                [["initialize", undefined], ["notifications/initialized", "session-1"], ["tools/list", "session-1"], ["tools/list", "session-1"]],
            );
            assert.equal(seen.filter((s) => s.signature?.startsWith("signed-")).length, 4);
        } finally {
            gateway.close();
        }
    });
});

describe("sample agent: conversation history from memory events", () => {
    const text = (role: string, t: string) => ({ conversational: { role, content: { text: t } } });
    const cases: [string, object[], object[]][] = [
        ["no events", [], []],
        [
            "sorts events by time and keeps user/assistant text",
            [
                { eventTimestamp: "2026-01-01T00:00:02Z", payload: [text("USER", "second"), text("ASSISTANT", "answer 2")] },
                { eventTimestamp: "2026-01-01T00:00:01Z", payload: [text("USER", "first"), text("TOOL", "tool output"), text("ASSISTANT", "answer 1")] },
            ],
            [
                { role: "user", content: [{ text: "first" }] },
                { role: "assistant", content: [{ text: "answer 1" }] },
                { role: "user", content: [{ text: "second" }] },
                { role: "assistant", content: [{ text: "answer 2" }] },
            ],
        ],
        [
            "drops a leading assistant turn and a trailing user turn, merges repeated roles",
            [{ eventTimestamp: "2026-01-01T00:00:01Z", payload: [text("ASSISTANT", "orphan"), text("USER", "a"), text("USER", "b"), text("ASSISTANT", "c"), text("USER", "unanswered")] }],
            [
                { role: "user", content: [{ text: "a" }, { text: "b" }] },
                { role: "assistant", content: [{ text: "c" }] },
            ],
        ],
    ];
    for (const [what, events, expected] of cases) {
        it(what, async () => {
            const { toMessages } = await import(path.join(AGENT_DIR, "agent.mjs"));
            assert.deepEqual(toMessages(events), expected);
        });
    }
});
