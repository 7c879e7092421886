// The root Pulumi program: the sample agent deployed through AgentEnvironment,
// driven entirely by stack config (Pulumi.<stack>.yaml). See README "Stack config".
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, EnvironmentName } from "./sdk";

const config = new pulumi.Config();
const environment = config.require("environment") as EnvironmentName;

const models = config.getObject<string[]>("models") ?? [];

const agent = new AgentEnvironment("sample-agent", {
    environment,
    image: { build: { context: path.join(__dirname, "examples", "sample-agent") } },
    models,
    environmentVariables: models.length > 0 ? { AGENT_MODEL_ID: models[0] } : undefined,
    runtimeVersion: config.get("runtimeVersion"),
    description: "Sample agent of pulumi-agentcore",
});

export const invokeEndpointArn = agent.invokeEndpointArn;
export const endpointName = agent.endpointName;
export const runtimeArn = agent.runtimeArn;
export const latestVersion = agent.latestVersion;
export const imageUri = agent.imageUri;
