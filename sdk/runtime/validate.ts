import * as pulumi from "@pulumi/pulumi";
import { checkStorage } from "../storage/validate";
import { Problems, checkInput, checkInputList, checkShape, checkTags, checkVpcIds } from "../validation";
import { checkCodeLocation, checkCodeSettings } from "../code/validate";
import type { RuntimeCode } from "../code/types";
import { checkModelReferences } from "./models";
import { AgentRuntimeArgs, DEFAULT_IDLE_SESSION_TIMEOUT, DEFAULT_MAX_LIFETIME, InboundAuthorizer, RuntimeEndpointSpec, RuntimeLifecycle, RuntimeNetwork } from "./types";

/** Most custom endpoints one runtime may have (AgentCore quota: 10 endpoints per runtime). */
export const MAX_ENDPOINTS_PER_RUNTIME = 10;
/** The endpoint AgentCore creates itself and moves to every new version. */
export const DEFAULT_ENDPOINT = "DEFAULT";

/** The runtime arguments that are checked before anything is registered. */
export type RuntimeSettings = Pick<
    AgentRuntimeArgs,
    "protocol" | "authorizer" | "allowedGatewayArns" | "network" | "storage" | "environmentVariables" | "lifecycle" | "requestHeaderAllowlist" | "description" | "endpoints" | "models" | "inferenceProfileModels" | "tags"
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
    checkAllowedGateways(problems, s, at("allowedGatewayArns"));
    const network = checkNetwork(problems, s.network, at("network"), component);
    checkEndpoints(problems, s.endpoints, at("endpoints"));
    checkStorage(problems, s.storage, at("storage"), s.network?.mode ?? "PUBLIC");
    checkModelReferences(
        problems,
        (s.models ?? []).map((model, i) => ({ path: at(`models[${i}]`), model })),
        s.inferenceProfileModels,
        at("inferenceProfileModels"),
    );
    checkTags(problems, s.tags, at("tags"));
    return { ...s, image, environmentVariables, authorizer, network };
}

/**
 * Checks a runtime's artifact (issue 23 item 1): exactly one of `image` or `code`
 * (`AgentRuntimeArtifact` is a union in the API model), and a code artifact's runtime,
 * entry point and pinned object version.
 */
export function checkArtifact(problems: Problems, s: { image?: unknown; code?: RuntimeCode }, prefix = ""): void {
    checkOneArtifact(problems, s, prefix);
    if (s.code !== undefined) {
        checkCodeSettings(problems, s.code, `${prefix}code`);
        checkCodeLocation(problems, s.code, `${prefix}code`);
    }
}

/** Records a problem unless exactly one of `image` or `code` is set, naming both fields. */
export function checkOneArtifact(problems: Problems, s: { image?: unknown; code?: unknown }, prefix = ""): void {
    const at = (field: string) => `${prefix}${field}`;
    if (s.image !== undefined && s.code !== undefined) {
        problems.add(`${at("image")} and ${at("code")}`, "both set", "are exclusive: a runtime runs either a container image or a code package (AgentRuntimeArtifact is a union in the API model); set exactly one");
    } else if (s.image === undefined && s.code === undefined) {
        problems.add(`${at("image")} or ${at("code")}`, undefined, "is required: a runtime runs a container image (image) or a code package (code); set exactly one");
    }
}

/**
 * Longest idle timeout and lifetime of a runtime without a capacity provider (a
 * microVM runtime, the only kind this package creates). The API model's shapes allow
 * up to 1,209,600 s because capacity-provider (instance) runtimes accept 14 days; the
 * runtime lifecycle guide says microVM runtimes accept at most 28,800 s and larger
 * values fail with ValidationException.
 */
export const MICROVM_MAX_LIFECYCLE_SECONDS = 28800;
const LIFECYCLE_GUIDE = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-lifecycle-settings.html";

function checkLifecycle(problems: Problems, lifecycle: RuntimeLifecycle | undefined, path: string): void {
    if (!lifecycle) {
        return;
    }
    const idle = lifecycle.idleSessionTimeoutSeconds;
    const max = lifecycle.maxLifetimeSeconds;
    checkShape(problems, `${path}.idleSessionTimeoutSeconds`, idle, "LifecycleConfigurationIdleRuntimeSessionTimeoutInteger");
    checkShape(problems, `${path}.maxLifetimeSeconds`, max, "LifecycleConfigurationMaxLifetimeInteger");
    for (const [field, value] of [["idleSessionTimeoutSeconds", idle], ["maxLifetimeSeconds", max]] as const) {
        if (typeof value === "number" && value > MICROVM_MAX_LIFECYCLE_SECONDS && value <= 1209600) {
            problems.add(
                `${path}.${field}`,
                value,
                `must be at most ${MICROVM_MAX_LIFECYCLE_SECONDS} (8 hours) for a runtime without a capacity provider; the API model's 1209600 applies to capacity-provider runtimes only (${LIFECYCLE_GUIDE})`,
            );
        }
    }
    if ((idle ?? DEFAULT_IDLE_SESSION_TIMEOUT) > (max ?? DEFAULT_MAX_LIFETIME)) {
        problems.add(
            `${path}.idleSessionTimeoutSeconds`,
            idle ?? DEFAULT_IDLE_SESSION_TIMEOUT,
            `must not exceed ${path}.maxLifetimeSeconds (${max ?? DEFAULT_MAX_LIFETIME}): a session cannot idle longer than it may live`,
        );
    }
}

/** The AgentCore developer guide page that lists the header rules below. */
export const HEADER_ALLOWLIST_GUIDE = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-header-allowlist.html";

/** The one `x-amzn-` prefix AgentCore lets through to the container. */
export const CUSTOM_HEADER_PREFIX = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";

/**
 * Headers AgentCore Runtime refuses to propagate ("Restricted headers" of the
 * runtime header allowlist guide), compared case-insensitively. Categories copied:
 * authentication, content negotiation, caching, connection management, request
 * context, range/transfer. The guide's table continues with further categories
 * (server information and later) that could not be read in full when this list
 * was written; AgentCore refuses those at deploy time.
 */
export const RESTRICTED_HEADERS: readonly string[] = [
    "Proxy-Authorization", "WWW-Authenticate",
    "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Content-Type", "Content-Length", "Content-Encoding", "Content-Language", "Content-Location", "Content-Range",
    "Cache-Control", "ETag", "Expires", "If-Match", "If-Modified-Since", "If-None-Match", "If-Range", "If-Unmodified-Since", "Last-Modified", "Pragma", "Vary",
    "Connection", "Keep-Alive", "Proxy-Connection", "Upgrade",
    "Host", "Referer", "User-Agent", "From",
    "Range", "Accept-Ranges", "Transfer-Encoding", "TE", "Trailer",
];

/** Why AgentCore refuses a header name in the allowlist, or undefined when it accepts it. */
export function reservedHeaderRule(header: string): string | undefined {
    const lower = header.toLowerCase();
    if (lower.startsWith("x-amz-")) {
        return "must not start with x-amz- (reserved for SigV4 signing)";
    }
    if (lower.startsWith("x-amzn-") && !lower.startsWith(CUSTOM_HEADER_PREFIX.toLowerCase())) {
        return `must not start with x-amzn- unless it starts with ${CUSTOM_HEADER_PREFIX}`;
    }
    const restricted = RESTRICTED_HEADERS.find((r) => r.toLowerCase() === lower);
    if (restricted) {
        return `is a restricted header (${restricted}) that AgentCore does not propagate`;
    }
    return undefined;
}

function checkHeaders(problems: Problems, s: RuntimeSettings, path: string): void {
    const headers = s.requestHeaderAllowlist;
    if (headers === undefined) {
        return;
    }
    checkShape(problems, path, headers, "RequestHeaderAllowlist");
    headers.forEach((h, i) => checkShape(problems, `${path}[${i}]`, h, "HeaderName"));
    headers.forEach((h, i) => {
        if (typeof h !== "string") {
            return;
        }
        const rule = reservedHeaderRule(h);
        if (rule) {
            problems.add(`${path}[${i}]`, h, `${rule} (${HEADER_ALLOWLIST_GUIDE})`);
        }
    });
    const seen = new Map<string, number>();
    headers.forEach((h, i) => {
        if (typeof h !== "string") {
            return;
        }
        const first = seen.get(h.toLowerCase());
        if (first === undefined) {
            seen.set(h.toLowerCase(), i);
        } else {
            problems.add(`${path}[${i}]`, h, `repeats ${path}[${first}] "${headers[first]}": header names are case-insensitive and duplicates are not allowed (${HEADER_ALLOWLIST_GUIDE})`);
        }
    });
    const authorization = headers.find((h) => typeof h === "string" && h.toLowerCase() === "authorization");
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

/** Most hosting environments (gateways) one JWT authorizer may allow (API model: AllowedWorkloadConfiguration.hostingEnvironments, 1-10). */
export const MAX_ALLOWED_GATEWAYS = 10;

/** Checks `allowedGatewayArns`: a CUSTOM_JWT authorizer's allowed workloads, 1-10 gateways (issue 20 item 12). */
function checkAllowedGateways(problems: Problems, s: Pick<RuntimeSettings, "authorizer" | "allowedGatewayArns">, path: string): void {
    const arns = s.allowedGatewayArns;
    if (arns === undefined) {
        return;
    }
    if (s.authorizer?.type !== "CUSTOM_JWT") {
        problems.add(
            path,
            arns.length,
            `needs a CUSTOM_JWT authorizer (allowedWorkloadConfiguration is part of the JWT authorizer); an ${s.authorizer?.type ?? "AWS_IAM"} runtime admits only a gateway's role with a resource policy on the runtime and its endpoints`,
        );
    }
    if (arns.length < 1 || arns.length > MAX_ALLOWED_GATEWAYS) {
        problems.add(path, arns.length, `must list 1-${MAX_ALLOWED_GATEWAYS} gateway ARNs (API model: AllowedWorkloadConfiguration.hostingEnvironments)`);
    }
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
            checkShape(problems, `${path}[${i}].version`, e.version, "AgentRuntimeVersion");
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
/** Tag checks live on the shared floor (sdk/validation/tags.ts); re-exported for existing callers. */
export { checkTags };
