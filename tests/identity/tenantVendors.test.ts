import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { InputValidationError, OAuth2CredentialProvider, OAuth2Vendor, TENANT_OAUTH2_VENDORS } from "../../sdk";
import { parseJsonInput, problemsOf, record, recordFailures } from "../harness";

const OAUTH2 = "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider";
const TENANT = {
    issuer: "https://dev-1.okta.com/oauth2/default",
    authorizationEndpoint: "https://dev-1.okta.com/oauth2/default/v1/authorize",
    tokenEndpoint: "https://dev-1.okta.com/oauth2/default/v1/token",
};
const TENANTS = "OktaOauth2, Auth0Oauth2, CognitoOauth2, OneLoginOauth2, PingOneOauth2, CyberArkOauth2, FusionAuthOauth2";
const REQUIRED = (vendor: string) =>
    `is required for ${vendor}: AgentCore needs the issuer, authorization endpoint and token endpoint of your tenant ` +
    "(they are in its discovery document; with only a discovery URL use { type: \"CustomOauth2\", discoveryUrl })";

const provider = (vendor: OAuth2Vendor) => () => new OAuth2CredentialProvider("crm", { vendor, clientId: "client", clientSecret: pulumi.secret("secret") });

describe("OAuth2 providers of tenant vendors carry the tenant's endpoints", () => {
    it("the tenant vendors are vendors of the API model whose input block is IncludedOauth2ProviderConfigInput with issuer, authorizationEndpoint and tokenEndpoint", () => {
        const model = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "data", "aws-models", "bedrock-agentcore-control.service-2.json"), "utf8"));
        const vendors: string[] = model.shapes.CredentialProviderVendorType.enum;
        assert.deepEqual(TENANT_OAUTH2_VENDORS.filter((v) => !vendors.includes(v)), []);
        const included = model.shapes.IncludedOauth2ProviderConfigInput.members;
        assert.deepEqual(["issuer", "authorizationEndpoint", "tokenEndpoint"].filter((m) => !(m in included)), []);
    });

    for (const vendor of TENANT_OAUTH2_VENDORS) {
        it(`${vendor}: sends the tenant's issuer and endpoints in includedOauth2ProviderConfig`, async () => {
            const reg = await record(provider({ type: vendor, ...TENANT }));
            const config = parseJsonInput(reg.one(OAUTH2).inputs.oauth2ProviderConfig);
            assert.deepEqual(Object.keys(config), ["includedOauth2ProviderConfig"]);
            const { issuer, authorizationEndpoint, tokenEndpoint, clientIdWo, clientCredentialsWoVersion } = config.includedOauth2ProviderConfig;
            assert.deepEqual({ issuer, authorizationEndpoint, tokenEndpoint, clientIdWo, clientCredentialsWoVersion }, { ...TENANT, clientIdWo: "client", clientCredentialsWoVersion: 1 });
            assert.equal(reg.one(OAUTH2).inputs.credentialProviderVendor, vendor);
        });
    }

    it("a tenant vendor without its endpoints: every missing field named at once, with the other problems, before anything is registered", async () => {
        const reg = await record(() =>
            assert.deepEqual(
                problemsOf(() => new OAuth2CredentialProvider("crm", { vendor: { type: "Auth0Oauth2" } as OAuth2Vendor, clientId: "", clientSecret: pulumi.secret("secret") })),
                [
                    `vendor.issuer (not set) ${REQUIRED("Auth0Oauth2")}`,
                    `vendor.authorizationEndpoint (not set) ${REQUIRED("Auth0Oauth2")}`,
                    `vendor.tokenEndpoint (not set) ${REQUIRED("Auth0Oauth2")}`,
                    'clientId "" is required (the client id registered with the authorization server)',
                ],
            ),
        );
        assert.deepEqual(reg.ofType(OAUTH2), []);
    });

    it("refuses endpoints that are not https URLs and a discovery URL on a tenant vendor", () => {
        assert.deepEqual(
            problemsOf(provider({ type: "OktaOauth2", ...TENANT, tokenEndpoint: "http://dev-1.okta.com/token", discoveryUrl: "https://dev-1.okta.com/.well-known/openid-configuration" } as OAuth2Vendor)),
            [
                'vendor.discoveryUrl "https://dev-1.okta.com/.well-known/openid-configuration" does not apply to OktaOauth2: set vendor.issuer, vendor.authorizationEndpoint and vendor.tokenEndpoint from the tenant\'s discovery document, or use { type: "CustomOauth2", discoveryUrl }',
                'vendor.tokenEndpoint "http://dev-1.okta.com/token" must be an https:// URL of your tenant (OAuth2 endpoints require TLS, RFC 6749 section 3.1)',
            ],
        );
    });

    it("refuses tenant endpoints on vendors that are not tenants", () => {
        assert.deepEqual(problemsOf(provider({ type: "GoogleOauth2", issuer: TENANT.issuer } as OAuth2Vendor)), [
            `vendor.issuer "${TENANT.issuer}" applies only to the tenant vendors (${TENANTS}): AgentCore knows the endpoints of GoogleOauth2`,
        ]);
        assert.deepEqual(
            problemsOf(provider({ type: "CustomOauth2", discoveryUrl: "https://login.example.com/.well-known/openid-configuration", tokenEndpoint: TENANT.tokenEndpoint } as OAuth2Vendor)),
            [`vendor.tokenEndpoint "${TENANT.tokenEndpoint}" applies only to the tenant vendors (${TENANTS}): CustomOauth2 finds the endpoints through vendor.discoveryUrl`],
        );
    });

    it("an endpoint known only at deploy time (e.g. a Cognito domain) is checked when it resolves, and the provider is not sent", async () => {
        const { registrations, thrown, late } = await recordFailures(provider({ type: "CognitoOauth2", ...TENANT, issuer: pulumi.output("cognito-idp.us-east-1.amazonaws.com/us-east-1_abc") }));
        assert.equal(thrown, undefined);
        assert.equal(late.length, 1, `expected one failure, got ${late.map(String).join("; ")}`);
        assert.deepEqual((late[0] as InputValidationError).problems, [
            'vendor.issuer "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc" must be an https:// URL of your tenant (OAuth2 endpoints require TLS, RFC 6749 section 3.1)',
        ]);
        assert.deepEqual(registrations.ofType(OAUTH2), []);
    });
});
