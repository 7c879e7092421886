// A minimal agent honouring the AgentCore Runtime HTTP contract:
// GET /ping -> {"status":"Healthy"}, POST /invocations -> JSON answer, port 8080.
import http from "node:http";

const PORT = Number(process.env.PORT ?? 8080);

function send(res, status, body) {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
}

export function handle(req, res) {
    if (req.method === "GET" && req.url === "/ping") {
        return send(res, 200, { status: "Healthy" });
    }
    if (req.method === "POST" && req.url === "/invocations") {
        let raw = "";
        req.on("data", (chunk) => (raw += chunk));
        req.on("end", () => {
            let payload;
            try {
                payload = JSON.parse(raw || "{}");
            } catch {
                return send(res, 400, { error: "request body must be JSON" });
            }
            const prompt = typeof payload.prompt === "string" ? payload.prompt : "";
            return send(res, 200, { answer: `echo: ${prompt}` });
        });
        return undefined;
    }
    return send(res, 404, { error: "not found" });
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
    http.createServer(handle).listen(PORT, () => console.log(`agent listening on ${PORT}`));
}
