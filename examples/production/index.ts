import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, EnvironmentName } from "@agentcore-platform/pulumi-agentcore";
import { TOOL_POLICIES, orderTools } from "./tools";

const config = new pulumi.Config();
// staging or prod: both serve a custom endpoint pinned to `runtimeVersion`.
const environment = config.require("environment") as EnvironmentName;
const model = "us.anthropic.claude-sonnet-4-20250514-v1:0";

const agent = new AgentEnvironment("orders-agent", {
    environment,
    image: { build: { context: path.join(__dirname, "..", "sample-agent") } },
    models: [model],
    environmentVariables: { AGENT_MODEL_ID: model },
    // Promotion: set it to the version reviewed in staging; rollback: set it back.
    runtimeVersion: config.require("runtimeVersion"),
    // A new VPC without NAT: private subnets in supported zones, only the VPC endpoints the features below need.
    network: { mode: "NEW_VPC", cidrBlock: "10.20.0.0/16", availabilityZoneCount: 2 },
    // Encrypted with a key created here (staging and prod require customer-managed keys); prod protects it from deletion.
    memory: { strategies: [{ type: "SEMANTIC" }, { type: "SUMMARIZATION" }] },
    // issue 24 item 4: scratch space kept across a session's stop/resume (wiped by every deploy that makes a new
    // runtime version), and an EFS file system shared by every session (encrypted with its own key, NFS only from the
    // runtime's security group, a file system policy for the runtime's role over TLS; protected in prod). The stable
    // `name` keeps the file system if the mount path changes later (without it, a new path means a new file system).
    storage: [
        { type: "SESSION", mountPath: "/mnt/scratch" },
        { type: "EFS", name: "shared", mountPath: "/mnt/shared" },
    ],
    gateway: {
        // Callers present a Cognito access token (client-credentials flow); the authorizer accepts exactly the client created here.
        inboundAuth: { type: "CUSTOM_JWT", cognito: {} },
        targets: [orderTools(config.require("orderLookupFunctionArn"))],
        // Every tool call is decided by these Cedar policies: logged only in staging (shadow), enforced in prod.
        toolPolicies: { policies: TOOL_POLICIES },
        // issue 24 item 3: rate limits (AWS::BedrockAgentCore::GatewayRateLimit, created with the optional peer
        // @pulumi/aws-native; the stack sets aws-native:region). Without this list the profile sets one per-caller
        // ceiling (6000/min in staging and prod); this list replaces it. The agent calls with one Cognito client, so
        // "per client" is the whole agent (every session, every MCP request: initialize, tools/list, tools/call): a
        // ceiling against a runaway loop, the same in staging and prod, and above the per-tool limit (20/s = 1200/min)
        // so it never shadows it. The per-tool limit protects the order service behind the tool.
        // `rateLimits: "none"` turns them off.
        rateLimits: [
            {
                id: "per-client",
                description: "The agent's Cognito client (all its sessions): at most 6000 MCP requests a minute",
                dimensionKeys: ["$.context.jwt.client_id"],
                entries: [{ dimensions: { "$.context.jwt.client_id": "*" }, requests: { rate: 6000, period: "minute" } }],
            },
            {
                id: "per-tool",
                description: "Each tool: at most 20 calls a second, whoever calls (protects the order service behind it)",
                dimensionKeys: ["toolName"],
                entries: [{ dimensions: { toolName: "*" }, requests: { rate: 20, period: "second" } }],
            },
        ],
    },
    observability: {
        dashboard: true,
        alarms: true,
        alarmTopic: { type: "create" },
        // Runs after every deployment that moves the pinned endpoint; a wrong answer fails `pulumi up`.
        smokeTest: { payload: JSON.stringify({ prompt: "ping" }), expect: { jsonField: "answer" } },
    },
});

const cognito = agent.gateway!.cognito!;

export const invokeEndpointArn = agent.invokeEndpointArn;
export const endpointName = agent.endpointName;
export const runtimeArn = agent.runtimeArn;
export const latestVersion = agent.latestVersion;
export const memoryId = agent.memory!.memoryId;
export const sharedFileSystemArn = agent.fileSystems["orders-agent-fs-shared"].fileSystemArn;
export const gatewayUrl = agent.gateway!.gatewayUrl;
export const tokenEndpoint = cognito.tokenEndpoint;
export const tokenScope = cognito.scope;
export const clientId = cognito.clientId;
export const clientSecret = cognito.clientSecret;
