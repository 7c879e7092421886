import { strict as assert } from "assert";
import { AgentHarness, AgentHarnessArgs, resolveHarness } from "../../sdk";
import { harnessRuntimeIdOf } from "../../sdk/harness/agentHarness";
import { harnessNameOf } from "../../sdk/harness/resolve";
import { missingModule, parseJsonInput, problemsOf, record } from "../harness";
import { PROFILE, harnessArgs } from "./fixtures";
import { GATE_OF, failuresAt } from "../crosscheck/gate";
import { MissingOptionalDependencyError, setOptionalLoaderForTests } from "../../sdk/common/optional";
import { LIFECYCLE_CONTRACTS, lifecycleOf } from "../../scripts/replacements-docs";

// issue 23 item 2: AgentHarness, a managed agent loop with the environment profile of AgentEnvironment.

const HARNESS = "aws:bedrock/agentcoreHarness:AgentcoreHarness";
const ENDPOINT = "aws-native:bedrockagentcore:HarnessEndpoint";
const POLICY = "aws:iam/rolePolicy:RolePolicy";

function problems(args: AgentHarnessArgs): string[] {
    const r = resolveHarness("orders", args);
    return r.ok === false ? r.problems : [];
}

describe("AgentHarness (issue 23 item 2)", function () {
    this.timeout(180000);

    describe("bad input is refused with the field named", () => {
        const cases: [string, AgentHarnessArgs, string][] = [
            ["shell in prod without the opt-in", harnessArgs("prod", { allowedTools: ["shell"] }), 'allowedTools[0] "shell" reaches the built-in shell: built-in tools run in every session'],
            ["every tool in prod", harnessArgs("prod", { allowedTools: ["*"] }), 'allowedTools[0] "*" allows every tool, the built-in shell and file tools included'],
            ["every built-in in staging", harnessArgs("staging", { allowedTools: ["@builtin"] }), 'allowedTools[0] "@builtin" names built-in tools'],
            ["a glob reaching the shell in dev", harnessArgs("dev", { allowedTools: ["s*"] }), 'allowedTools[0] "s*" reaches the built-in shell'],
            ["no tool at all (read as every tool)", harnessArgs("dev", { gateway: undefined }), "allowedTools [] allows no tool: AgentCore treats a harness without allowedTools as allowing every tool"],
            ["an unknown key", { ...harnessArgs("dev"), allowedtools: ["@tools/*"] } as AgentHarnessArgs, 'allowedtools ["@tools/*"] is not an AgentHarness argument'],
            ["a model not in the allowlist", harnessArgs("dev", { models: ["anthropic.claude-3-5-haiku-20241022-v1:0"] }), `model "${PROFILE}" must be one of models (anthropic.claude-3-5-haiku-20241022-v1:0)`],
            ["prod on the default (public) network", harnessArgs("prod", { network: { mode: "PUBLIC" } }), 'network.mode "PUBLIC" is not allowed in prod'],
            ["staging without a pinned version", harnessArgs("staging", { harnessVersion: undefined }), "harnessVersion (not set) is required in staging"],
            ["a built-in tool name that does not exist", harnessArgs("dev", { builtinTools: ["browser" as never] }), 'builtinTools[0] "browser" must be one of shell, file_operations'],
            ["a harness name with hyphens", harnessArgs("dev", { harnessName: "orders-agent" }), 'harnessName "orders-agent" must match'],
            ["prod memory under AWS's key", harnessArgs("prod", { memory: { encryptionKey: "aws-owned" } }), 'memory.encryptionKey "aws-owned" must be a customer-managed key in prod'],
            ["red-team finding 2: prod without explicit models", harnessArgs("prod", { models: undefined }), "models (not set) is required where an endpoint is pinned (prod, harnessVersion \"1\"): every harness version runs with the same role"],
            ["red-team finding 2: dev pinned with harnessVersion without explicit models", harnessArgs("dev", { harnessVersion: "3" }), 'models (not set) is required where an endpoint is pinned (dev, harnessVersion "3")'],
            ...["@*", "@*/*", "@*/shell", "@builtin*", "@b*/shell", "@?uiltin", "@builtin/sh*", "@builtin/file_operations"].map(
                (p): [string, AgentHarnessArgs, string] => [`red-team finding 4: ${p} in prod`, harnessArgs("prod", { allowedTools: [p] }), `allowedTools[0] ${JSON.stringify(p)} names built-in tools (reaches`],
            ),
            [
                "red-team finding 6: allowedGatewayArns on a harness",
                harnessArgs("dev", { authorizer: { type: "CUSTOM_JWT", discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["app"], allowedGatewayArns: ["arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/front-abcdefghij"] } }),
                'authorizer.allowedGatewayArns ["arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/front-abcdefghij"] is not supported for a harness: the API model\'s AllowedWorkloadConfiguration says "At launch, this is supported only for AgentCore Runtime targets"',
            ],
            ["LOG_ONLY tool policies in prod", harnessArgs("prod", { gateway: { ...harnessArgs("prod").gateway, toolPolicies: { ...harnessArgs("prod").gateway!.toolPolicies!, mode: "LOG_ONLY" } } }), "gateway.toolPolicies.mode"],
        ];
        for (const [title, args, expected] of cases) {
            it(`refuses ${title}`, () => {
                const found = problems(args);
                assert.ok(found.some((p) => p.includes(expected)), `expected a problem containing ${JSON.stringify(expected)}, got:\n${found.join("\n")}`);
            });
        }

        it("reports every problem at once, before anything is registered", async () => {
            const reg = await record(() => {
                const found = problemsOf(() => new AgentHarness("orders", harnessArgs("prod", { allowedTools: ["*"], network: { mode: "PUBLIC" }, harnessVersion: undefined })));
                assert.equal(found.length, 3, found.join("\n"));
            }, "prod");
            assert.deepEqual(reg.all.filter((r) => r.custom).map((r) => r.type), []);
        });

        it("accepts built-ins through the explicit opt-in, in prod too", () => {
            assert.deepEqual(problems(harnessArgs("prod", { builtinTools: ["file_operations", "shell"] })), []);
        });

        it("red-team finding 4: accepts MCP patterns whose server cannot be builtin, in prod", () => {
            assert.deepEqual(problems(harnessArgs("prod", { allowedTools: ["@tools/*", "@t*/shell", "@docs/search"] })), []);
        });

        it("red-team finding 8: a long component name is cut with a hash of the full name, so two long names do not collide", () => {
            const a = harnessNameOf("orders-agent-for-the-european-warehouse-team-a");
            const b = harnessNameOf("orders-agent-for-the-european-warehouse-team-b");
            assert.equal(a.length, 40, a);
            assert.equal(b.length, 40, b);
            assert.notEqual(a, b, "two names sharing their first 40 characters");
            assert.match(a, /^orders_agent_for_the_european_war_[0-9a-f]{6}$/);
            assert.equal(harnessNameOf("orders-agent"), "orders_agent", "short names carry no suffix");
        });

        it("the runtime id: known and missing fails loudly, never a made-up runtime (red-team: grantOwnRuntime)", () => {
            assert.equal(harnessRuntimeIdOf([{ agentcoreRuntimeEnvironments: [{ agentRuntimeId: "orders_rt-AbCdEf1234" }] }], "orders"), "orders_rt-AbCdEf1234");
            for (const envs of [[], undefined, [{ agentcoreRuntimeEnvironments: [] }], [{ agentcoreRuntimeEnvironments: [{ agentRuntimeId: "" }] }]]) {
                assert.throws(() => harnessRuntimeIdOf(envs, "orders"), /AgentHarness orders: the harness's environmentActuals name no runtime/, `for ${JSON.stringify(envs)}`);
            }
        });
    });

    describe("the harness args per environment", () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            it(`${env}: allowedTools restricted to the gateway's tools, the model, the memory, the network and the pinning`, async () => {
                const reg = await record(() => new AgentHarness("orders", harnessArgs(env)), env);
                const h = reg.one(HARNESS);
                assert.equal(h.inputs.harnessName, "orders");
                assert.deepEqual(h.inputs.allowedTools, ["@tools/*"]);
                assert.deepEqual(h.inputs.model, { bedrockModelConfig: { modelId: PROFILE } });
                assert.equal(h.inputs.tools[0].type, "agentcore_gateway");
                assert.equal(h.inputs.tools[0].name, "tools");
                assert.equal(h.inputs.tools[0].config.agentcoreGateway.gatewayArn, reg.one("aws:bedrock/agentcoreGateway:AgentcoreGateway").outputs.gatewayArn);
                assert.deepEqual(h.inputs.tools[0].config.agentcoreGateway.outboundAuth, { awsIam: true });
                assert.equal(h.inputs.memory.agentcoreMemoryConfiguration.arn, reg.one("aws:bedrock/agentcoreMemory:AgentcoreMemory").outputs.arn);
                const network = h.inputs.environments[0].agentcoreRuntimeEnvironments[0].networkConfigurations[0];
                assert.equal(network.networkMode, env === "dev" ? "PUBLIC" : "VPC");
                if (env !== "dev") {
                    assert.equal(network.networkModeConfigs[0].subnets.length > 0, true, "VPC subnets");
                    assert.equal(network.networkModeConfigs[0].securityGroups.length > 0, true, "VPC security groups");
                }
                assert.equal(h.options.protect, env === "prod", "protected in prod only");
                const endpoints = reg.ofType(ENDPOINT);
                assert.deepEqual(
                    endpoints.map((e) => [e.inputs.endpointName, e.inputs.targetVersion, e.inputs.harnessId, e.options.protect]),
                    env === "dev" ? [] : [[env, "1", h.outputs.harnessId, env === "prod"]],
                );
                const engines = reg.ofType("aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine");
                assert.equal(engines.length, 1, "the gateway's Cedar tool policies");
            });
        }

        it("built-ins appear in allowedTools only when opted into", async () => {
            const reg = await record(() => new AgentHarness("orders", harnessArgs("prod", { builtinTools: ["file_operations"] })), "prod");
            assert.deepEqual(reg.one(HARNESS).inputs.allowedTools, ["file_operations", "@tools/*"]);
        });

        it("JWT inbound auth, without allowedWorkloadConfiguration (red-team finding 6)", async () => {
            const reg = await record(() => new AgentHarness("orders", harnessArgs("dev", { authorizer: { type: "CUSTOM_JWT", discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["app"] } })), "dev");
            assert.deepEqual(reg.one(HARNESS).inputs.authorizerConfiguration.customJwtAuthorizer, { discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["app"] });
        });

        it("red-team finding 1: a harness without memory is sent memory { disabled: {} }, never AWS's managed memory under AWS's key", async () => {
            for (const env of ["dev", "prod"] as const) {
                const reg = await record(() => new AgentHarness("orders", harnessArgs(env, { memory: undefined })), env);
                assert.deepEqual(reg.one(HARNESS).inputs.memory, { disabled: {} }, env);
                assert.deepEqual(reg.ofType("aws:bedrock/agentcoreMemory:AgentcoreMemory"), [], env);
            }
        });
    });

    describe("the role and the ordering", () => {
        it("every policy the harness needs at create exists before it (dependsOn); the runtime's logs and token grant follows it", async () => {
            const reg = await record(() => new AgentHarness("orders", harnessArgs("prod")), "prod");
            const h = reg.one(HARNESS);
            const before = ["harness-baseline", "memory-access", "gateway-invoke"].map((p) => reg.one(POLICY, `orders-${p}`).urn);
            for (const urn of before) {
                assert.ok(h.options.explicitDependsOn.includes(urn), `harness must depend on ${urn}`);
            }
            const runtimeGrant = reg.one(POLICY, "orders-harness-runtime");
            assert.ok(runtimeGrant.options.dependsOn.includes(h.urn), "harness-runtime is created after the harness");
            const doc = parseJsonInput(runtimeGrant.inputs.policy);
            const runtimeId = h.outputs.environmentActuals[0].agentcoreRuntimeEnvironments[0].agentRuntimeId;
            assert.deepEqual(doc.Statement.find((s: any) => s.Sid === "CreateHarnessLogGroup").Resource, [`arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/${runtimeId}-*`]);
            const endpoint = reg.one(ENDPOINT);
            assert.ok(endpoint.options.dependsOn.includes(h.urn), "endpoint after the harness");
        });

        it("the trust names this harness or this account and region's runtimes, with SourceAccount and SourceArn", async () => {
            const reg = await record(() => new AgentHarness("orders", harnessArgs("dev")), "dev");
            const trust = parseJsonInput(reg.one("aws:iam/role:Role", "orders-role").inputs.assumeRolePolicy);
            assert.deepEqual(trust.Statement[0].Condition, {
                StringEquals: { "aws:SourceAccount": "123456789012" },
                // Red-team finding 7: the harness, or a runtime of this account and region (sessions run inside a provisioned runtime).
                ArnLike: { "aws:SourceArn": ["arn:aws:bedrock-agentcore:us-east-1:123456789012:harness/orders-??????????", "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/*"] },
            });
        });
    });
});

describe("AgentHarness passes the policy gate (issue 23 item 4)", function () {
    this.timeout(300000);
    for (const env of ["dev", "staging", "prod"] as const) {
        it(`${env}: the pack reports nothing at the ${GATE_OF[env]} gate`, async () => {
            const reg = await record(() => new AgentHarness("orders", harnessArgs(env)), env);
            assert.deepEqual(await failuresAt(reg.all, GATE_OF[env]), []);
        });
    }

    it("the gate can fail: the same prod harness on the public network, or with the shell and no opt-in, is stopped by the pack", async () => {
        const reg = await record(() => new AgentHarness("orders", harnessArgs("prod")), "prod");
        const h = reg.one(HARNESS);
        h.inputs.environments = [{ agentcoreRuntimeEnvironments: [{ networkConfigurations: [{ networkMode: "PUBLIC" }] }] }];
        h.inputs.allowedTools = ["*"];
        const failures = await failuresAt(reg.all, "prod");
        assert.deepEqual(failures.map((f) => f.split(" ").slice(0, 2).join(" ")).sort(), ["mandatory agentcore-harness-tools", "mandatory agentcore-runtime-vpc"]);
    });
});

describe("AgentHarness: aws-native only for the pinned endpoint, and a lifecycle table per type (issue 23 items 2 and 3)", function () {
    this.timeout(180000);
    const missing = () => setOptionalLoaderForTests(missingModule);

    it("a dev harness on DEFAULT never loads @pulumi/aws-native; a pinned one without it fails before any child is registered, naming the feature", async () => {
        const previous = missing();
        try {
            const dev = await record(() => new AgentHarness("orders", harnessArgs("dev")), "dev");
            assert.equal(dev.ofType(HARNESS).length, 1);
            let thrown: unknown;
            const prod = await record(() => {
                try {
                    new AgentHarness("orders", harnessArgs("prod"));
                } catch (e) {
                    thrown = e;
                }
            }, "prod");
            assert.ok(thrown instanceof MissingOptionalDependencyError && /AgentHarness endpoints/.test(thrown.message), `got ${thrown}`);
            assert.deepEqual(prod.all.filter((r) => r.custom).map((r) => r.type), []);
        } finally {
            setOptionalLoaderForTests(previous);
        }
    });

    it("every resource type AgentHarness creates (dev, staging, prod) has a lifecycle table", async () => {
        const seen = new Set<string>();
        for (const env of ["dev", "staging", "prod"] as const) {
            for (const r of (await record(() => new AgentHarness("orders", harnessArgs(env)), env)).all) {
                if (r.custom) {
                    seen.add(r.type);
                }
            }
        }
        const tabled = new Set(LIFECYCLE_CONTRACTS.map((c) => c.type));
        assert.deepEqual([...seen].filter((t) => !tabled.has(t) && t !== "awsx:ec2:Vpc").sort(), []);
        assert.deepEqual(lifecycleOf(HARNESS).replaces.map((r) => r.argument), ["harnessName"]);
        // Red-team finding 3: a replacement resets versions to 1, so a pinned harnessVersion must move with it.
        assert.ok(
            lifecycleOf(HARNESS).notes?.some((n) => /versions start again at 1/.test(n) && /Set harnessVersion to "1" in the same change/.test(n)),
            `the harness row must say a replacement resets versions: ${JSON.stringify(lifecycleOf(HARNESS).notes)}`,
        );
        assert.deepEqual(lifecycleOf(ENDPOINT).replaces.map((r) => r.argument), ["harnessId", "endpointName"]);
    });
});
