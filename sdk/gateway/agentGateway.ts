import * as pulumi from "@pulumi/pulumi";
import { AgentcoreGateway, AgentcoreGatewayArgs } from "@pulumi/aws/bedrock/agentcoreGateway";
import { AgentcoreGatewayTarget, AgentcoreGatewayTargetArgs } from "@pulumi/aws/bedrock/agentcoreGatewayTarget";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import type * as inputs from "@pulumi/aws/types/input";
import { AwsContext, agentCoreArnPattern, awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { Grantable, PolicyDocument, PolicyStatement, agentCoreTrustPolicy, allow, policyDocument } from "../iam/grants";
import { CredentialProvider } from "../identity/credentialProvider";
import { workloadDirectoryArn } from "../identity/vault";
import { CustomerManagedKey } from "../kms/customerManagedKey";
import { Problems } from "../validation";
import { CognitoMachineAuth } from "./cognitoAuthorizer";
import * as perms from "./perms";
import { GatewayInboundAuth, GatewayTargetSpec, SchemaSource, TargetCredentials } from "./types";
import { checkGatewaySettings } from "./validate";

/** Arguments of {@link AgentGateway}. */
export interface AgentGatewayArgs {
    /** Gateway name (`([0-9a-zA-Z][-]?){1,48}`). @default the component name */
    gatewayName?: string;
    /** Description (1-200 characters). */
    description?: string;
    /** Who may call the gateway. `NONE` needs `acknowledgeUnauthenticated: true`. @default { type: "AWS_IAM" } */
    inboundAuth?: GatewayInboundAuth;
    /** The tools behind the gateway. @default [] */
    targets?: GatewayTargetSpec[];
    /** Let agents find tools by meaning (`searchType: SEMANTIC`). Decides the gateway's protocol settings. @default false */
    semanticSearch?: boolean;
    /** Return debug error detail to callers (`exceptionLevel: DEBUG`): for dev only. @default false */
    debugErrors?: boolean;
    /**
     * How the gateway's data is encrypted: `"aws-owned"` (AWS's key), `"create"`
     * (a rotating customer-managed key created here) or `{ kmsKeyArn }` (your key).
     * @default "aws-owned"
     */
    encryption?: "aws-owned" | "create" | { kmsKeyArn: pulumi.Input<string> };
    /** Protect a key created here from deletion (set for prod). @default false */
    protectKey?: boolean;
    /** Tags for every resource the component creates. */
    tags?: Record<string, string>;
}

/**
 * An MCP gateway with its own least-privilege role, its inbound authorization
 * (IAM, an external JWT issuer or a Cognito machine client it creates), optional
 * customer-managed encryption, and its targets. The role may invoke exactly the
 * target functions and read exactly the targets' credential providers.
 */
export class AgentGateway extends pulumi.ComponentResource {
    /** The gateway's execution role. */
    readonly role: Role;
    /** The gateway resource. */
    readonly gateway: AgentcoreGateway;
    /** Targets by name. */
    readonly targets: Record<string, AgentcoreGatewayTarget> = {};
    /** The Cognito issuer and client, when inbound auth uses `cognito`. */
    readonly cognito?: CognitoMachineAuth;
    /** The customer-managed key, when `encryption` is `"create"`. */
    readonly key?: CustomerManagedKey;
    /** The gateway's AgentCore name. */
    readonly gatewayName: string;
    /** Gateway ARN. */
    readonly gatewayArn: pulumi.Output<string>;
    /** The MCP endpoint URL agents call. */
    readonly gatewayUrl: pulumi.Output<string>;
    /** The role's trust policy. */
    readonly trustPolicy: pulumi.Output<PolicyDocument>;

    constructor(name: string, args: AgentGatewayArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentGateway`, name, {}, opts);
        this.gatewayName = args.gatewayName ?? name;
        const component = `AgentGateway ${name}`;
        const problems = new Problems();
        const checked = checkGatewaySettings(
            problems,
            { ...args, gatewayName: this.gatewayName, inboundAuth: args.inboundAuth ?? { type: "AWS_IAM" }, targets: args.targets ?? [], encryption: args.encryption ?? "aws-owned" },
            "",
            component,
        );
        problems.throwIfAny(component);
        const { inboundAuth, targets, encryption } = checked;

        const ctx = awsContext(this);
        this.trustPolicy = agentCoreTrustPolicy("AssumedByAgentCoreGateway", ctx.accountId, agentCoreArnPattern(ctx, "gateway", this.gatewayName.toLowerCase()));
        this.role = new Role(
            `${name}-role`,
            { assumeRolePolicy: pulumi.jsonStringify(this.trustPolicy), description: `Execution role of AgentCore gateway ${this.gatewayName}`, tags: args.tags },
            { parent: this },
        );
        if (encryption === "create") {
            this.key = new CustomerManagedKey(
                `${name}-cmk`,
                { purpose: `AgentCore gateway ${this.gatewayName}`, protectFromDeletion: args.protectKey ?? false, tags: args.tags },
                { parent: this },
            );
        }
        if (inboundAuth.type === "CUSTOM_JWT" && inboundAuth.cognito) {
            this.cognito = new CognitoMachineAuth(
                `${name}-cognito`,
                { resourceServerId: this.gatewayName, domainPrefix: inboundAuth.cognito.domainPrefix, tags: args.tags },
                { parent: this },
            );
        }
        this.gateway = new AgentcoreGateway(
            `${name}-gateway`,
            {
                name: this.gatewayName,
                description: args.description,
                roleArn: this.role.arn,
                protocolType: "MCP",
                protocolConfiguration: args.semanticSearch ? { mcp: { searchType: "SEMANTIC" } } : undefined,
                ...authorizer(inboundAuth, this.cognito),
                kmsKeyArn: this.key ? this.key.arn : typeof encryption === "object" ? encryption.kmsKeyArn : undefined,
                exceptionLevel: args.debugErrors ? "DEBUG" : undefined,
                tags: args.tags,
            },
            { parent: this },
        );
        this.gatewayArn = this.gateway.gatewayArn;
        this.gatewayUrl = this.gateway.gatewayUrl;

        const statements = targetStatements(ctx, targets, this.gateway.workloadIdentityDetails.apply((d) => d[0].workloadIdentityArn));
        const policy =
            statements.length > 0
                ? new RolePolicy(
                      `${name}-targets`,
                      { role: this.role.id, name: "gateway-targets", policy: pulumi.jsonStringify(policyDocument(statements)) },
                      { parent: this },
                  )
                : undefined;
        for (const target of targets) {
            this.targets[target.name] = new AgentcoreGatewayTarget(`${name}-${target.name}`, targetInputs(this.gateway.gatewayId, target), {
                parent: this,
                dependsOn: policy ? [policy] : [],
            });
        }
        this.registerOutputs({ gatewayArn: this.gatewayArn, gatewayUrl: this.gatewayUrl });
    }

    /** Lets a role call this gateway with SigV4: `bedrock-agentcore:InvokeGateway` on this gateway's ARN only. */
    grantInvoke(grantee: Grantable): RolePolicy {
        return grantee.grant("gateway-invoke", [allow("InvokeGateway", perms.GATEWAY_INVOKE, [this.gatewayArn])]);
    }
}


/** The gateway's inputs for its inbound authorization. */
function authorizer(auth: GatewayInboundAuth, cognito: CognitoMachineAuth | undefined): Pick<AgentcoreGatewayArgs, "authorizerType" | "authorizerConfiguration"> {
    if (auth.type !== "CUSTOM_JWT") {
        return { authorizerType: auth.type };
    }
    const jwt: inputs.bedrock.AgentcoreGatewayAuthorizerConfigurationCustomJwtAuthorizer = cognito
        ? { discoveryUrl: cognito.discoveryUrl, allowedClients: [cognito.clientId], allowedScopes: auth.allowedScopes }
        : { discoveryUrl: auth.discoveryUrl!, allowedAudiences: auth.allowedAudiences, allowedClients: auth.allowedClients, allowedScopes: auth.allowedScopes };
    return { authorizerType: "CUSTOM_JWT", authorizerConfiguration: { customJwtAuthorizer: jwt } };
}

/** The role's statements: invoke exactly the target functions; read exactly the targets' providers as the gateway's workload identity. */
function targetStatements(ctx: AwsContext, targets: GatewayTargetSpec[], workloadIdentityArn: pulumi.Output<string>): pulumi.Input<PolicyStatement>[] {
    const functions = targets.flatMap((t) => (t.type === "lambda" ? [t.functionArn] : []));
    const providers = [...new Set(targets.flatMap((t) => (t.type === "openApi" || (t.type === "mcpServer" && t.credentials) ? [providerOf(t.credentials!)] : [])))];
    const statements: pulumi.Input<PolicyStatement>[] = [];
    if (functions.length > 0) {
        statements.push(allow("InvokeTargetFunctions", perms.LAMBDA_INVOKE, functions));
    }
    if (providers.length > 0) {
        statements.push(allow("GetOwnWorkloadAccessToken", perms.GATEWAY_WORKLOAD_TOKEN, [workloadDirectoryArn(ctx), workloadIdentityArn]));
        statements.push(...providers.flatMap((p) => p.useStatements([workloadIdentityArn])));
    }
    return statements;
}

function providerOf(credentials: TargetCredentials): CredentialProvider {
    return "apiKey" in credentials ? credentials.apiKey : credentials.oauth2;
}

/** Maps one target spec onto the provider's target inputs. */
function targetInputs(gatewayId: pulumi.Output<string>, target: GatewayTargetSpec): AgentcoreGatewayTargetArgs {
    const base = { gatewayIdentifier: gatewayId, name: target.name, description: target.description };
    const gatewayRole = { gatewayIamRole: {} };
    switch (target.type) {
        case "lambda":
            return {
                ...base,
                targetConfiguration: { mcp: { lambda: { lambdaArn: target.functionArn, toolSchema: { inlinePayloads: target.tools } } } },
                credentialProviderConfiguration: gatewayRole,
            };
        case "openApi":
            return { ...base, targetConfiguration: { mcp: { openApiSchema: schemaInput(target.schema) } }, credentialProviderConfiguration: credentialInput(target.credentials) };
        case "smithy":
            return { ...base, targetConfiguration: { mcp: { smithyModel: schemaInput(target.schema) } }, credentialProviderConfiguration: gatewayRole };
        case "mcpServer":
            return {
                ...base,
                targetConfiguration: { mcp: { mcpServer: { endpoint: target.endpoint } } },
                credentialProviderConfiguration: target.credentials ? credentialInput(target.credentials) : undefined,
            };
    }
}

function schemaInput(schema: SchemaSource): { inlinePayload?: { payload: pulumi.Input<string> }; s3?: { uri: pulumi.Input<string>; bucketOwnerAccountId?: pulumi.Input<string> } } {
    return "s3Uri" in schema ? { s3: { uri: schema.s3Uri, bucketOwnerAccountId: schema.bucketOwnerAccountId } } : { inlinePayload: { payload: schema.inline } };
}

function credentialInput(credentials: TargetCredentials): inputs.bedrock.AgentcoreGatewayTargetCredentialProviderConfiguration {
    if ("apiKey" in credentials) {
        return {
            apiKey: {
                providerArn: credentials.apiKey.providerArn,
                credentialLocation: credentials.location ?? "HEADER",
                credentialParameterName: credentials.parameterName,
                credentialPrefix: credentials.prefix,
            },
        };
    }
    return {
        oauth: {
            providerArn: credentials.oauth2.providerArn,
            scopes: credentials.scopes,
            grantType: credentials.grantType ?? "CLIENT_CREDENTIALS",
            defaultReturnUrl: credentials.defaultReturnUrl,
        },
    };
}
