import { strict as assert } from "assert";
import { AgentRuntime, AgentRuntimeArgs, InputValidationError, RuntimeNetwork } from "../../sdk";
import { ESTABLISHED, record, valueOf } from "../harness";

const IMAGE = {
    imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent@sha256:${"b".repeat(64)}`,
    repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/support-agent",
};
const RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const ENDPOINT = "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint";

describe("AgentRuntime", () => {
    it("maps every argument onto the provider's runtime inputs", async () => {
        const reg = await record(
            () =>
                new AgentRuntime("support-agent", {
                    image: IMAGE,
                    protocol: "MCP",
                    authorizer: { type: "CUSTOM_JWT", discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["client-1"] },
                    network: { mode: "VPC", subnetIds: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] },
                    environmentVariables: { LOG_LEVEL: "info" },
                    lifecycle: { idleSessionTimeoutSeconds: 300, maxLifetimeSeconds: 3600 },
                    requestHeaderAllowlist: ["Authorization", "X-Tenant"],
                    description: "Support agent",
                    tags: { team: "support" },
                }),
        );
        const runtime = reg.one(RUNTIME);
        assert.equal(runtime.parent, "urn:pulumi:test::agentcore-test::agentcore:index:AgentRuntime::support-agent");
        assert.deepEqual(runtime.inputs, {
            agentRuntimeName: "support_agent",
            agentRuntimeArtifact: { containerConfiguration: { containerUri: IMAGE.imageUri } },
            roleArn: reg.one("aws:iam/role:Role").outputs.arn,
            networkConfiguration: { networkMode: "VPC", networkModeConfig: { subnets: ["subnet-0123456789abcdef0"], securityGroups: ["sg-0123456789abcdef0"] } },
            protocolConfiguration: { serverProtocol: "MCP" },
            authorizerConfiguration: {
                customJwtAuthorizer: { discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["client-1"] },
            },
            environmentVariables: { LOG_LEVEL: "info" },
            lifecycleConfigurations: [{ idleRuntimeSessionTimeout: 300, maxLifetime: 3600 }],
            requestHeaderConfiguration: { requestHeaderAllowlists: ["Authorization", "X-Tenant"] },
            description: "Support agent",
            tags: { team: "support" },
        });
    });

    it("defaults to PUBLIC, HTTP and IAM auth, with only the DEFAULT endpoint", async () => {
        let runtime: AgentRuntime | undefined;
        const reg = await record(() => (runtime = new AgentRuntime("support-agent", { image: IMAGE })));
        const inputs = reg.one(RUNTIME).inputs;
        assert.deepEqual(inputs.networkConfiguration, { networkMode: "PUBLIC" });
        assert.deepEqual(inputs.protocolConfiguration, { serverProtocol: "HTTP" });
        assert.equal(inputs.authorizerConfiguration, undefined);
        assert.equal(reg.ofType(ENDPOINT).length, 0);
        const runtimeArn = reg.one(RUNTIME).outputs.agentRuntimeArn;
        assert.equal(await valueOf(runtime!.defaultEndpointArn), `${runtimeArn}/runtime-endpoint/DEFAULT`);
    });

    it("creates each custom endpoint pinned to its version", async () => {
        let runtime: AgentRuntime | undefined;
        const reg = await record(
            () =>
                (runtime = new AgentRuntime("support-agent", {
                    image: IMAGE,
                    endpoints: [
                        { name: "prod", version: "3" },
                        { name: "canary", version: "4", description: "next candidate" },
                    ],
                })),
            undefined,
            undefined,
            ESTABLISHED,
        );
        const runtimeId = reg.one(RUNTIME).outputs.agentRuntimeId;
        assert.deepEqual(
            reg.ofType(ENDPOINT).map((e) => [e.name, e.inputs]),
            [
                ["support-agent-prod", { agentRuntimeId: runtimeId, name: "prod", agentRuntimeVersion: "3" }],
                ["support-agent-canary", { agentRuntimeId: runtimeId, name: "canary", agentRuntimeVersion: "4", description: "next candidate" }],
            ],
        );
        assert.deepEqual(await valueOf(runtime!.endpointArns), {
            prod: `arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/${runtimeId}/runtime-endpoint/prod`,
            canary: `arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/${runtimeId}/runtime-endpoint/canary`,
        });
    });

    it("waits for the role's permissions before creating the runtime", async () => {
        const reg = await record(() => new AgentRuntime("support-agent", { image: IMAGE }));
        assert.deepEqual(new Set(reg.one(RUNTIME).options.dependsOn), new Set([reg.one("aws:iam/rolePolicy:RolePolicy").urn, reg.one("aws:iam/role:Role").urn]));
    });

    it("creates what other components grant before the runtime, and waits for it", async () => {
        const reg = await record(
            () =>
                new AgentRuntime("support-agent", {
                    image: IMAGE,
                    grants: (role) => role.grant("memory-access", [{ Effect: "Allow", Action: ["bedrock-agentcore:GetMemory"], Resource: ["arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/m-1"] }]),
                }),
        );
        const policies = reg.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name);
        assert.deepEqual(policies.sort(), ["support-agent-memory-access", "support-agent-runtime-baseline"]);
        const dependsOn = new Set(reg.one(RUNTIME).options.dependsOn);
        assert.ok(dependsOn.has(reg.one("aws:iam/rolePolicy:RolePolicy", "support-agent-memory-access").urn), "the runtime must wait for the memory grant");
    });
});

describe("AgentRuntime validation", () => {
    const cases: [string, Partial<AgentRuntimeArgs>, string[]][] = [
        [
            "hyphenated name",
            { runtimeName: "support-agent" },
            ['runtimeName "support-agent" must match [a-zA-Z][a-zA-Z0-9_]{0,47} (letters, digits and underscores; no hyphens) (bedrock-agentcore-control API model, shape AgentRuntimeName)'],
        ],
        [
            "lifecycle out of range and idle above max",
            { lifecycle: { idleSessionTimeoutSeconds: 1300000, maxLifetimeSeconds: 59 } },
            [
                "lifecycle.idleSessionTimeoutSeconds 1300000 must be between 60 and 1209600 (bedrock-agentcore-control API model, shape LifecycleConfigurationIdleRuntimeSessionTimeoutInteger)",
                "lifecycle.maxLifetimeSeconds 59 must be between 60 and 1209600 (bedrock-agentcore-control API model, shape LifecycleConfigurationMaxLifetimeInteger)",
                "lifecycle.idleSessionTimeoutSeconds 1300000 must not exceed lifecycle.maxLifetimeSeconds (59): a session cannot idle longer than it may live",
            ],
        ],
        [
            "lifecycle above the microVM maximum (the API model allows 1209600 for capacity-provider runtimes only)",
            { lifecycle: { idleSessionTimeoutSeconds: 900, maxLifetimeSeconds: 86400 } },
            [
                "lifecycle.maxLifetimeSeconds 86400 must be at most 28800 (8 hours) for a runtime without a capacity provider; the API model's 1209600 applies to capacity-provider runtimes only (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-lifecycle-settings.html)",
            ],
        ],
        [
            "empty header allowlist",
            { requestHeaderAllowlist: [] },
            ["requestHeaderAllowlist [] must have at least 1 items (bedrock-agentcore-control API model, shape RequestHeaderAllowlist)"],
        ],
        [
            "Authorization header without JWT",
            { requestHeaderAllowlist: ["Authorization"] },
            ['requestHeaderAllowlist ["Authorization"] may include "Authorization" only with a CUSTOM_JWT authorizer: with AWS_IAM the header is stripped before it reaches the container'],
        ],
        [
            "reserved prefixes, restricted headers and case-insensitive duplicates",
            { requestHeaderAllowlist: ["X-Amz-Date", "x-amzn-trace-id", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "content-type", "Host", "X-Tenant", "x-tenant", "X-AMZN-BEDROCK-AGENTCORE-RUNTIME-CUSTOM-tenant"] },
            [
                'requestHeaderAllowlist[0] "X-Amz-Date" must not start with x-amz- (reserved for SigV4 signing) (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-header-allowlist.html)',
                'requestHeaderAllowlist[1] "x-amzn-trace-id" must not start with x-amzn- unless it starts with X-Amzn-Bedrock-AgentCore-Runtime-Custom- (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-header-allowlist.html)',
                'requestHeaderAllowlist[3] "content-type" is a restricted header (Content-Type) that AgentCore does not propagate (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-header-allowlist.html)',
                'requestHeaderAllowlist[4] "Host" is a restricted header (Host) that AgentCore does not propagate (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-header-allowlist.html)',
                'requestHeaderAllowlist[6] "x-tenant" repeats requestHeaderAllowlist[5] "X-Tenant": header names are case-insensitive and duplicates are not allowed (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-header-allowlist.html)',
                'requestHeaderAllowlist[7] "X-AMZN-BEDROCK-AGENTCORE-RUNTIME-CUSTOM-tenant" repeats requestHeaderAllowlist[2] "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant": header names are case-insensitive and duplicates are not allowed (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-header-allowlist.html)',
            ],
        ],
        [
            "51 environment variables and a long key",
            { environmentVariables: Object.fromEntries([...Array(50).keys()].map((i) => [`V${i}`, "x"]).concat([["K".repeat(101), "x"]])) },
            [
                "environmentVariables (a map of 51 entries) must have at most 50 entries (bedrock-agentcore-control API model, shape EnvironmentVariablesMap)",
                `environmentVariables key "${"K".repeat(101)}" must have at most 100 characters (bedrock-agentcore-control API model, shape EnvironmentVariableKey)`,
            ],
        ],
        [
            "JWT without discovery URL or audience",
            { authorizer: { type: "CUSTOM_JWT", discoveryUrl: "https://idp.example.com" } },
            [
                'authorizer.discoveryUrl "https://idp.example.com" must match .+/\\.well-known/openid-configuration (bedrock-agentcore-control API model, shape DiscoveryUrl)',
                'authorizer "CUSTOM_JWT" needs at least one of allowedAudiences or allowedClients, otherwise any token of the issuer is accepted (Cognito access tokens carry client_id: use allowedClients)',
            ],
        ],
        [
            "bad endpoint name and version",
            { endpoints: [{ name: "prod-1", version: "0" }, { name: "DEFAULT", version: "2" }] },
            [
                'endpoints[0].name "prod-1" must match [a-zA-Z][a-zA-Z0-9_]{0,47} (bedrock-agentcore-control API model, shape EndpointName)',
                'endpoints[0].version "0" must match ([1-9][0-9]{0,4}) (bedrock-agentcore-control API model, shape AgentRuntimeVersion)',
                'endpoints[1].name "DEFAULT" is reserved: AgentCore manages the DEFAULT endpoint itself (it always serves the newest version)',
            ],
        ],
        [
            "application inference profile without its foundation models; a profile of a geography without a Region table",
            { models: ["arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz", "ca.amazon.nova-lite-v1:0"] },
            [
                'models[0] "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz" is an application inference profile, whose foundation models are chosen when it is created: Bedrock also requires invoke on its foundation model in each Region it routes to (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html); list their foundation-model ARNs in inferenceProfileModels["arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz"]',
                'models[1] "ca.amazon.nova-lite-v1:0" is an inference profile whose geography "ca" has no Region table in this package: Bedrock also requires invoke on its foundation model in each Region it routes to (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html); list their foundation-model ARNs in inferenceProfileModels["ca.amazon.nova-lite-v1:0"]',
            ],
        ],
        [
            "model wildcard",
            { models: ["anthropic.*"] },
            ['models[0] "anthropic.*" must be a Bedrock model id (provider.model), an inference profile id (us.provider.model) or a bedrock ARN; wildcards are not accepted'],
        ],
        [
            "VPC without subnets and with a malformed security group",
            { network: { mode: "VPC", subnetIds: [], securityGroupIds: ["sg-1"] } },
            [
                "network.subnetIds [] must have at least 1 items (bedrock-agentcore-control API model, shape Subnets)",
                'network.securityGroupIds[0] "sg-1" must match sg-[0-9a-zA-Z]{8,17} (bedrock-agentcore-control API model, shape SecurityGroupId)',
            ],
        ],
        [
            "VPC mode without subnets or security groups",
            { network: { mode: "VPC" } as RuntimeNetwork },
            ["network.subnetIds (not set) is required in VPC mode", "network.securityGroupIds (not set) is required in VPC mode"],
        ],
        [
            "idle timeout above the default max lifetime",
            { lifecycle: { idleSessionTimeoutSeconds: 30000 } },
            [
                "lifecycle.idleSessionTimeoutSeconds 30000 must be at most 28800 (8 hours) for a runtime without a capacity provider; the API model's 1209600 applies to capacity-provider runtimes only (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-lifecycle-settings.html)",
                "lifecycle.idleSessionTimeoutSeconds 30000 must not exceed lifecycle.maxLifetimeSeconds (28800): a session cannot idle longer than it may live",
            ],
        ],
        [
            "11 endpoints",
            { endpoints: [...Array(11).keys()].map((i) => ({ name: `e${i}`, version: "1" })) },
            ['endpoints ["e0","e1","e2","e3","e4","e5","e6","e7","e8","e9","e10"] must have at most 10 entries (AgentCore quota: endpoints per runtime)'],
        ],
    ];
    for (const [title, args, expected] of cases) {
        it(`reports ${title}, all at once, before registering anything`, async () => {
            let error: unknown;
            const reg = await record(() => {
                try {
                    new AgentRuntime("support-agent", { image: IMAGE, ...args });
                } catch (e) {
                    error = e;
                }
            });
            assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
            assert.deepEqual(error.problems, expected);
            assert.deepEqual(reg.all.map((r) => r.type), ["agentcore:index:AgentRuntime"]);
        });
    }
});
