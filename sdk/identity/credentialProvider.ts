import * as pulumi from "@pulumi/pulumi";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { Grantable, PolicyStatement } from "../iam/grants";

/**
 * A credential provider of the token vault, as the gateway and grants see it:
 * `ApiKeyCredentialProvider` and `OAuth2CredentialProvider` implement it.
 */
export interface CredentialProvider {
    /** `API_KEY` or `OAUTH2`: which gateway credential block the provider fills. */
    readonly kind: "API_KEY" | "OAUTH2";
    /** The provider's ARN (`…:token-vault/default/<kind>credentialprovider/<name>`). */
    readonly providerArn: pulumi.Output<string>;
    /** ARN of the Secrets Manager secret that holds the provider's credential. */
    readonly secretArn: pulumi.Output<string>;
    /** The statements that let the given workload identities fetch this provider's credential. */
    useStatements(workloadIdentityArns: pulumi.Input<string>[]): pulumi.Input<PolicyStatement>[];
    /** Lets a role fetch this provider's credential as the given workload identities (one inline policy). */
    grantUse(grantee: Grantable, workloadIdentityArns: pulumi.Input<string>[]): RolePolicy;
}

/** The grant purpose (inline policy name) for using one provider: `credential-<provider name>`, at most 40 characters. */
export function credentialPurpose(providerName: string): string {
    return `credential-${providerName.toLowerCase().replace(/[^a-z0-9-]/g, "-")}`.slice(0, 40);
}

/** A statement id fragment from a provider name (`search-api` → `SearchApi`). */
export function sidFragment(providerName: string): string {
    return providerName
        .split(/[^a-zA-Z0-9]+/)
        .filter((part) => part.length > 0)
        .map((part) => part[0].toUpperCase() + part.slice(1))
        .join("");
}
