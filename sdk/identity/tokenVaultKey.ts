import * as pulumi from "@pulumi/pulumi";
import { AgentcoreTokenVaultCmk } from "@pulumi/aws/bedrock/agentcoreTokenVaultCmk";
import { AwsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { PolicyStatement } from "../iam/grants";
import { CustomerManagedKey } from "../kms/customerManagedKey";
import * as perms from "./perms";
import { tokenVaultArn } from "./vault";

/** Arguments of {@link TokenVaultKey}. */
export interface TokenVaultKeyArgs {
    /** Tags for the key. */
    tags?: Record<string, string>;
}

/**
 * Encrypts the account's default token vault with a customer-managed key whose
 * policy admits the AgentCore Identity service only: through
 * `bedrock-agentcore-identity.<region>.amazonaws.com`, for callers and keys of
 * this account, and only with this vault's encryption context (AWS developer
 * guide, "Set customer managed key policy").
 *
 * The vault is shared by every stack in the account and region: create this in
 * exactly one stack. The key is always protected from deletion, because
 * removing this component does not switch the vault back to an AWS-owned key.
 */
export class TokenVaultKey extends pulumi.ComponentResource {
    /** The customer-managed key. */
    readonly key: CustomerManagedKey;
    /** The vault's key setting. */
    readonly vaultKey: AgentcoreTokenVaultCmk;
    /** Key ARN. */
    readonly keyArn: pulumi.Output<string>;

    constructor(name: string, args: TokenVaultKeyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}TokenVaultKey`, name, {}, opts);
        this.key = new CustomerManagedKey(
            `${name}-cmk`,
            { purpose: "AgentCore Identity token vault", serviceStatements: identityServiceStatements, protectFromDeletion: true, tags: args.tags },
            { parent: this },
        );
        this.vaultKey = new AgentcoreTokenVaultCmk(
            `${name}-vault`,
            { tokenVaultId: perms.DEFAULT_TOKEN_VAULT, kmsConfiguration: { keyType: "CustomerManagedKey", kmsKeyArn: this.key.arn } },
            { parent: this },
        );
        this.keyArn = this.key.arn;
        this.registerOutputs({ keyArn: this.keyArn });
    }
}

/** The documented key-policy statements for the identity service, pinned to this account, region and vault. */
function identityServiceStatements(ctx: AwsContext): pulumi.Input<PolicyStatement>[] {
    const viaService = pulumi.interpolate`bedrock-agentcore-identity.${ctx.region}.amazonaws.com`;
    const sameAccount = { "aws:ResourceAccount": ctx.accountId, "aws:PrincipalAccount": ctx.accountId, "kms:ViaService": viaService };
    return [
        {
            Sid: "IdentityServiceUsesVaultKey",
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: perms.TOKEN_VAULT_KEY_USE,
            Resource: "*",
            Condition: { StringEquals: sameAccount, ArnLike: { [perms.TOKEN_VAULT_ENCRYPTION_CONTEXT]: tokenVaultArn(ctx) } },
        },
        {
            Sid: "IdentityServiceDescribesVaultKey",
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: perms.TOKEN_VAULT_KEY_DESCRIBE,
            Resource: "*",
            Condition: { StringEquals: sameAccount },
        },
    ];
}
