import * as pulumi from "@pulumi/pulumi";
import { CheckedToolPolicies, checkToolPolicies } from "../governance/validate";
import { PolicySource } from "../governance/cedar";
import { TOOL_SEPARATOR } from "../governance/schema";
import { GatewayToolPolicies } from "../governance/types";
import { checkAuthorizer, checkScopes, checkTags } from "../runtime/validate";
import { Problems, checkInput, checkShape, checkWhenKnown, isKnown } from "../validation";
import { smithyActions, unknownActionReason } from "./smithy";
import { checkInterceptors, checkRateLimits } from "./extensions";
import { GatewayInboundAuth, GatewayInterceptor, GatewayRateLimitSpec, GatewayTargetSpec, McpListingMode, SchemaSource, SmithyPermissions, TargetCredentials } from "./types";

/** The gateway arguments checked before anything is registered (names resolved; providers referred to as the caller does). */
export interface GatewaySettings<ApiKey = unknown, OAuth2 = unknown> {
    gatewayName: string;
    description?: string;
    inboundAuth: GatewayInboundAuth;
    targets: GatewayTargetSpec<ApiKey, OAuth2>[];
    encryption?: "aws-owned" | "create" | { kmsKeyArn: pulumi.Input<string> };
    semanticSearch?: boolean;
    tags?: Record<string, string>;
    toolPolicies?: GatewayToolPolicies;
    interceptors?: GatewayInterceptor[];
    rateLimits?: GatewayRateLimitSpec[];
}

/**
 * Checks every gateway argument against the API model and the rules it cannot
 * express, recording all problems. `prefix` is the argument path of the gateway
 * in the caller's args ("" or "gateway."). Values unknown at plan time are checked
 * when they resolve if `component` is given; the returned settings carry them.
 */
export function checkGatewaySettings<ApiKey, OAuth2>(
    problems: Problems,
    s: GatewaySettings<ApiKey, OAuth2>,
    prefix = "",
    component?: string,
): GatewaySettings<ApiKey, OAuth2> & { toolPolicyCheck?: CheckedToolPolicies } {
    const at = (field: string) => `${prefix}${field}`;
    checkShape(problems, at("gatewayName"), s.gatewayName, "GatewayName", { hint: "(letters and digits, single hyphens between them)" });
    checkShape(problems, at("description"), s.description, "GatewayDescription");
    const inboundAuth = checkInboundAuth(problems, s.inboundAuth, at("inboundAuth"), s.gatewayName, component);
    // The policies are read first (their problems reported in their place below): the targets they name decide listing modes.
    const policyProblems = new Problems();
    const toolPolicyCheck = s.toolPolicies && checkToolPolicies(policyProblems, s.toolPolicies, { inboundAuth: s.inboundAuth, targets: s.targets }, at("toolPolicies"), component);
    const targets = checkTargets(problems, s.targets, at("targets"), component, s.semanticSearch ?? false, governedTargets(toolPolicyCheck?.sources ?? []));
    const encryption =
        typeof s.encryption === "object" ? { kmsKeyArn: checkInput(problems, component, at("encryption.kmsKeyArn"), s.encryption.kmsKeyArn, "KmsKeyArn") } : s.encryption;
    if (s.encryption !== undefined && typeof s.encryption !== "object" && s.encryption !== "create" && s.encryption !== "aws-owned") {
        problems.add(at("encryption"), s.encryption, 'must be "aws-owned", "create" or { kmsKeyArn: <customer-managed KMS key ARN> }');
    }
    checkTags(problems, s.tags, at("tags"));
    checkAuthenticateOnlyPolicies(problems, s, at);
    policyProblems.messages.forEach((m) => problems.addMessage(m));
    // issue 24 item 5: on-behalf-of token exchange needs the user's token (a JWT inbound) and a target type AWS allows it on.
    checkTokenExchange(problems, s.targets, s.inboundAuth, at("targets"));
    // issue 24 items 2 and 3.
    const interceptors = checkInterceptors(problems, s.interceptors, at("interceptors"), component);
    checkRateLimits(problems, s.rateLimits, at("rateLimits"), s.inboundAuth);
    return { ...s, inboundAuth, targets, encryption, toolPolicyCheck, interceptors };
}

/**
 * `TOKEN_EXCHANGE` (on-behalf-of, RFC 8693) exchanges the caller's inbound JWT, so the gateway must
 * receive one (CUSTOM_JWT or AUTHENTICATE_ONLY), and AWS accepts it on MCP server and OpenAPI targets only
 * (target matrix, https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-outbound-auth.html).
 */
function checkTokenExchange<ApiKey, OAuth2>(problems: Problems, targets: GatewayTargetSpec<ApiKey, OAuth2>[], inboundAuth: GatewayInboundAuth, path: string): void {
    targets.forEach((target, i) => {
        const credentials = "credentials" in target ? target.credentials : undefined;
        if (!credentials || !("oauth2" in credentials) || credentials.grantType !== "TOKEN_EXCHANGE") {
            return;
        }
        const at = `${path}[${i}].credentials.grantType`;
        if (target.type !== "mcpServer" && target.type !== "openApi") {
            problems.add(at, "TOKEN_EXCHANGE", `is accepted only on mcpServer and openApi targets (AWS's outbound-auth matrix), not on a ${target.type} target`);
        }
        if (inboundAuth.type !== "CUSTOM_JWT" && inboundAuth.type !== "AUTHENTICATE_ONLY") {
            problems.add(at, "TOKEN_EXCHANGE", `exchanges the caller's inbound JWT, which a ${inboundAuth.type} gateway does not receive: use inboundAuth CUSTOM_JWT or AUTHENTICATE_ONLY`);
        } else if ("cognito" in inboundAuth && inboundAuth.cognito) {
            // red-team 5: the Cognito authorizer created here is machine-to-machine (client-credentials flow): its
            // tokens' subject is the client id, so an exchange would act as the agent's client, not as a user.
            problems.add(
                at,
                "TOKEN_EXCHANGE",
                "exchanges the caller's inbound JWT, but inboundAuth.cognito issues machine-to-machine tokens (client credentials, sub = the client id), " +
                    "so the exchange would act as the agent's client, not as a user: use inboundAuth CUSTOM_JWT with your users' identity provider (discoveryUrl), or CLIENT_CREDENTIALS",
            );
        }
    });
}

/**
 * The targets the policies name, each with the names of the policies that do: a target's action
 * group (`AgentCore::Action::"<target>"`) or one of its tools (`AgentCore::Action::"<target>___<tool>"`),
 * anywhere in the text (scope or condition; policies not validated offline included).
 */
export function governedTargets(sources: readonly PolicySource[]): Map<string, string[]> {
    const named = new Map<string, string[]>();
    for (const source of sources) {
        for (const match of source.text.matchAll(/Action\s*::\s*"((?:[^"\\]|\\.)*)"/g)) {
            const target = match[1].split(TOOL_SEPARATOR)[0];
            const policies = named.get(target) ?? [];
            if (!policies.includes(source.name)) {
                named.set(target, [...policies, source.name]);
            }
        }
    }
    return named;
}

/**
 * AUTHENTICATE_ONLY makes no authorization decision at the gateway ("offloaded"
 * authorization, https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-inbound-auth.html):
 * the policy engine is the only authorization, so it must be there and enforce.
 * Without it (or in LOG_ONLY), every holder of a token the issuer signed could call
 * every tool.
 */
function checkAuthenticateOnlyPolicies(problems: Problems, s: GatewaySettings<unknown, unknown>, at: (field: string) => string): void {
    if (s.inboundAuth.type !== "AUTHENTICATE_ONLY") {
        return;
    }
    if (s.toolPolicies === undefined) {
        problems.add(
            at("toolPolicies"),
            undefined,
            "is required with inboundAuth AUTHENTICATE_ONLY: the gateway authenticates callers but authorizes nothing, so without an enforcing policy engine every holder of a token from the issuer could call every tool",
        );
    } else if (s.toolPolicies.mode !== "ENFORCE") {
        problems.add(
            at("toolPolicies.mode"),
            s.toolPolicies.mode,
            "must be ENFORCE with inboundAuth AUTHENTICATE_ONLY: the policy engine is the only authorization (in LOG_ONLY every holder of a token from the issuer could call every tool); shadow new policies in LOG_ONLY on a CUSTOM_JWT gateway first (the provider has no per-policy enforcementMode)",
        );
    }
}

/**
 * The JWT authorizer fields AWS does not enforce with AUTHENTICATE_ONLY ("The gateway validates the token
 * but does not enforce scope or audience restrictions for authorization", gateway-create-api.html).
 * `allowedClients` is not among them: AWS's AUTHENTICATE_ONLY example sets `"allowedClients": ["clientId"]`.
 */
const NOT_ENFORCED_WITH_AUTHENTICATE_ONLY = ["allowedAudiences", "allowedScopes"] as const;

/**
 * Checks the inbound authorization: JWT needs an issuer and a client or audience;
 * AUTHENTICATE_ONLY an issuer, optionally clients, and no audience or scope restrictions
 * (AWS would not enforce them); NONE an explicit acknowledgement.
 */
function checkInboundAuth(problems: Problems, auth: GatewayInboundAuth, path: string, gatewayName: string, component: string | undefined): GatewayInboundAuth {
    switch (auth.type) {
        case "AWS_IAM":
            return auth;
        case "NONE":
            if ((auth as { acknowledgeUnauthenticated?: unknown }).acknowledgeUnauthenticated !== true) {
                problems.add(`${path}.acknowledgeUnauthenticated`, undefined, "must be true to create a gateway anyone can call without credentials (use AWS_IAM or CUSTOM_JWT otherwise)");
            }
            return auth;
        case "CUSTOM_JWT": {
            if (auth.cognito === undefined) {
                const checked = checkAuthorizer(problems, { ...auth, discoveryUrl: auth.discoveryUrl as string }, path, component);
                return { ...auth, ...checked, type: "CUSTOM_JWT" };
            }
            if (auth.discoveryUrl !== undefined || auth.allowedAudiences !== undefined || auth.allowedClients !== undefined) {
                problems.add(path, "CUSTOM_JWT", "takes either cognito (the component creates the issuer and its client) or discoveryUrl with allowedAudiences/allowedClients, not both");
            }
            const domainPrefix = checkDomainPrefix(problems, auth.cognito.domainPrefix, `${path}.cognito.domainPrefix`, gatewayName, component);
            return {
                ...auth,
                cognito: { ...auth.cognito, ...(domainPrefix !== undefined ? { domainPrefix } : {}) },
                allowedScopes: checkScopes(problems, auth.allowedScopes, `${path}.allowedScopes`, component),
            };
        }
        case "AUTHENTICATE_ONLY": {
            const given = auth as Record<string, unknown>;
            for (const field of NOT_ENFORCED_WITH_AUTHENTICATE_ONLY) {
                if (given[field] !== undefined) {
                    problems.add(
                        `${path}.${field}`,
                        given[field],
                        "is not enforced with AUTHENTICATE_ONLY (AWS validates the token only and does not enforce audience or scope restrictions): check the claim in the tool policies (principal.getTag(...)), or use CUSTOM_JWT",
                    );
                }
            }
            checkShape(problems, `${path}.allowedClients`, auth.allowedClients, "AllowedClientsList");
            if (auth.cognito === undefined) {
                if (auth.discoveryUrl === undefined || auth.discoveryUrl === "") {
                    problems.add(`${path}.discoveryUrl`, auth.discoveryUrl, "is required for AUTHENTICATE_ONLY (the issuer's /.well-known/openid-configuration URL), unless cognito creates the issuer");
                    return auth;
                }
                return { ...auth, discoveryUrl: checkInput(problems, component, `${path}.discoveryUrl`, auth.discoveryUrl, "DiscoveryUrl") };
            }
            if (auth.discoveryUrl !== undefined || auth.allowedClients !== undefined) {
                problems.add(path, "AUTHENTICATE_ONLY", "takes either cognito (the component creates the issuer and its client, and accepts exactly that client) or discoveryUrl with allowedClients, not both");
            }
            const domainPrefix = checkDomainPrefix(problems, auth.cognito.domainPrefix, `${path}.cognito.domainPrefix`, gatewayName, component);
            return { ...auth, cognito: { ...auth.cognito, ...(domainPrefix !== undefined ? { domainPrefix } : {}) } };
        }
        default:
            problems.add(`${path}.type`, (auth as { type: unknown }).type, "must be AWS_IAM, CUSTOM_JWT, AUTHENTICATE_ONLY or NONE");
            return auth;
    }
}

/**
 * A Cognito prefix domain (CreateUserPoolDomain `Domain`: 1-63 characters, pattern
 * `^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$`,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html).
 */
export const COGNITO_DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/**
 * Words Cognito refuses in a prefix domain: "You can't use the text aws, amazon, or
 * cognito in the domain prefix"
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain-prefix.html).
 */
export const COGNITO_RESERVED_WORDS = ["aws", "amazon", "cognito"] as const;

/**
 * Checks the Cognito domain prefix, or the default one (`<gateway name lowercased>-<account id>`)
 * when none is given; returns the prefix to send (checked when it resolves with `component`).
 */
function checkDomainPrefix(
    problems: Problems,
    prefix: pulumi.Input<string> | undefined,
    path: string,
    gatewayName: string,
    component: string | undefined,
): pulumi.Input<string> | undefined {
    const reserved = (value: string) => COGNITO_RESERVED_WORDS.filter((w) => value.toLowerCase().includes(w));
    if (prefix === undefined) {
        const found = reserved(gatewayName);
        if (found.length > 0) {
            problems.add(
                path,
                undefined,
                `defaults to "${gatewayName.toLowerCase()}-<account id>", which contains ${found.map((w) => `"${w}"`).join(", ")}: ` +
                    "Cognito refuses domain prefixes containing aws, amazon or cognito; set domainPrefix or choose a gateway name without them",
            );
        }
        return undefined;
    }
    return checkWhenKnown(problems, component, prefix, (p, value) => {
        if (!COGNITO_DOMAIN_PREFIX.test(value)) {
            p.add(path, value, "must be 1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit (Cognito CreateUserPoolDomain)");
        }
        const found = reserved(value);
        if (found.length > 0) {
            p.add(path, value, `must not contain ${found.map((w) => `"${w}"`).join(", ")}: Cognito refuses domain prefixes containing aws, amazon or cognito`);
        }
    });
}

/**
 * Checks every target: names unique and valid, ARNs, URLs, schemas, credentials and
 * listing modes; returns them with unknown values checked and the listing mode of
 * runtime-hosted MCP servers resolved.
 */
function checkTargets<ApiKey, OAuth2>(
    problems: Problems,
    targets: GatewayTargetSpec<ApiKey, OAuth2>[],
    path: string,
    component: string | undefined,
    semanticSearch: boolean,
    governed: Map<string, string[]> = new Map(),
): GatewayTargetSpec<ApiKey, OAuth2>[] {
    const seen = new Set<string>();
    return targets.map((target, i) => {
        const at = `${path}[${i}]`;
        checkShape(problems, `${at}.name`, target.name, "TargetName", { hint: "(letters and digits, single hyphens between them)" });
        if (seen.has(target.name)) {
            problems.add(`${at}.name`, target.name, "must be unique among the gateway's targets");
        }
        seen.add(target.name);
        checkShape(problems, `${at}.description`, target.description, "TargetDescription");
        switch (target.type) {
            case "lambda": {
                const functionArn = checkInput(problems, component, `${at}.functionArn`, target.functionArn, "LambdaFunctionArn");
                if (target.tools.length === 0) {
                    problems.add(`${at}.tools`, [], "must list at least one tool the function implements");
                }
                target.tools.forEach((tool, j) => {
                    checkToolSchema(problems, tool.inputSchema, `${at}.tools[${j}].inputSchema`);
                    checkToolSchema(problems, tool.outputSchema, `${at}.tools[${j}].outputSchema`);
                });
                return { ...target, functionArn };
            }
            case "openApi":
                checkCredentials(problems, target.credentials, `${at}.credentials`);
                return { ...target, schema: checkSchema(problems, target.schema, `${at}.schema`, component) };
            case "smithy": {
                const schema = checkSchema(problems, target.schema, `${at}.schema`, component);
                return { ...target, schema, permissions: checkSmithyPermissions(problems, target.permissions, schema, at) };
            }
            case "mcpServer": {
                if (target.credentials) {
                    checkCredentials(problems, target.credentials, `${at}.credentials`);
                }
                const listingMode = checkListingMode(problems, target.listingMode, undefined, at, semanticSearch, target.credentials, governed.get(target.name));
                return {
                    ...target,
                    ...(listingMode !== undefined ? { listingMode } : {}),
                    endpoint: checkInput(problems, component, `${at}.endpoint`, target.endpoint, "McpServerTargetConfigurationEndpointString"),
                };
            }
            case "agentRuntime": {
                // Runtime-hosted servers change their tools with every version the endpoint moves to: list them live by default,
                // unless tool policies name the target: AgentCore validates policies against the indexed tools (DEFAULT).
                const governedBy = governed.get(target.name);
                const listingMode = checkListingMode(problems, target.listingMode, governedBy ? "DEFAULT" : "DYNAMIC", at, semanticSearch, undefined, governedBy);
                if (target.endpoint !== undefined) {
                    if (target.runtimeArn !== undefined) {
                        problems.add(`${at}.runtimeArn`, target.runtimeArn, "cannot be combined with endpoint (the endpoint names its runtime)");
                    }
                    if (target.qualifier !== undefined) {
                        problems.add(`${at}.qualifier`, target.qualifier, "cannot be combined with endpoint (the endpoint's name is the qualifier)");
                    }
                    return { ...target, listingMode };
                }
                checkShape(problems, `${at}.qualifier`, target.qualifier, "EndpointName");
                if (target.runtimeArn === undefined) {
                    problems.add(`${at}.runtimeArn`, undefined, "is required (the ARN of the runtime hosting the MCP server), unless endpoint names a custom endpoint this program creates");
                    return { ...target, listingMode };
                }
                return { ...target, listingMode, runtimeArn: checkInput(problems, component, `${at}.runtimeArn`, target.runtimeArn, "RuntimeArn") };
            }
            case "apiGateway": {
                if (target.credentials) {
                    if ("oauth2" in target.credentials) {
                        problems.add(`${at}.credentials.oauth2`, target.credentials.oauth2, "is not accepted for API Gateway targets (API key or the gateway role only)");
                    } else {
                        checkCredentials(problems, target.credentials, `${at}.credentials`);
                    }
                }
                if (typeof target.stage !== "string" || target.stage === "") {
                    problems.add(`${at}.stage`, target.stage, "must name the REST API's stage");
                }
                if (!Array.isArray(target.toolFilters) || target.toolFilters.length === 0) {
                    problems.add(`${at}.toolFilters`, target.toolFilters, "must list at least one path and its methods (the operations exposed as tools)");
                }
                (Array.isArray(target.toolFilters) ? target.toolFilters : []).forEach((filter, j) => {
                    if (typeof filter.path !== "string" || !filter.path.startsWith("/")) {
                        problems.add(`${at}.toolFilters[${j}].path`, filter.path, "must be a resource path starting with / (explicit, or a prefix ending in /*)");
                    }
                    if (!Array.isArray(filter.methods) || filter.methods.length === 0) {
                        problems.add(`${at}.toolFilters[${j}].methods`, filter.methods, "must list at least one HTTP method");
                    }
                    (Array.isArray(filter.methods) ? filter.methods : []).forEach((m, k) => checkShape(problems, `${at}.toolFilters[${j}].methods[${k}]`, m, "RestApiMethod"));
                });
                return target;
            }
            default:
                problems.add(`${at}.type`, (target as { type: unknown }).type, "must be lambda, openApi, smithy, mcpServer, agentRuntime or apiGateway");
                return target;
        }
    });
}

/** The command that refreshes a DEFAULT target's indexed tools (API `SynchronizeGatewayTargets`, one target per call: `TargetIdList` max 1). */
export const SYNCHRONIZE_TARGET_COMMAND = "aws bedrock-agentcore-control synchronize-gateway-targets --gateway-identifier <gateway id> --target-id-list <target id>";

/**
 * Checks an MCP server target's listing mode and returns the mode to send (`fallback`
 * when none is given). AWS: "Currently DYNAMIC mode is not interoperable with semantic
 * search or outbound three-legged OAuth (3LO)"
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-target-MCPservers.html).
 * A target that tool policies name (`governedBy`) cannot be DYNAMIC: AgentCore validates policies
 * against a schema "automatically generated from the Gateway's MCP tool manifest"
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/policy-schema-constraints.html); for DEFAULT
 * targets "CreateGatewayTarget and UpdateGatewayTarget operations automatically trigger capability
 * discovery and indexing", while a DYNAMIC target's tools "will be dynamically retrieved when listing
 * tools" (API model `McpServerTargetConfiguration.listingMode`), so they are likely not in that schema.
 */
function checkListingMode(
    problems: Problems,
    given: McpListingMode | undefined,
    fallback: McpListingMode | undefined,
    at: string,
    semanticSearch: boolean,
    credentials: TargetCredentials<unknown, unknown> | undefined,
    governedBy?: readonly string[],
): McpListingMode | undefined {
    checkShape(problems, `${at}.listingMode`, given, "ListingMode");
    const mode = given ?? fallback;
    if (mode !== "DYNAMIC") {
        return mode;
    }
    if (governedBy !== undefined) {
        problems.add(
            `${at}.listingMode`,
            given,
            `cannot be DYNAMIC while tool policies name this target (${governedBy.map((p) => `policy "${p}"`).join(", ")}): AgentCore validates each policy against a Cedar schema ` +
                "generated from the gateway's tool manifest, which holds the tools it discovered and indexed for DEFAULT targets when they were created or updated; a DYNAMIC target's tools are " +
                "only retrieved live when listing tools, so they are likely missing from that schema and AgentCore would reject the policy. Keep DEFAULT (the default for a target the policies name) " +
                `and synchronize the target after each move of its endpoint to a version with other tools: ${SYNCHRONIZE_TARGET_COMMAND}`,
        );
    }
    if (semanticSearch) {
        problems.add(
            `${at}.listingMode`,
            given,
            given === undefined
                ? 'defaults to DYNAMIC for a runtime-hosted MCP server, which AWS cannot combine with semanticSearch: set listingMode "DEFAULT" (the gateway then keeps the tools it listed when the target was created or updated: call SynchronizeGatewayTargets after the endpoint moves to another version) or turn semantic search off'
                : "cannot be DYNAMIC with semanticSearch (AWS: DYNAMIC mode is not interoperable with semantic search)",
        );
    }
    if (credentials !== undefined && "oauth2" in credentials && credentials.grantType === "AUTHORIZATION_CODE") {
        problems.add(`${at}.listingMode`, given, "cannot be DYNAMIC with AUTHORIZATION_CODE credentials (AWS: DYNAMIC mode is not interoperable with outbound three-legged OAuth)");
    }
    return mode;
}

/** A tool's input or output schema as the provider takes it: a type, and nested properties or items. */
interface ToolSchema {
    type?: unknown;
    properties?: unknown;
    items?: unknown;
}

/** Checks the type of a tool schema and of every nested property and item schema (known values only). */
function checkToolSchema(problems: Problems, schema: pulumi.Input<ToolSchema | undefined> | undefined, path: string): void {
    if (schema === undefined || !isKnown(schema)) {
        return;
    }
    if (isKnown(schema.type)) {
        checkShape(problems, `${path}.type`, schema.type, "SchemaType");
    }
    if (Array.isArray(schema.properties)) {
        schema.properties.forEach((property: pulumi.Input<ToolSchema>, i: number) => checkToolSchema(problems, property, `${path}.properties[${i}]`));
    }
    checkToolSchema(problems, schema.items as pulumi.Input<ToolSchema | undefined>, `${path}.items`);
}

function checkSchema(problems: Problems, schema: SchemaSource, path: string, component: string | undefined): SchemaSource {
    if ("s3Uri" in schema) {
        checkShape(problems, `${path}.bucketOwnerAccountId`, schema.bucketOwnerAccountId, "AwsAccountId");
        return { ...schema, s3Uri: checkInput(problems, component, `${path}.s3Uri`, schema.s3Uri, "S3BucketUri") };
    }
    const inline = schema.inline;
    if (typeof inline === "string" && inline.trim() === "") {
        problems.add(`${path}.inline`, inline, "must not be empty");
    }
    return schema;
}

/**
 * Checks a Smithy target's permissions and fills in `actions` derived from an
 * inline model when they are not given: resources are required; actions must be
 * given when the model is in S3, still unknown, or unreadable; every action must
 * be one the IAM service reference lists.
 */
function checkSmithyPermissions(problems: Problems, permissions: SmithyPermissions | undefined, schema: SchemaSource, at: string): SmithyPermissions {
    const path = `${at}.permissions`;
    const resources = permissions?.resources ?? [];
    if (resources.length === 0) {
        problems.add(`${path}.resources`, permissions?.resources, "must list the ARNs the target's operations act on (the gateway's role calls the service with exactly these resources; write \"*\" only for actions without resource-level permissions)");
    }
    let actions = permissions?.actions;
    if (actions === undefined) {
        const model = "inline" in schema && isKnown(schema.inline) ? schema.inline : undefined;
        const derived = model === undefined ? undefined : smithyActions(model);
        if (derived === undefined) {
            problems.add(`${path}.actions`, undefined, `must list the IAM actions the target calls (service:Action): they cannot be derived from a model ${"s3Uri" in schema ? "in S3" : "not known before deployment"}`);
        } else if (typeof derived === "string") {
            problems.add(`${path}.actions`, undefined, `must list the IAM actions the target calls (service:Action): ${at}.schema.inline ${derived}`);
        } else {
            actions = derived.actions;
            derived.actions.forEach((action) => {
                const reason = unknownActionReason(action);
                if (reason) {
                    problems.add(`${at}.schema.inline`, action, `(an action derived from the model's operations) ${reason}; list the actions in ${path}.actions instead`);
                }
            });
            if (derived.actions.length === 0) {
                problems.add(`${path}.actions`, undefined, `must list the IAM actions the target calls: the inline model's service binds no operations`);
            }
        }
    } else {
        if (actions.length === 0) {
            problems.add(`${path}.actions`, [], "must list at least one IAM action (or be omitted to derive them from an inline model)");
        }
        actions.forEach((action, i) => {
            const reason = unknownActionReason(action);
            if (reason) {
                problems.add(`${path}.actions[${i}]`, action, reason);
            }
        });
    }
    return { actions: actions ?? [], resources };
}

function checkCredentials(problems: Problems, credentials: TargetCredentials<unknown, unknown>, path: string): void {
    if ("callerIam" in (credentials as object)) {
        problems.add(
            `${path}.callerIam`,
            "(set)",
            "is refused: @pulumi/aws 7.48 can send callerIamCredentials (CALLER_IAM_CREDENTIALS, forward access sessions), but AWS accepts it only on AgentCore Runtime HTTP targets " +
                "(target matrix, https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-outbound-auth.html), and AgentGateway's targets are MCP, Lambda, OpenAPI, Smithy and API Gateway targets: " +
                'to have an mcpServer or openApi tool act as the user, use { oauth2: <provider>, grantType: "TOKEN_EXCHANGE" }',
        );
        return;
    }
    if ("apiKey" in credentials) {
        checkShape(problems, `${path}.location`, credentials.location, "ApiKeyCredentialLocation");
        checkShape(problems, `${path}.parameterName`, credentials.parameterName, "ApiKeyCredentialParameterName");
        checkShape(problems, `${path}.prefix`, credentials.prefix, "ApiKeyCredentialPrefix");
        return;
    }
    checkShape(problems, `${path}.scopes`, credentials.scopes, "OAuthScopes");
    credentials.scopes.forEach((scope, i) => checkShape(problems, `${path}.scopes[${i}]`, scope, "OAuthScope"));
    checkShape(problems, `${path}.grantType`, credentials.grantType, "OAuthGrantType");
    checkShape(problems, `${path}.defaultReturnUrl`, credentials.defaultReturnUrl, "OAuthDefaultReturnUrl");
    if (credentials.grantType === "AUTHORIZATION_CODE" && credentials.defaultReturnUrl === undefined) {
        problems.add(`${path}.defaultReturnUrl`, undefined, "is required with grantType AUTHORIZATION_CODE (where the user's browser returns after consent)");
    }
}
