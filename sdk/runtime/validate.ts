import * as pulumi from "@pulumi/pulumi";
import { Problems, checkShape, checkVpcIds, isKnown } from "../validation";
import { MODEL_REFERENCE } from "./models";
import { DEFAULT_IDLE_SESSION_TIMEOUT, DEFAULT_MAX_LIFETIME, InboundAuthorizer, RuntimeEndpointSpec, RuntimeLifecycle, RuntimeNetwork, ServerProtocol } from "./types";

/** Most custom endpoints one runtime may have (AgentCore quota: 10 endpoints per runtime). */
export const MAX_ENDPOINTS_PER_RUNTIME = 10;
/** The endpoint AgentCore creates itself and moves to every new version. */
export const DEFAULT_ENDPOINT = "DEFAULT";

/** The runtime arguments that are checked before anything is registered. */
export interface RuntimeSettings {
    runtimeName: string;
    image?: { imageUri: pulumi.Input<string> };
    protocol?: ServerProtocol;
    authorizer?: InboundAuthorizer;
    network?: RuntimeNetwork;
    environmentVariables?: Record<string, pulumi.Input<string>>;
    lifecycle?: RuntimeLifecycle;
    requestHeaderAllowlist?: string[];
    description?: string;
    endpoints?: RuntimeEndpointSpec[];
    models?: string[];
    tags?: Record<string, string>;
}

/**
 * Checks every runtime setting against the AgentCore API model and the rules it
 * cannot express, recording all problems. `prefix` is the argument path of the
 * settings object in the caller's args (e.g. "" or "runtime.").
 */
export function checkRuntimeSettings(problems: Problems, s: RuntimeSettings, prefix = ""): void {
    const at = (field: string) => `${prefix}${field}`;
    checkShape(problems, at("runtimeName"), s.runtimeName, "AgentRuntimeName", { hint: "(letters, digits and underscores; no hyphens)" });
    if (s.image && isKnown(s.image.imageUri)) {
        checkShape(problems, at("image.imageUri"), s.image.imageUri, "RuntimeContainerUri");
    }
    checkShape(problems, at("protocol"), s.protocol, "ServerProtocol");
    checkShape(problems, at("description"), s.description, "Description");
    checkLifecycle(problems, s.lifecycle, at("lifecycle"));
    checkHeaders(problems, s, at("requestHeaderAllowlist"));
    checkEnvironment(problems, s.environmentVariables, at("environmentVariables"));
    checkAuthorizer(problems, s.authorizer, at("authorizer"));
    checkNetwork(problems, s.network, at("network"));
    checkEndpoints(problems, s.endpoints, at("endpoints"));
    (s.models ?? []).forEach((model, i) => {
        if (!MODEL_REFERENCE.test(model)) {
            problems.add(at(`models[${i}]`), model, "must be a Bedrock model id (provider.model), an inference profile id (us.provider.model) or a bedrock ARN; wildcards are not accepted");
        }
    });
    checkTags(problems, s.tags, at("tags"));
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

function checkEnvironment(problems: Problems, env: Record<string, pulumi.Input<string>> | undefined, path: string): void {
    if (!env) {
        return;
    }
    checkShape(problems, path, env, "EnvironmentVariablesMap");
    for (const [key, value] of Object.entries(env)) {
        checkShape(problems, `${path} key`, key, "EnvironmentVariableKey");
        if (isKnown(value)) {
            checkShape(problems, `${path}.${key}`, value, "EnvironmentVariableValue");
        }
    }
}

/** Checks a runtime-style inbound authorizer (AWS_IAM or CUSTOM_JWT with discovery URL and audiences or clients). */
export function checkAuthorizer(problems: Problems, auth: InboundAuthorizer | undefined, path: string): void {
    if (!auth || auth.type === "AWS_IAM") {
        if (auth && (auth as { type: string }).type !== "AWS_IAM") {
            problems.add(`${path}.type`, (auth as { type: string }).type, "must be AWS_IAM or CUSTOM_JWT");
        }
        return;
    }
    if (auth.type !== "CUSTOM_JWT") {
        problems.add(`${path}.type`, (auth as { type: string }).type, "must be AWS_IAM or CUSTOM_JWT");
        return;
    }
    if (auth.discoveryUrl === undefined || auth.discoveryUrl === "") {
        problems.add(`${path}.discoveryUrl`, auth.discoveryUrl, "is required for a CUSTOM_JWT authorizer (the issuer's /.well-known/openid-configuration URL)");
    } else if (isKnown(auth.discoveryUrl)) {
        checkShape(problems, `${path}.discoveryUrl`, auth.discoveryUrl, "DiscoveryUrl");
    }
    checkShape(problems, `${path}.allowedAudiences`, auth.allowedAudiences, "AllowedAudienceList");
    checkShape(problems, `${path}.allowedClients`, auth.allowedClients, "AllowedClientsList");
    const audiences = auth.allowedAudiences ?? [];
    const clients = auth.allowedClients ?? [];
    if (audiences.length === 0 && clients.length === 0) {
        problems.add(path, "CUSTOM_JWT", "needs at least one of allowedAudiences or allowedClients, otherwise any token of the issuer is accepted (Cognito access tokens carry client_id: use allowedClients)");
    }
    if (auth.allowedScopes !== undefined) {
        checkShape(problems, `${path}.allowedScopes`, auth.allowedScopes, "AllowedScopesType");
        auth.allowedScopes.forEach((scope, i) => isKnown(scope) && checkShape(problems, `${path}.allowedScopes[${i}]`, scope, "AllowedScopeType"));
    }
}

function checkNetwork(problems: Problems, network: RuntimeNetwork | undefined, path: string): void {
    if (!network) {
        return;
    }
    checkShape(problems, `${path}.mode`, network.mode, "NetworkMode");
    if (network.mode !== "VPC") {
        return;
    }
    checkVpcIds(problems, path, network.subnetIds, network.securityGroupIds);
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
