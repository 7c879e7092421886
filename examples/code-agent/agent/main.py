"""A tiny AgentCore agent for direct code deployment: one entrypoint that asks a Bedrock model."""
import os

import boto3
from bedrock_agentcore.runtime import BedrockAgentCoreApp

app = BedrockAgentCoreApp()
bedrock = boto3.client("bedrock-runtime")
MODEL_ID = os.environ["AGENT_MODEL_ID"]


@app.entrypoint
def invoke(payload):
    prompt = payload.get("prompt", "Hello")
    reply = bedrock.converse(modelId=MODEL_ID, messages=[{"role": "user", "content": [{"text": prompt}]}])
    return {"result": reply["output"]["message"]["content"][0]["text"]}


if __name__ == "__main__":
    app.run()
