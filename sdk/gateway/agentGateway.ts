import * as pulumi from "@pulumi/pulumi";
import { AgentcoreGateway, AgentcoreGatewayArgs } from "@pulumi/aws/bedrock/agentcoreGateway";
import { AgentcoreGatewayTarget, AgentcoreGatewayTargetArgs } from "@pulumi/aws/bedrock/agentcoreGatewayTarget";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import type * as inputs from "@pulumi/aws/types/input";
import { AwsContext, agentCoreArnPattern, awsContext } from "../common/context";
import { mapOrUndefined } from "../common/maps";
import { GATEWAY_NAME_RULE, TYPE_PREFIX, replaceSafeName } from "../common/naming";
import { Command } from "@pulumi/command/local";
import { Grantable, PolicyDocument, PolicyStatement, agentCoreTrustPolicy, allow, policyDocument } from "../iam/grants";
import { iamPropagationWait } from "../iam/propagation";
import { ToolPolicyEngine } from "../governance/toolPolicyEngine";
import { GatewayToolPolicies } from "../governance/types";
import { replaceSafePolicyEngineName } from "../governance/validate";
import { PolicyEngineKeyScope, policyEngineDeployerKeyStatements, policyEngineKeyPolicyStatements } from "../governance/keyPolicy";
import * as governancePerms from "../governance/perms";
import { CredentialProvider } from "../identity/credentialProvider";
import { sidFragment } from "../identity/credentialProvider";
import { tokenVaultArn, workloadDirectoryArn } from "../identity/vault";
import { CustomerManagedKey } from "../kms/customerManagedKey";
import { Problems } from "../validation";
import { CognitoMachineAuth } from "./cognitoAuthorizer";
import * as perms from "./perms";
import { GatewayInboundAuth, GatewayInterceptor, GatewayRateLimitSpec, GatewayTargetSpec, SchemaSource, TargetCredentials } from "./types";
import { checkGatewaySettings } from "./validate";
import { interceptorInputs, rateLimitInputs, rateLimitResourceName } from "./extensions";
import { awsNativeAgentCore, checkAwsNativeReady } from "../common/optional";
import type { GatewayRateLimit } from "@pulumi/aws-native/bedrockagentcore/gatewayRateLimit";

/** Arguments of {@link AgentGateway}. */
export interface AgentGatewayArgs {
    /**
     * Gateway name (`([0-9a-zA-Z][-]?){1,48}`). The authorizer type, the protocol type and
     * semantic search replace a gateway: a name given here is kept, so a replacement deletes
     * the old gateway first (`deleteBeforeReplace`; semantic search is made to replace it with
     * `replaceOnChanges`, since the provider would update it in place); the default name carries
     * a suffix that changes with them, so the new gateway is created beside the old one
     * (docs/replacements.md).
     * @default the component name cut to 41 characters, + `-` + 6 hex characters
     */
    gatewayName?: string;
    /** Description (1-200 characters). */
    description?: string;
    /**
     * Who may call the gateway. `NONE` needs `acknowledgeUnauthenticated: true`;
     * `AUTHENTICATE_ONLY` needs `toolPolicies` in `ENFORCE` mode (the policy engine is its only authorization).
     * @default { type: "AWS_IAM" }
     */
    inboundAuth?: GatewayInboundAuth;
    /** The tools behind the gateway. @default [] */
    targets?: GatewayTargetSpec[];
    /**
     * Let agents find tools by meaning (`searchType: SEMANTIC`). AWS has it chosen when the
     * gateway is created, so changing it replaces the gateway (a new URL; see docs/replacements.md).
     * AWS cannot search the tools of `DYNAMIC` MCP targets: with it, runtime-hosted MCP
     * targets the tool policies do not name must set `listingMode: "DEFAULT"`.
     * @default false
     */
    semanticSearch?: boolean;
    /** Return debug error detail to callers (`exceptionLevel: DEBUG`): for dev only. @default false */
    debugErrors?: boolean;
    /**
     * How the gateway's data is encrypted: `"aws-owned"` (AWS's key), `"create"`
     * (a rotating customer-managed key created here) or `{ kmsKeyArn }` (your key).
     * With a customer-managed key the gateway's role may use it only through
     * AgentCore (`kms:ViaService`); a created key's policy admits the role the same
     * way, your own key's policy must admit it (or delegate to IAM). The identity
     * that deploys needs `gatewayDeployerKeyStatement(keyArn, region)`.
     * @default "aws-owned"
     */
    encryption?: "aws-owned" | "create" | { kmsKeyArn: pulumi.Input<string> };
    /**
     * Protect the gateway, its targets (`protect`: a change that would replace them stops at
     * preview, since runtime versions carry the gateway URL in `AGENTCORE_GATEWAY_URL`) and a
     * key created here (`protect` + retain on delete). Set for prod.
     * @default false
     */
    protectFromDeletion?: boolean;
    /**
     * Deletion protection of the Cognito user pool created for `inboundAuth.cognito`.
     * While on, `pulumi destroy` fails until it is turned off (in the console or by
     * setting this to false and deploying). `AgentEnvironment` sets it from its profile
     * (on in prod, off elsewhere). @default true
     */
    protectUserPool?: boolean;
    /** Tags for every resource the component creates. */
    tags?: Record<string, string>;
    /**
     * Cedar policies deciding every tool call (AgentCore Policy): a policy engine
     * created here with `policies` (each checked offline against the Cedar schema
     * derived from `targets`), or `sharedPolicyEngineArn`, attached in `mode`
     * (`LOG_ONLY` or `ENFORCE`). Needs `inboundAuth` CUSTOM_JWT or AWS_IAM. The
     * engine uses the gateway's customer-managed key when it has one. AgentCore uses the key with
     * the deployer's identity (policy-encryption.html), so a key created here needs no engine
     * statement (its policy delegates to IAM, and `gatewayDeployerKeyStatement` covers the engine);
     * your own key's policy must delegate to IAM too, or name the deployer:
     * `policyEngineKeyPolicyStatements(deployerArn)` gives AWS's three statements for this engine.
     * @default no policy engine: every authenticated caller may call every tool
     */
    toolPolicies?: GatewayToolPolicies;
    /**
     * Lambda functions the gateway calls before each target call (`REQUEST`) and/or before it answers
     * (`RESPONSE`): PII redaction, tenant checks, header rewriting. At most two, one per point. The
     * gateway's role may invoke exactly these function ARNs (a qualified ARN is granted as given).
     * No Lambda resource policy is created: the gateway calls with its role, and AWS documents only the
     * role's `lambda:InvokeFunction` (gateway-interceptors-permissions.html); a function in another
     * account needs a resource policy naming the gateway's role (`role.arn`), which you add there.
     * Changing them updates the gateway in place. @default none
     */
    interceptors?: GatewayInterceptor[];
    /**
     * Rate limits of the gateway (`AWS::BedrockAgentCore::GatewayRateLimit`), per principal, target or
     * tool. They are created with `@pulumi/aws-native` (an optional peer dependency, loaded only when this
     * list is not empty: without it the component fails with the install command). @default none
     */
    rateLimits?: GatewayRateLimitSpec[];
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
    /** The policy engine created for this gateway, when `toolPolicies` has `policies`. */
    readonly policyEngine?: ToolPolicyEngine;
    /** The gateway's AgentCore name (with the replacement suffix when derived). */
    readonly gatewayName: string;
    /** The name without the replacement suffix: the same across replacements, it names the gateway's log group and deliveries. */
    readonly baseName: string;
    /** Gateway ARN. */
    readonly gatewayArn: pulumi.Output<string>;
    /** The MCP endpoint URL agents call. */
    readonly gatewayUrl: pulumi.Output<string>;
    /** The role's trust policy. */
    readonly trustPolicy: pulumi.Output<PolicyDocument>;
    /** The wait after the role's grants before targets are created (when a target needs a grant). */
    readonly grantsPropagated?: Command;
    /**
     * With tool policies of an engine created here and a customer-managed key: AWS's three
     * identity-policy statements a least-privileged deployer of this engine needs on the key
     * (`policyEngineDeployerKeyStatements`; policy-encryption.html). `gatewayDeployerKeyStatement`
     * on the same key is a superset of them. Undefined without such an engine or key.
     */
    readonly policyEngineDeployerKeyStatements?: pulumi.Output<PolicyStatement[]>;
    /** The rate limits by id (aws-native resources), when `rateLimits` are given. */
    readonly rateLimits: Record<string, GatewayRateLimit> = {};
    /** The engine created here and its key's scope, when both exist (for `policyEngineKeyPolicyStatements`). */
    private readonly engineKeyScope?: PolicyEngineKeyScope;

    constructor(name: string, args: AgentGatewayArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentGateway`, name, {}, opts);
        this.baseName = args.gatewayName ?? name;
        const component = `AgentGateway ${name}`;
        const problems = new Problems();
        const checked = checkGatewaySettings(
            problems,
            { ...args, gatewayName: this.baseName, inboundAuth: args.inboundAuth ?? { type: "AWS_IAM" }, targets: args.targets ?? [], encryption: args.encryption ?? "aws-owned" },
            "",
            component,
        );
        checkExchangeProviders(problems, args.targets ?? []);
        problems.throwIfAny(component);
        const { inboundAuth, targets, encryption, toolPolicyCheck, interceptors } = checked;
        for (const warning of userDataWarnings(targets, inboundAuth)) {
            pulumi.log.warn(warning, this);
        }
        // Loaded here, after the checks and before anything is registered: a missing optional peer fails with its install command.
        const rateFeature = 'gateway rate limits (AgentGateway rateLimits; AgentEnvironment sets one in staging and prod: gateway.rateLimits: "none" turns it off)';
        const native = (args.rateLimits ?? []).length > 0 ? awsNativeAgentCore(rateFeature) : undefined;
        if (native) {
            // The aws-native provider has its own region (aws-native:region) and ignores an explicit aws provider: refuse before registering.
            checkAwsNativeReady(rateFeature, this);
        }
        if (inboundAuth.type === "AUTHENTICATE_ONLY") {
            pulumi.log.warn(AUTHENTICATE_ONLY_WARNING, this);
        }
        const protect = args.protectFromDeletion ?? false;
        const replacing = { protocolType: "MCP", protocolConfiguration: protocolConfiguration(args.semanticSearch ?? false), authorizerType: inboundAuth.type };
        this.gatewayName = args.gatewayName ?? replaceSafeName(this.baseName, GATEWAY_NAME_RULE, replacing);

        const ctx = awsContext(this);
        const governance = toolPolicyCheck?.settings;
        const ownEngine = toolPolicyCheck !== undefined && governance !== undefined && governance.sharedPolicyEngineArn === undefined;
        // The engine's key choice is part of its default name: a new key replaces the engine (docs/governance.md).
        const engineName = ownEngine ? (governance.policyEngineName ?? replaceSafePolicyEngineName(this.baseName, encryption ?? "aws-owned")) : undefined;
        this.trustPolicy = agentCoreTrustPolicy("AssumedByAgentCoreGateway", ctx.accountId, agentCoreArnPattern(ctx, "gateway", this.gatewayName.toLowerCase()));
        this.role = new Role(
            `${name}-role`,
            { assumeRolePolicy: pulumi.jsonStringify(this.trustPolicy), description: `Execution role of AgentCore gateway ${this.gatewayName}`, tags: args.tags },
            { parent: this },
        );
        if (encryption === "create") {
            this.key = new CustomerManagedKey(
                `${name}-cmk`,
                {
                    purpose: `AgentCore gateway ${this.baseName}`,
                    // No statement for the policy engine: AgentCore uses the key with the deployer's identity (a Forward
                    // Access Session), which the account-root statement leaves to IAM (policy-encryption.html).
                    serviceStatements: (keyCtx) => gatewayKeyPolicyStatements(keyCtx, this.role.arn),
                    protectFromDeletion: protect,
                    tags: args.tags,
                },
                { parent: this },
            );
        }
        const keyArn = this.key ? this.key.arn : typeof encryption === "object" ? encryption.kmsKeyArn : undefined;
        if ((inboundAuth.type === "CUSTOM_JWT" || inboundAuth.type === "AUTHENTICATE_ONLY") && inboundAuth.cognito) {
            this.cognito = new CognitoMachineAuth(
                `${name}-cognito`,
                { resourceServerId: this.baseName, domainPrefix: inboundAuth.cognito.domainPrefix, protectFromDeletion: args.protectUserPool ?? true, tags: args.tags },
                { parent: this },
            );
        }
        // The role must hold the key before AgentCore creates the gateway with it.
        const keyPolicy = keyArn
            ? new RolePolicy(`${name}-key`, { role: this.role.id, name: "gateway-key", policy: pulumi.jsonStringify(policyDocument([gatewayKeyStatement(ctx, keyArn)])) }, { parent: this })
            : undefined;
        if (toolPolicyCheck && governance && engineName !== undefined) {
            this.policyEngine = new ToolPolicyEngine(
                `${name}-policies`,
                {
                    policyEngineName: engineName,
                    description: governance.description,
                    encryptionKeyArn: keyArn,
                    mode: governance.mode,
                    schema: toolPolicyCheck.schema,
                    sources: toolPolicyCheck.sources,
                    tags: args.tags,
                    protectFromDeletion: protect,
                },
                { parent: this },
            );
            if (keyArn) {
                this.engineKeyScope = { accountId: ctx.accountId, region: ctx.region, partition: ctx.partition, policyEngineName: engineName };
                this.policyEngineDeployerKeyStatements = policyEngineDeployerKeyStatements(this.engineKeyScope, keyArn);
            }
        }
        const policyEngineArn = this.policyEngine?.policyEngineArn ?? governance?.sharedPolicyEngineArn;
        // The role may evaluate the engine before the gateway exists: AgentCore fails to attach an engine its role cannot read.
        const evaluation = policyEngineArn
            ? new RolePolicy(
                  `${name}-policy-engine`,
                  {
                      role: this.role.id,
                      name: "gateway-policy-engine",
                      policy: pulumi.jsonStringify(
                          policyDocument([
                              allow("EvaluateToolPolicies", governancePerms.GATEWAY_POLICY_EVALUATION, [
                                  policyEngineArn,
                                  agentCoreArnPattern(ctx, "gateway", this.gatewayName.toLowerCase()),
                              ]),
                          ]),
                      ),
                  },
                  { parent: this },
              )
            : undefined;
        // issue 24 item 2: the role may invoke exactly the interceptor functions, before the gateway that calls them exists.
        const interceptorGrant =
            interceptors && interceptors.length > 0
                ? new RolePolicy(
                      `${name}-interceptors`,
                      { role: this.role.id, name: "gateway-interceptors", policy: pulumi.jsonStringify(policyDocument([interceptorStatement(interceptors)])) },
                      { parent: this },
                  )
                : undefined;
        // The gateway attaches the engine with its role's grant: wait for IAM as the targets do.
        const evaluationPropagated = evaluation ? iamPropagationWait(`${name}-policy-engine-propagated`, [evaluation], this) : undefined;
        this.gateway = new AgentcoreGateway(
            `${name}-gateway`,
            {
                name: this.gatewayName,
                description: args.description,
                roleArn: this.role.arn,
                protocolType: replacing.protocolType,
                protocolConfiguration: replacing.protocolConfiguration,
                ...authorizer(inboundAuth, this.cognito),
                kmsKeyArn: keyArn,
                exceptionLevel: args.debugErrors ? "DEBUG" : undefined,
                policyEngineConfiguration: policyEngineArn && governance ? { arn: policyEngineArn, mode: governance.mode } : undefined,
                interceptorConfigurations: interceptorInputs(interceptors),
                tags: mapOrUndefined(args.tags),
            },
            {
                parent: this,
                protect,
                deleteBeforeReplace: args.gatewayName !== undefined,
                // A kept name must replace on a search-type change too: AWS has semantic search chosen when the
                // gateway is created, but the provider's protocol_configuration has no RequiresReplace (docs/replacements.md).
                replaceOnChanges: args.gatewayName !== undefined ? ["protocolConfiguration"] : undefined,
                dependsOn: [
                    ...(keyPolicy ? [keyPolicy] : []),
                    ...(evaluation ? [evaluation] : []),
                    ...(evaluationPropagated ? [evaluationPropagated] : []),
                    ...(interceptorGrant ? [interceptorGrant] : []),
                ],
            },
        );
        this.gatewayArn = this.gateway.gatewayArn;
        this.gatewayUrl = this.gateway.gatewayUrl;

        const statements = targetStatements(ctx, inboundAuth, targets, this.gateway.workloadIdentityDetails.apply((d) => d[0].workloadIdentityArn));
        const policy =
            statements.length > 0
                ? new RolePolicy(
                      `${name}-targets`,
                      { role: this.role.id, name: "gateway-targets", policy: pulumi.jsonStringify(policyDocument(statements)) },
                      { parent: this },
                  )
                : undefined;
        // Every target waits for the role's grants and for IAM to propagate them: a target create checks the
        // gateway role's permissions once, and provider versions before the retry on "Gateway execution role
        // lacks permission" fail on a policy written seconds earlier (docs/troubleshooting.md).
        const grants = policy ? [policy] : [];
        this.grantsPropagated = targets.length > 0 && grants.length > 0 ? iamPropagationWait(`${name}-grants-propagated`, grants, this) : undefined;
        for (const target of targets) {
            // A target's name is what agents see (tools are `<target>___<tool>`), so it is kept: a change
            // of its kind replaces it (provider ModifyPlan), and the old one must go first (unique per gateway).
            // A runtime-hosted MCP server's endpoint created in this program must exist before the gateway lists its tools.
            const endpoint = target.type === "agentRuntime" && target.endpoint ? [target.endpoint] : [];
            this.targets[target.name] = new AgentcoreGatewayTarget(`${name}-${target.name}`, targetInputs(this.gateway.gatewayId, target), {
                parent: this,
                protect,
                deleteBeforeReplace: true,
                dependsOn: [...grants, ...(this.grantsPropagated ? [this.grantsPropagated] : []), ...endpoint],
            });
        }
        if (this.policyEngine && toolPolicyCheck) {
            // AgentCore validates each policy against the tools of the gateway's targets: every target (and the engine's attachment, the gateway) first.
            this.policyEngine.addPolicies(toolPolicyCheck.sources, this.gatewayArn, governance?.validationMode ?? "FAIL_ON_ANY_FINDINGS", [this.gateway, ...Object.values(this.targets)]);
        }
        // issue 24 item 3: rate limits belong to the gateway (gatewayIdentifier). AWS keeps both the id and the
        // dimension keys unique per gateway ("no two limits can share the same dimensionKeys"). A child is named after
        // its sorted keys: a renamed id is a replacement of the same resource (rateLimitId is replaceOnChanges) that
        // deletes the old limit first (deleteBeforeReplace), where a name per id would create the new limit beside the
        // old one with the same keys. New keys are a new child, created before the old one is deleted: its AWS id
        // carries the hash of its keys (awsRateLimitId), so it does not ask for the id the old one holds.
        for (const limit of args.rateLimits ?? []) {
            this.rateLimits[limit.id] = new native!.GatewayRateLimit(rateLimitResourceName(name, limit.dimensionKeys), rateLimitInputs(this.gateway.gatewayId, limit), {
                parent: this,
                deleteBeforeReplace: true,
            });
        }
        this.registerOutputs({ gatewayArn: this.gatewayArn, gatewayUrl: this.gatewayUrl });
    }

    /**
     * AWS's three key-policy statements for `deployerArn` (the identity that runs `pulumi up`) and
     * this gateway's own policy engine (`policyEngineKeyPolicyStatements`): add them to your own key's
     * policy when it does not delegate to IAM (has no account-root statement). Throws when the gateway
     * has no policy engine of its own encrypted with a customer-managed key.
     */
    policyEngineKeyPolicyStatements(deployerArn: pulumi.Input<string>): pulumi.Output<PolicyStatement[]> {
        if (!this.engineKeyScope) {
            throw new Error(`AgentGateway ${this.baseName}: policyEngineKeyPolicyStatements needs a policy engine created here (toolPolicies.policies) and a customer-managed key (encryption)`);
        }
        return policyEngineKeyPolicyStatements(this.engineKeyScope, deployerArn);
    }

    /** Lets a role call this gateway with SigV4: `bedrock-agentcore:InvokeGateway` on this gateway's ARN only. */
    grantInvoke(grantee: Grantable): RolePolicy {
        return grantee.grant("gateway-invoke", [allow("InvokeGateway", perms.GATEWAY_INVOKE, [this.gatewayArn])]);
    }
}


/**
 * The MCP protocol settings: semantic search is chosen when the gateway is created
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-using-mcp-semantic-search.html).
 */
function protocolConfiguration(semanticSearch: boolean): AgentcoreGatewayArgs["protocolConfiguration"] {
    return semanticSearch ? { mcp: { searchType: "SEMANTIC" } } : undefined;
}

/**
 * AWS's pages disagree on what `AUTHENTICATE_ONLY` authenticates: the create-gateway example sends a JWT
 * configuration, the inbound-authorization page ("Offloaded inbound authorization") says the gateway verifies the
 * caller's SigV4 signature. The package follows the example (a JWT authorizer); this has not been run on AWS.
 */
export const AUTHENTICATE_ONLY_WARNING =
    "inboundAuth AUTHENTICATE_ONLY is sent with a JWT authorizer (discoveryUrl, allowedClients) as AWS's create-gateway example does, " +
    "but AWS's inbound-authorization page says this type verifies SigV4 signatures: deploy it in dev and call it with a token before relying on it (docs/governance.md)";

/** The gateway's inputs for its inbound authorization. */
function authorizer(auth: GatewayInboundAuth, cognito: CognitoMachineAuth | undefined): Pick<AgentcoreGatewayArgs, "authorizerType" | "authorizerConfiguration"> {
    if (auth.type === "AUTHENTICATE_ONLY") {
        // The issuer and the accepted clients, as AWS's AUTHENTICATE_ONLY example sends them; no audiences or scopes:
        // AWS does not enforce them in this mode (gateway-create-api.html; the policies check those claims).
        const allowedClients = cognito ? [cognito.clientId] : auth.allowedClients;
        return {
            authorizerType: "AUTHENTICATE_ONLY",
            authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: cognito ? cognito.discoveryUrl : auth.discoveryUrl!, ...(allowedClients !== undefined ? { allowedClients } : {}) } },
        };
    }
    if (auth.type !== "CUSTOM_JWT") {
        return { authorizerType: auth.type };
    }
    const jwt: inputs.bedrock.AgentcoreGatewayAuthorizerConfigurationCustomJwtAuthorizer = cognito
        ? { discoveryUrl: cognito.discoveryUrl, allowedClients: [cognito.clientId], allowedScopes: auth.allowedScopes }
        : { discoveryUrl: auth.discoveryUrl!, allowedAudiences: auth.allowedAudiences, allowedClients: auth.allowedClients, allowedScopes: auth.allowedScopes };
    return { authorizerType: "CUSTOM_JWT", authorizerConfiguration: { customJwtAuthorizer: jwt } };
}

/**
 * The role's statements: invoke exactly the target functions; call exactly the
 * Smithy targets' actions on their resources; obtain the gateway's own workload
 * access token the way its inbound auth makes AgentCore ask for it (`ForJWT`
 * whenever a caller's JWT comes in, CUSTOM_JWT or AUTHENTICATE_ONLY: "Runtime or
 * Gateway with inbound authentication" validates the token and calls
 * `GetWorkloadAccessTokenForJWT`, get-workload-access-token.html; plain otherwise,
 * `ForUserId` for three-legged OAuth);
 * read exactly the targets' providers as the gateway's workload identity, and
 * complete the user's consent only for AUTHORIZATION_CODE targets.
 */
function targetStatements(ctx: AwsContext, inboundAuth: GatewayInboundAuth, targets: GatewayTargetSpec[], workloadIdentityArn: pulumi.Output<string>): pulumi.Input<PolicyStatement>[] {
    const functions = targets.flatMap((t) => (t.type === "lambda" ? [t.functionArn] : []));
    const credentials = targets.flatMap((t) => (t.type === "openApi" || ((t.type === "mcpServer" || t.type === "apiGateway") && t.credentials) ? [t.credentials!] : []));
    const providers = [...new Set(credentials.map(providerOf))];
    const threeLegged = [...new Set(credentials.flatMap((c) => ("oauth2" in c && c.grantType === "AUTHORIZATION_CODE" ? [c.oauth2] : [])))];
    const statements: pulumi.Input<PolicyStatement>[] = [];
    if (functions.length > 0) {
        statements.push(allow("InvokeTargetFunctions", perms.LAMBDA_INVOKE, functions));
    }
    targets.forEach((t) => {
        if (t.type === "smithy") {
            statements.push(allow(`CallSmithyTarget${sidFragment(t.name)}`, t.permissions.actions!, t.permissions.resources));
        }
        if (t.type === "agentRuntime") {
            const { runtimeArn, qualifier } = runtimeTargetOf(t);
            statements.push(allow(`InvokeRuntimeTarget${sidFragment(t.name)}`, perms.RUNTIME_TARGET_INVOKE, [runtimeArn, pulumi.interpolate`${runtimeArn}/runtime-endpoint/${qualifier}`]));
        }
        if (t.type === "apiGateway" && !t.credentials) {
            statements.push(allow(`InvokeApiGatewayTarget${sidFragment(t.name)}`, perms.API_GATEWAY_INVOKE, apiGatewayResources(ctx, t)));
        }
    });
    if (providers.length > 0) {
        const ownIdentity = [workloadDirectoryArn(ctx), workloadIdentityArn];
        const tokenActions = inboundAuth.type === "CUSTOM_JWT" || inboundAuth.type === "AUTHENTICATE_ONLY" ? perms.GATEWAY_WORKLOAD_TOKEN_FOR_JWT : perms.GATEWAY_WORKLOAD_TOKEN;
        statements.push(allow("GetOwnWorkloadAccessToken", [...tokenActions, ...(threeLegged.length > 0 ? perms.GATEWAY_WORKLOAD_TOKEN_FOR_USER : [])], ownIdentity));
        statements.push(...providers.flatMap((p) => p.useStatements([workloadIdentityArn])));
        for (const provider of threeLegged) {
            statements.push(allow(`CompleteConsent${sidFragment(provider.providerName)}`, perms.OAUTH2_COMPLETE_AUTH, [provider.providerArn, tokenVaultArn(ctx), ...ownIdentity]));
        }
    }
    return statements;
}

/** issue 24 item 5: a TOKEN_EXCHANGE target needs a provider configured for on-behalf-of token exchange. */
function checkExchangeProviders(problems: Problems, targets: GatewayTargetSpec[]): void {
    targets.forEach((target, i) => {
        const credentials = "credentials" in target ? target.credentials : undefined;
        if (credentials && "oauth2" in credentials && credentials.grantType === "TOKEN_EXCHANGE" && !credentials.oauth2.tokenExchange) {
            problems.add(
                `targets[${i}].credentials.oauth2`,
                credentials.oauth2.providerName,
                "must be configured for token exchange with grantType TOKEN_EXCHANGE: a CustomOauth2 provider with vendor.tokenExchange (onBehalfOfTokenExchangeConfig)",
            );
        }
    });
}

/**
 * issue 24 item 5 (advisory): a target marked `reachesUserData` that does not act as the user: it calls with the
 * gateway's role (Lambda, Smithy, API Gateway without credentials, runtime-hosted MCP) or a service credential
 * (client credentials, an API key), so every caller reaches every user's data through it.
 */
export function userDataWarnings(targets: GatewayTargetSpec[], inboundAuth?: GatewayInboundAuth): string[] {
    // A token exchange behind the Cognito machine authorizer would exchange a client's token, not a user's (refused by the checks; warned here too).
    const machineCaller = inboundAuth !== undefined && "cognito" in inboundAuth && inboundAuth.cognito !== undefined;
    return targets.flatMap((target) => {
        if (!target.reachesUserData) {
            return [];
        }
        const credentials = "credentials" in target ? target.credentials : undefined;
        const exchange = credentials && "oauth2" in credentials && credentials.grantType === "TOKEN_EXCHANGE";
        const asUser = credentials && "oauth2" in credentials && ((exchange && !machineCaller) || credentials.grantType === "AUTHORIZATION_CODE");
        if (asUser) {
            return [];
        }
        const how = !credentials
            ? "the gateway's role"
            : "apiKey" in credentials
              ? "an API key"
              : exchange
                ? "a token exchanged for the Cognito machine client's token (inboundAuth.cognito), not a user's"
                : "the gateway's own OAuth token (CLIENT_CREDENTIALS)";
        return [
            `target ${target.name} reaches user data (reachesUserData) but calls with ${how}, not as the user: every caller of the gateway reaches every user's data through it. ` +
                'Use an mcpServer or openApi target with credentials { oauth2: <provider>, grantType: "TOKEN_EXCHANGE" } (or AUTHORIZATION_CODE), or restrict it with toolPolicies',
        ];
    });
}

/**
 * `lambda:InvokeFunction` on exactly the interceptors' function ARNs, as given: IAM matches a Lambda ARN
 * exactly, so an unqualified grant does not cover a qualified invocation nor the reverse, and the gateway
 * invokes the ARN it is configured with (gateway-interceptors-permissions.html).
 */
export function interceptorStatement(interceptors: GatewayInterceptor[]): pulumi.Input<PolicyStatement> {
    return allow("InvokeInterceptors", perms.LAMBDA_INVOKE, [...new Set(interceptors.map((i) => i.functionArn))]);
}

/** The role may use the gateway's customer-managed key only through AgentCore in this region (identity side; a supplied key's policy must also admit the role). */
export function gatewayKeyStatement(ctx: AwsContext, keyArn: pulumi.Input<string>): pulumi.Input<PolicyStatement> {
    return allow("UseGatewayKeyThroughAgentCore", perms.GATEWAY_KEY_USE, [keyArn], { StringEquals: { "kms:ViaService": ctx.region.apply(perms.agentCoreViaService) } });
}

/**
 * The identity-policy statement a least-privileged deployer (the identity that
 * runs `pulumi up`) needs for a gateway with a customer-managed key: AgentCore
 * uses the key with the caller's credentials when it creates or updates the
 * gateway, so the deployer needs the four actions of `GATEWAY_KEY_USE` on that key,
 * only through AgentCore in its region. Attach it to the deployer's role (besides
 * the AgentCore, IAM and KMS administration a deployment needs anyway).
 */
export function gatewayDeployerKeyStatement(keyArn: pulumi.Input<string>, region: pulumi.Input<string>): pulumi.Output<PolicyStatement> {
    return pulumi.output(
        allow("DeployGatewayWithCustomerManagedKey", perms.GATEWAY_KEY_USE, [keyArn], { StringEquals: { "kms:ViaService": pulumi.output(region).apply(perms.agentCoreViaService) } }),
    ) as pulumi.Output<PolicyStatement>;
}

/**
 * Key policy statements of a key created for the gateway: the gateway's role may
 * use it only through AgentCore in this region (the statements the gateway
 * encryption page shows). The account-root statement the key always has keeps
 * IAM policies in charge besides, which is how a least-privileged deployer gets
 * the same four actions (see `GATEWAY_KEY_USE`).
 */
export function gatewayKeyPolicyStatements(ctx: AwsContext, roleArn: pulumi.Input<string>): pulumi.Input<PolicyStatement>[] {
    return [
        {
            Sid: "GatewayRoleUsesKeyThroughAgentCore",
            Effect: "Allow",
            Principal: { AWS: roleArn },
            Action: perms.GATEWAY_KEY_USE,
            Resource: "*",
            Condition: { StringEquals: { "kms:ViaService": ctx.region.apply(perms.agentCoreViaService) } },
        },
    ];
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
                targetConfiguration: { mcp: { mcpServer: { endpoint: target.endpoint, listingMode: target.listingMode } } },
                credentialProviderConfiguration: target.credentials ? credentialInput(target.credentials) : undefined,
            };
        case "agentRuntime": {
            const { runtimeArn, qualifier } = runtimeTargetOf(target);
            return {
                ...base,
                // DYNAMIC (the checked default): the tools of the version the endpoint serves now, not of the one it served at creation.
                targetConfiguration: { mcp: { mcpServer: { endpoint: runtimeMcpEndpoint(runtimeArn, qualifier), listingMode: target.listingMode } } },
                // SigV4 with the gateway role, signed for AgentCore (terraform-provider-aws #48177; the provider's gatewayIamRole.service).
                credentialProviderConfiguration: { gatewayIamRole: { service: perms.RUNTIME_SIGNING_SERVICE } },
            };
        }
        case "apiGateway":
            return {
                ...base,
                targetConfiguration: {
                    mcp: {
                        apiGateway: {
                            restApiId: target.restApiId,
                            stage: target.stage,
                            apiGatewayToolConfiguration: { toolFilters: target.toolFilters.map((f) => ({ filterPath: f.path, methods: f.methods })) },
                        },
                    },
                },
                credentialProviderConfiguration: target.credentials ? credentialInput(target.credentials) : gatewayRole,
            };
    }
}

/**
 * The invocation URL of an MCP server on an AgentCore Runtime:
 * `https://bedrock-agentcore.<region>.amazonaws.com/runtimes/<URL-encoded runtime ARN>/invocations?qualifier=<endpoint>`
 * (AgentCore developer guide, "Deploy MCP servers in AgentCore Runtime", invoking the deployed server).
 */
export function runtimeMcpEndpoint(runtimeArn: pulumi.Input<string>, qualifier: pulumi.Input<string> = "DEFAULT"): pulumi.Output<string> {
    return pulumi.all([runtimeArn, qualifier]).apply(([arn, endpoint]) => {
        const region = arn.split(":")[3];
        return `https://bedrock-agentcore.${region}.amazonaws.com/runtimes/${encodeURIComponent(arn)}/invocations?qualifier=${encodeURIComponent(endpoint)}`;
    });
}

/** The runtime and endpoint a runtime-hosted MCP target calls: its `endpoint` resource's, or `runtimeArn` and `qualifier` (checked: one of the two is set). */
function runtimeTargetOf(target: Extract<GatewayTargetSpec, { type: "agentRuntime" }>): { runtimeArn: pulumi.Input<string>; qualifier: pulumi.Input<string> } {
    return target.endpoint ? { runtimeArn: target.endpoint.agentRuntimeArn, qualifier: target.endpoint.name } : { runtimeArn: target.runtimeArn!, qualifier: target.qualifier ?? "DEFAULT" };
}

/** `execute-api:Invoke` resources of an API Gateway target's tool filters: `<api>/<stage>/<METHOD>/<path>` (a `/*` prefix stays a wildcard). */
function apiGatewayResources(ctx: AwsContext, target: Extract<GatewayTargetSpec, { type: "apiGateway" }>): pulumi.Output<string>[] {
    return target.toolFilters.flatMap((filter) =>
        filter.methods.map((method) => pulumi.interpolate`arn:${ctx.partition}:execute-api:${ctx.region}:${ctx.accountId}:${target.restApiId}/${target.stage}/${method}${filter.path}`),
    );
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
