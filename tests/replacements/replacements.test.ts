import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, AgentGateway, AgentIdentity, AgentMemory, AgentObservability, Browser, BrowserArgs, CodeInterpreter, CodeInterpreterArgs, OAuth2CredentialProvider } from "../../sdk";
import { GATEWAY_NAME_RULE, SANDBOX_NAME_RULE, replaceSafeName, replacementSuffix } from "../../sdk/common/naming";
import { RecordedResource } from "../../plan/mocks";
import { Registrations, record } from "../harness";
import { everything } from "../crosscheck/stacks";

// One test per replacement hazard (docs/replacements.md): recorded physical names
// (inputs) and resource options (protect, retainOnDelete, deleteBeforeReplace).

const BROWSER = "aws:bedrock/agentcoreBrowser:AgentcoreBrowser";
const INTERPRETER = "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter";
const MEMORY = "aws:bedrock/agentcoreMemory:AgentcoreMemory";
const STRATEGY = "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy";
const GATEWAY = "aws:bedrock/agentcoreGateway:AgentcoreGateway";
const TARGET = "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget";
const OAUTH2 = "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider";
const API_KEY = "aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider";
const WORKLOAD = "aws:bedrock/agentcoreWorkloadIdentity:AgentcoreWorkloadIdentity";
const KEY = "aws:kms/key:Key";
const RUNTIME_TYPE = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const BUCKET = "aws:s3/bucket:Bucket";
const FN = "arn:aws:lambda:us-east-1:123456789012:function:order-lookup";
const TOOL = { name: "lookup_order", description: "Find an order", inputSchema: { type: "object" as const } };
const RUNTIME = { runtimeName: "support", runtimeArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support-abcdefghij", endpointName: "DEFAULT" };
const VPC = { subnetIds: ["subnet-0123456789abcdef1"], securityGroupIds: ["sg-0123456789abcdef0"] };
const SANDBOX_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/;
const GATEWAY_NAME = /^([0-9a-zA-Z][-]?){1,48}$/;

type Options = RecordedResource["options"];
const options = (r: RecordedResource): Pick<Options, "protect" | "retainOnDelete" | "deleteBeforeReplace"> => ({
    protect: r.options.protect,
    retainOnDelete: r.options.retainOnDelete,
    deleteBeforeReplace: r.options.deleteBeforeReplace,
});

async function browserName(args: BrowserArgs): Promise<string> {
    return (await record(() => new Browser("reader-browser", args))).one(BROWSER).inputs.name;
}

async function interpreterName(args: CodeInterpreterArgs): Promise<string> {
    return (await record(() => new CodeInterpreter("analyst-ci", args))).one(INTERPRETER).inputs.name;
}

describe("Replacements: names that coexist during create-before-delete", () => {
    it("replaceSafeName: same values give the same name, any change a new one, key order does not matter", () => {
        assert.equal(replaceSafeName("reader_browser", SANDBOX_NAME_RULE, { a: 1, b: "x" }), `reader_browser_${replacementSuffix({ b: "x", a: 1 })}`);
        assert.equal(replacementSuffix({ a: 1, b: "x" }), replacementSuffix({ b: "x", a: 1, c: undefined }));
        assert.notEqual(replacementSuffix({ a: 1, b: "x" }), replacementSuffix({ a: 1, b: "y" }));
        assert.match(replacementSuffix({}), /^[0-9a-f]{6}$/);
    });

    it("replaceSafeName fits the API shapes: a 48-character base is cut to 41, trailing separators dropped", () => {
        const sandbox = replaceSafeName("a".repeat(48), SANDBOX_NAME_RULE, {});
        assert.equal(sandbox, `${"a".repeat(41)}_${replacementSuffix({})}`);
        assert.equal(sandbox.length, 48);
        assert.match(sandbox, SANDBOX_NAME);
        assert.equal(replaceSafeName(`${"a".repeat(40)}_x`, SANDBOX_NAME_RULE, {}), `${"a".repeat(40)}_${replacementSuffix({})}`);
        const gateway = replaceSafeName(`${"g".repeat(40)}-h-more`, GATEWAY_NAME_RULE, {});
        assert.equal(gateway, `${"g".repeat(40)}-${replacementSuffix({})}`);
        assert.match(gateway, GATEWAY_NAME);
    });

    it("Browser: changing the recording config (prefix, on/off), the description or the network changes its physical name", async () => {
        const base = await browserName({ network: { mode: "PUBLIC" }, recording: { prefix: "sessions" } });
        const names = [
            base,
            await browserName({ network: { mode: "PUBLIC" }, recording: { prefix: "sessions/v2" } }),
            await browserName({ network: { mode: "PUBLIC" } }),
            await browserName({ network: { mode: "PUBLIC" }, recording: { prefix: "sessions" }, description: "Reads the web" }),
            await browserName({ network: { mode: "VPC", vpc: VPC }, recording: { prefix: "sessions" } }),
        ];
        assert.equal(new Set(names).size, names.length, `names must all differ: ${names.join(", ")}`);
        for (const name of names) {
            assert.match(name, /^reader_browser_[0-9a-f]{6}$/);
        }
        assert.equal(await browserName({ network: { mode: "PUBLIC" }, recording: { prefix: "sessions" } }), base, "same arguments, same name");
        // Tags and retention are updated in place: they must not rename (and so replace) the browser.
        assert.equal(await browserName({ network: { mode: "PUBLIC" }, recording: { prefix: "sessions", retentionDays: 90 }, tags: { team: "web" } }), base);
    });

    it("Browser: a derived name is created before the old one is deleted; an explicit name is kept and deleted first", async () => {
        const derived = await record(() => new Browser("reader-browser", { network: { mode: "PUBLIC" } }));
        assert.deepEqual(options(derived.one(BROWSER)), { protect: false, retainOnDelete: false, deleteBeforeReplace: false });
        const explicit = await record(() => new Browser("reader-browser", { name: "reader", network: { mode: "PUBLIC" } }));
        assert.equal(explicit.one(BROWSER).inputs.name, "reader");
        assert.deepEqual(options(explicit.one(BROWSER)), { protect: false, retainOnDelete: false, deleteBeforeReplace: true });
    });

    it("Browser: the execution role's trust names the suffixed browser name", async () => {
        const reg = await record(() => new Browser("reader-browser", { network: { mode: "PUBLIC" }, recording: {} }));
        const name = reg.one(BROWSER).inputs.name;
        const trust = JSON.parse(reg.one("aws:iam/role:Role").inputs.assumeRolePolicy);
        assert.equal(trust.Statement[0].Condition.ArnLike["aws:SourceArn"], `arn:aws:bedrock-agentcore:us-east-1:123456789012:browser-custom/${name}-??????????`);
    });

    it("CodeInterpreter: adding data buckets (the execution role), the network or the description changes its name; changing the buckets does not", async () => {
        const sandbox = await interpreterName({});
        const withRole = await interpreterName({ dataBuckets: ["sales-data"] });
        const names = [sandbox, withRole, await interpreterName({ network: { mode: "PUBLIC" } }), await interpreterName({ description: "Data analysis" })];
        assert.equal(new Set(names).size, names.length, `names must all differ: ${names.join(", ")}`);
        // Other buckets only change the role's policy (in place): same interpreter.
        assert.equal(await interpreterName({ dataBuckets: ["sales-data", "finance-exports"] }), withRole);
        const explicit = await record(() => new CodeInterpreter("analyst-ci", { name: "analyst" }));
        assert.equal(explicit.one(INTERPRETER).inputs.name, "analyst");
        assert.equal(explicit.one(INTERPRETER).options.deleteBeforeReplace, true);
        const derived = await record(() => new CodeInterpreter("analyst-ci", {}));
        assert.equal(derived.one(INTERPRETER).options.deleteBeforeReplace, false);
    });

    it("Gateway: changing semantic search or the authorizer type changes its physical name, the log group keeps its name", async () => {
        const gateway = async (semanticSearch: boolean, auth: "AWS_IAM" | "NONE") =>
            record(() => {
                const gw = new AgentGateway("tools", { semanticSearch, inboundAuth: auth === "NONE" ? { type: "NONE", acknowledgeUnauthenticated: true } : { type: "AWS_IAM" } });
                new AgentObservability("obs", { runtime: RUNTIME, resources: [{ kind: "gateway", name: gw.baseName, arn: gw.gatewayArn }], traces: false });
            });
        const plain = await gateway(false, "AWS_IAM");
        const semantic = await gateway(true, "AWS_IAM");
        const open = await gateway(false, "NONE");
        const names = [plain, semantic, open].map((reg) => reg.one(GATEWAY).inputs.name as string);
        assert.equal(new Set(names).size, 3, `names must all differ: ${names.join(", ")}`);
        names.forEach((name) => assert.match(name, /^tools-[0-9a-f]{6}$/));
        // Logs of the replaced and the new gateway land in the same group.
        assert.deepEqual(
            [plain, semantic].map((reg) => reg.ofType(LOG_GROUP).filter((g) => g.name.includes("-tools-"))[0].inputs.name),
            ["/aws/vendedlogs/bedrock-agentcore/gateway/APPLICATION_LOGS/tools", "/aws/vendedlogs/bedrock-agentcore/gateway/APPLICATION_LOGS/tools"],
        );
        assert.equal(plain.one(GATEWAY).options.deleteBeforeReplace, false);
    });

    it("Gateway: an explicit name is kept and the old gateway deleted first; targets (names agents see) are deleted first", async () => {
        const reg = await record(() => new AgentGateway("tools", { gatewayName: "tools", semanticSearch: true, targets: [{ type: "lambda", name: "orders", functionArn: FN, tools: [TOOL] }] }));
        assert.equal(reg.one(GATEWAY).inputs.name, "tools");
        assert.equal(reg.one(GATEWAY).options.deleteBeforeReplace, true);
        assert.deepEqual(options(reg.one(TARGET)), { protect: false, retainOnDelete: false, deleteBeforeReplace: true });
    });
});

describe("Replacements: stable names deleted before they are replaced", () => {
    it("Memory: a new key replaces it under the same name, so it is deleted first; so are strategies (type change)", async () => {
        const reg = await record(() => new AgentMemory("support", { strategies: [{ type: "SEMANTIC" }] }));
        assert.equal(reg.one(MEMORY).inputs.name, "support");
        assert.deepEqual(options(reg.one(MEMORY)), { protect: false, retainOnDelete: false, deleteBeforeReplace: true });
        assert.deepEqual(options(reg.one(STRATEGY)), { protect: false, retainOnDelete: false, deleteBeforeReplace: true });
    });

    it("OAuth2 provider: a vendor change replaces it under the same name, so it is deleted first", async () => {
        const reg = await record(() => new OAuth2CredentialProvider("crm", { vendor: { type: "GithubOauth2" }, clientId: "id", clientSecret: pulumi.secret("secret-0123456789") }));
        assert.equal(reg.one(OAUTH2).inputs.name, "crm");
        assert.deepEqual(options(reg.one(OAUTH2)), { protect: false, retainOnDelete: false, deleteBeforeReplace: true });
    });

    it("LogDeliverySource (logs, usage logs and traces): same name, deleted by name, so deleted before its replacement", async () => {
        const reg = await record(() => new AgentObservability("obs", { runtime: RUNTIME, resources: [{ kind: "memory", name: "support_memory", arn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/support_memory-abcdefghij" }] }));
        const sources = reg.ofType(SOURCE);
        assert.deepEqual(
            sources.map((s) => [s.inputs.name, s.inputs.logType, s.options.deleteBeforeReplace]).sort(),
            [
                ["mem-support_memory-logs", "APPLICATION_LOGS", true],
                ["mem-support_memory-traces", "TRACES", true],
                ["rt-support-logs", "APPLICATION_LOGS", true],
                ["rt-support-traces", "TRACES", true],
                ["rt-support-usage", "USAGE_LOGS", true],
            ],
        );
    });
});

describe("Replacements: prod protects data and what pinned runtime versions name", () => {
    let prod: Registrations;
    let dev: Registrations;
    before(async () => {
        prod = await record(() => new AgentEnvironment("support-agent", everything("prod", { mode: "NEW_VPC" })));
        dev = await record(() => new AgentEnvironment("support-agent", everything("dev", { mode: "PUBLIC" })));
    });

    // Each: the resources a pinned version's AGENTCORE_* variables or grants name, or that hold data.
    const guarded: Array<[string, string, boolean]> = [
        // [what, type, retained on delete too (data)]
        ["memory", MEMORY, true],
        ["memory strategies", STRATEGY, false],
        ["gateway", GATEWAY, false],
        ["gateway targets", TARGET, false],
        ["code interpreter", INTERPRETER, false],
        ["browser", BROWSER, false],
        ["recording bucket", BUCKET, true],
        ["API-key providers", API_KEY, false],
        ["OAuth2 providers", OAUTH2, false],
        ["workload identity", WORKLOAD, false],
        ["runtime (its versions)", RUNTIME_TYPE, false],
    ];
    for (const [what, type, retained] of guarded) {
        it(`prod: ${what} protected${retained ? " and retained on delete" : ""}; dev: not`, () => {
            const inProd = prod.ofType(type);
            assert.ok(inProd.length > 0, `prod registers ${type}`);
            for (const r of inProd) {
                assert.deepEqual([r.name, r.options.protect, r.options.retainOnDelete], [r.name, true, retained]);
            }
            for (const r of dev.ofType(type)) {
                assert.deepEqual([r.name, r.options.protect, r.options.retainOnDelete], [r.name, false, false]);
            }
            assert.equal(dev.ofType(type).length, inProd.length);
        });
    }

    it("prod: every customer-managed key (memory, gateway, recordings, logs, token vault) protected and retained", () => {
        assert.deepEqual(
            prod
                .ofType(KEY)
                .map((k) => [k.name, k.options.protect, k.options.retainOnDelete])
                .sort(),
            [
                ["support-agent-browser-recordings-kms-key", true, true],
                ["support-agent-gateway-cmk-key", true, true],
                ["support-agent-identity-vault-key-cmk-key", true, true],
                ["support-agent-memory-key", true, true],
                ["support-agent-observability-key-key", true, true],
            ],
        );
    });

    it("dev: only the token vault key (account-wide, always) is protected", () => {
        assert.deepEqual(
            dev.ofType(KEY).filter((k) => k.options.protect).map((k) => k.name),
            ["support-agent-identity-vault-key-cmk-key"],
        );
    });

    it("AgentIdentity protects its providers only when asked", async () => {
        const reg = await record(() => new AgentIdentity("id", { apiKeys: { search: { apiKey: pulumi.secret("key-0123456789") } }, protectFromDeletion: true }));
        assert.equal(reg.one(API_KEY).options.protect, true);
        const unprotected = await record(() => new AgentIdentity("id", { apiKeys: { search: { apiKey: pulumi.secret("key-0123456789") } } }));
        assert.equal(unprotected.one(API_KEY).options.protect, false);
    });
});
