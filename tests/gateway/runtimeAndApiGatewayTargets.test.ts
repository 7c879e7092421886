import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { AgentGateway, ApiKeyCredentialProvider } from "../../sdk";
import { parseJsonInput, problemsOf, record } from "../harness";

const TARGET = "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget";
const RUNTIME = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/orders_mcp-AbCdEf1234";

/** The statements of the gateway role's target policy. */
const targetStatements = (reg: Awaited<ReturnType<typeof record>>) => parseJsonInput(reg.one("aws:iam/rolePolicy:RolePolicy", "tools-targets").inputs.policy).Statement;

describe("AgentGateway: an MCP server on an AgentCore Runtime as a target", () => {
    it("calls the runtime's invocation URL for the endpoint, signed with the gateway role for bedrock-agentcore", async () => {
        const reg = await record(() => new AgentGateway("tools", { targets: [{ name: "orders", type: "agentRuntime", runtimeArn: RUNTIME, qualifier: "prod" }] }));
        const target = reg.one(TARGET).inputs;
        assert.deepEqual(target.targetConfiguration, {
            mcp: { mcpServer: { endpoint: `https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/${encodeURIComponent(RUNTIME)}/invocations?qualifier=prod` } },
        });
        assert.equal(encodeURIComponent(RUNTIME), "arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Forders_mcp-AbCdEf1234");
        assert.deepEqual(target.credentialProviderConfiguration, { gatewayIamRole: { service: "bedrock-agentcore" } });
        assert.deepEqual(targetStatements(reg), [
            { Sid: "InvokeRuntimeTargetOrders", Effect: "Allow", Action: ["bedrock-agentcore:InvokeAgentRuntime"], Resource: [RUNTIME, `${RUNTIME}/runtime-endpoint/prod`] },
        ]);
    });

    it("defaults to the DEFAULT endpoint", async () => {
        const reg = await record(() => new AgentGateway("tools", { targets: [{ name: "orders", type: "agentRuntime", runtimeArn: RUNTIME }] }));
        assert.match(reg.one(TARGET).inputs.targetConfiguration.mcp.mcpServer.endpoint, /\/invocations\?qualifier=DEFAULT$/);
        assert.deepEqual(targetStatements(reg)[0].Resource, [RUNTIME, `${RUNTIME}/runtime-endpoint/DEFAULT`]);
    });
});

describe("AgentGateway: an API Gateway REST API stage as a target", () => {
    const API = { name: "pets", type: "apiGateway" as const, restApiId: "a1b2c3d4e5", stage: "prod", toolFilters: [{ path: "/pets/*", methods: ["GET" as const] }, { path: "/pets", methods: ["POST" as const] }] };

    it("exposes the filtered operations and lets the gateway role invoke exactly them", async () => {
        const reg = await record(() => new AgentGateway("tools", { targets: [API] }));
        const target = reg.one(TARGET).inputs;
        assert.deepEqual(target.targetConfiguration, {
            mcp: { apiGateway: { restApiId: "a1b2c3d4e5", stage: "prod", apiGatewayToolConfiguration: { toolFilters: [{ filterPath: "/pets/*", methods: ["GET"] }, { filterPath: "/pets", methods: ["POST"] }] } } },
        });
        assert.deepEqual(target.credentialProviderConfiguration, { gatewayIamRole: {} });
        assert.deepEqual(targetStatements(reg), [
            {
                Sid: "InvokeApiGatewayTargetPets",
                Effect: "Allow",
                Action: ["execute-api:Invoke"],
                Resource: ["arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/*", "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/POST/pets"],
            },
        ]);
    });

    it("with an API key the gateway sends the key and the role gets no execute-api permission", async () => {
        const reg = await record(() => {
            const key = new ApiKeyCredentialProvider("pets-key", { apiKey: pulumi.secret("k-0123456789") });
            new AgentGateway("tools", { targets: [{ ...API, credentials: { apiKey: key, parameterName: "x-api-key" } }] });
        });
        assert.equal(reg.one(TARGET).inputs.credentialProviderConfiguration.apiKey.credentialParameterName, "x-api-key");
        assert.deepEqual(
            targetStatements(reg).filter((s: any) => JSON.stringify(s.Action).includes("execute-api")),
            [],
        );
    });

    it("refuses bad runtime and API Gateway targets, every problem at once", () => {
        assert.deepEqual(
            problemsOf(
                () =>
                    new AgentGateway("tools", {
                        targets: [
                            { name: "orders", type: "agentRuntime", runtimeArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/orders", qualifier: "prod-1" },
                            { name: "pets", type: "apiGateway", restApiId: "a1b2c3d4e5", stage: "", toolFilters: [{ path: "pets", methods: ["FETCH" as any] }, { path: "/x", methods: [] }] },
                        ],
                    }),
            ),
            [
                'targets[0].qualifier "prod-1" must match [a-zA-Z][a-zA-Z0-9_]{0,47} (bedrock-agentcore-control API model, shape EndpointName)',
                'targets[0].runtimeArn "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/orders" must match arn:aws(-[^:]+)?:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:runtime/[a-zA-Z][a-zA-Z0-9_]{0,47}-[a-zA-Z0-9]{10} (bedrock-agentcore-control API model, shape RuntimeArn)',
                'targets[1].stage "" must name the REST API\'s stage',
                'targets[1].toolFilters[0].path "pets" must be a resource path starting with / (explicit, or a prefix ending in /*)',
                'targets[1].toolFilters[0].methods[0] "FETCH" must be one of GET, DELETE, HEAD, OPTIONS, PATCH, PUT, POST (bedrock-agentcore-control API model, shape RestApiMethod)',
                "targets[1].toolFilters[1].methods [] must list at least one HTTP method",
            ],
        );
    });
});
