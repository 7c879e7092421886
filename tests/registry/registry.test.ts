import { strict as assert } from "assert";
import * as path from "path";
import { AgentEnvironment, AgentEnvironmentArgs, AgentPlatform, AgentRegistry, AgentRegistryArgs, PlatformOutputs } from "../../sdk";
import { setOptionalLoaderForTests } from "../../sdk/common/optional";
import { SUBMIT_SCRIPT } from "../../sdk/registry/registryPublication";
import { Registrations, problemsOf, record, valueOf } from "../harness";

// issue 24 item 1: the organization's agent registry (AgentPlatform / AgentRegistry) and the records an
// AgentEnvironment publishes to it.

const REGISTRY = "aws:agentregistry/registry:Registry";
const RECORD = "aws-native:agentregistry:RegistryRecord";
const COMMAND = "command:local:Command";
const IMAGE = { imageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/a@sha256:${"a".repeat(64)}` };
const REGISTRY_ARN = "arn:aws:agent-registry:us-east-1:123456789012:registry/AbCdEf12345678";
const JWT = { type: "CUSTOM_JWT" as const, discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["registry-readers"] };

const registryStack = (args: AgentRegistryArgs) => record(() => new AgentRegistry("org-registry", args), args.environment);

describe("AgentRegistry (issue 24 item 1)", () => {
    it("approval per profile: dev auto-approves (and carries the pack exemption with its reason), staging and prod need a curator", async () => {
        const approvals: Record<string, unknown> = {};
        for (const environment of ["dev", "staging", "prod"] as const) {
            const reg = await registryStack({ environment });
            const registry = reg.one(REGISTRY);
            approvals[environment] = registry.inputs.approvalConfiguration;
            assert.equal(registry.inputs.tags["agentcore-policy-exempt"], environment === "dev" ? "agentcore-registry-approval" : undefined, `${environment} exemption tag`);
        }
        assert.deepEqual(approvals, { dev: { autoApprovalRules: ["APPROVE_ALL"] }, staging: undefined, prod: undefined });
    });

    it("prod is protected and retained, with its key; dev is not", async () => {
        const prod = await registryStack({ environment: "prod" });
        assert.equal(prod.one(REGISTRY).options.protect, true, "prod registry protected");
        assert.equal(prod.one(REGISTRY).options.retainOnDelete, true, "prod registry retained");
        assert.equal(prod.one("aws:kms/key:Key").options.protect, true, "prod key protected");
        const dev = await registryStack({ environment: "dev" });
        assert.equal(dev.one(REGISTRY).options.protect, false, "dev registry not protected");
    });

    it("IAM authorizer by default; a JWT authorizer with its clients; a customer-managed key in every profile", async () => {
        const iam = (await registryStack({ environment: "prod" })).one(REGISTRY);
        assert.deepEqual(iam.inputs.discoveryConfiguration, { authorizerType: "AWS_IAM" });
        const reg = await registryStack({ environment: "prod", authorizer: JWT });
        const jwt = reg.one(REGISTRY);
        assert.deepEqual(jwt.inputs.discoveryConfiguration, {
            authorizerType: "CUSTOM_JWT",
            authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: JWT.discoveryUrl, allowedClients: ["registry-readers"] } },
        });
        assert.equal(jwt.inputs.encryptionConfiguration.kmsKeyArn, reg.one("aws:kms/key:Key").outputs.arn, "the created key");
    });

    it("replace-safe name: a change that replaces the registry (the authorizer) gives a new name; approval does not", async () => {
        const base = (await registryStack({ environment: "dev" })).one(REGISTRY).inputs.name as string;
        const jwt = (await registryStack({ environment: "dev", authorizer: JWT })).one(REGISTRY).inputs.name as string;
        const manual = (await registryStack({ environment: "dev", approval: "manual" })).one(REGISTRY).inputs.name as string;
        assert.match(base, /^org-registry-[0-9a-f]{6}$/);
        assert.notEqual(jwt, base, "authorizer change -> new name");
        assert.equal(manual, base, "approval updates in place -> same name");
    });

    it("validation names the field, the value and the rule", () => {
        const problems = problemsOf(
            () =>
                new AgentRegistry("r", {
                    environment: "prod",
                    approval: "auto",
                    registryName: "-bad name",
                    authorizer: { type: "CUSTOM_JWT", discoveryUrl: "http://idp" },
                    encryptionKey: { arn: "alias/registry" },
                    colour: "blue",
                } as AgentRegistryArgs),
        );
        assert.deepEqual(problems, [
            'colour "blue" is not a field (known: approval, authorizer, description, encryptionKey, environment, protectFromDeletion, registryName, tags)',
            'approval "auto" must be "manual" in prod: records agents discover and call are reviewed by a curator before they are published (auto-approval is for dev only)',
            'registryName "-bad name" must match [a-zA-Z0-9][a-zA-Z0-9_\\-./]{0,63} (CreateRegistry name)',
            'authorizer "CUSTOM_JWT" must name allowedAudiences or allowedClients: a registry accepting any token of its issuer lets anyone with an account there search it (registry.go custom_jwt_authorizer AtLeastOneOfChildren(allowed_audience, allowed_clients))',
            'authorizer.discoveryUrl "http://idp" must be an https OIDC discovery URL ending in /.well-known/openid-configuration',
            'encryptionKey.arn "alias/registry" must be a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<uuid> (EncryptionConfiguration.kmsKeyArn; not an alias)',
        ]);
    });

    it("never the deprecated aws.bedrock.AgentcoreRegistry", async () => {
        const reg = await registryStack({ environment: "prod" });
        assert.deepEqual(reg.ofType("aws:bedrock/agentcoreRegistry:AgentcoreRegistry"), []);
    });
});

describe("AgentPlatform registry section (issue 24 item 1)", () => {
    it("creates the registry and exports its ARN for team stacks", async () => {
        let platform: AgentPlatform | undefined;
        const reg = await record(() => (platform = new AgentPlatform("platform", { registry: { environment: "prod", authorizer: JWT } })), "prod", "platform");
        const registry = reg.one(REGISTRY);
        assert.equal(registry.name, "platform-registry");
        const outputs = await valueOf(platform!.outputs);
        assert.equal(outputs.registryArn, registry.outputs.registryArn);
    });

    it("names the registry section in its problems", () => {
        assert.deepEqual(problemsOf(() => new AgentPlatform("platform", { registry: { environment: "staging", approval: "auto" } })), [
            'registry.approval "auto" must be "manual" in staging: records agents discover and call are reviewed by a curator before they are published (auto-approval is for dev only)',
        ]);
    });

    it("creates no registry without the section", async () => {
        const reg = await record(() => new AgentPlatform("platform", {}), "prod", "platform");
        assert.deepEqual(reg.ofType(REGISTRY), []);
    });
});

// The provider's block shape (properties as a list of { name, type, required }), with a required nested property.
const TOOL = {
    name: "lookup_order",
    description: "Looks up an order",
    inputSchema: {
        type: "object",
        properties: [
            { name: "orderId", type: "string", required: true },
            { name: "filter", type: "object", properties: [{ name: "status", type: "string", required: true }, { name: "since", type: "string" }] },
            { name: "lines", type: "array", items: { type: "object", properties: [{ name: "sku", type: "string", required: true }] } },
        ],
    },
};
/** TOOL's input schema as JSON Schema (MCP Tool.inputSchema): properties a map by name, required a list of names. */
const TOOL_JSON_SCHEMA = {
    type: "object",
    properties: {
        orderId: { type: "string" },
        filter: { type: "object", properties: { status: { type: "string" }, since: { type: "string" } }, required: ["status"] },
        lines: { type: "array", items: { type: "object", properties: { sku: { type: "string" } }, required: ["sku"] } },
    },
    required: ["orderId"],
};
const env = (extra: Partial<AgentEnvironmentArgs>): AgentEnvironmentArgs => ({ environment: "dev", image: IMAGE, models: ["amazon.nova-lite-v1:0"], ...extra });
const envStack = (extra: Partial<AgentEnvironmentArgs>) => record(() => new AgentEnvironment("orders", env(extra)), "dev");
const dataOf = (r: Registrations, part: string) => r.one(RECORD, `orders-publication-${part}`).inputs.descriptors;

describe("AgentEnvironment publish section (issue 24 item 1)", () => {
    it("an A2A agent publishes an A2A agent card (record type AGENT) with its invocation URL and skills", async () => {
        const skills = [{ id: "orders", name: "Orders", description: "Answers questions about orders" }];
        const reg = await envStack({ protocol: "A2A", publish: { registry: REGISTRY_ARN, skills, description: "Order assistant" } });
        const rec = reg.one(RECORD, "orders-publication-agent");
        assert.equal(rec.inputs.recordType, "AGENT");
        assert.equal(rec.inputs.registryId, REGISTRY_ARN);
        assert.match(rec.inputs.name, /^orders-agent-[0-9a-f]{6}$/);
        const card = JSON.parse(dataOf(reg, "agent").a2aAgentCard.data);
        const runtimeArn = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime").outputs.agentRuntimeArn;
        assert.deepEqual(card, {
            name: "orders",
            description: "Order assistant",
            version: "1",
            protocolVersion: "0.3.0",
            url: `https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/${encodeURIComponent(runtimeArn)}/invocations?qualifier=DEFAULT`,
            preferredTransport: "JSONRPC",
            capabilities: {},
            defaultInputModes: ["text/plain"],
            defaultOutputModes: ["text/plain"],
            // issue 24 red-team item 4: A2A AgentSkill requires tags: a skill given without them gets [].
            skills: skills.map((skill) => ({ ...skill, tags: [] })),
        });
        assert.equal(dataOf(reg, "agent").a2aAgentCard.dataSchemaVersion, "0.3", "issue 24 red-team item 4: descriptor schema version 0.3, not 0.3.0");
        assert.deepEqual(reg.ofType(RECORD).map((r) => r.name), ["orders-publication-agent"], "no gateway, no gateway record");
    });

    it("an HTTP agent is a CUSTOM record; its gateway is an MCP server with the Lambda targets' tools", async () => {
        const reg = await envStack({
            gateway: { targets: [{ name: "orders", type: "lambda", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:orders", tools: [TOOL] }] },
            publish: { registry: REGISTRY_ARN },
        });
        assert.equal(reg.one(RECORD, "orders-publication-agent").inputs.recordType, "CUSTOM");
        const custom = JSON.parse(dataOf(reg, "agent").custom.data);
        assert.equal(custom.protocol, "HTTP");
        const gateway = reg.one(RECORD, "orders-publication-gateway");
        assert.equal(gateway.inputs.recordType, "MCP");
        const server = JSON.parse(gateway.inputs.descriptors.mcpServer.data);
        assert.deepEqual(server.remotes, [{ type: "streamable-http", url: reg.one("aws:bedrock/agentcoreGateway:AgentcoreGateway").outputs.gatewayUrl }]);
        // issue 24 red-team item 3: tools are published with JSON Schema input schemas, not the provider's block shape.
        assert.deepEqual(JSON.parse(gateway.inputs.descriptors.mcpServer.additionalData.tools.data), { tools: [{ name: TOOL.name, description: TOOL.description, inputSchema: TOOL_JSON_SCHEMA }] });
        // issue 24 red-team item 2: server.json name is <namespace>/<name> (MCP registry server.schema.json), description at most 100 characters.
        assert.match(server.name, /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/, "server.json name pattern");
        assert.equal(server.name, `agentcore/${gateway.inputs.name}`);
        assert.ok(server.description.length <= 100, `server.json description at most 100 characters: ${server.description.length}`);
    });

    it("an MCP agent is an MCP record", async () => {
        const reg = await envStack({ protocol: "MCP", publish: { registry: REGISTRY_ARN } });
        assert.equal(reg.one(RECORD).inputs.recordType, "MCP");
        assert.ok("mcpServer" in reg.one(RECORD).inputs.descriptors, "mcpServer descriptor");
    });

    it("replace-safe record names: a new record type (protocol change) gives a new name", async () => {
        const http = (await envStack({ publish: { registry: REGISTRY_ARN } })).one(RECORD).inputs.name;
        const a2a = (await envStack({ protocol: "A2A", publish: { registry: REGISTRY_ARN } })).one(RECORD).inputs.name;
        assert.notEqual(http, a2a);
    });

    it("issue 24 red-team item 2: an MCP agent's server.json has a <namespace>/<name> name and a description cut to 100 characters", async () => {
        const long = "An order assistant that answers every question a customer may have about orders, shipments and refunds.";
        const reg = await envStack({ protocol: "MCP", publish: { registry: REGISTRY_ARN, description: long } });
        const rec = reg.one(RECORD);
        const server = JSON.parse(rec.inputs.descriptors.mcpServer.data);
        assert.equal(server.name, `agentcore/${rec.inputs.name}`);
        assert.match(server.name, /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/, "server.json name pattern");
        assert.equal(server.description.length, 100, "server.json description capped");
        assert.equal(rec.inputs.description, long, "the record's own description keeps the full text");
    });

    it("issue 24 red-team item 7: two stacks publishing the same component to one registry get different record names", async () => {
        const one = (await record(() => new AgentEnvironment("orders", env({ publish: { registry: REGISTRY_ARN } })), "dev", "team-a")).one(RECORD).inputs.name;
        const two = (await record(() => new AgentEnvironment("orders", env({ publish: { registry: REGISTRY_ARN } })), "dev", "team-b")).one(RECORD).inputs.name;
        const three = (await record(() => new AgentEnvironment("orders", env({ publish: { registry: REGISTRY_ARN } })), "staging", "team-a")).one(RECORD).inputs.name;
        assert.equal(new Set([one, two, three]).size, 3, `names ${one}, ${two}, ${three}`);
    });

    it("issue 24 red-team item 8: publish.version is RegistryRecordVersion ([a-zA-Z0-9.-]{1,255})", async () => {
        const bad = (version: string) => problemsOf(() => new AgentEnvironment("orders", env({ publish: { registry: REGISTRY_ARN, version } })));
        const rule = "must be 1-255 letters, digits, dots and hyphens (RegistryRecordVersion [a-zA-Z0-9.-]+)";
        assert.deepEqual(bad("1.0_beta"), [`publish.version "1.0_beta" ${rule}`]);
        assert.deepEqual(bad("1.0+build"), [`publish.version "1.0+build" ${rule}`]);
        assert.equal(bad("9".repeat(256)).length, 1, "256 characters refused");
        const ok = "1.0.0-rc." + "9".repeat(100);
        assert.equal((await envStack({ publish: { registry: REGISTRY_ARN, version: ok } })).one(RECORD).inputs.recordVersion, ok);
    });

    it("issue 24 red-team item 1: each record is submitted for approval by a node command once it is written", async () => {
        let environment: AgentEnvironment | undefined;
        const reg = await record(
            () =>
                (environment = new AgentEnvironment(
                    "orders",
                    env({ gateway: { targets: [{ name: "orders", type: "lambda", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:orders", tools: [TOOL] }] }, publish: { registry: REGISTRY_ARN } }),
                )),
            "dev",
        );
        const publication = reg.one("agentcore:index:RegistryPublication").urn;
        assert.deepEqual(reg.ofType(COMMAND).filter((c) => c.parent === publication).map((c) => c.name).sort(), ["orders-publication-agent-submit", "orders-publication-gateway-submit"]);
        for (const part of ["agent", "gateway"]) {
            const rec = reg.one(RECORD, `orders-publication-${part}`);
            const submit = reg.one(COMMAND, `orders-publication-${part}-submit`);
            assert.deepEqual(submit.inputs.interpreter, ["node"]);
            assert.equal(submit.inputs.create, path.relative(process.cwd(), SUBMIT_SCRIPT));
            assert.equal(path.basename(SUBMIT_SCRIPT), "submit.mjs");
            // Ids and region from the record's ARN (arn:aws:agent-registry:<region>:<account>:registry/<id>/record/<id>): no secrets.
            assert.deepEqual(submit.inputs.environment, { REGISTRY_ID: "AbCdEf12345678", REGISTRY_RECORD_ID: rec.outputs.recordId, REGISTRY_RECORD_VERSION: "1", AWS_REGION: "us-east-1" });
            assert.equal(submit.inputs.addPreviousOutputInEnv, false);
            assert.deepEqual(submit.secretInputs, []);
            assert.equal(submit.inputs.triggers.length, 2);
            assert.equal(submit.inputs.triggers[0], rec.outputs.recordId, "a replaced record (new id) is submitted again");
            assert.match(submit.inputs.triggers[1], /^[0-9a-f]{64}$/, "hash of what the record writes");
            assert.ok(submit.options.dependsOn.includes(rec.urn), `runs after the record is written: ${submit.options.dependsOn.join(", ")}`);
            assert.equal(submit.parent, publication);
        }
        assert.deepEqual(Object.keys(environment!.publication!.submissions).sort(), ["agent", "gateway"]);
        assert.deepEqual(await valueOf(environment!.publication!.recordStatuses), { agent: "DRAFT", gateway: "DRAFT" }, "as CloudFormation left them, before the submission");
    });

    it("issue 24 red-team item 1: an edited record (new DRAFT revision) is submitted again; a tag change is not an edit", async () => {
        const triggers = async (publish: Partial<AgentEnvironmentArgs["publish"]>, tags?: Record<string, string>) =>
            (await envStack({ publish: { registry: REGISTRY_ARN, ...publish }, ...(tags ? { tags } : {}) })).one(COMMAND).inputs.triggers;
        const base = await triggers({});
        assert.deepEqual(await triggers({}), base, "same record, same triggers: no rerun");
        assert.notDeepEqual((await triggers({ version: "2" }))[1], base[1], "a new version is a new revision");
        assert.notDeepEqual((await triggers({ description: "Order assistant" }))[1], base[1], "a new description is a new revision");
        assert.deepEqual(await triggers({}, { team: "orders" }), base, "tags are not an edit");
    });

    it("issue 24 red-team item 1: publish.submit false keeps the records in DRAFT (no command); a non-boolean is refused", async () => {
        const reg = await envStack({ publish: { registry: REGISTRY_ARN, submit: false } });
        assert.equal(reg.ofType(RECORD).length, 1);
        assert.deepEqual(reg.ofType(COMMAND), [], "no command at all in this stack");
        assert.deepEqual(problemsOf(() => new AgentEnvironment("orders", env({ publish: { registry: REGISTRY_ARN, submit: "yes" as any } }))), [
            'publish.submit "yes" must be true (submit the records for approval after each change) or false (leave them in DRAFT)',
        ]);
    });

    it("validation names the field, the value and the rule", () => {
        const problems = problemsOf(
            () =>
                new AgentEnvironment(
                    "orders",
                    env({ publish: { registry: "my-registry", gateway: true, skills: [{ id: "a", name: "", description: "d" }], colour: "x" } as any }),
                ),
        );
        assert.deepEqual(problems, [
            'publish.colour "x" is not a field of publish (known: agent, description, gateway, registry, skills, submit, version)',
            'publish.registry "my-registry" must be a registry id ([a-zA-Z0-9]{12,16}) or ARN (arn:<partition>:agent-registry:<region>:<account>:registry/<id>)',
            "publish.gateway true needs a gateway section: there is no gateway to publish",
            'publish.skills "1 skills" are listed on an A2A agent card only; protocol is HTTP',
            'publish.skills[0].name "" is required (A2A AgentSkill)',
        ]);
    });

    it("@pulumi/aws-native is loaded only when publish is on, through the optional loader", async () => {
        const loaded: string[] = [];
        const previous = setOptionalLoaderForTests((name) => {
            loaded.push(name);
            return require(name);
        });
        try {
            await envStack({});
            assert.deepEqual(loaded, [], "publish off: nothing loaded");
            await envStack({ publish: { registry: REGISTRY_ARN } });
            assert.deepEqual(loaded, ["@pulumi/aws-native/agentregistry"], "publish on: the agentregistry module");
        } finally {
            setOptionalLoaderForTests(previous);
        }
    });

    it("a team environment publishes to its platform's registry", async () => {
        let platform: AgentPlatform | undefined;
        await record(() => (platform = new AgentPlatform("platform", { registry: { environment: "prod" } })), "prod", "platform");
        const outputs: PlatformOutputs = await valueOf(platform!.outputs);
        const reg = await record(
            () => new AgentEnvironment("team", { environment: "prod", platform: outputs, image: IMAGE, runtimeVersion: "1", publish: { registry: outputs.registryArn! } }),
            "prod",
        );
        assert.equal(reg.one(RECORD).inputs.registryId, outputs.registryArn);
    });
});
