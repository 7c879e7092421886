import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { LogGroup } from "@pulumi/aws/cloudwatch";
import { Role, RolePolicy } from "@pulumi/aws/iam";
import { Function as LambdaFunction, Runtime } from "@pulumi/aws/lambda";
import { AgentPlatform } from "@agentcore-platform/pulumi-agentcore";

// One per account and region: Transaction Search with the account's one trace delivery
// policy, and a VPC with the endpoints of every feature team stacks may use.
const agentPlatform = new AgentPlatform("platform", {
    features: ["models", "memory", "identity", "gateway", "observability", "customerManagedKeys"],
    // The organization's agent registry (issue 24 item 1): teams publish their agents and tools to it
    // (AgentEnvironment `publish`) and discover what others run. The environment picks approval (prod: a
    // curator approves each record), protection (prod) and the customer-managed key; searching it takes
    // IAM (agent-registry:SearchDiscoverableRegistryRecords, agent-registry:InvokeRegistryMcp).
    registry: { environment: new pulumi.Config().require("environment") as "dev" | "staging" | "prod", description: "Agents, MCP servers and tools of every team" },
    tags: { owner: "platform-team" },
});

// Team stacks read this output: platformOutputs("<org>/agentcore-platform/prod").
export const platform = agentPlatform.outputs;

// issue 24 item 2: a shared PII-redacting gateway interceptor (./interceptor/index.py, AWS's interceptor
// contract). Team stacks put its ARN on their gateway:
//   gateway: { interceptors: [{ functionArn: <piiInterceptorArn>, points: ["RESPONSE"] }] }
// which grants their gateway's role lambda:InvokeFunction on exactly this ARN. No Lambda permission is
// needed (the gateway invokes with its role, in this account); a team in another account would need one
// naming its gateway's role.
const interceptorLogs = new LogGroup("pii-interceptor-logs", { name: "/aws/lambda/agentcore-pii-interceptor", retentionInDays: 365, tags: { owner: "platform-team" } });
const interceptorRole = new Role("pii-interceptor-role", {
    description: "Execution role of the PII-redacting gateway interceptor",
    assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
    tags: { owner: "platform-team" },
});
const interceptorLogging = new RolePolicy("pii-interceptor-logs", {
    role: interceptorRole.id,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [pulumi.interpolate`${interceptorLogs.arn}:*`] }],
    }),
});
const interceptor = new LambdaFunction(
    "pii-interceptor",
    {
        name: "agentcore-pii-interceptor",
        description: "AgentCore Gateway RESPONSE interceptor: redacts e-mail addresses, phone numbers and SSNs from tool results",
        runtime: Runtime.Python3d12,
        handler: "index.handler",
        code: new pulumi.asset.FileArchive(path.join(__dirname, "interceptor")),
        role: interceptorRole.arn,
        timeout: 10,
        loggingConfig: { logFormat: "JSON", logGroup: interceptorLogs.name },
        tags: { owner: "platform-team" },
    },
    { dependsOn: [interceptorLogging] },
);
export const piiInterceptorArn = interceptor.arn;
