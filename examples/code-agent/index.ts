import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, EnvironmentName } from "@agentcore-platform/pulumi-agentcore";

const config = new pulumi.Config();
const environment = config.require("environment") as EnvironmentName;
const model = "us.anthropic.claude-sonnet-4-20250514-v1:0";

// No Docker: the agent folder is packed as a zip (named by its content hash) into a private,
// versioned, encrypted bucket, and every runtime version is pinned to the object's version id.
// Install its dependencies as Linux ARM64 wheels into the folder first (README.md):
//   uv pip install --python-platform aarch64-manylinux2014 --python-version 3.12 --only-binary=:all: --target agent -r agent/requirements.txt
const agent = new AgentEnvironment("code-agent", {
    environment,
    code: { source: path.join(__dirname, "agent"), runtime: "PYTHON_3_12", entryPoint: ["main.py"] },
    models: [model],
    environmentVariables: { AGENT_MODEL_ID: model },
    // Required in prod: the reviewed version its endpoint serves (promotion is changing it).
    runtimeVersion: config.get("runtimeVersion"),
});

export const runtimeArn = agent.runtimeArn;
export const invokeEndpointArn = agent.invokeEndpointArn;
export const latestVersion = agent.latestVersion;
export const artifactUri = agent.artifactUri;
