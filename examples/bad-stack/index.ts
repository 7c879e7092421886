// A deliberately insecure AgentCore stack, written with raw @pulumi/aws resources the
// way a stack looks before anyone reviews it. Every resource here breaks a rule of the
// agentcore policy pack; the gate must reject it (README.md). Never deploy it.
import * as pulumi from "@pulumi/pulumi";
import { AgentcoreAgentRuntime } from "@pulumi/aws/bedrock/agentcoreAgentRuntime";
import { AgentcoreAgentRuntimeEndpoint } from "@pulumi/aws/bedrock/agentcoreAgentRuntimeEndpoint";
import { AgentcoreApiKeyCredentialProvider } from "@pulumi/aws/bedrock/agentcoreApiKeyCredentialProvider";
import { AgentcoreGateway } from "@pulumi/aws/bedrock/agentcoreGateway";
import { AgentcoreMemory } from "@pulumi/aws/bedrock/agentcoreMemory";
import { AgentcorePolicy } from "@pulumi/aws/bedrock/agentcorePolicy";
import { AgentcorePolicyEngine } from "@pulumi/aws/bedrock/agentcorePolicyEngine";
import { Repository } from "@pulumi/aws/ecr/repository";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { RolePolicyAttachment } from "@pulumi/aws/iam/rolePolicyAttachment";

const account = getCallerIdentityOutput().accountId;
const region = getRegionOutput().region;

/** A trust policy for AgentCore, limited to this account and its AgentCore resources (the one thing done right). */
const trustAgentCore = pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Principal: { Service: "bedrock-agentcore.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
                StringEquals: { "aws:SourceAccount": account },
                ArnLike: { "aws:SourceArn": pulumi.interpolate`arn:aws:bedrock-agentcore:${region}:${account}:*` },
            },
        },
    ],
});

// BAD: mutable tags, so ":latest" below can point at anything tomorrow.
const repository = new Repository("agent-repo", {
    imageTagMutability: "MUTABLE",
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfigurations: [{ encryptionType: "KMS" }],
});

const role = new Role("agent-role", { assumeRolePolicy: trustAgentCore });

// BAD: an AWS managed *FullAccess policy on the agent's role.
new RolePolicyAttachment("agent-full-access", { role: role.name, policyArn: "arn:aws:iam::aws:policy/BedrockAgentCoreFullAccess" });

// BAD: wildcard actions on every resource.
new RolePolicy("agent-everything", {
    role: role.name,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Sid: "AllOfAgentCore", Effect: "Allow", Action: "bedrock-agentcore:*", Resource: "*" },
            { Sid: "Everything", Effect: "Allow", Action: "*", Resource: "*" },
        ],
    }),
});

// BAD: a PUBLIC prod runtime running an image by its ":latest" tag.
const runtime = new AgentcoreAgentRuntime("agent-runtime", {
    agentRuntimeName: "bad_agent",
    roleArn: role.arn,
    agentRuntimeArtifact: { containerConfiguration: { containerUri: pulumi.interpolate`${repository.repositoryUrl}:latest` } },
    networkConfiguration: { networkMode: "PUBLIC" },
});

// BAD: a prod endpoint without agentRuntimeVersion follows every new version, so the runtime has no pinned endpoint.
new AgentcoreAgentRuntimeEndpoint("agent-prod", { name: "prod", agentRuntimeId: runtime.agentRuntimeId });

// BAD: the API key in plaintext: it lands in state and in preview output.
new AgentcoreApiKeyCredentialProvider("search-key", { name: "search", apiKey: "plaintext-api-key-do-not-do-this" });

const gatewayRole = new Role("gateway-role", { assumeRolePolicy: trustAgentCore });

// BAD: a gateway anyone can call.
new AgentcoreGateway("tools-gateway", { name: "bad-tools", protocolType: "MCP", authorizerType: "NONE", roleArn: gatewayRole.arn });

// BAD: a tool policy that permits everyone every tool, created with AgentCore's findings ignored (and no gateway enforces it).
const engine = new AgentcorePolicyEngine("tool-policies", { name: "bad_tool_policies" });
new AgentcorePolicy("allow-everything", {
    policyEngineId: engine.policyEngineId,
    name: "allow_everything",
    definition: { cedar: { statement: "permit(principal, action, resource);" } },
    validationMode: "IGNORE_ALL_FINDINGS",
});

// BAD: conversation memory under AgentCore's own key, not a customer-managed one.
new AgentcoreMemory("agent-memory", { name: "bad_memory", eventExpiryDuration: 30 });

export const runtimeArn = runtime.agentRuntimeArn;
