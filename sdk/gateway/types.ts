import * as pulumi from "@pulumi/pulumi";
import type { AgentcoreAgentRuntimeEndpoint } from "@pulumi/aws/bedrock/agentcoreAgentRuntimeEndpoint";
import type * as inputs from "@pulumi/aws/types/input";
import { ApiKeyCredentialProvider } from "../identity/apiKeyCredentialProvider";
import { OAuth2CredentialProvider } from "../identity/oauth2CredentialProvider";

/** Who may call the gateway. */
export type GatewayInboundAuth =
    | {
          /** SigV4-signed calls allowed by the caller's IAM policy (`bedrock-agentcore:InvokeGateway`, see `grantInvoke`). */
          type: "AWS_IAM";
      }
    | {
          /** Bearer JWTs: from an external OIDC issuer (`discoveryUrl`) or from a Cognito user pool the component creates (`cognito`). */
          type: "CUSTOM_JWT";
          /** External issuer's discovery URL (`…/.well-known/openid-configuration`). Exclusive with `cognito`. */
          discoveryUrl?: pulumi.Input<string>;
          /** Accepted `aud` claims (external issuer). At least one audience or client is required. */
          allowedAudiences?: pulumi.Input<string>[];
          /** Accepted `client_id` claims (external issuer). */
          allowedClients?: pulumi.Input<string>[];
          /** Accepted scopes (each 1-255 printable characters). */
          allowedScopes?: pulumi.Input<string>[];
          /**
           * Create a Cognito user pool with a resource server and a machine-to-machine
           * client (client-credentials flow); the authorizer accepts exactly that client.
           */
          cognito?: {
              /** Hosted-domain prefix for the token endpoint. @default `<gateway name>-<account id>` */
              domainPrefix?: pulumi.Input<string>;
          };
      }
    | {
          /**
           * Authenticate here, let the policy engine authorize: the gateway validates each
           * bearer JWT against the issuer (signature, issuer, expiry) and makes no
           * authorization decision of its own ("offloaded" inbound authorization,
           * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-inbound-auth.html).
           * AWS does not enforce audience or scope restrictions in this mode ("The gateway
           * validates the token but does not enforce scope or audience restrictions for
           * authorization", gateway-create-api.html, AUTHENTICATE_ONLY example), so
           * `allowedAudiences` and `allowedScopes` are refused here; `allowedClients` is taken and
           * sent, as AWS's own AUTHENTICATE_ONLY example sets it (`"allowedClients": ["clientId"]`).
           * `toolPolicies` in `ENFORCE` mode are required to decide every tool call. Callers
           * appear to the policies as `AgentCore::OAuthUser` (id: the token's `sub`; every other
           * claim a String tag), so write the audience and scope checks (and, to be safe, the
           * client check too) as policy conditions, e.g.
           * `principal.hasTag("client_id") && principal.getTag("client_id") == "..."`. The
           * gateway keeps the token, so targets may receive it (token passthrough).
           */
          type: "AUTHENTICATE_ONLY";
          /** External issuer's discovery URL (`…/.well-known/openid-configuration`). Exclusive with `cognito`. */
          discoveryUrl?: pulumi.Input<string>;
          /**
           * Accepted `client_id` claims (external issuer; with `cognito` the created client is sent).
           * AWS's page says only that scope and audience are not enforced in this mode; that the
           * client list is enforced was not tried against AWS, so keep the policies' own check.
           */
          allowedClients?: pulumi.Input<string>[];
          /** Create a Cognito user pool with a machine-to-machine client (client-credentials flow) as the issuer, as for `CUSTOM_JWT`. */
          cognito?: {
              /** Hosted-domain prefix for the token endpoint. @default `<gateway name>-<account id>` */
              domainPrefix?: pulumi.Input<string>;
          };
      }
    | {
          /** No inbound authentication: anyone who knows the URL may call the tools. */
          type: "NONE";
          /** Must be `true`: says that an unauthenticated gateway is intended. */
          acknowledgeUnauthenticated: true;
      };

/** Inline schema text or an S3 object holding it. */
export type SchemaSource =
    | {
          /** The schema document itself (JSON or YAML text). */
          inline: pulumi.Input<string>;
      }
    | {
          /** `s3://bucket/key` of the schema document. */
          s3Uri: pulumi.Input<string>;
          /** Account owning the bucket. @default the gateway's account */
          bucketOwnerAccountId?: pulumi.Input<string>;
      };

/**
 * How a target authenticates to its API: a credential provider of the token
 * vault. The type parameters say how a provider is referred to: the provider
 * component itself, or (in `AgentEnvironment`) its name in the identity section.
 */
export type TargetCredentials<ApiKey = ApiKeyCredentialProvider, OAuth2 = OAuth2CredentialProvider> =
    | {
          /** Send an API key from this provider. */
          apiKey: ApiKey;
          /** Where the key goes. @default "HEADER" */
          location?: "HEADER" | "QUERY_PARAMETER";
          /** Header or query parameter name (1-64 characters). @default AgentCore's (`Authorization`) */
          parameterName?: string;
          /** Prefix before the key (1-64 characters), e.g. `Bearer`. */
          prefix?: string;
      }
    | {
          /** Send an OAuth2 access token from this provider. */
          oauth2: OAuth2;
          /** Scopes to request (at most 100, each 1-64 characters). */
          scopes: string[];
          /**
           * Grant type. `CLIENT_CREDENTIALS`: the gateway's own token (the tool acts as the gateway).
           * `AUTHORIZATION_CODE`: the user's consent (three-legged). `TOKEN_EXCHANGE` (issue 24 item 5):
           * the caller's inbound JWT is exchanged for a token to this API on the user's behalf (RFC 8693,
           * on-behalf-of), so the tool acts as the user: needs a JWT inbound auth (CUSTOM_JWT or
           * AUTHENTICATE_ONLY), an `mcpServer` or `openApi` target (AWS's outbound-auth matrix,
           * gateway-outbound-auth.html) and a `CustomOauth2` provider with `vendor.tokenExchange`.
           * The gateway role gets the same token-vault grants as for client credentials, on exactly this
           * provider and the gateway's workload identity (no user-id token, no consent completion).
           * Not run against AWS: the `@pulumi/aws` 7.48 target documents only CLIENT_CREDENTIALS and
           * AUTHORIZATION_CODE but validates `grant_type` against the AWS SDK's `OAuthGrantType` enum
           * (gateway_target.go), whose API model has TOKEN_EXCHANGE: deploy a TOKEN_EXCHANGE target in dev first.
           * @default "CLIENT_CREDENTIALS"
           */
          grantType?: "CLIENT_CREDENTIALS" | "AUTHORIZATION_CODE" | "TOKEN_EXCHANGE";
          /** Where the user's browser returns after consent (required for AUTHORIZATION_CODE). */
          defaultReturnUrl?: string;
      };

/** The IAM permissions of a Smithy target (see the `smithy` target's `permissions`). */
export interface SmithyPermissions {
    /** IAM actions (`service:Action`, no wildcards). @default derived from an inline Smithy model */
    actions?: string[];
    /** The ARNs the actions may act on (at least one). */
    resources: pulumi.Input<string>[];
}

/** Fields every target has. */
interface TargetBase {
    /** Target name (`([0-9a-zA-Z][-]?){1,100}`); also names the child resource. */
    name: string;
    /** Description (1-200 characters). */
    description?: string;
    /**
     * issue 24 item 5: the target reads or changes an end user's own data (their mail, files, tickets,
     * records). Such a target should act as the user (`credentials` with `grantType` `TOKEN_EXCHANGE`
     * or `AUTHORIZATION_CODE`); with the gateway's role or a service credential (client credentials, an
     * API key) every caller reaches every user's data through it, and the component warns (advisory).
     * @default false
     */
    reachesUserData?: boolean;
}

/** One gateway target: the tools it exposes and how the gateway reaches them (provider references as in {@link TargetCredentials}). */
export type GatewayTargetSpec<ApiKey = ApiKeyCredentialProvider, OAuth2 = OAuth2CredentialProvider> =
    | (TargetBase & {
          /** A Lambda function, invoked with the gateway's role (`lambda:InvokeFunction` on this function only). */
          type: "lambda";
          /** Function ARN (optionally qualified by version or alias). */
          functionArn: pulumi.Input<string>;
          /** The tools the function implements (name, description, input schema). */
          tools: inputs.bedrock.AgentcoreGatewayTargetTargetConfigurationMcpLambdaToolSchemaInlinePayload[];
      })
    | (TargetBase & {
          /** A REST API described by an OpenAPI document, called with an API key or OAuth2 token. */
          type: "openApi";
          /** The OpenAPI document. */
          schema: SchemaSource;
          /** The credential provider the gateway uses for the API. */
          credentials: TargetCredentials<ApiKey, OAuth2>;
      })
    | (TargetBase & {
          /** An AWS service described by a Smithy model, called with the gateway's role. */
          type: "smithy";
          /** The Smithy model (JSON AST). */
          schema: SchemaSource;
          /**
           * What the gateway's role may do on the service: the target's operations
           * run with that role, so it needs the service's IAM actions on the
           * resources they touch. `resources` is required (ARNs; `"*"` only where you
           * mean every resource). `actions` defaults to the actions derived from an
           * inline model (its service's IAM prefix and every operation it binds) and
           * is required when the model is in S3 or cannot be read; each action must
           * be one the IAM service reference lists.
           */
          permissions: SmithyPermissions;
      })
    | (TargetBase & {
          /** An MCP server reached over HTTPS. */
          type: "mcpServer";
          /** Server URL (`https://…`). */
          endpoint: pulumi.Input<string>;
          /** Credential provider for the server. @default none (the server is unauthenticated) */
          credentials?: TargetCredentials<ApiKey, OAuth2>;
          /**
           * How the gateway lists the server's tools: `DEFAULT` keeps the list read when the
           * target was created or updated (refreshed only by `SynchronizeGatewayTargets`);
           * `DYNAMIC` asks the server at every `tools/list`. `DYNAMIC` is refused with
           * `semanticSearch` and with AUTHORIZATION_CODE credentials (AWS cannot combine them).
           * `DYNAMIC` is also refused when `toolPolicies` name the target (its action group or a
           * tool): see the `agentRuntime` target.
           * @default AgentCore's (`DEFAULT`)
           */
          listingMode?: McpListingMode;
      })
    | (TargetBase & {
          /**
           * An MCP server hosted on an AgentCore Runtime (protocol MCP, inbound auth
           * AWS_IAM), called through the runtime's invocation URL with the gateway
           * role's SigV4 signature (`gatewayIamRole` with signing service
           * `bedrock-agentcore`). The role may invoke exactly this runtime and endpoint,
           * so a team's own MCP server is governed by the gateway's tool policies like
           * any other target.
           */
          type: "agentRuntime";
          /** ARN of the runtime (`…:runtime/<name>-<10 characters>`). Exclusive with `endpoint`. */
          runtimeArn?: pulumi.Input<string>;
          /** The runtime endpoint the gateway calls (`DEFAULT` or a custom endpoint's name). Exclusive with `endpoint`. @default "DEFAULT" */
          qualifier?: string;
          /**
           * A custom endpoint this program creates (e.g. `mcpServer.endpoints.prod` of an
           * `AgentRuntime`), instead of `runtimeArn` and `qualifier`: the target calls that
           * endpoint of its runtime and is created only once the endpoint exists. A
           * `qualifier` naming an endpoint created in the same update would otherwise be
           * called (its tools listed) before the endpoint is there.
           */
          endpoint?: AgentcoreAgentRuntimeEndpoint;
          /**
           * How the gateway lists the server's tools. `DYNAMIC` asks the runtime at every
           * `tools/list`, so the tools of the version the endpoint serves now are the ones
           * agents see; `DEFAULT` indexes the list when the target is created or updated,
           * and moving the endpoint to another version updates neither: synchronize the target
           * after each move (`aws bedrock-agentcore-control synchronize-gateway-targets
           * --gateway-identifier <gateway id> --target-id-list <target id>`). AWS cannot combine
           * `DYNAMIC` with semantic search. When `toolPolicies` name this target (its action
           * group `<target>` or a tool `<target>___<tool>`), it must be `DEFAULT`: AgentCore
           * validates policies against a schema "automatically generated from the Gateway's MCP
           * tool manifest", and a `DYNAMIC` target's tools are only retrieved live, so they are
           * likely not in it; `DYNAMIC` is then refused.
           * @default "DEFAULT" when `toolPolicies` name the target, "DYNAMIC" otherwise
           */
          listingMode?: McpListingMode;
      })
    | (TargetBase & {
          /**
           * A stage of an API Gateway REST API in the gateway's account and Region
           * (public endpoint type), its operations exposed as tools through `toolFilters`.
           * Called with the gateway role (IAM: `execute-api:Invoke` on exactly the
           * filtered operations) unless API-key `credentials` are given.
           */
          type: "apiGateway";
          /** The REST API's id. */
          restApiId: pulumi.Input<string>;
          /** The stage. */
          stage: string;
          /** The operations exposed as tools: a path (explicit, or a prefix ending in `/*`) and its HTTP methods. At least one. */
          toolFilters: ApiGatewayToolFilter[];
          /** An API-key provider instead of the gateway role (OAuth2 is not accepted for API Gateway targets). @default the gateway role */
          credentials?: TargetCredentials<ApiKey, OAuth2>;
      });

/**
 * How the gateway learns an MCP server target's tools (API model
 * `McpServerTargetConfiguration.listingMode`, https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-target-MCPservers.html):
 * `DEFAULT` caches them at the control plane, read when the target is created or updated
 * and refreshed only by `SynchronizeGatewayTargets`; `DYNAMIC` forwards every listing to
 * the server ("MCP resources for dynamic targets will be dynamically retrieved when
 * listing tools"). AWS: "Currently DYNAMIC mode is not interoperable with semantic search
 * or outbound three-legged OAuth (3LO)". AgentCore Policy validates each policy against a
 * schema "automatically generated from the Gateway's MCP tool manifest"
 * (policy-schema-constraints.html), and "For targets in DEFAULT mode, CreateGatewayTarget and
 * UpdateGatewayTarget operations automatically trigger capability discovery and indexing"
 * (gateway-target-MCPservers.html); a `DYNAMIC` target's tools are likely not in that schema, so
 * the package refuses `DYNAMIC` on a target the tool policies name (not tried against AWS).
 */
export type McpListingMode = "DEFAULT" | "DYNAMIC";

/** HTTP methods an API Gateway tool filter may name (API model `RestApiMethod`). */
export type RestApiMethod = "GET" | "DELETE" | "HEAD" | "OPTIONS" | "PATCH" | "PUT" | "POST";

/** One API Gateway tool filter. */
export interface ApiGatewayToolFilter {
    /** Resource path, explicit (`/pets/{petId}`) or a prefix ending in `/*` (`/pets/*`). */
    path: string;
    /** HTTP methods of that path exposed as tools. */
    methods: RestApiMethod[];
}

/**
 * Where an interceptor runs (API model `GatewayInterceptionPoint`): `REQUEST` before the gateway calls
 * the target, `RESPONSE` after the target answers and before the caller gets the response
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-interceptors.html).
 */
export type InterceptionPoint = "REQUEST" | "RESPONSE";

/**
 * A Lambda function the gateway calls at every invocation (API model `GatewayInterceptorConfiguration`):
 * for PII redaction, tenant checks and header rewriting. The gateway calls it with its own role, which
 * gets `lambda:InvokeFunction` on exactly `functionArn` (AWS: "your gateway service role must have the
 * lambda:InvokeFunction IAM permissions to invoke the Lambda functions that serve as interceptors",
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-interceptors-permissions.html).
 * The function's event and answer follow AWS's contract
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-interceptors-types.html);
 * `examples/platform/interceptor/` has a PII-redacting one.
 */
export interface GatewayInterceptor {
    /** The function's ARN (optionally qualified by version or alias: the grant names exactly this ARN). */
    functionArn: pulumi.Input<string>;
    /** Where it runs: `REQUEST`, `RESPONSE` or both. A gateway has at most one interceptor per point. */
    points: InterceptionPoint[];
    /**
     * Pass the caller's request headers to the function (`inputConfiguration.passRequestHeaders`). They
     * carry the caller's `Authorization` token: only for a function that needs them and logs none.
     * @default false
     */
    passRequestHeaders?: boolean;
}

/** A rate of one metric (API model `RateConfig`): `rate` (0-10,000,000) per `period`. */
export interface GatewayRate {
    /** How many per period (0-10,000,000; API model `RateConfigRateDouble`). */
    rate: number;
    /** The period (API model `Period`). */
    period: "second" | "minute";
}

/** One entry of a rate limit (API model `LimitEntry`): which callers or tools it counts, and their limits. */
export interface GatewayRateLimitEntry {
    /**
     * The values of the limit's dimension keys this entry applies to (1-10, each value 1-256 characters):
     * an exact value, or `"*"` for every value (API model `DimensionValue`).
     */
    dimensions: Record<string, string>;
    /** Requests per second or minute. */
    requests?: GatewayRate;
    /** Model tokens per second or minute. */
    tokens?: GatewayRate;
    /** New connections (per second only: the aws-native schema says "per second only"). */
    connections?: GatewayRate;
}

/**
 * A rate limit of the gateway (`AWS::BedrockAgentCore::GatewayRateLimit`, created with `@pulumi/aws-native`,
 * an optional peer dependency loaded only when a gateway has rate limits). Limits count per principal
 * (`$.context.iam.principal` behind AWS_IAM, `$.context.jwt.<claim>` behind a JWT authorizer), per target
 * (`targetName`) or per tool (`toolName`).
 */
export interface GatewayRateLimitSpec {
    /**
     * The limit's id (2-55 characters `[a-zA-Z0-9][a-zA-Z0-9-_.]*[a-zA-Z0-9]`, unique among the gateway's limits).
     * AWS's `rateLimitId` is this id + `-` + 8 hex characters of the sorted dimension keys: AWS keeps both the id
     * and the dimension keys unique per gateway, so a limit whose keys change gets a new AWS id and is created
     * beside the old one (then the old one is deleted), and a renamed id replaces the same resource (named after
     * its keys), deleting the old limit first. Changing it replaces the limit.
     */
    id: string;
    /** Description (at most 512 characters). */
    description?: string;
    /**
     * What the limit counts by (1-10 of `targetName`, `toolName`, `qualifiedModelId`, `$.context.iam.principal`,
     * `$.context.iam.sourceIdentity`, `$.context.jwt.<claim>`). Changing them replaces the limit.
     */
    dimensionKeys: string[];
    /** The entries (1-1000). */
    entries: GatewayRateLimitEntry[];
}
