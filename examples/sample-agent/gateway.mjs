// A minimal MCP client for an AgentCore Gateway (MCP over streamable HTTP):
// initialize, then list every tool (following nextCursor). Requests are signed by
// the signer the caller passes (SigV4 for a gateway with AWS_IAM inbound auth).
// Uses only Node built-ins, so it can be tested without the AWS SDK.

/** MCP protocol version this client speaks (supported by AgentCore Gateway). */
export const MCP_PROTOCOL_VERSION = "2025-06-18";

/**
 * Lists the gateway's tools: `[{ name, description, inputSchema }]`.
 * `signer(url, headers, body)` returns the headers to send (the unsigned ones plus auth).
 */
export async function listGatewayTools(gatewayUrl, { signer = async (_url, headers) => headers, fetchImpl = fetch } = {}) {
    const url = new URL(gatewayUrl);
    let sessionId;
    let nextId = 1;
    const post = async (message) => {
        const body = JSON.stringify({ jsonrpc: "2.0", ...message });
        const headers = {
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            "mcp-protocol-version": MCP_PROTOCOL_VERSION,
            ...(sessionId ? { "mcp-session-id": sessionId } : {}),
        };
        const response = await fetchImpl(url, { method: "POST", headers: await signer(url, headers, body), body });
        if (!response.ok) {
            throw Object.assign(new Error(`gateway answered HTTP ${response.status}`), { name: "GatewayError" });
        }
        sessionId = response.headers.get("mcp-session-id") ?? sessionId;
        return message.id === undefined ? undefined : readResult(response, message.id);
    };
    const request = (method, params) => post({ id: nextId++, method, params });

    await request("initialize", { protocolVersion: MCP_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "agentcore-sample-agent", version: "0.1.0" } });
    await post({ method: "notifications/initialized" });
    const tools = [];
    let cursor;
    do {
        const page = await request("tools/list", cursor ? { cursor } : {});
        tools.push(...(page.tools ?? []));
        cursor = page.nextCursor;
    } while (cursor);
    return tools;
}

/** The JSON-RPC result with the given id, from a JSON or an event-stream (SSE) response. */
async function readResult(response, id) {
    const text = await response.text();
    const messages = (response.headers.get("content-type") ?? "").includes("text/event-stream")
        ? text
              .split(/\r?\n/)
              .filter((line) => line.startsWith("data:"))
              .map((line) => JSON.parse(line.slice(5)))
        : [JSON.parse(text)];
    const reply = messages.find((m) => m.id === id);
    if (!reply || reply.error) {
        throw Object.assign(new Error(`gateway JSON-RPC error ${reply?.error?.code ?? "(no reply)"}`), { name: "GatewayError" });
    }
    return reply.result;
}
