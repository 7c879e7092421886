import * as pulumi from "@pulumi/pulumi";
import { AgentcoreOauth2CredentialProvider } from "@pulumi/aws/bedrock/agentcoreOauth2CredentialProvider";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import type * as inputs from "@pulumi/aws/types/input";
import { AwsContext, awsContext } from "../common/context";
import { mapOrUndefined } from "../common/maps";
import { TYPE_PREFIX } from "../common/naming";
import { Grantable, PolicyStatement } from "../iam/grants";
import { checkTags } from "../runtime/validate";
import { Problems, checkInput, checkShape, checkWhenKnown } from "../validation";
import { CredentialProvider, credentialPurpose, sidFragment } from "./credentialProvider";
import * as perms from "./perms";
import { checkVersion, requireSecret } from "./secretInput";
import { vaultCredentialStatements } from "./vault";

type ProviderConfig = inputs.bedrock.AgentcoreOauth2CredentialProviderOauth2ProviderConfig;

/** Vendors with their own configuration block in the provider schema. */
const DEDICATED_VENDOR_BLOCKS = {
    GoogleOauth2: "googleOauth2ProviderConfig",
    GithubOauth2: "githubOauth2ProviderConfig",
    SlackOauth2: "slackOauth2ProviderConfig",
    SalesforceOauth2: "salesforceOauth2ProviderConfig",
    MicrosoftOauth2: "microsoftOauth2ProviderConfig",
    AtlassianOauth2: "atlassianOauth2ProviderConfig",
    LinkedinOauth2: "linkedinOauth2ProviderConfig",
} as const satisfies Record<string, keyof ProviderConfig>;

/**
 * Vendors whose tokens come from the customer's own tenant (an isolated
 * authorization server per customer): AgentCore cannot know its endpoints, so
 * the provider is created with the tenant's issuer, authorization endpoint and
 * token endpoint (`IncludedOauth2ProviderConfigInput` members `issuer`,
 * `authorizationEndpoint`, `tokenEndpoint` in the bedrock-agentcore-control API
 * model: "of your isolated OAuth2 application tenant"). The list is the one the
 * AWS CDK's `IncludedOauth2TenantCredentialProviderProps` names
 * (https://docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_aws-bedrock-agentcore-alpha.IncludedOauth2TenantCredentialProviderProps.html).
 */
export const TENANT_OAUTH2_VENDORS = ["OktaOauth2", "Auth0Oauth2", "CognitoOauth2", "OneLoginOauth2", "PingOneOauth2", "CyberArkOauth2", "FusionAuthOauth2"] as const;

/** A vendor whose endpoints are those of the customer's tenant (see {@link TENANT_OAUTH2_VENDORS}). */
export type TenantOAuth2Vendor = (typeof TENANT_OAUTH2_VENDORS)[number];

/** A built-in vendor (shape CredentialProviderVendorType, except `CustomOauth2`). */
export type BuiltInOAuth2Vendor =
    | keyof typeof DEDICATED_VENDOR_BLOCKS
    | TenantOAuth2Vendor
    | "XOauth2" | "FacebookOauth2" | "YandexOauth2" | "RedditOauth2" | "ZoomOauth2" | "TwitchOauth2" | "SpotifyOauth2" | "DropboxOauth2"
    | "NotionOauth2" | "HubspotOauth2";

/** Who issues the tokens: a custom OAuth2 server found by discovery, a tenant of a vendor, or a vendor AgentCore knows. */
export type OAuth2Vendor =
    | {
          /** Any OAuth2 / OpenID Connect authorization server. */
          type: "CustomOauth2";
          /** Its discovery URL, ending in `/.well-known/openid-configuration` or `/.well-known/oauth-authorization-server`. */
          discoveryUrl: pulumi.Input<string>;
          /**
           * issue 24 item 5: let gateway targets exchange the caller's token for one to this server on the
           * user's behalf (RFC 8693 token exchange, `onBehalfOfTokenExchangeConfig` with grant type
           * `TOKEN_EXCHANGE`, https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/on-behalf-of-token-exchange.html).
           * `actorTokenContent` (API model `ActorTokenContentType`) says what identifies the agent as the actor:
           * `NONE` or `M2M` (`AWS_IAM_ID_TOKEN_JWT`, in the model too, is refused: AWS documents no grant for it);
           * `actorTokenScopes` only with `M2M`. Required for a target with `grantType: "TOKEN_EXCHANGE"`.
           * @default no token exchange
           */
          tokenExchange?: { actorTokenContent: "NONE" | "M2M" | "AWS_IAM_ID_TOKEN_JWT"; actorTokenScopes?: string[] };
      }
    | {
          /**
           * A vendor whose authorization server is your tenant (Okta, Auth0, Cognito, OneLogin,
           * PingOne, CyberArk, FusionAuth). All three endpoints are required; they are in the
           * tenant's discovery document (`issuer`, `authorization_endpoint`, `token_endpoint`).
           * With only a discovery URL, use `{ type: "CustomOauth2", discoveryUrl }` instead.
           */
          type: TenantOAuth2Vendor;
          /** The tenant's token issuer (`https://…`), e.g. `https://dev-123.okta.com/oauth2/default`. */
          issuer: pulumi.Input<string>;
          /** The tenant's authorization endpoint (`https://…`). */
          authorizationEndpoint: pulumi.Input<string>;
          /** The tenant's token endpoint (`https://…`). */
          tokenEndpoint: pulumi.Input<string>;
      }
    | {
          /** A vendor AgentCore configures itself (Google, GitHub, Slack, ...). */
          type: Exclude<BuiltInOAuth2Vendor, TenantOAuth2Vendor>;
      };

/** The tenant endpoints of a tenant vendor, as the provider's included configuration block takes them. */
const TENANT_FIELDS = ["issuer", "authorizationEndpoint", "tokenEndpoint"] as const;

/** Arguments of {@link OAuth2CredentialProvider}. */
export interface OAuth2CredentialProviderArgs {
    /** Provider name (`[a-zA-Z0-9\-_]+`, 1-128 characters). @default the component name */
    providerName?: string;
    /** The authorization server. */
    vendor: OAuth2Vendor;
    /** OAuth2 client id (1-256 characters). Sent write-only together with the secret. */
    clientId: pulumi.Input<string>;
    /**
     * OAuth2 client secret. Must be a Pulumi secret (`config.requireSecret(...)`);
     * a plaintext value is refused. Sent through the write-only `clientSecretWo`;
     * Pulumi still keeps it in the stack state's inputs, encrypted as a secret
     * (pulumi-terraform-bridge#3201), and AgentCore Identity stores it in the token
     * vault's Secrets Manager secret.
     */
    clientSecret: pulumi.Input<string>;
    /**
     * Version of the client credentials: change it (e.g. 1 → 2) whenever the id or
     * secret changes, or AgentCore keeps the old ones.
     * @default 1
     */
    credentialsVersion?: number;
    /**
     * Protect the provider (`protect`): a change that would replace it (its name or vendor)
     * stops at preview. Set for prod.
     * @default false
     */
    protectFromDeletion?: boolean;
    /** Tags for the provider. */
    tags?: Record<string, string>;
}

/**
 * An OAuth2 credential provider of the token vault (custom server or built-in
 * vendor) whose client secret comes from a Pulumi secret and is sent through the
 * write-only fields (`clientIdWo`, `clientSecretWo`). The secret is never plaintext
 * in preview or logs; it is in Pulumi state encrypted as a secret (write-only fields
 * still land in state inputs:
 * https://github.com/pulumi/pulumi-terraform-bridge/issues/3201) and, in AWS, in
 * the Secrets Manager secret the token vault creates for the provider.
 */
export class OAuth2CredentialProvider extends pulumi.ComponentResource implements CredentialProvider {
    readonly kind = "OAUTH2" as const;
    /** The provider resource. */
    readonly provider: AgentcoreOauth2CredentialProvider;
    /** The provider's name. */
    readonly providerName: string;
    readonly providerArn: pulumi.Output<string>;
    readonly secretArn: pulumi.Output<string>;
    /** The callback URL to register with the authorization server (authorization-code flows). */
    readonly callbackUrl: pulumi.Output<string>;
    /** Whether the provider is configured for on-behalf-of token exchange (`vendor.tokenExchange`). */
    readonly tokenExchange: boolean;

    private readonly ctx: AwsContext;

    constructor(name: string, args: OAuth2CredentialProviderArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}OAuth2CredentialProvider`, name, {}, opts);
        this.providerName = args.providerName ?? name;
        const version = args.credentialsVersion ?? 1;

        const component = `OAuth2CredentialProvider ${name}`;
        const problems = new Problems();
        const checked = checkOAuth2ProviderArgs(problems, this.providerName, args, "", component);
        problems.throwIfAny(component);

        this.ctx = awsContext(this);
        this.tokenExchange = args.vendor.type === "CustomOauth2" && args.vendor.tokenExchange !== undefined;
        this.provider = new AgentcoreOauth2CredentialProvider(
            `${name}-provider`,
            {
                name: this.providerName,
                credentialProviderVendor: args.vendor.type,
                oauth2ProviderConfig: providerConfig(checked.vendor, { clientIdWo: checked.clientId, clientSecretWo: checked.clientSecret, clientCredentialsWoVersion: version }),
                tags: mapOrUndefined(args.tags),
            },
            // A vendor change replaces the provider under the same name (agents ask for it by name;
            // names are unique per token vault): the old one must be deleted first.
            { parent: this, protect: args.protectFromDeletion ?? false, deleteBeforeReplace: true },
        );
        this.providerArn = this.provider.credentialProviderArn;
        this.secretArn = this.provider.clientSecretArns.apply((arns) => arns[0].secretArn);
        this.callbackUrl = this.provider.callbackUrl;
        this.registerOutputs({ providerArn: this.providerArn, secretArn: this.secretArn, callbackUrl: this.callbackUrl });
    }

    useStatements(workloadIdentityArns: pulumi.Input<string>[]): pulumi.Input<PolicyStatement>[] {
        return vaultCredentialStatements(
            this.ctx,
            { sid: `UseOAuth2${sidFragment(this.providerName)}`, actions: perms.OAUTH2_TOKEN_READ, providerArn: this.providerArn, secretArn: this.secretArn },
            workloadIdentityArns,
        );
    }

    grantUse(grantee: Grantable, workloadIdentityArns: pulumi.Input<string>[]): RolePolicy {
        return grantee.grant(credentialPurpose(this.providerName), this.useStatements(workloadIdentityArns));
    }
}

interface WriteOnlyCredentials {
    clientIdWo: pulumi.Input<string>;
    clientSecretWo: pulumi.Input<string>;
    clientCredentialsWoVersion: number;
}

/** The provider's configuration block for the vendor: exactly one block, holding the write-only credentials. */
function providerConfig(vendor: OAuth2Vendor, credentials: WriteOnlyCredentials): ProviderConfig {
    if (vendor.type === "CustomOauth2") {
        const exchange = vendor.tokenExchange;
        return {
            customOauth2ProviderConfig: {
                ...credentials,
                oauthDiscovery: { discoveryUrl: vendor.discoveryUrl },
                ...(exchange
                    ? {
                          onBehalfOfTokenExchangeConfig: {
                              grantType: "TOKEN_EXCHANGE",
                              tokenExchangeGrantTypeConfig: { actorTokenContent: exchange.actorTokenContent, ...(exchange.actorTokenScopes ? { actorTokenScopes: exchange.actorTokenScopes } : {}) },
                          },
                      }
                    : {}),
            },
        };
    }
    if (isTenantVendor(vendor.type)) {
        const tenant = vendor as Extract<OAuth2Vendor, { issuer: unknown }>;
        return {
            includedOauth2ProviderConfig: { ...credentials, issuer: tenant.issuer, authorizationEndpoint: tenant.authorizationEndpoint, tokenEndpoint: tenant.tokenEndpoint },
        };
    }
    const block = (DEDICATED_VENDOR_BLOCKS as Record<string, keyof ProviderConfig>)[vendor.type] ?? "includedOauth2ProviderConfig";
    return { [block]: credentials };
}

/**
 * Checks an OAuth2 provider's arguments (`providerName` resolved), recording every
 * problem; `prefix` is their argument path in the caller's args. Returns the
 * vendor, client id and secret to send, checked when they resolve if `component`
 * is given (the secret always as a secret Output).
 */
export function checkOAuth2ProviderArgs(
    problems: Problems,
    providerName: string,
    args: OAuth2CredentialProviderArgs,
    prefix = "",
    component?: string,
): { vendor: OAuth2Vendor; clientId: pulumi.Input<string>; clientSecret: pulumi.Output<string> } {
    const at = (field: string) => `${prefix}${field}`;
    checkShape(problems, at("providerName"), providerName, "CredentialProviderName");
    checkShape(problems, at("vendor.type"), args.vendor.type, "CredentialProviderVendorType");
    const vendor = checkVendor(problems, args.vendor, at("vendor"), component);
    let clientId = args.clientId;
    if (clientId === undefined || clientId === "") {
        problems.add(at("clientId"), clientId, "is required (the client id registered with the authorization server)");
    } else {
        // The API model gives the custom block's client id its own shape (DefaultClientIdType).
        clientId = checkInput(problems, component, at("clientId"), clientId, args.vendor.type === "CustomOauth2" ? "DefaultClientIdType" : "ClientIdType");
    }
    const clientSecret = requireSecret(problems, component, at("clientSecret"), args.clientSecret, "DefaultClientSecretType");
    checkVersion(problems, at("credentialsVersion"), args.credentialsVersion ?? 1);
    checkTags(problems, args.tags, at("tags"));
    return { vendor, clientId, clientSecret };
}

function isTenantVendor(type: string): type is TenantOAuth2Vendor {
    return (TENANT_OAUTH2_VENDORS as readonly string[]).includes(type);
}

/** Checks the vendor's own fields (`path` is the vendor object's argument path): each vendor kind takes exactly its own. */
function checkVendor(problems: Problems, vendor: OAuth2Vendor, path: string, component: string | undefined): OAuth2Vendor {
    const given = vendor as { type: string; discoveryUrl?: pulumi.Input<string> } & Partial<Record<(typeof TENANT_FIELDS)[number], pulumi.Input<string>>>;
    const discoveryUrl = given.discoveryUrl;
    const tenantOnly = (reason: string) =>
        TENANT_FIELDS.filter((f) => given[f] !== undefined).forEach((f) => problems.add(`${path}.${f}`, given[f], `applies only to the tenant vendors (${TENANT_OAUTH2_VENDORS.join(", ")}): ${reason}`));
    if (vendor.type !== "CustomOauth2" && (given as { tokenExchange?: unknown }).tokenExchange !== undefined) {
        problems.add(`${path}.tokenExchange`, "(set)", "applies only to CustomOauth2 (@pulumi/aws 7.48 has onBehalfOfTokenExchangeConfig only in customOauth2ProviderConfig)");
    }
    if (vendor.type === "CustomOauth2") {
        tenantOnly("CustomOauth2 finds the endpoints through vendor.discoveryUrl");
        const exchange = vendor.tokenExchange;
        if (exchange !== undefined) {
            checkShape(problems, `${path}.tokenExchange.actorTokenContent`, exchange.actorTokenContent, "ActorTokenContentType");
            if (exchange.actorTokenContent === undefined) {
                problems.add(`${path}.tokenExchange.actorTokenContent`, undefined, "is required (NONE or M2M)");
            } else if (exchange.actorTokenContent === "AWS_IAM_ID_TOKEN_JWT") {
                // red-team 6: the API model lists it, but no AWS page says what the gateway's role needs for it (an AWS-signed
                // identity token presumably needs an STS grant and outbound identity federation), and the IAM CredentialBroker
                // reference lists only NONE | M2M (API_TokenExchangeActorConfigurationInput.html). Refused until a source settles it.
                problems.add(
                    `${path}.tokenExchange.actorTokenContent`,
                    "AWS_IAM_ID_TOKEN_JWT",
                    "is refused: AWS documents no grant for an AWS IAM identity-token actor, so the package cannot give the gateway's role what it needs; use NONE or M2M",
                );
            }
            if (exchange.actorTokenScopes !== undefined && exchange.actorTokenContent !== "M2M") {
                problems.add(`${path}.tokenExchange.actorTokenScopes`, exchange.actorTokenScopes, "applies only with actorTokenContent M2M (API model TokenExchangeGrantTypeConfigType)");
            }
            (exchange.actorTokenScopes ?? []).forEach((scope, i) => checkShape(problems, `${path}.tokenExchange.actorTokenScopes[${i}]`, scope, "ScopeType"));
        }
        if (discoveryUrl === undefined || discoveryUrl === "") {
            problems.add(`${path}.discoveryUrl`, discoveryUrl, "is required for CustomOauth2 (the server's /.well-known/openid-configuration or /.well-known/oauth-authorization-server URL)");
            return vendor;
        }
        return { ...vendor, discoveryUrl: checkInput(problems, component, `${path}.discoveryUrl`, discoveryUrl, "DiscoveryUrlType") };
    }
    if (isTenantVendor(vendor.type)) {
        if (discoveryUrl !== undefined) {
            problems.add(
                `${path}.discoveryUrl`,
                discoveryUrl,
                `does not apply to ${vendor.type}: set vendor.issuer, vendor.authorizationEndpoint and vendor.tokenEndpoint from the tenant's discovery document, or use { type: "CustomOauth2", discoveryUrl }`,
            );
        }
        const checked: Record<string, pulumi.Input<string>> = {};
        for (const field of TENANT_FIELDS) {
            const value = given[field];
            if (value === undefined || value === "") {
                problems.add(
                    `${path}.${field}`,
                    value,
                    `is required for ${vendor.type}: AgentCore needs the issuer, authorization endpoint and token endpoint of your tenant ` +
                        `(they are in its discovery document; with only a discovery URL use { type: "CustomOauth2", discoveryUrl })`,
                );
                continue;
            }
            checked[field] = checkWhenKnown(problems, component, value, (p, v) => {
                if (!/^https:\/\/[^\s/]+\S*$/.test(v)) {
                    p.add(`${path}.${field}`, v, "must be an https:// URL of your tenant (OAuth2 endpoints require TLS, RFC 6749 section 3.1)");
                }
            });
        }
        return { ...vendor, ...checked } as OAuth2Vendor;
    }
    if (discoveryUrl !== undefined) {
        problems.add(`${path}.discoveryUrl`, discoveryUrl, `applies only to CustomOauth2: AgentCore knows the endpoints of ${vendor.type}`);
    }
    tenantOnly(`AgentCore knows the endpoints of ${vendor.type}`);
    return vendor;
}
