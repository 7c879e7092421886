import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "@pulumi/aws/cognito/userPool";
import { UserPoolClient } from "@pulumi/aws/cognito/userPoolClient";
import { UserPoolDomain } from "@pulumi/aws/cognito/userPoolDomain";
import { ResourceServer } from "@pulumi/aws/cognito/resourceServer";
import { AwsContext, awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { COGNITO_INVOKE_SCOPE } from "./perms";

/** Arguments of {@link CognitoMachineAuth}. */
export interface CognitoMachineAuthArgs {
    /** Identifier of the resource server (the audience of the scopes), e.g. the gateway name. */
    resourceServerId: string;
    /**
     * Hosted-domain prefix of the token endpoint (1-63 lowercase letters, digits and hyphens;
     * Cognito refuses prefixes containing `aws`, `amazon` or `cognito`; `AgentGateway` checks it).
     * @default `<resourceServerId lowercased>-<account id>`
     */
    domainPrefix?: pulumi.Input<string>;
    /**
     * Turn on the user pool's deletion protection. While it is on, `pulumi destroy`
     * (and any replacement of the pool) fails until it is turned off, so environments
     * that do not protect their data leave it off. @default true
     */
    protectFromDeletion?: boolean;
    /** Tags for the user pool. */
    tags?: Record<string, string>;
}

/**
 * A Cognito user pool that issues tokens to one machine client through the
 * client-credentials flow: pool, hosted domain (token endpoint), resource server
 * with an `invoke` scope, and a client with a generated secret. Cognito access
 * tokens carry `client_id`, not `aud`, so authorizers accept the client id.
 */
export class CognitoMachineAuth extends pulumi.ComponentResource {
    /** The user pool. */
    readonly userPool: UserPool;
    /** The machine-to-machine client. */
    readonly client: UserPoolClient;
    /** The pool's OIDC discovery URL. */
    readonly discoveryUrl: pulumi.Output<string>;
    /** The client id, which tokens carry as `client_id`. */
    readonly clientId: pulumi.Output<string>;
    /** The client secret (a Pulumi secret). */
    readonly clientSecret: pulumi.Output<string>;
    /** The token endpoint for the client-credentials flow. */
    readonly tokenEndpoint: pulumi.Output<string>;
    /** The scope a client requests (`<resourceServerId>/invoke`). */
    readonly scope: string;

    constructor(name: string, args: CognitoMachineAuthArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}CognitoMachineAuth`, name, {}, opts);
        const ctx: AwsContext = awsContext(this);
        this.scope = `${args.resourceServerId}/${COGNITO_INVOKE_SCOPE}`;

        this.userPool = new UserPool(`${name}-pool`, { name: args.resourceServerId, deletionProtection: args.protectFromDeletion === false ? "INACTIVE" : "ACTIVE", tags: args.tags }, { parent: this });
        const domain = new UserPoolDomain(
            `${name}-domain`,
            { userPoolId: this.userPool.id, domain: args.domainPrefix ?? pulumi.interpolate`${args.resourceServerId.toLowerCase()}-${ctx.accountId}` },
            { parent: this },
        );
        const resourceServer = new ResourceServer(
            `${name}-resource-server`,
            {
                userPoolId: this.userPool.id,
                identifier: args.resourceServerId,
                name: args.resourceServerId,
                scopes: [{ scopeName: COGNITO_INVOKE_SCOPE, scopeDescription: "Call the gateway's tools" }],
            },
            { parent: this },
        );
        this.client = new UserPoolClient(
            `${name}-client`,
            {
                userPoolId: this.userPool.id,
                name: `${args.resourceServerId}-m2m`,
                generateSecret: true,
                allowedOauthFlowsUserPoolClient: true,
                allowedOauthFlows: ["client_credentials"],
                allowedOauthScopes: [this.scope],
                supportedIdentityProviders: ["COGNITO"],
                preventUserExistenceErrors: "ENABLED",
            },
            { parent: this, dependsOn: [resourceServer] },
        );

        this.discoveryUrl = pulumi.interpolate`https://cognito-idp.${ctx.region}.amazonaws.com/${this.userPool.id}/.well-known/openid-configuration`;
        this.clientId = this.client.id;
        this.clientSecret = pulumi.secret(this.client.clientSecret);
        this.tokenEndpoint = pulumi.interpolate`https://${domain.domain}.auth.${ctx.region}.amazoncognito.com/oauth2/token`;
        this.registerOutputs({ discoveryUrl: this.discoveryUrl, clientId: this.clientId, tokenEndpoint: this.tokenEndpoint });
    }
}
