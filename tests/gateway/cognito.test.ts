import { strict as assert } from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, AgentGateway, EnvironmentName, InputValidationError } from "../../sdk";
import { ESTABLISHED, problemsOf, record, recordFailures } from "../harness";

const POOL = "aws:cognito/userPool:UserPool";
const DOMAIN = "aws:cognito/userPoolDomain:UserPoolDomain";
const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-agent");
const VPC = { mode: "EXISTING_VPC" as const, vpcId: "vpc-0123456789abcdef", subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"], securityGroupIds: ["sg-0123456789abcdef0"] };
const RESERVED = "Cognito refuses domain prefixes containing aws, amazon or cognito";

const cognitoGateway = (name: string, domainPrefix?: pulumi.Input<string>) => () =>
    new AgentGateway(name, { inboundAuth: { type: "CUSTOM_JWT", cognito: domainPrefix === undefined ? {} : { domainPrefix } } });

describe("the gateway's Cognito user pool", () => {
    it("refuses a domain prefix containing aws, amazon or cognito, and one Cognito's pattern refuses, all at once", async () => {
        await record(() => {
            assert.deepEqual(problemsOf(cognitoGateway("tools", "my-aws-tools")), [`inboundAuth.cognito.domainPrefix "my-aws-tools" must not contain "aws": ${RESERVED}`]);
            assert.deepEqual(problemsOf(cognitoGateway("tools", "Amazon-Cognito-")), [
                'inboundAuth.cognito.domainPrefix "Amazon-Cognito-" must be 1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit (Cognito CreateUserPoolDomain)',
                `inboundAuth.cognito.domainPrefix "Amazon-Cognito-" must not contain "amazon", "cognito": ${RESERVED}`,
            ]);
        });
    });

    it("refuses the default prefix when the gateway name holds a reserved word", async () => {
        await record(() =>
            assert.deepEqual(problemsOf(cognitoGateway("aws-tools")), [
                `inboundAuth.cognito.domainPrefix (not set) defaults to "aws-tools-<account id>", which contains "aws": ${RESERVED}; set domainPrefix or choose a gateway name without them`,
            ]),
        );
    });

    it("checks a prefix known only at deploy time when it resolves, and creates no domain with it", async () => {
        const { registrations, thrown, late } = await recordFailures(cognitoGateway("tools", pulumi.output("cognito-tools")));
        assert.equal(thrown, undefined);
        assert.deepEqual(late.map((e) => (e as InputValidationError).problems), [[`inboundAuth.cognito.domainPrefix "cognito-tools" must not contain "cognito": ${RESERVED}`]]);
        assert.deepEqual(registrations.ofType(DOMAIN), []);
    });

    it("sends a valid prefix as given", async () => {
        const reg = await record(cognitoGateway("tools", "orders-tools-1"));
        assert.equal(reg.one(DOMAIN).inputs.domain, "orders-tools-1");
    });

    it("AgentGateway protects the pool unless told otherwise", async () => {
        const on = await record(cognitoGateway("tools"));
        assert.equal(on.one(POOL).inputs.deletionProtection, "ACTIVE");
        const off = await record(() => new AgentGateway("tools", { inboundAuth: { type: "CUSTOM_JWT", cognito: {} }, protectUserPool: false }));
        assert.equal(off.one(POOL).inputs.deletionProtection, "INACTIVE");
    });

    for (const [environment, protection] of [["dev", "INACTIVE"], ["staging", "INACTIVE"], ["prod", "ACTIVE"]] as [EnvironmentName, string][]) {
        it(`${environment}: deletion protection ${protection} (on only where the profile protects data, so pulumi destroy works elsewhere)`, async () => {
            const reg = await record(
                () =>
                    new AgentEnvironment("support-agent", {
                        environment,
                        runtimeVersion: environment === "dev" ? undefined : "1",
                        network: environment === "dev" ? { mode: "PUBLIC" } : VPC,
                        image: { build: { context: SAMPLE } },
                        gateway: { inboundAuth: { type: "CUSTOM_JWT", cognito: {} } },
                    }),
                undefined,
                undefined,
                ESTABLISHED,
            );
            assert.equal(reg.one(POOL).inputs.deletionProtection, protection);
        });
    }
});
