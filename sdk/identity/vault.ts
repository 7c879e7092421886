import * as pulumi from "@pulumi/pulumi";
import { AwsContext, arn } from "../common/context";
import { PolicyStatement, allow } from "../iam/grants";
import { DEFAULT_TOKEN_VAULT, DEFAULT_WORKLOAD_DIRECTORY, VAULT_SECRET_READ } from "./perms";

/** ARN of the account's default token vault. */
export function tokenVaultArn(ctx: AwsContext): pulumi.Output<string> {
    return arn(ctx, "bedrock-agentcore", `token-vault/${DEFAULT_TOKEN_VAULT}`);
}

/** ARN of the account's default workload identity directory. */
export function workloadDirectoryArn(ctx: AwsContext): pulumi.Output<string> {
    return arn(ctx, "bedrock-agentcore", `workload-identity-directory/${DEFAULT_WORKLOAD_DIRECTORY}`);
}

/** What a caller needs to fetch one provider's credential from the token vault. */
export interface VaultCredentialUse {
    /** `GetResourceApiKey` or `GetResourceOauth2Token`. */
    actions: string[];
    /** Statement id prefix, e.g. `UseApiKeySearch`. */
    sid: string;
    /** The provider's ARN. */
    providerArn: pulumi.Input<string>;
    /** The Secrets Manager secret holding the provider's credential. */
    secretArn: pulumi.Input<string>;
}

/**
 * The two statements that let a workload fetch one provider's credential: the
 * token action on exactly the provider, the vault, the directory and the given
 * workload identities (all four resource types are required by IAM), and
 * `secretsmanager:GetSecretValue` on exactly the provider's secret.
 */
export function vaultCredentialStatements(
    ctx: AwsContext,
    use: VaultCredentialUse,
    workloadIdentityArns: pulumi.Input<string>[],
): pulumi.Input<PolicyStatement>[] {
    return [
        allow(use.sid, use.actions, [use.providerArn, tokenVaultArn(ctx), workloadDirectoryArn(ctx), ...workloadIdentityArns]),
        allow(`${use.sid}Secret`, VAULT_SECRET_READ, [use.secretArn]),
    ];
}
