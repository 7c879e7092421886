/**
 * Gateway interceptors and rate limits (issue 24 items 2 and 3): their checks against the API model
 * (`bedrock-agentcore-control`, shapes `GatewayInterceptorConfiguration` and `CreateGatewayRateLimitRequest`)
 * and the provider inputs they become.
 */
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import type * as inputs from "@pulumi/aws/types/input";
import type { GatewayRateLimitArgs } from "@pulumi/aws-native/bedrockagentcore/gatewayRateLimit";
import { Problems, checkInput, checkShape } from "../validation";
import { GatewayInboundAuth, GatewayInterceptor, GatewayRate, GatewayRateLimitEntry, GatewayRateLimitSpec } from "./types";

const INTERCEPTOR_KEYS = ["functionArn", "points", "passRequestHeaders"];
const RATE_LIMIT_KEYS = ["id", "description", "dimensionKeys", "entries"];
const ENTRY_KEYS = ["dimensions", "requests", "tokens", "connections"];
const RATE_KEYS = ["rate", "period"];

/** Records every key of `value` not in `known` (a misspelt key is an error, never dropped). */
function checkKeys(problems: Problems, path: string, value: unknown, known: readonly string[]): void {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        problems.add(path, value, "must be an object");
        return;
    }
    for (const key of Object.keys(value)) {
        if (!known.includes(key)) {
            problems.add(`${path}.${key}`, (value as Record<string, unknown>)[key], `is not a known field (known: ${known.join(", ")})`);
        }
    }
}

/**
 * Checks the interceptors: 1-2 of them (`GatewayInterceptorConfigurations`), each with 1-2 distinct
 * interception points (`GatewayInterceptionPoints`), a Lambda function ARN (`LambdaFunctionArn`), and
 * at most one interceptor per point across the gateway ("A gateway can have at most one REQUEST
 * interceptor and at most one RESPONSE interceptor configured",
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-interceptors.html).
 * `payloadFilter` (in the API model) is not offered: `@pulumi/aws` 7.48's `inputConfiguration` has only
 * `passRequestHeaders`, so it is refused as an unknown key rather than dropped.
 */
export function checkInterceptors(problems: Problems, interceptors: GatewayInterceptor[] | undefined, path: string, component: string | undefined): GatewayInterceptor[] | undefined {
    if (interceptors === undefined) {
        return undefined;
    }
    if (!Array.isArray(interceptors)) {
        problems.add(path, interceptors, "must be a list of interceptors");
        return undefined;
    }
    checkShape(problems, path, interceptors, "GatewayInterceptorConfigurations", { hint: "(one REQUEST and one RESPONSE interceptor at most)" });
    const owner = new Map<string, number>();
    return interceptors.map((interceptor, i) => {
        const at = `${path}[${i}]`;
        checkKeys(problems, at, interceptor, INTERCEPTOR_KEYS);
        const points = Array.isArray(interceptor.points) ? interceptor.points : [];
        if (!Array.isArray(interceptor.points)) {
            problems.add(`${at}.points`, interceptor.points, "must list REQUEST, RESPONSE or both");
        } else {
            checkShape(problems, `${at}.points`, points, "GatewayInterceptionPoints");
        }
        points.forEach((point, j) => {
            checkShape(problems, `${at}.points[${j}]`, point, "GatewayInterceptionPoint");
            if (points.indexOf(point) !== j) {
                problems.add(`${at}.points[${j}]`, point, "is listed twice");
            } else if (owner.has(point)) {
                problems.add(`${at}.points[${j}]`, point, `is already taken by interceptors[${owner.get(point)}]: a gateway has at most one ${point} interceptor (gateway-interceptors.html)`);
            } else {
                owner.set(point, i);
            }
        });
        if (interceptor.passRequestHeaders !== undefined && typeof interceptor.passRequestHeaders !== "boolean") {
            problems.add(`${at}.passRequestHeaders`, interceptor.passRequestHeaders, "must be true or false");
        }
        const functionArn = checkInput(problems, component, `${at}.functionArn`, interceptor.functionArn, "LambdaFunctionArn");
        return { ...interceptor, functionArn };
    });
}

/** The gateway's `interceptorConfigurations` input. */
export function interceptorInputs(interceptors: GatewayInterceptor[] | undefined): inputs.bedrock.AgentcoreGatewayInterceptorConfiguration[] | undefined {
    if (!interceptors || interceptors.length === 0) {
        return undefined;
    }
    return interceptors.map((i) => ({
        interceptionPoints: i.points,
        interceptor: { lambda: { arn: i.functionArn } },
        // Sent explicitly (AWS's model requires the flag inside inputConfiguration): headers stay out unless asked for.
        inputConfiguration: { passRequestHeaders: i.passRequestHeaders ?? false },
    }));
}

/** Dimension keys read from the caller's IAM identity: only an AWS_IAM gateway has one. */
const IAM_DIMENSION = /^\$\.context\.iam\./;
/** Dimension keys read from the caller's JWT: only a gateway with a JWT authorizer has one. */
const JWT_DIMENSION = /^\$\.context\.jwt\./;

/**
 * Checks the rate limits against the API model (`CreateGatewayRateLimitRequest`): ids unique and valid,
 * 1-10 distinct dimension keys of the model's pattern that the inbound auth can supply (`$.context.iam.*`
 * needs AWS_IAM, `$.context.jwt.*` a JWT authorizer), 1-1000 entries whose dimensions name only the
 * limit's keys with 1-256 character values, each entry limiting at least one metric at a rate of
 * 0-10,000,000 per `second` or `minute` (connections per second only, as the aws-native schema says).
 */
export function checkRateLimits(problems: Problems, limits: GatewayRateLimitSpec[] | undefined, path: string, inboundAuth: GatewayInboundAuth): void {
    if (limits === undefined) {
        return;
    }
    if (!Array.isArray(limits)) {
        problems.add(path, limits, 'must be a list of rate limits (or, in AgentEnvironment, "none")');
        return;
    }
    const ids = new Set<string>();
    const keySets = new Map<string, number>();
    limits.forEach((limit, i) => {
        const at = `${path}[${i}]`;
        checkKeys(problems, at, limit, RATE_LIMIT_KEYS);
        checkShape(problems, `${at}.id`, limit.id, "GatewayRateLimitId");
        if (limit.id === undefined) {
            problems.add(`${at}.id`, undefined, "is required (the limit's rateLimitId, unique per gateway)");
        } else if (typeof limit.id === "string" && limit.id.length > RATE_LIMIT_ID_MAX) {
            problems.add(`${at}.id`, limit.id, `must be at most ${RATE_LIMIT_ID_MAX} characters (AWS's rateLimitId is the id + "-" + 8 hex characters of the dimension keys, at most 64)`);
        } else if (ids.has(limit.id)) {
            problems.add(`${at}.id`, limit.id, "must be unique among the gateway's rate limits");
        }
        ids.add(limit.id);
        checkShape(problems, `${at}.description`, limit.description, "GatewayRateLimitDescription");
        const keys = Array.isArray(limit.dimensionKeys) ? limit.dimensionKeys : [];
        if (!Array.isArray(limit.dimensionKeys)) {
            problems.add(`${at}.dimensionKeys`, limit.dimensionKeys, "must list 1-10 dimension keys");
        }
        checkShape(problems, `${at}.dimensionKeys`, keys, "DimensionKeys");
        keys.forEach((key, j) => {
            const kat = `${at}.dimensionKeys[${j}]`;
            checkShape(problems, kat, key, "DimensionKey");
            if (keys.indexOf(key) !== j) {
                problems.add(kat, key, "is listed twice");
            }
            if (IAM_DIMENSION.test(key) && inboundAuth.type !== "AWS_IAM") {
                problems.add(kat, key, `counts by the caller's IAM identity, which only an AWS_IAM gateway has (inboundAuth is ${inboundAuth.type}): use $.context.jwt.<claim>`);
            }
            if (JWT_DIMENSION.test(key) && inboundAuth.type !== "CUSTOM_JWT" && inboundAuth.type !== "AUTHENTICATE_ONLY") {
                problems.add(kat, key, `counts by a claim of the caller's JWT, which only a CUSTOM_JWT or AUTHENTICATE_ONLY gateway has (inboundAuth is ${inboundAuth.type}): use $.context.iam.principal`);
            }
        });
        // "Unique per gateway — no two limits can share the same dimensionKeys" (CfnGatewayRateLimitProps.dimensionKeys).
        // Compared as sets: a reordering is refused too, since the resource is named after the sorted keys (rateLimitResourceName).
        const keySet = JSON.stringify([...keys].sort());
        if (keys.length > 0 && keySets.has(keySet)) {
            problems.add(`${at}.dimensionKeys`, keys, `are those of rateLimits[${keySets.get(keySet)}]: no two limits of a gateway may share the same dimensionKeys (AWS::BedrockAgentCore::GatewayRateLimit)`);
        } else {
            keySets.set(keySet, i);
        }
        const entries = Array.isArray(limit.entries) ? limit.entries : [];
        if (!Array.isArray(limit.entries)) {
            problems.add(`${at}.entries`, limit.entries, "must list 1-1000 entries");
        }
        checkShape(problems, `${at}.entries`, entries, "LimitEntries");
        entries.forEach((entry, j) => checkEntry(problems, entry, `${at}.entries[${j}]`, keys));
    });
}

function checkEntry(problems: Problems, entry: GatewayRateLimitEntry, at: string, keys: string[]): void {
    checkKeys(problems, at, entry, ENTRY_KEYS);
    const dimensions = entry.dimensions ?? {};
    checkShape(problems, `${at}.dimensions`, dimensions, "LimitEntryDimensionsMap");
    // "Keys must match the parent rate limit's dimension keys. Values may use * as a wildcard, but only in trailing
    // positions based on the dimension keys ordering" (CloudFormation, GatewayRateLimit LimitEntry.Dimensions).
    for (const [key, value] of Object.entries(dimensions)) {
        if (!keys.includes(key)) {
            problems.add(`${at}.dimensions.${key}`, value, `must be one of the limit's dimensionKeys (${keys.join(", ") || "none"})`);
        }
        checkShape(problems, `${at}.dimensions.${key}`, value, "DimensionValue", { hint: '(an exact value or "*")' });
    }
    const missing = keys.filter((k) => !(k in dimensions));
    if (missing.length > 0) {
        problems.add(`${at}.dimensions`, dimensions, `must give a value for every dimension key of the limit (missing: ${missing.join(", ")}; "*" for any)`);
    }
    const firstWildcard = keys.findIndex((k) => dimensions[k] === "*");
    if (firstWildcard >= 0) {
        keys.slice(firstWildcard + 1)
            .filter((k) => dimensions[k] !== undefined && dimensions[k] !== "*")
            .forEach((k) => problems.add(`${at}.dimensions.${k}`, dimensions[k], `must be "*": a wildcard may only be followed by wildcards in dimensionKeys order (${keys[firstWildcard]} is "*")`));
    }
    const metrics = (["requests", "tokens", "connections"] as const).filter((m) => entry[m] !== undefined);
    if (metrics.length === 0) {
        problems.add(at, undefined, "must limit requests, tokens or connections (an entry without a rate limits nothing)");
    }
    for (const metric of metrics) {
        checkRate(problems, entry[metric]!, `${at}.${metric}`);
        if (metric === "connections" && entry.connections!.period !== "second") {
            problems.add(`${at}.connections.period`, entry.connections!.period, 'must be "second": connections are limited per second only (aws-native GatewayRateLimitLimitEntry.connections)');
        }
    }
}

function checkRate(problems: Problems, rate: GatewayRate, at: string): void {
    checkKeys(problems, at, rate, RATE_KEYS);
    if (typeof rate.rate !== "number" || !Number.isFinite(rate.rate)) {
        problems.add(`${at}.rate`, rate.rate, "must be a number between 0 and 10000000");
    } else {
        checkShape(problems, `${at}.rate`, rate.rate, "RateConfigRateDouble");
    }
    checkShape(problems, `${at}.period`, rate.period, "Period");
    if (rate.period === undefined) {
        problems.add(`${at}.period`, undefined, 'is required ("second" or "minute")');
    }
}

/** The aws-native `GatewayRateLimit` inputs of one checked limit (each metric is a list of one rate, as the model has it). */
export function rateLimitInputs(gatewayId: pulumi.Input<string>, limit: GatewayRateLimitSpec): GatewayRateLimitArgs {
    const rates = (r: GatewayRate | undefined) => (r ? [{ rate: r.rate, period: r.period }] : undefined);
    return {
        gatewayIdentifier: gatewayId,
        rateLimitId: awsRateLimitId(limit),
        description: limit.description,
        dimensionKeys: limit.dimensionKeys,
        entries: limit.entries.map((e) => ({ dimensions: e.dimensions, requests: rates(e.requests), tokens: rates(e.tokens), connections: rates(e.connections) })),
    };
}

/**
 * The dimension key that counts per caller for an inbound auth: the IAM principal behind AWS_IAM,
 * the token's subject (`sub`) behind a JWT authorizer; undefined for NONE (no caller identity).
 */
export function principalDimension(inboundAuth: GatewayInboundAuth): string | undefined {
    switch (inboundAuth.type) {
        case "AWS_IAM":
            return "$.context.iam.principal";
        case "CUSTOM_JWT":
        case "AUTHENTICATE_ONLY":
            return "$.context.jwt.sub";
        default:
            return undefined;
    }
}

/** 8 hex characters of the sha256 of the sorted dimension keys (the same for any order of the same keys). */
function keysHash(dimensionKeys: string[]): string {
    return createHash("sha256").update(JSON.stringify([...dimensionKeys].sort())).digest("hex").slice(0, 8);
}

/** The longest `id` a limit may have: AWS's 64 characters less the `-` and 8 hex characters of {@link awsRateLimitId}. */
export const RATE_LIMIT_ID_MAX = 55;

/**
 * AWS's `rateLimitId` of a limit: its id + `-` + the hash of its sorted dimension keys. Both the id and the keys are
 * unique per gateway ("no two limits can share the same dimensionKeys", AWS::BedrockAgentCore::GatewayRateLimit), and
 * a limit with new keys is a new resource (see {@link rateLimitResourceName}) that Pulumi creates before deleting the
 * old one: with the id alone it would ask AWS for the id the old limit still holds.
 */
export function awsRateLimitId(limit: Pick<GatewayRateLimitSpec, "id" | "dimensionKeys">): string {
    return `${limit.id}-${keysHash(limit.dimensionKeys)}`;
}

/**
 * The Pulumi name of a rate limit's resource: `<component>-rate-` + 8 hex characters of the hash of its sorted
 * dimension keys. AWS keeps dimension keys unique per gateway ("Unique per gateway — no two limits can share the
 * same dimensionKeys", CloudFormation AWS::BedrockAgentCore::GatewayRateLimit `DimensionKeys`), so the name is
 * unique, and it stays the same when only the limit's id changes (the same resource, replaced in place of itself).
 */
export function rateLimitResourceName(component: string, dimensionKeys: string[]): string {
    return `${component}-rate-${keysHash(dimensionKeys)}`;
}
