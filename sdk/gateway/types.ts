import * as pulumi from "@pulumi/pulumi";
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
          /** Grant type. @default "CLIENT_CREDENTIALS" */
          grantType?: "CLIENT_CREDENTIALS" | "AUTHORIZATION_CODE";
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
      });
