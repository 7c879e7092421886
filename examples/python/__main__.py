"""One agent in staging, from Python, through the multi-language AgentEnvironment.

`pulumi package add ../../provider` (or `pulumi install`, which reads `packages:` in
Pulumi.yaml) generates the `pulumi_agentcore` SDK from provider/schema.json.
Nested arguments are dictionaries with snake_case keys; enums accept their values.
"""
import pulumi
import pulumi_agentcore as agentcore

config = pulumi.Config()

agent = agentcore.AgentEnvironment(
    "support-agent",
    environment="staging",
    image={"build": {"context": "../sample-agent"}},
    models=["us.anthropic.claude-sonnet-4-20250514-v1:0"],
    runtime_version=config.get("runtimeVersion") or "1",
    network={"mode": "NEW_VPC"},
    memory={"strategies": [{"type": "SEMANTIC"}, {"type": "SUMMARIZATION"}]},
    observability={"alarms": True},
)

pulumi.export("invokeEndpointArn", agent.invoke_endpoint_arn)
pulumi.export("latestVersion", agent.latest_version)
