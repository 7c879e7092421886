import { gatewayAuthorizer } from "../../policy/rules/auth/gateway-authorizer";
import { lambdaPermissionSource } from "../../policy/rules/auth/lambda-permission-source";
import { gatewayExceptionLevel } from "../../policy/rules/auth/gateway-exception-level";
import { gatewayInterceptorHeaders } from "../../policy/rules/auth/gateway-interceptor-headers";
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
        {
            title: "issue 25 item 7: flags an agent registry whose discovery JWT authorizer accepts any token of its issuer (classic and aws-native), and an aws-native harness",
            specs: [
                {
                    type: "aws:agentregistry/registry:Registry",
                    name: "ar",
                    inputs: { name: "tools", discoveryConfiguration: { authorizerType: "CUSTOM_JWT", authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: "https://idp/.well-known/openid-configuration" } } } },
                },
                { type: "aws-native:agentregistry:Registry", name: "nr", inputs: { name: "tools", discoveryConfiguration: { authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: "https://idp" } } } } },
                { type: "aws-native:bedrockagentcore:Harness", name: "nh", inputs: { authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: "https://idp" } } } },
            ],
            expect: [`ar: ${NO_AUDIENCE}`, `nr: ${NO_AUDIENCE}`, `nh: ${NO_AUDIENCE}`],
        },
        {
            title: "accepts an agent registry naming its clients (CloudFormation spells allowedAudience in the singular)",
            specs: [
                {
                    type: "aws:agentregistry/registry:Registry",
                    name: "ar",
                    inputs: { discoveryConfiguration: { authorizerType: "CUSTOM_JWT", authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: "https://idp", allowedClients: ["registry-client"] } } } },
                },
                { type: "aws-native:agentregistry:Registry", name: "nr", inputs: { discoveryConfiguration: { authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: "https://idp", allowedAudience: ["registry"] } } } } },
            ],
            expect: [],
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
            title: "issue 25 item 9: flags a condition that is present but admits everyone (StringLike \"*\", StringNotEquals one account)",
            specs: change(
                S,
                "agent-runtime-policy-org",
                "policy",
                json({
                    Statement: [
                        { Sid: "AnyOrg", Effect: "Allow", Principal: "*", Action: "bedrock-agentcore:InvokeAgentRuntime", Resource: "*", Condition: { StringLike: { "aws:PrincipalOrgID": "*" } } },
                        { Sid: "AllButOne", Effect: "Allow", Principal: "*", Action: "bedrock-agentcore:InvokeAgentRuntime", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalAccount": "999999999999" } } },
                    ],
                }),
            ),
            expect: [
                'agent-runtime-policy-org: Statement "AnyOrg" allows Principal "*" without an account, organisation or VPC condition (add aws:SourceAccount, aws:PrincipalAccount, aws:PrincipalOrgID or aws:SourceVpce)',
                'agent-runtime-policy-org: Statement "AllButOne" allows Principal "*" without an account, organisation or VPC condition (add aws:SourceAccount, aws:PrincipalAccount, aws:PrincipalOrgID or aws:SourceVpce)',
            ],
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

const PERMISSION = "gateway-invoke";
const LAMBDA = "gateway-invoke: Lambda permission for bedrock-agentcore.amazonaws.com";
describeRule({
    policy: lambdaPermissionSource,
    failing: [
        {
            title: "flags a permission for AgentCore without sourceArn and sourceAccount",
            specs: change(S, PERMISSION, "sourceArn", undefined),
            expect: [`${LAMBDA} must set sourceArn to the gateway's ARN (gatewayArn): without it (and without sourceAccount) any AgentCore resource of any account can invoke the function`],
        },
        {
            title: "flags a permission with only sourceAccount (issue 25 item 1: the message says what is open)",
            specs: change(change(S, PERMISSION, "sourceArn", undefined), PERMISSION, "sourceAccount", "123456789012"),
            expect: [`${LAMBDA} must set sourceArn to the gateway's ARN (gatewayArn): with sourceAccount alone any AgentCore resource of the account can invoke the function`],
        },
        { title: "issue 25 item 1: accepts the exact, account-bearing gateway ARN without sourceAccount (the compliant stack)", specs: S, expect: [] },
        { title: "accepts a permission naming the gateway and the account", specs: change(S, PERMISSION, "sourceAccount", "123456789012"), expect: [] },
        {
            title: "issue 25 item 1: demands sourceAccount where the source ARN carries no account",
            specs: change(S, PERMISSION, "sourceArn", "arn:aws:bedrock-agentcore:us-east-1::gateway/agent-gateway-abcde12345"),
            expect: [`${LAMBDA} must set sourceAccount: sourceArn "arn:aws:bedrock-agentcore:us-east-1::gateway/agent-gateway-abcde12345" names no account, so a resource of that name in any account can invoke the function`],
        },
        {
            title: "issue 25 item 9: flags a sourceArn that covers every gateway of the account, even with sourceAccount",
            specs: change(change(S, PERMISSION, "sourceArn", "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/*"), PERMISSION, "sourceAccount", "123456789012"),
            expect: [`${LAMBDA} sourceArn "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/*" covers every gateway of account 123456789012: set it to the one gateway's ARN (gatewayArn)`],
        },
        {
            title: "issue 25 item 9: flags a sourceArn of any AgentCore resource of the account",
            specs: change(S, PERMISSION, "sourceArn", "arn:aws:bedrock-agentcore:us-east-1:123456789012:*"),
            expect: [`${LAMBDA} sourceArn "arn:aws:bedrock-agentcore:us-east-1:123456789012:*" covers every AgentCore resource of account 123456789012: set it to the one gateway's ARN (gatewayArn)`],
        },
    ],
    notApplicable: [
        { type: "aws:lambda/permission:Permission", name: "s3-invoke", inputs: { action: "lambda:InvokeFunction", function: "tool", principal: "s3.amazonaws.com" } },
        { type: "aws:iam/role:Role", name: "r", inputs: { principal: "bedrock-agentcore.amazonaws.com" } },
    ],
    unknown: change(S, PERMISSION, "sourceArn", UNKNOWN_STRING),
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

// issue 24 item 2: interceptors receive the callers' headers (their tokens) only when asked.
const PII_FN = "arn:aws:lambda:us-east-1:123456789012:function:pii-redactor";
const interceptor = (passRequestHeaders: unknown) => [{ interceptionPoints: ["RESPONSE"], interceptor: { lambda: { arn: PII_FN } }, inputConfiguration: { passRequestHeaders } }];
describeRule({
    policy: gatewayInterceptorHeaders,
    failing: [
        {
            title: "flags an interceptor given the request headers",
            specs: change(S, "agent-gateway", "interceptorConfigurations", interceptor(true)),
            expect: [`agent-gateway: Gateway interceptor 0 (${PII_FN}) receives the callers' request headers, including their Authorization token (passRequestHeaders true): pass them only to a function that needs them and logs none`],
        },
        {
            title: "flags an aws-native Gateway's interceptor given the headers",
            specs: [{ type: "aws-native:bedrockagentcore:Gateway", name: "n", inputs: { interceptorConfigurations: interceptor(true) } }],
            expect: [`n: Gateway interceptor 0 (${PII_FN}) receives the callers' request headers, including their Authorization token (passRequestHeaders true): pass them only to a function that needs them and logs none`],
        },
        { title: "passes an interceptor without the headers", specs: change(S, "agent-gateway", "interceptorConfigurations", interceptor(false)), expect: [] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget", name: "t", inputs: { interceptorConfigurations: interceptor(true) } }],
    unknown: change(S, "agent-gateway", "interceptorConfigurations", UNKNOWN_STRING),
});
