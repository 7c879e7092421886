import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment } from "../../sdk";
import { IDENTITY_CONTRACT } from "../../sdk/identity/contract";
import { record } from "../harness";
import { RenderedAccess, documentOf, endpointPoliciesOf, evaluate, renderedRole, unexercised, violations } from "./simulate";

const call = (id: string) => [...IDENTITY_CONTRACT.allowed, ...IDENTITY_CONTRACT.denied].find((c) => c.id === id)!;

/** An environment whose agent uses an API-key and an OAuth2 provider; staging and prod also encrypt the vault with a customer-managed key. */
async function identityShape(environment: "dev" | "staging" | "prod"): Promise<RenderedAccess> {
    const reg = await record(
        () =>
            new AgentEnvironment("support", {
                environment,
                image: { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/support@sha256:${"a".repeat(64)}` },
                identity: {
                    apiKeys: { search: { apiKey: pulumi.secret("search-key-0123456789") } },
                    oauth2: { crm: { vendor: { type: "SalesforceOauth2" }, clientId: "crm", clientSecret: pulumi.secret("crm-secret-0123456789") } },
                    agentProviders: ["search", "crm"],
                    tokenVaultKey: environment !== "dev",
                },
                ...(environment === "dev" ? {} : { runtimeVersion: "1" }),
            }),
        environment,
    );
    const runtime = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime");
    const apiKey = reg.one("aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider");
    const vaultKeys = reg.ofType("aws:kms/key:Key").filter((k) => k.name.includes("vault-key"));
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: {
            runtimeName: runtime.inputs.agentRuntimeName,
            runtimeId: runtime.id!,
            apiKeyProviderArn: apiKey.outputs.credentialProviderArn,
            apiKeySecretArn: apiKey.outputs.apiKeySecretArns[0].secretArn,
            oauth2ProviderArn: reg.one("aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider").outputs.credentialProviderArn,
            vaultKeyArn: vaultKeys.length ? vaultKeys[0].outputs.arn : "arn:aws:kms:us-east-1:123456789012:key/none",
        },
        roles: { runtime: renderedRole(reg, "support-role") },
        resourcePolicies: vaultKeys.length ? { "key:vault": documentOf(reg, "aws:kms/key:Key", vaultKeys[0].name, "policy") } : {},
        endpointPolicies: endpointPoliciesOf(reg, "us-east-1"),
        accountIdentities: { "vault-caller": [] },
        features: new Set(["api-key", "oauth2", ...(vaultKeys.length ? ["vault-key"] : []), ...(environment === "dev" ? [] : ["vpc"])]),
    };
}

describe("access contract: AgentIdentity", () => {
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            shapes[env] = await identityShape(env);
        }
    });

    for (const env of ["dev", "staging", "prod"]) {
        it(`every allowed call is allowed and every denied call denied (${env})`, async () => {
            assert.deepEqual(await violations(IDENTITY_CONTRACT, shapes[env]), []);
        });
    }

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(IDENTITY_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: a vault key statement without its kms:ViaService condition admits direct use", async () => {
        const policy = shapes.prod.resourcePolicies["key:vault"];
        const loose = JSON.parse(JSON.stringify(policy));
        for (const s of loose.Statement) {
            delete s.Condition?.StringEquals?.["kms:ViaService"];
        }
        const widened = { ...shapes.prod, resourcePolicies: { "key:vault": loose } };
        assert.equal((await evaluate(call("vault-decrypt-directly"), "Denied", widened)).decision, "Allowed");
        assert.equal((await evaluate(call("vault-decrypt-directly"), "Denied", shapes.prod)).decision, "ImplicitlyDenied");
    });

    it("the evaluator can fail: the encryption-context condition (evaluated through the harness's key rename) is what refuses another vault", async () => {
        const policy = shapes.prod.resourcePolicies["key:vault"];
        const loose = JSON.parse(JSON.stringify(policy));
        for (const s of loose.Statement) {
            delete s.Condition?.ArnLike;
        }
        const widened = { ...shapes.prod, resourcePolicies: { "key:vault": loose } };
        assert.equal((await evaluate(call("vault-decrypt-other-vault"), "Denied", widened)).decision, "Allowed");
        assert.equal((await evaluate(call("vault-decrypt-other-vault"), "Denied", shapes.prod)).decision, "ImplicitlyDenied");
    });
});
