// The root Pulumi program: the sample agent deployed through AgentEnvironment,
// driven entirely by stack config (Pulumi.<stack>.yaml). See README "Stack config".
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, AgentEnvironmentArgs, BrowserSection, CodeInterpreterSection, EnvironmentName, EnvironmentObservabilityArgs, TransactionSearch } from "./sdk";

const config = new pulumi.Config();
const environment = config.require("environment") as EnvironmentName;

const agent = new AgentEnvironment("sample-agent", {
    environment,
    image: { build: { context: path.join(__dirname, "examples", "sample-agent") } },
    models: config.getObject<string[]>("models") ?? [],
    runtimeVersion: config.get("runtimeVersion"),
    description: "Sample agent of pulumi-agentcore",
    // `memory`: optional AgentMemory section (strategies, eventExpiryDays, encryptionKey...);
    // profile defaults apply to what it leaves out. Absent: the agent has no memory.
    memory: config.getObject<AgentEnvironmentArgs["memory"]>("memory"),
    observability: config.getObject<EnvironmentObservabilityArgs>("observability"),
    // Tools (optional objects): codeInterpreter { managed?, name?, networkMode?: SANDBOX|VPC|PUBLIC, dataBuckets?, description? }
    // and browser { managed?, name?, networkMode?: VPC|PUBLIC, recording?: { prefix?, retentionDays? }, description? }.
    codeInterpreter: config.getObject<CodeInterpreterSection>("codeInterpreter"),
    browser: config.getObject<BrowserSection>("browser"),
});

// Transaction Search is an account-and-region singleton: enable it in exactly one stack per account.
if (config.getBoolean("enableTransactionSearch")) {
    new TransactionSearch("transaction-search", { indexingPercentage: config.getNumber("transactionSearchIndexingPercentage") });
}

export const invokeEndpointArn = agent.invokeEndpointArn;
export const endpointName = agent.endpointName;
export const runtimeArn = agent.runtimeArn;
export const latestVersion = agent.latestVersion;
export const imageUri = agent.imageUri;
export const memoryId = agent.memory?.memoryId;
export const codeInterpreterId = agent.codeInterpreter?.codeInterpreterId;
export const browserId = agent.browser?.browserId;
export const browserRecordingLocation = agent.browser?.recordingLocation;
