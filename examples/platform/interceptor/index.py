"""PII-redacting AgentCore Gateway interceptor (RESPONSE, and REQUEST as a pass-through).

The event and the answer follow AWS's interceptor contract, "Types of interceptors":
https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-interceptors-types.html

- A RESPONSE interceptor receives ``{"interceptorInputVersion": "1.0", "mcp": {"gatewayRequest": ...,
  "gatewayResponse": {"statusCode": ..., "body": {...}}}}`` and answers
  ``{"interceptorOutputVersion": "1.0", "mcp": {"transformedGatewayResponse": {"statusCode": ..., "body": {...}}}}``.
- A REQUEST interceptor receives ``mcp.gatewayRequest`` (headers only when ``passRequestHeaders`` is true)
  and answers ``mcp.transformedGatewayRequest`` with the body to send on.

This one redacts e-mail addresses, phone numbers and US social security numbers from every string of
a tool's result before the agent (and its model) sees it. It logs nothing of the payload.
"""
import re

PATTERNS = [
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), "[email]"),
    (re.compile(r"\b\d{3}-\d{2}-\d{4}\b"), "[ssn]"),
    (re.compile(r"(?<!\w)\+?\d[\d ()-]{7,}\d\b"), "[phone]"),
]


def redact(value):
    """Returns ``value`` with every string inside it redacted (dicts and lists walked)."""
    if isinstance(value, str):
        for pattern, replacement in PATTERNS:
            value = pattern.sub(replacement, value)
        return value
    if isinstance(value, list):
        return [redact(v) for v in value]
    if isinstance(value, dict):
        return {k: redact(v) for k, v in value.items()}
    return value


def handler(event, context):
    mcp = event.get("mcp", {})
    response = mcp.get("gatewayResponse")
    if response is None:
        # REQUEST: send the request on unchanged (the body only; headers are not rewritten here).
        return {"interceptorOutputVersion": "1.0", "mcp": {"transformedGatewayRequest": {"body": mcp.get("gatewayRequest", {}).get("body")}}}
    body = response.get("body")
    # Only tool results carry data from the tools; errors and listings pass unchanged.
    if isinstance(body, dict) and "result" in body:
        body = {**body, "result": redact(body["result"])}
    return {"interceptorOutputVersion": "1.0", "mcp": {"transformedGatewayResponse": {"statusCode": response.get("statusCode", 200), "body": body}}}
