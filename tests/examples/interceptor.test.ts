import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as path from "path";

// red-team finding 4 (issue 24 item 2): examples/platform/interceptor/index.py redacts only what a tool returned
// (tools/call results), never protocol answers (initialize, tools/list). The events follow AWS's interceptor contract
// (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-interceptors-types.html): a RESPONSE
// interceptor receives mcp.gatewayRequest (whose body has the MCP method) and mcp.gatewayResponse.
// Runs the handler with python3. .ci/run does not install Python, so where python3 is absent this test skips and says so.

const HANDLER = path.join(__dirname, "..", "..", "examples", "platform", "interceptor");

function python(): string | undefined {
    const probe = spawnSync("python3", ["--version"], { encoding: "utf8" });
    return probe.status === 0 ? "python3" : undefined;
}

/** The handler's answer to each event (one python3 run). */
function run(events: object[]): any[] {
    const script = `import json, sys\nsys.path.insert(0, ${JSON.stringify(HANDLER)})\nimport index\nprint(json.dumps([index.handler(e, None) for e in json.load(sys.stdin)]))`;
    const out = spawnSync("python3", ["-c", script], { input: JSON.stringify(events), encoding: "utf8" });
    assert.equal(out.status, 0, `python3 failed: ${out.stderr}`);
    return JSON.parse(out.stdout);
}

const response = (method: string, result: object) => ({
    interceptorInputVersion: "1.0",
    mcp: {
        gatewayRequest: { path: "/mcp", httpMethod: "POST", body: { jsonrpc: "2.0", id: 1, method } },
        gatewayResponse: { statusCode: 200, body: { jsonrpc: "2.0", id: 1, result } },
    },
});

describe("examples/platform/interceptor (red-team 4: redact tool results only)", function () {
    before(function () {
        if (!python()) {
            // eslint-disable-next-line no-console
            console.log("    (skipped: python3 is not installed here; .ci/run does not install it. Run where python3 exists.)");
            this.skip();
        }
    });

    it("initialize and tools/list pass unchanged (protocol version, ids, schemas)", () => {
        const initialize = { protocolVersion: "2025-06-18", serverInfo: { name: "orders", version: "1.2.3" }, capabilities: { tools: {} } };
        const list = { tools: [{ name: "orders___lookup", description: "Order ORD-1234567890 of 2025-06-18; call 206-555-0100", inputSchema: { type: "object" } }] };
        const [a, b] = run([response("initialize", initialize), response("tools/list", list)]);
        assert.deepEqual(a.mcp.transformedGatewayResponse.body.result, initialize);
        assert.deepEqual(b.mcp.transformedGatewayResponse.body.result, list);
    });

    it("tools/call: content text and structured content redacted; dates, order ids and JSON structure kept", () => {
        const text = JSON.stringify({ order: "ORD-1234567890", placed: "2025-06-18", email: "ana@example.com", phone: "+1 206 555 0100", alt: "(206) 555-0100", ssn: "123-45-6789" });
        const result = { content: [{ type: "text", text }], structuredContent: { contact: "ana@example.com", order: "ORD-1234567890" }, isError: false };
        const [answer] = run([response("tools/call", result)]);
        const out = answer.mcp.transformedGatewayResponse;
        assert.equal(out.statusCode, 200);
        assert.deepEqual(JSON.parse(out.body.result.content[0].text), { order: "ORD-1234567890", placed: "2025-06-18", email: "[email]", phone: "[phone]", alt: "[phone]", ssn: "[ssn]" });
        assert.deepEqual(out.body.result.structuredContent, { contact: "[email]", order: "ORD-1234567890" });
        assert.equal(out.body.result.isError, false);
    });

    it("REQUEST: the body is sent on unchanged", () => {
        const body = { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "orders___lookup", arguments: { email: "ana@example.com" } } };
        const [answer] = run([{ interceptorInputVersion: "1.0", mcp: { gatewayRequest: { path: "/mcp", httpMethod: "POST", body } } }]);
        assert.deepEqual(answer, { interceptorOutputVersion: "1.0", mcp: { transformedGatewayRequest: { body } } });
    });
});
