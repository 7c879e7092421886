import { AccessContract } from "../common/contract";

const ENDPOINT_POLICIES = "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html";
const AGENTCORE_ENDPOINTS = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/vpc-interface-endpoints.html";
const ECR_ENDPOINTS = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html";

/** A role of another account (with every permission in its own account). */
const INTRUDER = "account:arn:${partition}:iam::210987654321:role/intruder";

/**
 * What the VPC endpoint policies of a VPC-mode environment let through (on top of
 * the caller's own IAM permissions): this account's principals, on this account's
 * resources (and the AWS-owned bucket ECR serves image layers from). Rows use
 * `account:agent` (a role of this account whose own policy allows everything, so
 * only the endpoint decides) and a role of another account. Bindings:
 * `${repositoryArn}`, `${runtimeLogGroupArn}`, `${gatewayArn}`, `${memoryArn}`;
 * `bucket:exfil` is another account's bucket whose policy admits everyone.
 */
export const NETWORK_CONTRACT: AccessContract = {
    component: "AgentNetwork",
    summary: "The VPC endpoint policies of a VPC-mode environment (evaluated only in VPC shapes): this account's principals pass, another account's do not; the S3 gateway endpoint passes ECR's layer bucket.",
    allowed: [
        {
            id: "ecr-token-through-endpoint",
            principal: "account:agent",
            action: "ecr:GetAuthorizationToken",
            resource: "*",
            resourcePolicies: ["endpoint:ecr.api"],
            when: ["vpc"],
            why: "Image pulls start with an ECR token obtained through the ecr.api endpoint.",
            source: ECR_ENDPOINTS,
        },
        {
            id: "pull-through-endpoint",
            principal: "account:agent",
            action: "ecr:BatchGetImage",
            resource: "${repositoryArn}",
            resourcePolicies: ["endpoint:ecr.dkr"],
            when: ["vpc"],
            why: "The image manifest comes through the ecr.dkr endpoint.",
            source: ECR_ENDPOINTS,
        },
        {
            id: "layers-through-s3-endpoint",
            principal: "account:agent",
            action: "s3:GetObject",
            resource: "arn:${partition}:s3:::prod-${region}-starport-layer-bucket/layer",
            resourcePolicies: ["endpoint:s3"],
            when: ["vpc"],
            why: "ECR serves image layers from its AWS-owned bucket through the S3 gateway endpoint.",
            source: ECR_ENDPOINTS,
        },
        {
            id: "logs-through-endpoint",
            principal: "account:agent",
            action: "logs:PutLogEvents",
            resource: "${runtimeLogGroupArn}:log-stream:abc",
            resourcePolicies: ["endpoint:logs"],
            when: ["vpc"],
            why: "The runtime's logs go through the logs endpoint.",
            source: ENDPOINT_POLICIES,
        },
        {
            id: "memory-through-endpoint",
            principal: "account:agent",
            action: "bedrock-agentcore:CreateEvent",
            resource: "${memoryArn}",
            resourcePolicies: ["endpoint:bedrock-agentcore"],
            when: ["vpc", "memory"],
            why: "The agent writes memory events through the bedrock-agentcore endpoint.",
            source: AGENTCORE_ENDPOINTS,
        },
        {
            id: "gateway-through-endpoint",
            principal: "account:agent",
            action: "bedrock-agentcore:InvokeGateway",
            resource: "${gatewayArn}",
            resourcePolicies: ["endpoint:bedrock-agentcore.gateway"],
            when: ["vpc", "gateway"],
            why: "The agent calls its gateway through the gateway endpoint.",
            source: AGENTCORE_ENDPOINTS,
        },
    ],
    denied: [
        {
            id: "other-account-through-ecr-endpoint",
            principal: INTRUDER,
            action: "ecr:GetAuthorizationToken",
            resource: "*",
            context: { "aws:ResourceAccount": "210987654321" },
            resourcePolicies: ["endpoint:ecr.api"],
            when: ["vpc"],
            why: "Another account's credentials must not use the VPC's endpoints.",
            source: ENDPOINT_POLICIES,
        },
        {
            id: "other-account-through-logs-endpoint",
            principal: INTRUDER,
            action: "logs:PutLogEvents",
            resource: "arn:${partition}:logs:${region}:210987654321:log-group:exfil:log-stream:abc",
            context: { "aws:ResourceAccount": "210987654321" },
            resourcePolicies: ["endpoint:logs"],
            when: ["vpc"],
            why: "The logs endpoint must not carry data out to another account's log group.",
            source: ENDPOINT_POLICIES,
        },
        {
            id: "exfiltrate-to-other-account-bucket",
            principal: "account:agent",
            action: "s3:PutObject",
            resource: "arn:${partition}:s3:::exfil-bucket/data",
            context: { "aws:ResourceAccount": "210987654321" },
            resourcePolicies: ["bucket:exfil", "endpoint:s3"],
            when: ["vpc"],
            why: "The S3 gateway endpoint passes this account's buckets and ECR's layers only, never another account's bucket (even one whose bucket policy admits everyone, `bucket:exfil`).",
            source: ENDPOINT_POLICIES,
        },
        {
            id: "other-account-gateway-through-endpoint",
            principal: INTRUDER,
            action: "bedrock-agentcore:InvokeGateway",
            resource: "arn:${partition}:bedrock-agentcore:${region}:210987654321:gateway/exfil-abcdef1234",
            context: { "aws:ResourceAccount": "210987654321" },
            resourcePolicies: ["endpoint:bedrock-agentcore.gateway"],
            when: ["vpc", "gateway"],
            why: "The gateway endpoint reaches this account's gateways only.",
            source: AGENTCORE_ENDPOINTS,
        },
        {
            id: "other-account-memory-through-endpoint",
            principal: INTRUDER,
            action: "bedrock-agentcore:CreateEvent",
            resource: "arn:${partition}:bedrock-agentcore:${region}:210987654321:memory/exfil-abcdef1234",
            context: { "aws:ResourceAccount": "210987654321" },
            resourcePolicies: ["endpoint:bedrock-agentcore"],
            when: ["vpc", "memory"],
            why: "Another account's SigV4 callers must not reach their own AgentCore resources through this VPC.",
            source: AGENTCORE_ENDPOINTS,
        },
    ],
};
