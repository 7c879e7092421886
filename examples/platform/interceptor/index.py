"""PII-redacting AgentCore Gateway interceptor (RESPONSE, and REQUEST as a pass-through).

The event and the answer follow AWS's interceptor contract, "Types of interceptors":
https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-interceptors-types.html

- A RESPONSE interceptor receives ``{"interceptorInputVersion": "1.0", "mcp": {"gatewayRequest": ...,
  "gatewayResponse": {"statusCode": ..., "body": {...}}}}`` and answers
  ``{"interceptorOutputVersion": "1.0", "mcp": {"transformedGatewayResponse": {"statusCode": ..., "body": {...}}}}``.
- A REQUEST interceptor receives ``mcp.gatewayRequest`` (headers only when ``passRequestHeaders`` is true)
  and answers ``mcp.transformedGatewayRequest`` with the body to send on.

This one redacts e-mail addresses, phone numbers and US social security numbers from what a tool returned,
and from nothing else: only responses to ``tools/call`` (the method of ``mcp.gatewayRequest.body``, which a
RESPONSE interceptor receives beside the response), and in them only the text of ``result.content[]`` items
and the string values of ``result.structuredContent``. Protocol answers (``initialize``, ``tools/list``...)
pass unchanged: their version strings, ids and schemas are not user data. It logs nothing of the payload.
"""
import re

PATTERNS = [
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), "[email]"),
    (re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])"), "[ssn]"),
    # A phone number has structure: a leading + and country code, or the (NNN) NNN-NNNN / NNN-NNN-NNNN / NNN.NNN.NNNN
    # shape. Bare digit runs (order ids) and dates (2025-06-18) are not phone numbers.
    (re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?![\w-])"), "[phone]"),
    (re.compile(r"(?<![\w-])(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])"), "[phone]"),
]


def redact_text(text):
    """``text`` with e-mail addresses, SSNs and phone numbers replaced."""
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def redact_values(value):
    """Every string inside ``value`` redacted (dicts and lists walked; keys kept)."""
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list):
        return [redact_values(v) for v in value]
    if isinstance(value, dict):
        return {k: redact_values(v) for k, v in value.items()}
    return value


def redact_tool_result(result):
    """A tools/call result with its content texts and structured content redacted; other fields unchanged."""
    if not isinstance(result, dict):
        return result
    out = dict(result)
    if isinstance(result.get("content"), list):
        out["content"] = [
            {**item, "text": redact_text(item["text"])} if isinstance(item, dict) and isinstance(item.get("text"), str) else item
            for item in result["content"]
        ]
    if "structuredContent" in result:
        out["structuredContent"] = redact_values(result["structuredContent"])
    return out


def handler(event, context):
    mcp = event.get("mcp", {})
    request = mcp.get("gatewayRequest") or {}
    response = mcp.get("gatewayResponse")
    if response is None:
        # REQUEST: send the request on unchanged (the body only; headers are not rewritten here).
        return {"interceptorOutputVersion": "1.0", "mcp": {"transformedGatewayRequest": {"body": request.get("body")}}}
    body = response.get("body")
    request_body = request.get("body")
    method = request_body.get("method") if isinstance(request_body, dict) else None
    # Only tool results carry data from the tools; errors, listings and the handshake pass unchanged.
    if method == "tools/call" and isinstance(body, dict) and "result" in body:
        body = {**body, "result": redact_tool_result(body["result"])}
    return {"interceptorOutputVersion": "1.0", "mcp": {"transformedGatewayResponse": {"statusCode": response.get("statusCode", 200), "body": body}}}
