import * as pulumi from "@pulumi/pulumi";
import type { AgentRuntimeArgs } from "./agentRuntime";
import { Problems, checkInput, checkInputList, checkShape, checkVpcIds, isKnown } from "../validation";
import { MODEL_REFERENCE } from "./models";
import { DEFAULT_IDLE_SESSION_TIMEOUT, DEFAULT_MAX_LIFETIME, InboundAuthorizer, RuntimeEndpointSpec, RuntimeLifecycle, RuntimeNetwork } from "./types";

/** Most custom endpoints one runtime may have (AgentCore quota: 10 endpoints per runtime). */
export const MAX_ENDPOINTS_PER_RUNTIME = 10;
/** The endpoint AgentCore creates itself and moves to every new version. */
export const DEFAULT_ENDPOINT = "DEFAULT";

/** The runtime arguments that are checked before anything is registered. */
export type RuntimeSettings = Pick<
    AgentRuntimeArgs,
    "protocol" | "authorizer" | "network" | "environmentVariables" | "lifecycle" | "requestHeaderAllowlist" | "description" | "endpoints" | "models" | "tags"
> & {
    /** The resolved AgentCore runtime name. */
    runtimeName: string;
    /** The image, when the caller already has its URI. */
    image?: { imageUri: pulumi.Input<string> };
    /** Argument path of the runtime name where the caller calls it otherwise (`AgentEnvironment`: "agentName"). @default "runtimeName" */
    runtimeNamePath?: string;
};

/**
 * Checks every runtime setting against the AgentCore API model and the rules it
 * cannot express, recording all problems. `prefix` is the argument path of the
 * settings object in the caller's args (e.g. "" or "runtime."). Values still
 * unknown at plan time are checked when they resolve if `component` is given
 * (see `checkWhenKnown`); the returned settings carry those checked values and
 * are what the runtime must be created from.
 */
export function checkRuntimeSettings(problems: Problems, s: RuntimeSettings, prefix = "", component?: string): RuntimeSettings {
    const at = (field: string) => `${prefix}${field}`;
    checkShape(problems, at(s.runtimeNamePath ?? "runtimeName"), s.runtimeName, "AgentRuntimeName", { hint: "(letters, digits and underscores; no hyphens)" });
    const image = s.image && { ...s.image, imageUri: checkInput(problems, component, at("image.imageUri"), s.image.imageUri, "RuntimeContainerUri") };
    checkShape(problems, at("protocol"), s.protocol, "ServerProtocol");
    checkShape(problems, at("description"), s.description, "Description");
    checkLifecycle(problems, s.lifecycle, at("lifecycle"));
    checkHeaders(problems, s, at("requestHeaderAllowlist"));
    const environmentVariables = checkEnvironment(problems, s.environmentVariables, at("environmentVariables"), component);
    const authorizer = checkAuthorizer(problems, s.authorizer, at("authorizer"), component);
    const network = checkNetwork(problems, s.network, at("network"), component);
    checkEndpoints(problems, s.endpoints, at("endpoints"));
    (s.models ?? []).forEach((model, i) => {
        if (!MODEL_REFERENCE.test(model)) {
            problems.add(at(`models[${i}]`), model, "must be a Bedrock model id (provider.model), an inference profile id (us.provider.model) or a bedrock ARN; wildcards are not accepted");
        }
    });
    checkTags(problems, s.tags, at("tags"));
    return { ...s, image, environmentVariables, authorizer, network };
}

function checkLifecycle(problems: Problems, lifecycle: RuntimeLifecycle | undefined, path: string): void {
    if (!lifecycle) {
        return;
    }
    const idle = lifecycle.idleSessionTimeoutSeconds;
    const max = lifecycle.maxLifetimeSeconds;
    checkShape(problems, `${path}.idleSessionTimeoutSeconds`, idle, "LifecycleConfigurationIdleRuntimeSessionTimeoutInteger");
    checkShape(problems, `${path}.maxLifetimeSeconds`, max, "LifecycleConfigurationMaxLifetimeInteger");
    if ((idle ?? DEFAULT_IDLE_SESSION_TIMEOUT) > (max ?? DEFAULT_MAX_LIFETIME)) {
        problems.add(
            `${path}.idleSessionTimeoutSeconds`,
            idle ?? DEFAULT_IDLE_SESSION_TIMEOUT,
            `must not exceed ${path}.maxLifetimeSeconds (${max ?? DEFAULT_MAX_LIFETIME}): a session cannot idle longer than it may live`,
        );
    }
}

function checkHeaders(problems: Problems, s: RuntimeSettings, path: string): void {
    const headers = s.requestHeaderAllowlist;
    if (headers === undefined) {
        return;
    }
    checkShape(problems, path, headers, "RequestHeaderAllowlist");
    headers.forEach((h, i) => checkShape(problems, `${path}[${i}]`, h, "HeaderName"));
    const authorization = headers.find((h) => h.toLowerCase() === "authorization");
    if (authorization && s.authorizer?.type !== "CUSTOM_JWT") {
        problems.add(path, headers, `may include "${authorization}" only with a CUSTOM_JWT authorizer: with AWS_IAM the header is stripped before it reaches the container`);
    }
}

function checkEnvironment(
    problems: Problems,
    env: Record<string, pulumi.Input<string>> | undefined,
    path: string,
    component: string | undefined,
): Record<string, pulumi.Input<string>> | undefined {
    if (!env) {
        return undefined;
    }
    checkShape(problems, path, env, "EnvironmentVariablesMap");
    return Object.fromEntries(
        Object.entries(env).map(([key, value]) => {
            checkShape(problems, `${path} key`, key, "EnvironmentVariableKey");
            return [key, checkInput(problems, component, `${path}.${key}`, value, "EnvironmentVariableValue")];
        }),
    );
}

/**
 * Checks a runtime-style inbound authorizer (AWS_IAM or CUSTOM_JWT with discovery
 * URL and audiences or clients); returns it with unknown values checked when they
 * resolve (with `component`).
 */
export function checkAuthorizer(problems: Problems, auth: InboundAuthorizer | undefined, path: string, component?: string): InboundAuthorizer | undefined {
    if (!auth || auth.type === "AWS_IAM") {
        if (auth && (auth as { type: string }).type !== "AWS_IAM") {
            problems.add(`${path}.type`, (auth as { type: string }).type, "must be AWS_IAM or CUSTOM_JWT");
        }
        return auth;
    }
    if (auth.type !== "CUSTOM_JWT") {
        problems.add(`${path}.type`, (auth as { type: string }).type, "must be AWS_IAM or CUSTOM_JWT");
        return auth;
    }
    let discoveryUrl = auth.discoveryUrl;
    if (discoveryUrl === undefined || discoveryUrl === "") {
        problems.add(`${path}.discoveryUrl`, discoveryUrl, "is required for a CUSTOM_JWT authorizer (the issuer's /.well-known/openid-configuration URL)");
    } else {
        discoveryUrl = checkInput(problems, component, `${path}.discoveryUrl`, discoveryUrl, "DiscoveryUrl");
    }
    checkShape(problems, `${path}.allowedAudiences`, auth.allowedAudiences, "AllowedAudienceList");
    checkShape(problems, `${path}.allowedClients`, auth.allowedClients, "AllowedClientsList");
    const audiences = auth.allowedAudiences ?? [];
    const clients = auth.allowedClients ?? [];
    if (audiences.length === 0 && clients.length === 0) {
        problems.add(path, "CUSTOM_JWT", "needs at least one of allowedAudiences or allowedClients, otherwise any token of the issuer is accepted (Cognito access tokens carry client_id: use allowedClients)");
    }
    return { ...auth, discoveryUrl, allowedScopes: checkScopes(problems, auth.allowedScopes, `${path}.allowedScopes`, component) };
}

/** Checks a JWT authorizer's allowed scopes (1 or more, each 1-255 printable characters); returns them checked (see {@link checkAuthorizer}). */
export function checkScopes(problems: Problems, scopes: pulumi.Input<string>[] | undefined, path: string, component?: string): pulumi.Input<string>[] | undefined {
    return scopes && (checkInputList(problems, component, path, scopes, "AllowedScopesType", "AllowedScopeType") as pulumi.Input<string>[]);
}

function checkNetwork(problems: Problems, network: RuntimeNetwork | undefined, path: string, component: string | undefined): RuntimeNetwork | undefined {
    if (!network) {
        return undefined;
    }
    checkShape(problems, `${path}.mode`, network.mode, "NetworkMode");
    if (network.mode !== "VPC") {
        return network;
    }
    return { mode: "VPC", ...checkVpcIds(problems, path, network, component) };
}

function checkEndpoints(problems: Problems, endpoints: RuntimeEndpointSpec[] | undefined, path: string): void {
    if (!endpoints) {
        return;
    }
    if (endpoints.length > MAX_ENDPOINTS_PER_RUNTIME) {
        problems.add(path, endpoints.map((e) => e.name), `must have at most ${MAX_ENDPOINTS_PER_RUNTIME} entries (AgentCore quota: endpoints per runtime)`);
    }
    const seen = new Set<string>();
    endpoints.forEach((e, i) => {
        checkShape(problems, `${path}[${i}].name`, e.name, "EndpointName");
        if (e.name === DEFAULT_ENDPOINT) {
            problems.add(`${path}[${i}].name`, e.name, "is reserved: AgentCore manages the DEFAULT endpoint itself (it always serves the newest version)");
        }
        if (seen.has(e.name)) {
            problems.add(`${path}[${i}].name`, e.name, "must be unique among the runtime's endpoints");
        }
        seen.add(e.name);
        if (e.version === undefined || e.version === "") {
            problems.add(`${path}[${i}].version`, e.version, "is required: a custom endpoint must be pinned to a reviewed runtime version, or it would never move");
        } else {
            checkShape(problems, `${path}[${i}].version`, String(e.version), "AgentRuntimeVersion");
        }
        checkShape(problems, `${path}[${i}].description`, e.description, "AgentEndpointDescription");
    });
}

/**
 * Checks, once the runtime's newest version is known, that every custom endpoint
 * names a version the runtime has: AgentCore numbers versions 1, 2, 3, … per
 * runtime, and `CreateAgentRuntimeEndpoint` with a version that does not exist
 * fails only after the provider sent it (terraform-provider-aws
 * internal/service/bedrockagentcore/agent_runtime_endpoint.go sends
 * `agent_runtime_version` as is and waits for READY). Returns, per endpoint, the
 * version to send: an Output that resolves to the pinned version once the check
 * passed and rejects with every refused endpoint at once (`<component>: …`)
 * otherwise, so no endpoint is sent. The check runs after the runtime was created
 * or updated in the same update, so pinning the version that update creates works
 * (a new stack's first deployment creates version 1).
 */
export function checkPinnedVersionsExist(
    component: string,
    runtimeName: string,
    endpoints: readonly RuntimeEndpointSpec[],
    newestVersion: pulumi.Output<string>,
): pulumi.Output<string>[] {
    const checked = evenWhenUnknown(newestVersion, (newest) => {
        if (pulumi.isUnknown(newest)) {
            // A preview of an update that creates or changes the runtime: its new version is known only
            // during `pulumi up`, where this check runs. The preview shows the pinned version as it is.
            return;
        }
        const problems = new Problems();
        endpoints.forEach((e, i) => checkVersionExists(problems, e.versionPath ?? `endpoints[${i}].version`, e.name, String(e.version), runtimeName, newest));
        problems.throwIfAny(component);
    });
    return endpoints.map((e) => checked.apply(() => String(e.version)));
}

/**
 * `output.apply(fn)`, but `fn` also runs during a preview while the value is still
 * unknown (it then receives `pulumi.unknown`), so the result stays known. This is
 * `apply`'s second parameter (`runWithUnknowns`), which @pulumi/pulumi uses itself
 * but does not declare; should a version ignore it, the result is merely unknown in
 * previews where the value is unknown (the check still runs in `pulumi up`).
 */
function evenWhenUnknown<T>(output: pulumi.Output<T>, fn: (value: T) => void): pulumi.Output<void> {
    const apply = output.apply as unknown as (fn: (value: T) => void, runWithUnknowns: boolean) => pulumi.Output<void>;
    return apply.call(output, fn, true);
}

/** Records a problem when `version` is newer than the runtime's newest version `newest`. */
export function checkVersionExists(problems: Problems, path: string, endpointName: string, version: string, runtimeName: string, newest: string): void {
    if (!/^[1-9][0-9]*$/.test(version) || !/^[1-9][0-9]*$/.test(newest) || Number(version) <= Number(newest)) {
        return;
    }
    problems.add(
        path,
        version,
        `names a version runtime ${runtimeName} does not have: its newest version is "${newest}", so endpoint "${endpointName}" was not created or moved. ` +
            `Pin a version it has (${newest === "1" ? '"1"' : `"1" to "${newest}"`}; a new stack's first deployment creates only version 1), ` +
            `then after each deployment read \`pulumi stack output latestVersion\` and pin the reviewed version (docs/promotion.md)`,
    );
}

/** Checks a tag map against the AgentCore API model (shared by every AgentCore resource). */
export function checkTags(problems: Problems, tags: Record<string, string> | undefined, path: string): void {
    if (!tags) {
        return;
    }
    checkShape(problems, path, tags, "TagsMap");
    for (const [key, value] of Object.entries(tags)) {
        checkShape(problems, `${path} key`, key, "TagKey");
        if (isKnown(value)) {
            checkShape(problems, `${path}.${key}`, value, "TagValue");
        }
    }
}
