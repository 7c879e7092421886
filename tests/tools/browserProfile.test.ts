import { strict as assert } from "assert";
import { AgentEnvironment, Browser, InputValidationError } from "../../sdk";
import { BROWSER_PROFILE_CONTRACT } from "../../sdk/tools/contract";
import { RenderedAccess, renderedRole, unexercised, violations } from "../contracts/simulate";
import { compareSequence, changeOf } from "../lifecycle/changeSet";
import { planEnvironments } from "../lifecycle/plan";
import { parseJsonInput, problemsOf, record } from "../harness";

// issue 24 item 6: browser profiles (AgentcoreBrowserProfile) from the tools concept.

const PROFILE = "aws:bedrock/agentcoreBrowserProfile:AgentcoreBrowserProfile";
const RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/reader@sha256:${"d".repeat(64)}`;

function env(environment: "dev" | "prod", profile: Record<string, unknown> | undefined = {}) {
    return new AgentEnvironment("agent", {
        environment,
        image: { imageUri: IMAGE },
        ...(environment === "dev" ? {} : { runtimeVersion: "1" }),
        browser: { ...(environment === "dev" ? { networkMode: "PUBLIC" as const } : {}), ...(profile ? { profile } : {}) },
    });
}

async function shape(environment: "dev" | "prod", profile: Record<string, unknown>, features: string[]): Promise<RenderedAccess> {
    const reg = await record(() => env(environment, profile), environment);
    return {
        account: "123456789012",
        region: "us-east-1",
        partition: "aws",
        bindings: {
            browserArn: reg.one("aws:bedrock/agentcoreBrowser:AgentcoreBrowser").outputs.browserArn,
            profileArn: reg.one(PROFILE).outputs.profileArn,
            otherProfileArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:browser-profile/other_profile-AbCdEf1234",
        },
        roles: { runtime: renderedRole(reg, "agent-role") },
        resourcePolicies: {},
        endpointPolicies: {},
        features: new Set(features),
    };
}

describe("browser profiles (issue 24 item 6)", function () {
    this.timeout(180000);

    it("a Browser with a profile creates one AgentcoreBrowserProfile with a replace-safe name; no profile, none", async () => {
        let browser: Browser | undefined;
        const reg = await record(() => (browser = new Browser("reader-browser", { network: { mode: "PUBLIC" }, profile: { description: "Logged-in orders portal" } })));
        const p = reg.one(PROFILE, "reader-browser-profile");
        assert.match(p.inputs.name, /^reader_browser_profile_[0-9a-f]{6}$/);
        assert.equal(p.inputs.description, "Logged-in orders portal");
        const none = await record(() => new Browser("reader-browser", { network: { mode: "PUBLIC" } }));
        assert.equal(none.ofType(PROFILE).length, 0);
        assert.ok(browser, "built");
    });

    it("the runtime gets StartBrowserSession on the profile and SaveBrowserSessionProfile on the browser and the profile; AGENTCORE_BROWSER_PROFILE_ID is set", async () => {
        const reg = await record(() => env("dev"), "dev");
        const profile = reg.one(PROFILE);
        const browser = reg.one("aws:bedrock/agentcoreBrowser:AgentcoreBrowser");
        const use = parseJsonInput(reg.ofType("aws:iam/rolePolicy:RolePolicy").find((p) => p.inputs.name === "browser-use")!.inputs.policy);
        assert.deepEqual(use.Statement.slice(2), [
            { Sid: "StartSessionsWithProfile", Effect: "Allow", Action: ["bedrock-agentcore:StartBrowserSession"], Resource: [profile.outputs.profileArn] },
            { Sid: "SaveSessionsToProfile", Effect: "Allow", Action: ["bedrock-agentcore:SaveBrowserSessionProfile"], Resource: [browser.outputs.browserArn, profile.outputs.profileArn] },
        ]);
        assert.equal(reg.one(RUNTIME).inputs.environmentVariables.AGENTCORE_BROWSER_PROFILE_ID, profile.outputs.profileId);
    });

    it("prod protects and retains the profile (deleting it loses every saved login)", async () => {
        const reg = await record(() => env("prod"), "prod");
        const p = reg.one(PROFILE);
        assert.deepEqual([p.options?.protect, p.options?.retainOnDelete], [true, true]);
    });

    it("validation names the field, the value and the rule", () => {
        const problems = problemsOf(() => new Browser("b", { network: { mode: "PUBLIC" }, profile: { name: "bad-name", description: "", save: "yes", colour: 1 } as never }));
        assert.deepEqual(problems, [
            "profile.colour 1 is not a setting of profile (settings: name, description, save)",
            'profile.name "bad-name" must match [a-zA-Z][a-zA-Z0-9_]{0,47} (letters, digits and underscores; no hyphens) (bedrock-agentcore-control API model, shape BrowserProfileName)',
            'profile.description "" must have at least 1 characters (bedrock-agentcore-control API model, shape Description)',
            'profile.save "yes" must be true or false',
        ]);
    });

    it("the environment refuses AGENTCORE_BROWSER_PROFILE_ID set by hand", () => {
        assert.throws(
            () => new AgentEnvironment("agent", { environment: "dev", image: { imageUri: IMAGE }, environmentVariables: { AGENTCORE_BROWSER_PROFILE_ID: "x" }, browser: { networkMode: "PUBLIC", profile: {} } }),
            (e: unknown) => e instanceof InputValidationError && e.problems.includes("environmentVariables.AGENTCORE_BROWSER_PROFILE_ID is set by the environment from its browserProfile section; remove it"),
        );
    });

    describe("access contract: browser profile", () => {
        const shapes: Record<string, RenderedAccess> = {};
        before(async () => {
            shapes.save = await shape("dev", {}, ["profile", "save"]);
            shapes.loadOnly = await shape("prod", { save: false }, ["profile", "no-save"]);
        });
        for (const s of ["save", "loadOnly"]) {
            it(`every allowed call is allowed and every denied call denied (${s})`, async () => {
                assert.deepEqual(await violations(BROWSER_PROFILE_CONTRACT, shapes[s]), []);
            });
        }
        it("every row applies in at least one shape", () => {
            assert.deepEqual(unexercised(BROWSER_PROFILE_CONTRACT, Object.values(shapes)), []);
        });
    });

    it("change paths: a new description replaces the profile without a name collision; the runtime is updated in place", async () => {
        const states = await planEnvironments([
            { environment: "dev", image: { imageUri: IMAGE }, browser: { networkMode: "PUBLIC", profile: { description: "one" } } },
            { environment: "dev", image: { imageUri: IMAGE }, browser: { networkMode: "PUBLIC", profile: { description: "two" } } },
        ]);
        const { transitions, findings } = compareSequence(states);
        assert.equal(changeOf(transitions[0], PROFILE).kind, "replace");
        assert.equal(changeOf(transitions[0], RUNTIME).kind, "update");
        assert.deepEqual(findings, []);
    });
});
