import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { AgentEnvironment, AgentRuntime } from "../../sdk";
import { RUNTIME_CONTRACT } from "../../sdk/runtime/contract";
import { Registrations, record } from "../harness";
import { RenderedAccess, endpointPoliciesOf, evaluate, renderedRole, unexercised, violations } from "./simulate";

const DIGEST = `sha256:${"a".repeat(64)}`;
const MODEL = "amazon.nova-lite-v1:0";
const PROFILE = "us.anthropic.claude-sonnet-4-20250514-v1:0";
const PROFILE_MODEL = "anthropic.claude-sonnet-4-20250514-v1:0";
const IMAGE_URI = `123456789012.dkr.ecr.us-east-1.amazonaws.com/support@${DIGEST}`;
const REPOSITORY_ARN = "arn:aws:ecr:us-east-1:123456789012:repository/support";

const call = (id: string) => [...RUNTIME_CONTRACT.allowed, ...RUNTIME_CONTRACT.denied].find((c) => c.id === id)!;

/** The bindings every runtime shape has. */
function runtimeBindings(reg: Registrations, roleArn: string): Record<string, string> {
    const runtime = reg.one("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime");
    return {
        runtimeName: runtime.inputs.agentRuntimeName,
        runtimeId: runtime.id!,
        runtimeRoleArn: roleArn,
        repositoryArn: REPOSITORY_ARN,
        model: MODEL,
        profile: PROFILE,
        profileModel: PROFILE_MODEL,
    };
}

/** Renders the runtime of an environment with memory, gateway, tools and a credential provider, in a profile's shape. */
async function runtimeShape(environment: "dev" | "staging" | "prod"): Promise<RenderedAccess> {
    const reg = await record(
        () =>
            new AgentEnvironment("support", {
                environment,
                image: { imageUri: IMAGE_URI },
                models: [MODEL, PROFILE],
                memory: {},
                codeInterpreter: {},
                browser: environment === "dev" ? { networkMode: "PUBLIC" } : {},
                identity: { apiKeys: { search: { apiKey: pulumi.secret("search-key-0123456789") } }, agentProviders: ["search"] },
                gateway: { targets: [] },
                ...(environment === "dev" ? {} : { runtimeVersion: "1" }),
            }),
        environment,
    );
    const role = renderedRole(reg, "support-role");
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: {
            ...runtimeBindings(reg, role.arn),
            memoryArn: reg.one("aws:bedrock/agentcoreMemory:AgentcoreMemory").outputs.arn,
            gatewayArn: reg.one("aws:bedrock/agentcoreGateway:AgentcoreGateway").outputs.gatewayArn,
            codeInterpreterArn: reg.one("aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter").outputs.codeInterpreterArn,
            browserArn: reg.one("aws:bedrock/agentcoreBrowser:AgentcoreBrowser").outputs.browserArn,
            apiKeyProviderArn: reg.one("aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider").outputs.credentialProviderArn,
        },
        roles: { runtime: role },
        resourcePolicies: {},
        endpointPolicies: endpointPoliciesOf(reg, "us-east-1"),
        features: new Set(["environment", "memory", "gateway", "tools", "identity", ...(environment === "dev" ? [] : ["vpc"])]),
    };
}

/** A runtime on its own that opts in to workload tokens for asserted user ids. */
async function userIdTokenShape(): Promise<RenderedAccess> {
    const reg = await record(() => new AgentRuntime("support", { image: { imageUri: IMAGE_URI, repositoryArn: REPOSITORY_ARN }, models: [MODEL, PROFILE], allowWorkloadTokenForUserId: true }));
    const role = renderedRole(reg, "support-role");
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: runtimeBindings(reg, role.arn),
        roles: { runtime: role },
        resourcePolicies: {},
        endpointPolicies: {},
        features: new Set(["user-id-tokens"]),
    };
}

describe("access contract: AgentRuntime", () => {
    const shapes: Record<string, RenderedAccess> = {};
    before(async () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            shapes[env] = await runtimeShape(env);
        }
        shapes["user-id-tokens"] = await userIdTokenShape();
    });

    for (const shape of ["dev", "staging", "prod", "user-id-tokens"]) {
        it(`every allowed call is allowed and every denied call denied (${shape})`, async () => {
            assert.deepEqual(await violations(RUNTIME_CONTRACT, shapes[shape]), []);
        });
    }

    it("VPC shapes evaluate the endpoint policies of every service the runtime calls", () => {
        for (const env of ["staging", "prod"]) {
            assert.deepEqual(
                ["bedrock-agentcore", "bedrock-runtime", "ecr.api", "ecr.dkr", "logs", "monitoring", "xray"].filter((s) => shapes[env].endpointPolicies[s] === undefined),
                [],
                env,
            );
        }
    });

    it("every row applies in at least one shape", () => {
        assert.deepEqual(unexercised(RUNTIME_CONTRACT, Object.values(shapes)), []);
    });

    it("the evaluator can fail: a role without the pull statement is denied the pull", async () => {
        const stripped = { ...shapes.dev, roles: { runtime: { ...shapes.dev.roles.runtime, policies: [] } } };
        assert.equal((await evaluate(call("pull-image"), "Allowed", stripped)).decision, "ImplicitlyDenied");
    });

    it("the evaluator can fail: the `<name>-*` trust this package used to render lets `<name>-admin` assume the role", async () => {
        const runtimeRole = shapes.dev.roles.runtime;
        const oldTrust = JSON.parse(JSON.stringify(runtimeRole.trust).replace("support-??????????", "support-*"));
        const widened = { ...shapes.dev, roles: { runtime: { ...runtimeRole, trust: oldTrust } } };
        assert.equal((await evaluate(call("assume-role-for-name-prefix"), "Denied", widened)).decision, "Allowed");
        assert.equal((await evaluate(call("assume-role-for-name-prefix"), "Denied", shapes.dev)).decision, "ImplicitlyDenied");
    });

    it("the evaluator can fail: a profile granted without its foundation models is refused in the destination Region", async () => {
        const runtimeRole = shapes.dev.roles.runtime;
        const profileOnly = runtimeRole.policies.map((p) =>
            p.name !== "runtime-baseline"
                ? p
                : {
                      ...p,
                      policy: {
                          ...p.policy,
                          Statement: p.policy.Statement.map((s: any) => (s.Sid === "InvokeAllowedModels" ? { ...s, Resource: s.Resource.filter((r: string) => !r.includes(PROFILE_MODEL) || r.includes("inference-profile")) } : s)),
                      },
                  },
        );
        const narrowed = { ...shapes.dev, roles: { runtime: { ...runtimeRole, policies: profileOnly } } };
        assert.equal((await evaluate(call("invoke-profile"), "Allowed", narrowed)).decision, "Allowed");
        assert.equal((await evaluate(call("invoke-profile-model-us-west-2"), "Allowed", narrowed)).decision, "ImplicitlyDenied");
    });
});

describe("access contract evaluation: VPC endpoint policies take part", () => {
    it("an endpoint policy that allows nothing denies a call the role allows", async () => {
        const shape = await runtimeShape("staging");
        assert.equal((await evaluate(call("pull-image"), "Allowed", shape)).decision, "Allowed");
        const closed = { ...shape, endpointPolicies: { ...shape.endpointPolicies, "ecr.dkr": { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] } } };
        assert.equal((await evaluate(call("pull-image"), "Allowed", closed)).decision, "ImplicitlyDenied");
    });
});
