import { ENDPOINT_SERVICES, EndpointService } from "../network/features";
import { Problems } from "../validation";
import { AgentPlatformArgs, PLATFORM_FEATURES, PLATFORM_OUTPUT_KEYS, PlatformFeature, PlatformOutputs } from "./types";

const ACCOUNT = /^[0-9]{12}$/;

/**
 * Checks a platform's outputs as a team stack reads them (from a stack reference or
 * stack config, named by `source`): every required output present and of its shape.
 * Records each problem under `platform.<key>`.
 */
export function checkPlatformOutputs(problems: Problems, value: unknown, source: string): value is PlatformOutputs {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        problems.add("platform", value === null ? "null" : typeof value, `must be the outputs of an AgentPlatform stack (${source})`);
        return false;
    }
    const v = value as Record<string, unknown>;
    const before = problems.count;
    const missing = PLATFORM_OUTPUT_KEYS.filter((k) => v[k] === undefined);
    if (missing.length > 0) {
        problems.add("platform", source, `is missing the platform outputs ${missing.join(", ")} (is it an AgentPlatform stack, deployed with platformOutputs exported?)`);
    }
    const strings = (_key: string, list: unknown) => Array.isArray(list) && list.every((x) => typeof x === "string");
    for (const key of ["platformName", "region", "vpcId", "traceDeliveryPolicyName"] as const) {
        if (v[key] !== undefined && (typeof v[key] !== "string" || v[key] === "")) {
            problems.add(`platform.${key}`, v[key], `must be a non-empty string (${source})`);
        }
    }
    if (v.logsKeyArn !== undefined && (typeof v.logsKeyArn !== "string" || !/^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key\/.+$/.test(v.logsKeyArn))) {
        problems.add("platform.logsKeyArn", v.logsKeyArn, `must be a KMS key ARN (${source})`);
    }
    if (v.registryArn !== undefined && (typeof v.registryArn !== "string" || !/^arn:aws[a-z-]*:agent-registry:[a-z0-9-]+:[0-9]{12}:registry\/[a-zA-Z0-9]{12,16}$/.test(v.registryArn))) {
        problems.add("platform.registryArn", v.registryArn, `must be an agent registry ARN (${source})`);
    }
    if (v.accountId !== undefined && (typeof v.accountId !== "string" || !ACCOUNT.test(v.accountId))) {
        problems.add("platform.accountId", v.accountId, `must be an AWS account id of 12 digits (${source})`);
    }
    for (const key of ["subnetIds", "securityGroupIds"] as const) {
        if (v[key] !== undefined && (!strings(key, v[key]) || (v[key] as unknown[]).length === 0)) {
            problems.add(`platform.${key}`, JSON.stringify(v[key]), `must be a non-empty list of ids (${source})`);
        }
    }
    if (v.endpoints !== undefined) {
        if (!strings("endpoints", v.endpoints)) {
            problems.add("platform.endpoints", JSON.stringify(v.endpoints), `must be a list of endpoint services (${source})`);
        } else {
            (v.endpoints as string[]).forEach((s, i) => {
                if (!ENDPOINT_SERVICES.includes(s as EndpointService)) {
                    problems.add(`platform.endpoints[${i}]`, s, `must be one of ${ENDPOINT_SERVICES.join(", ")} (${source})`);
                }
            });
        }
    }
    if (v.features !== undefined) {
        if (!strings("features", v.features)) {
            problems.add("platform.features", JSON.stringify(v.features), `must be a list of platform features (${source})`);
        } else {
            (v.features as string[]).forEach((f, i) => {
                if (!PLATFORM_FEATURES.includes(f as any)) {
                    problems.add(`platform.features[${i}]`, f, `must be one of ${PLATFORM_FEATURES.join(", ")} (${source})`);
                }
            });
        }
    }
    return problems.count === before;
}

/**
 * The endpoints a team stack needs that its platform does not provide, each with
 * the features that need it; empty when the platform covers the stack.
 */
export function missingEndpoints(needed: EndpointService[], platform: Pick<PlatformOutputs, "endpoints">): EndpointService[] {
    return needed.filter((s) => !platform.endpoints.includes(s));
}

/** Checks an `AgentPlatform`'s own arguments: its features (known, each once) and the policy engine's ARN. */
export function checkPlatformArgs(problems: Problems, args: AgentPlatformArgs, features: readonly PlatformFeature[]): void {
    features.forEach((f, i) => {
        if (!PLATFORM_FEATURES.includes(f)) {
            problems.add(`features[${i}]`, f, `must be one of ${PLATFORM_FEATURES.join(", ")}`);
        } else if (features.indexOf(f) !== i) {
            problems.add(`features[${i}]`, f, "is listed twice");
        }
    });
    if (args.policyEngineArn !== undefined && !/^arn:aws[a-z-]*:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:policy-engine\/.+$/.test(args.policyEngineArn)) {
        problems.add("policyEngineArn", args.policyEngineArn, "must be an AgentCore policy engine ARN (arn:<partition>:bedrock-agentcore:<region>:<account>:policy-engine/<id>)");
    }
}
