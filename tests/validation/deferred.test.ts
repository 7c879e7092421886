import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { AgentGateway, AgentMemory, AgentRuntime, Browser, InputValidationError, OAuth2CredentialProvider, WorkloadIdentity } from "../../sdk";
import { recordFailures } from "../harness";

const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent@sha256:${"a".repeat(64)}`, repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/agent" };
const SRC = "(bedrock-agentcore-control API model, shape";
const RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const late = <T>(value: T) => pulumi.output(value);

/**
 * Values that are Outputs at plan time: each case passes a bad value as an
 * Output and proves the deployment fails with the plan-time message once it
 * resolves, and that the resource consuming it is never sent.
 */
const CASES: { title: string; build: () => unknown; component: string; problem: string; unsent: string }[] = [
    {
        title: "an Output subnet id",
        build: () => new AgentRuntime("agent", { image: IMAGE, network: { mode: "VPC", subnetIds: [late("subnet-bad")], securityGroupIds: ["sg-12345678"] } }),
        component: "AgentRuntime agent",
        problem: `network.subnetIds[0] "subnet-bad" must match subnet-[0-9a-zA-Z]{8,17} ${SRC} SubnetId)`,
        unsent: RUNTIME,
    },
    {
        title: "an Output list of security groups (as a network component gives them)",
        build: () => new AgentRuntime("agent", { image: IMAGE, network: { mode: "VPC", subnetIds: ["subnet-12345678"], securityGroupIds: late(["sg-12345678", "sg-1"]) } }),
        component: "AgentRuntime agent",
        problem: `network.securityGroupIds[1] "sg-1" must match sg-[0-9a-zA-Z]{8,17} ${SRC} SecurityGroupId)`,
        unsent: RUNTIME,
    },
    {
        title: "an Output discovery URL",
        build: () => new AgentRuntime("agent", { image: IMAGE, authorizer: { type: "CUSTOM_JWT", discoveryUrl: late("https://idp.example.com"), allowedClients: ["client"] } }),
        component: "AgentRuntime agent",
        problem: `authorizer.discoveryUrl "https://idp.example.com" must match .+/\\.well-known/openid-configuration ${SRC} DiscoveryUrl)`,
        unsent: RUNTIME,
    },
    {
        title: "an Output environment variable value",
        build: () => new AgentRuntime("agent", { image: IMAGE, environmentVariables: { NOTES: late("n".repeat(5001)) } }),
        component: "AgentRuntime agent",
        problem: `environmentVariables.NOTES "${"n".repeat(117)}..." must have at most 5000 characters ${SRC} EnvironmentVariableValue)`,
        unsent: RUNTIME,
    },
    {
        title: "an Output image URI (as AgentImage gives it)",
        build: () => new AgentRuntime("agent", { image: { ...IMAGE, imageUri: late("docker.io/library/agent:1") } }),
        component: "AgentRuntime agent",
        problem: `image.imageUri "docker.io/library/agent:1" must match (([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?|public\\.ecr\\.aws)/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::([^:@]{1,300}))?(?:@(.+))? ${SRC} RuntimeContainerUri)`,
        unsent: RUNTIME,
    },
    {
        title: "an Output Lambda ARN of a gateway target",
        build: () =>
            new AgentGateway("tools", {
                targets: [{ type: "lambda", name: "orders", functionArn: late("arn:aws:lambda:us-east-1:123:function:x"), tools: [{ name: "t", description: "d", inputSchema: { type: "object" } }] }],
            }),
        component: "AgentGateway tools",
        problem: `targets[0].functionArn "arn:aws:lambda:us-east-1:123:function:x" must match arn:(aws[a-zA-Z-]*)?:lambda:([a-z]{2}(-gov)?-[a-z]+-\\d{1}):(\\d{12}):function:([a-zA-Z0-9-_.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))? ${SRC} LambdaFunctionArn)`,
        unsent: "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget",
    },
    {
        title: "an Output OAuth2 discovery URL",
        build: () =>
            new OAuth2CredentialProvider("crm", { vendor: { type: "CustomOauth2", discoveryUrl: late("https://login.example.com/authorize") }, clientId: "client", clientSecret: pulumi.secret("secret") }),
        component: "OAuth2CredentialProvider crm",
        problem: `vendor.discoveryUrl "https://login.example.com/authorize" must match .+/\\.well-known/(openid-configuration|oauth-authorization-server) ${SRC} DiscoveryUrlType)`,
        unsent: "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider",
    },
    {
        title: "an Output return URL of a workload identity",
        build: () => new WorkloadIdentity("agent", { allowedReturnUrls: [late("not a url")] }),
        component: "WorkloadIdentity agent",
        problem: `allowedReturnUrls[0] "not a url" must match \\w+:(\\/?\\/?)[^\\s]+ ${SRC} ResourceOauth2ReturnUrlType)`,
        unsent: "aws:bedrock/agentcoreWorkloadIdentity:AgentcoreWorkloadIdentity",
    },
    {
        title: "an Output memory key ARN",
        build: () => new AgentMemory("memory", { encryptionKey: { arn: late("alias/memory") } }),
        component: "AgentMemory memory",
        problem: `encryptionKey.arn "alias/memory" must match arn:[a-z0-9-\\.]{1,63}:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[^/].{0,1023} ${SRC} Arn)`,
        unsent: "aws:bedrock/agentcoreMemory:AgentcoreMemory",
    },
    {
        title: "an Output list of tool subnets with too many ids",
        build: () => new Browser("web", { network: { mode: "VPC", vpc: { subnetIds: late([...Array(17).keys()].map((i) => `subnet-${String(i).padStart(8, "0")}`)), securityGroupIds: ["sg-12345678"] } } }),
        component: "Browser web",
        problem: `network.vpc.subnetIds (a list of 17 items) must have at most 16 items ${SRC} Subnets)`,
        unsent: "aws:bedrock/agentcoreBrowser:AgentcoreBrowser",
    },
];

describe("values unknown at plan time are checked when they resolve", () => {
    for (const c of CASES) {
        it(`${c.title}: the update fails with the plan-time message and the resource is never sent`, async () => {
            const { registrations, thrown, late: failures } = await recordFailures(c.build);
            assert.equal(thrown, undefined, "nothing is known to be wrong at plan time");
            assert.equal(failures.length, 1, `expected one failure, got ${failures.map(String).join("; ")}`);
            const error = failures[0];
            assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
            assert.deepEqual([error.component, error.problems], [c.component, [c.problem]]);
            assert.deepEqual(registrations.ofType(c.unsent), []);
        });
    }

    it("the same values pass when they resolve to valid ones", async () => {
        const { registrations, thrown, late: failures } = await recordFailures(
            () =>
                new AgentRuntime("agent", {
                    image: IMAGE,
                    network: { mode: "VPC", subnetIds: [late("subnet-12345678")], securityGroupIds: late(["sg-12345678"]) },
                    authorizer: { type: "CUSTOM_JWT", discoveryUrl: late("https://idp.example.com/.well-known/openid-configuration"), allowedClients: ["client"] },
                    environmentVariables: { NOTES: late("short") },
                }),
        );
        assert.deepEqual([thrown, failures], [undefined, []]);
        const runtime = registrations.one(RUNTIME).inputs;
        assert.deepEqual(runtime.networkConfiguration.networkModeConfig, { subnets: ["subnet-12345678"], securityGroups: ["sg-12345678"] });
        assert.equal(runtime.authorizerConfiguration.customJwtAuthorizer.discoveryUrl, "https://idp.example.com/.well-known/openid-configuration");
        assert.deepEqual(runtime.environmentVariables, { NOTES: "short" });
    });
});
