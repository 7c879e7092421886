import { gatewayAuthorizer } from "../../policy/rules/auth/gateway-authorizer";
import { lambdaPermissionSource } from "../../policy/rules/auth/lambda-permission-source";
import { gatewayExceptionLevel } from "../../policy/rules/auth/gateway-exception-level";
import { jwtAudience } from "../../policy/rules/auth/jwt-audience";
import { resourcePolicyPrincipal } from "../../policy/rules/auth/resource-policy-principal";
import { change, compliantStack, json, UNKNOWN_STRING } from "./fixtures";
import { describeRule } from "./table";

const S = compliantStack();
const JWT = "authorizerConfiguration.customJwtAuthorizer";

describeRule({
    policy: gatewayAuthorizer,
    failing: [
        { title: "flags authorizerType NONE", specs: change(S, "agent-gateway", "authorizerType", "NONE"), expect: ['agent-gateway: Gateway must authenticate callers (set authorizerType to "AWS_IAM" or "CUSTOM_JWT"; it is "NONE")'] },
        { title: "flags an aws-native Gateway with NONE", specs: [{ type: "aws-native:bedrockagentcore:Gateway", name: "n", inputs: { authorizerType: "NONE" } }], expect: ['n: Gateway must authenticate callers (set authorizerType to "AWS_IAM" or "CUSTOM_JWT"; it is "NONE")'] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget", name: "t", inputs: { authorizerType: "NONE" } }],
    unknown: change(S, "agent-gateway", "authorizerType", UNKNOWN_STRING),
});

const NO_AUDIENCE = "Custom JWT authorizer must restrict tokens to at least one audience or client (set allowedAudiences or allowedClients)";
describeRule({
    policy: jwtAudience,
    failing: [
        { title: "flags a gateway JWT authorizer without clients or audiences", specs: change(S, "agent-gateway", `${JWT}.allowedClients`, undefined), expect: [`agent-gateway: ${NO_AUDIENCE}`] },
        { title: "flags empty lists", specs: change(change(S, "agent-gateway", `${JWT}.allowedClients`, []), "agent-gateway", `${JWT}.allowedAudiences`, []), expect: [`agent-gateway: ${NO_AUDIENCE}`] },
        { title: "accepts audiences instead of clients", specs: change(change(S, "agent-gateway", `${JWT}.allowedClients`, undefined), "agent-gateway", `${JWT}.allowedAudiences`, ["api://agent"]), expect: [] },
        { title: "flags a runtime JWT authorizer without clients or audiences", specs: change(S, "agent-runtime", `${JWT}.discoveryUrl`, "https://idp/.well-known/openid-configuration"), expect: [`agent-runtime: ${NO_AUDIENCE}`] },
        {
            title: "reads the aws-native CustomJWTAuthorizer spelling",
            specs: [{ type: "aws-native:bedrockagentcore:Runtime", name: "n", inputs: { authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: "https://idp" } } } }],
            expect: [`n: ${NO_AUDIENCE}`],
        },
        {
            title: "flags a harness and a registry without clients or audiences",
            specs: [
                { type: "aws:bedrock/agentcoreHarness:AgentcoreHarness", name: "h", inputs: { authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: "https://idp" } } } },
                { type: "aws:bedrock/agentcoreRegistry:AgentcoreRegistry", name: "reg", inputs: { authorizerType: "CUSTOM_JWT", authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: "https://idp", allowedScopes: ["read"] } } } },
            ],
            expect: [`h: ${NO_AUDIENCE}`, `reg: ${NO_AUDIENCE}`],
        },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreMemory:AgentcoreMemory", name: "m", inputs: { authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: "x" } } } }],
    unknown: change(S, "agent-gateway", `${JWT}.allowedClients`, [UNKNOWN_STRING]),
});

const openPolicy = json({ Statement: [{ Effect: "Allow", Principal: "*", Action: "bedrock-agentcore:InvokeAgentRuntime", Resource: "*" }] });
describeRule({
    policy: resourcePolicyPrincipal,
    failing: [
        {
            title: "flags an AgentCore resource policy open to everyone",
            specs: change(S, "agent-runtime-policy-org", "policy", openPolicy),
            expect: ['agent-runtime-policy-org: Statement #1 allows Principal "*" without an account, organisation or VPC condition (add aws:SourceAccount, aws:PrincipalAccount, aws:PrincipalOrgID or aws:SourceVpce)'],
        },
        {
            title: "flags {AWS: \"*\"} in a bucket policy given as an object",
            specs: change(S, "agent-recordings-policy", "policy", { Statement: { Sid: "Read", Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::agent-recordings/*" } }),
            expect: ['agent-recordings-policy: Statement "Read" allows Principal "*" without an account, organisation or VPC condition (add aws:SourceAccount, aws:PrincipalAccount, aws:PrincipalOrgID or aws:SourceVpce)'],
        },
        {
            title: "accepts Principal \"*\" under aws:SourceVpce",
            specs: change(S, "agent-runtime-policy-org", "policy", json({ Statement: [{ Effect: "Allow", Principal: "*", Action: "bedrock-agentcore:InvokeAgentRuntime", Resource: "*", Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } }] })),
            expect: [],
        },
        {
            title: "flags a KMS key policy open to everyone",
            specs: change(S, "agent-key", "policy", openPolicy),
            expect: ['agent-key: Statement #1 allows Principal "*" without an account, organisation or VPC condition (add aws:SourceAccount, aws:PrincipalAccount, aws:PrincipalOrgID or aws:SourceVpce)'],
        },
    ],
    notApplicable: [{ type: "aws:iam/policy:Policy", name: "p", inputs: { policy: openPolicy } }],
    unknown: change(S, "agent-runtime-policy-org", "policy", UNKNOWN_STRING),
});

const GATEWAY_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/agent-gateway-abc";
const permission = (inputs: Record<string, unknown>) => [
    ...S,
    { type: "aws:lambda/permission:Permission", name: "gateway-invoke", inputs: { action: "lambda:InvokeFunction", function: "tool", principal: "bedrock-agentcore.amazonaws.com", sourceArn: GATEWAY_ARN, sourceAccount: "123456789012", ...inputs } },
];
describeRule({
    policy: lambdaPermissionSource,
    failing: [
        {
            title: "flags a permission for AgentCore without sourceArn and sourceAccount",
            specs: permission({ sourceArn: undefined, sourceAccount: undefined }),
            expect: ["gateway-invoke: Lambda permission for bedrock-agentcore.amazonaws.com must set sourceArn and sourceAccount (otherwise any AgentCore resource of any account can invoke the function)"],
        },
        {
            title: "flags a permission with only sourceAccount",
            specs: permission({ sourceArn: undefined }),
            expect: ["gateway-invoke: Lambda permission for bedrock-agentcore.amazonaws.com must set sourceArn (otherwise any AgentCore resource of the account can invoke the function)"],
        },
        { title: "accepts a permission naming the gateway and the account", specs: permission({}), expect: [] },
    ],
    notApplicable: [
        { type: "aws:lambda/permission:Permission", name: "s3-invoke", inputs: { action: "lambda:InvokeFunction", function: "tool", principal: "s3.amazonaws.com" } },
        { type: "aws:iam/role:Role", name: "r", inputs: { principal: "bedrock-agentcore.amazonaws.com" } },
    ],
    unknown: permission({ sourceArn: UNKNOWN_STRING, sourceAccount: UNKNOWN_STRING }),
});

describeRule({
    policy: gatewayExceptionLevel,
    failing: [
        { title: "flags exceptionLevel DEBUG", specs: change(S, "agent-gateway", "exceptionLevel", "DEBUG"), expect: ['agent-gateway: Gateway returns debug error detail to its callers (exceptionLevel "DEBUG"); remove exceptionLevel outside development'] },
        { title: "flags an aws-native Gateway with DEBUG", specs: [{ type: "aws-native:bedrockagentcore:Gateway", name: "n", inputs: { exceptionLevel: "DEBUG" } }], expect: ['n: Gateway returns debug error detail to its callers (exceptionLevel "DEBUG"); remove exceptionLevel outside development'] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget", name: "t", inputs: { exceptionLevel: "DEBUG" } }],
    unknown: change(S, "agent-gateway", "exceptionLevel", UNKNOWN_STRING),
});
