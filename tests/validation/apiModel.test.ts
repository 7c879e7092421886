import { strict as assert } from "assert";
import { AgentRuntime, AgentRuntimeArgs, InputValidationError } from "../../sdk";
import { RecordedResource } from "../../plan/mocks";
import { record } from "../harness";
import { ConstrainedField, constrainedFields, invalidValues, modelAccepts } from "./apiModel";

/**
 * Every constrained API field the package lets a user set: the provider input it
 * lands in, the argument that sets it, a value the model accepts, and how to
 * build a component with a given value. The walk below derives invalid values
 * from the model and proves each one is refused with the argument named.
 */
interface ExposedField extends ConstrainedField {
    argPath: string;
    valid: unknown;
    build: (value: any) => () => unknown;
}

const RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const ENDPOINT = "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint";
const IMAGE_URI = `123456789012.dkr.ecr.us-east-1.amazonaws.com/agent@sha256:${"a".repeat(64)}`;
const IMAGE = { imageUri: IMAGE_URI, repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/agent" };
const JWT = { type: "CUSTOM_JWT" as const, discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["client"] };
const VPC = { mode: "VPC" as const, subnetIds: ["subnet-12345678"], securityGroupIds: ["sg-12345678"] };

const runtime = (args: Partial<AgentRuntimeArgs>) => () => new AgentRuntime("agent", { image: IMAGE, ...args });

const EXPOSED: ExposedField[] = [
    { type: RUNTIME, path: "agentRuntimeName", shape: "AgentRuntimeName", argPath: "runtimeName", valid: "support_agent", build: (v) => runtime({ runtimeName: v }) },
    { type: RUNTIME, path: "agentRuntimeArtifact.containerConfiguration.containerUri", shape: "RuntimeContainerUri", argPath: "image.imageUri", valid: IMAGE_URI, build: (v) => runtime({ image: { ...IMAGE, imageUri: v } }) },
    { type: RUNTIME, path: "description", shape: "Description", argPath: "description", valid: "An agent", build: (v) => runtime({ description: v }) },
    { type: RUNTIME, path: "protocolConfiguration.serverProtocol", shape: "ServerProtocol", argPath: "protocol", valid: "HTTP", build: (v) => runtime({ protocol: v }) },
    { type: RUNTIME, path: "networkConfiguration.networkMode", shape: "NetworkMode", argPath: "network.mode", valid: "PUBLIC", build: (v) => runtime({ network: { mode: v } }) },
    { type: RUNTIME, path: "networkConfiguration.networkModeConfig.subnets", shape: "Subnets", argPath: "network.subnetIds", valid: ["subnet-12345678"], build: (v) => runtime({ network: { ...VPC, subnetIds: v } }) },
    { type: RUNTIME, path: "networkConfiguration.networkModeConfig.subnets[]", shape: "SubnetId", argPath: "network.subnetIds[0]", valid: "subnet-12345678", build: (v) => runtime({ network: { ...VPC, subnetIds: [v] } }) },
    { type: RUNTIME, path: "networkConfiguration.networkModeConfig.securityGroups", shape: "SecurityGroups", argPath: "network.securityGroupIds", valid: ["sg-12345678"], build: (v) => runtime({ network: { ...VPC, securityGroupIds: v } }) },
    { type: RUNTIME, path: "networkConfiguration.networkModeConfig.securityGroups[]", shape: "SecurityGroupId", argPath: "network.securityGroupIds[0]", valid: "sg-12345678", build: (v) => runtime({ network: { ...VPC, securityGroupIds: [v] } }) },
    { type: RUNTIME, path: "environmentVariables", shape: "EnvironmentVariablesMap", argPath: "environmentVariables", valid: { LOG_LEVEL: "info" }, build: (v) => runtime({ environmentVariables: v }) },
    { type: RUNTIME, path: "environmentVariables{key}", shape: "EnvironmentVariableKey", argPath: "environmentVariables key", valid: "LOG_LEVEL", build: (v) => runtime({ environmentVariables: { [v]: "info" } }) },
    { type: RUNTIME, path: "environmentVariables{value}", shape: "EnvironmentVariableValue", argPath: "environmentVariables.LOG_LEVEL", valid: "info", build: (v) => runtime({ environmentVariables: { LOG_LEVEL: v } }) },
    {
        type: RUNTIME, path: "lifecycleConfigurations.idleRuntimeSessionTimeout", shape: "LifecycleConfigurationIdleRuntimeSessionTimeoutInteger", argPath: "lifecycle.idleSessionTimeoutSeconds", valid: 60,
        build: (v) => runtime({ lifecycle: { idleSessionTimeoutSeconds: v, maxLifetimeSeconds: 1209600 } }),
    },
    {
        type: RUNTIME, path: "lifecycleConfigurations.maxLifetime", shape: "LifecycleConfigurationMaxLifetimeInteger", argPath: "lifecycle.maxLifetimeSeconds", valid: 28800,
        build: (v) => runtime({ lifecycle: { idleSessionTimeoutSeconds: 60, maxLifetimeSeconds: v } }),
    },
    { type: RUNTIME, path: "requestHeaderConfiguration.requestHeaderAllowlists", shape: "RequestHeaderAllowlist", argPath: "requestHeaderAllowlist", valid: ["X-Tenant"], build: (v) => runtime({ requestHeaderAllowlist: v }) },
    { type: RUNTIME, path: "requestHeaderConfiguration.requestHeaderAllowlists[]", shape: "HeaderName", argPath: "requestHeaderAllowlist[0]", valid: "X-Tenant", build: (v) => runtime({ requestHeaderAllowlist: [v] }) },
    { type: RUNTIME, path: "authorizerConfiguration.customJwtAuthorizer.discoveryUrl", shape: "DiscoveryUrl", argPath: "authorizer.discoveryUrl", valid: JWT.discoveryUrl, build: (v) => runtime({ authorizer: { ...JWT, discoveryUrl: v } }) },
    { type: RUNTIME, path: "authorizerConfiguration.customJwtAuthorizer.allowedAudiences", shape: "AllowedAudienceList", argPath: "authorizer.allowedAudiences", valid: ["api"], build: (v) => runtime({ authorizer: { ...JWT, allowedAudiences: v } }) },
    { type: RUNTIME, path: "authorizerConfiguration.customJwtAuthorizer.allowedClients", shape: "AllowedClientsList", argPath: "authorizer.allowedClients", valid: ["client"], build: (v) => runtime({ authorizer: { ...JWT, allowedClients: v } }) },
    { type: RUNTIME, path: "authorizerConfiguration.customJwtAuthorizer.allowedScopes", shape: "AllowedScopesType", argPath: "authorizer.allowedScopes", valid: ["read"], build: (v) => runtime({ authorizer: { ...JWT, allowedScopes: v } }) },
    { type: RUNTIME, path: "authorizerConfiguration.customJwtAuthorizer.allowedScopes[]", shape: "AllowedScopeType", argPath: "authorizer.allowedScopes[0]", valid: "read", build: (v) => runtime({ authorizer: { ...JWT, allowedScopes: [v] } }) },
    { type: RUNTIME, path: "tags", shape: "TagsMap", argPath: "tags", valid: { team: "support" }, build: (v) => runtime({ tags: v }) },
    { type: RUNTIME, path: "tags{key}", shape: "TagKey", argPath: "tags key", valid: "team", build: (v) => runtime({ tags: { [v]: "support" } }) },
    { type: RUNTIME, path: "tags{value}", shape: "TagValue", argPath: "tags.team", valid: "support", build: (v) => runtime({ tags: { team: v } }) },
    { type: ENDPOINT, path: "name", shape: "EndpointName", argPath: "endpoints[0].name", valid: "prod", build: (v) => runtime({ endpoints: [{ name: v, version: "1" }] }) },
    { type: ENDPOINT, path: "agentRuntimeVersion", shape: "AgentRuntimeVersion", argPath: "endpoints[0].version", valid: "3", build: (v) => runtime({ endpoints: [{ name: "prod", version: v }] }) },
    { type: ENDPOINT, path: "description", shape: "AgentEndpointDescription", argPath: "endpoints[0].description", valid: "Reviewed", build: (v) => runtime({ endpoints: [{ name: "prod", version: "1", description: v }] }) },
];

/** Constrained fields the components fill in themselves (never from user input), and why. */
const DERIVED: Record<string, string> = {
    [`${RUNTIME} roleArn`]: "the execution role the component creates",
    [`${ENDPOINT} agentRuntimeId`]: "the runtime the component creates",
    [`${ENDPOINT} tags`]: "the runtime's tags (checked as tags)",
    [`${ENDPOINT} tags{key}`]: "the runtime's tags (checked as tags key)",
    [`${ENDPOINT} tags{value}`]: "the runtime's tags (checked as tags.<key>)",
};

/** Each component with every optional field set, so every API field it can send appears. */
const MAXIMAL: (() => unknown)[] = [
    runtime({
        protocol: "HTTP",
        authorizer: { ...JWT, allowedAudiences: ["api"], allowedScopes: ["read"] },
        network: VPC,
        environmentVariables: { LOG_LEVEL: "info" },
        lifecycle: { idleSessionTimeoutSeconds: 60, maxLifetimeSeconds: 120 },
        requestHeaderAllowlist: ["Authorization"],
        description: "d",
        endpoints: [{ name: "prod", version: "1", description: "Reviewed" }],
        tags: { team: "support" },
    }),
];

async function errorOf(build: () => unknown): Promise<unknown> {
    let error: unknown;
    await record(() => {
        try {
            build();
        } catch (e) {
            error = e;
        }
    });
    return error;
}

describe("every exposed AgentCore field is checked against the API model", () => {
    it("no constrained API field a component sends lacks a check (or a reason it needs none)", async () => {
        const sent: RecordedResource[] = [];
        for (const build of MAXIMAL) {
            sent.push(...(await record(build)).all);
        }
        const fields = sent.flatMap(constrainedFields);
        const unchecked = fields
            .map((f) => `${f.type} ${f.path}`)
            .filter((key) => !EXPOSED.some((e) => `${e.type} ${e.path}` === key) && !(key in DERIVED));
        assert.deepEqual([...new Set(unchecked)], []);
        const unused = EXPOSED.filter((e) => !fields.some((f) => f.type === e.type && f.path === e.path && f.shape === e.shape)).map((e) => `${e.type} ${e.path} ${e.shape}`);
        assert.deepEqual(unused, [], "entries that no maximal configuration sends (wrong path or shape)");
    });

    for (const field of EXPOSED) {
        describe(`${field.argPath} (${field.shape})`, () => {
            it(`accepts ${JSON.stringify(field.valid)}`, async () => {
                assert.ok(modelAccepts(field.shape, field.valid), "the sample must be valid for the model");
                assert.equal(await errorOf(field.build(field.valid)), undefined);
            });
            for (const { rule, value } of invalidValues(field.shape, field.valid)) {
                it(`refuses a value ${rule}`, async () => {
                    assert.equal(modelAccepts(field.shape, value), false, "the derived value must be invalid for the model");
                    const error = await errorOf(field.build(value));
                    assert.ok(error instanceof InputValidationError, `expected InputValidationError, got ${error}`);
                    const message = error.problems.find((p) => p.startsWith(`${field.argPath} `) && p.includes(`shape ${field.shape})`));
                    assert.ok(message, `no problem names ${field.argPath} and shape ${field.shape}: ${JSON.stringify(error.problems)}`);
                });
            }
        });
    }
});
