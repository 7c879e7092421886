import * as pulumi from "@pulumi/pulumi";
import { AgentGateway, AgentGatewayArgs } from "../gateway/agentGateway";
import { GatewayRateLimitSpec, GatewayTargetSpec, TargetCredentials } from "../gateway/types";
import { principalDimension } from "../gateway/extensions";
import { AgentIdentity } from "../identity/agentIdentity";
import { AgentExecutionRole } from "../runtime/executionRole";
import { Problems } from "../validation";
import { EnvironmentProfile } from "./profiles";
import { EnvironmentGatewayArgs, EnvironmentGatewaySection, EnvironmentIdentityArgs } from "./types";

/** Checks that the tool-policy mode does not weaken the profile's: LOG_ONLY is refused where the profile enforces. */
export function checkToolPolicyMode(problems: Problems, gateway: EnvironmentGatewayArgs | undefined, profile: EnvironmentProfile, environment: string): void {
    const mode = gateway?.toolPolicies?.mode;
    if (mode === "LOG_ONLY" && profile.toolPolicyMode === "ENFORCE") {
        problems.add("gateway.toolPolicies.mode", mode, `must be ENFORCE in ${environment}: its profile enforces tool policies (shadow them with LOG_ONLY in dev or staging first)`);
    }
}

/** Checks that every provider a target or the agent names is defined in the identity section. */
export function checkToolAccess(problems: Problems, identity: EnvironmentIdentityArgs | undefined, gateway: EnvironmentGatewayArgs | undefined): void {
    const apiKeys = Object.keys(identity?.apiKeys ?? {});
    const oauth2 = Object.keys(identity?.oauth2 ?? {});
    (identity?.agentProviders ?? []).forEach((provider, i) => {
        if (!apiKeys.includes(provider) && !oauth2.includes(provider)) {
            problems.add(`identity.agentProviders[${i}]`, provider, `must name a provider of identity.apiKeys or identity.oauth2 (defined: ${[...apiKeys, ...oauth2].join(", ") || "none"})`);
        }
    });
    (gateway?.targets ?? []).forEach((target, i) => {
        const credentials = "credentials" in target ? target.credentials : undefined;
        if (credentials && "apiKey" in credentials && !apiKeys.includes(credentials.apiKey)) {
            problems.add(`gateway.targets[${i}].credentials.apiKey`, credentials.apiKey, `must name a provider of identity.apiKeys (defined: ${apiKeys.join(", ") || "none"})`);
        }
        if (credentials && "oauth2" in credentials && !oauth2.includes(credentials.oauth2)) {
            problems.add(`gateway.targets[${i}].credentials.oauth2`, credentials.oauth2, `must name a provider of identity.oauth2 (defined: ${oauth2.join(", ") || "none"})`);
        } else if (credentials && "oauth2" in credentials && credentials.grantType === "TOKEN_EXCHANGE") {
            // issue 24 item 5: on-behalf-of exchange needs the provider's onBehalfOfTokenExchangeConfig.
            const vendor = identity!.oauth2![credentials.oauth2].vendor;
            if (vendor.type !== "CustomOauth2" || vendor.tokenExchange === undefined) {
                problems.add(
                    `gateway.targets[${i}].credentials.oauth2`,
                    credentials.oauth2,
                    `must name a provider configured for token exchange with grantType TOKEN_EXCHANGE: set identity.oauth2.${credentials.oauth2}.vendor.tokenExchange (CustomOauth2)`,
                );
            }
        }
    });
}

/** The gateway's arguments in an environment: the resolved section, its targets' provider names replaced by the identity's providers. */
export function environmentGatewayArgs(section: EnvironmentGatewaySection, identity: AgentIdentity | undefined): AgentGatewayArgs {
    return { ...section, targets: (section.targets ?? []).map((target) => resolveTarget(target, identity)) };
}

/** The gateway section with the profile's defaults (debug detail, key, protection of the gateway, its targets and key, tool policy mode); targets still name their providers. */
export function gatewaySectionArgs(
    gateway: EnvironmentGatewayArgs,
    profile: EnvironmentProfile,
    tags?: Record<string, string>,
): EnvironmentGatewaySection {
    return {
        ...gateway,
        debugErrors: profile.gatewayDebugErrors,
        encryption: gateway.encryption ?? (profile.customerManagedKeys ? "create" : "aws-owned"),
        protectFromDeletion: profile.protectData,
        // A protected user pool blocks `pulumi destroy`: on only where the profile protects data.
        protectUserPool: profile.protectData,
        toolPolicies: gateway.toolPolicies && { ...gateway.toolPolicies, mode: gateway.toolPolicies.mode ?? profile.toolPolicyMode },
        rateLimits: gatewayRateLimits(gateway, profile),
        tags,
    };
}

/** The id of the profile's default rate limit. */
export const PROFILE_RATE_LIMIT_ID = "per-principal";

/**
 * issue 24 item 3: the gateway's rate limits: the section's list, none for `"none"`, else the profile's
 * per-principal limit (none in dev, or when the gateway has no caller identity to count by).
 */
export function gatewayRateLimits(gateway: EnvironmentGatewayArgs, profile: EnvironmentProfile): GatewayRateLimitSpec[] | undefined {
    if (gateway.rateLimits === "none") {
        return undefined;
    }
    if (gateway.rateLimits !== undefined) {
        return gateway.rateLimits;
    }
    const key = principalDimension(gateway.inboundAuth ?? { type: "AWS_IAM" });
    if (profile.gatewayRequestsPerPrincipalPerMinute <= 0 || key === undefined) {
        return undefined;
    }
    return [
        {
            id: PROFILE_RATE_LIMIT_ID,
            description: `Each caller: at most ${profile.gatewayRequestsPerPrincipalPerMinute} requests a minute (environment profile)`,
            dimensionKeys: [key],
            entries: [{ dimensions: { [key]: "*" }, requests: { rate: profile.gatewayRequestsPerPrincipalPerMinute, period: "minute" } }],
        },
    ];
}

/** Grants the runtime's role invoke on the gateway and use of the providers the agent's own code calls, as its own workload identity. */
export function grantToolAccess(role: AgentExecutionRole, identity: AgentIdentity | undefined, gateway: AgentGateway | undefined, agentProviders: string[]): void {
    gateway?.grantInvoke(role);
    if (!identity) {
        return;
    }
    const workloadIdentities: pulumi.Input<string>[] = [role.workloadIdentityArnPattern];
    if (identity.workloadIdentity) {
        workloadIdentities.push(identity.workloadIdentity.arn);
    }
    for (const provider of agentProviders) {
        identity.provider(provider).grantUse(role, workloadIdentities);
    }
}

/** A target with its provider names replaced by the providers (names were checked by {@link checkToolAccess}). */
function resolveTarget(target: GatewayTargetSpec<string, string>, identity: AgentIdentity | undefined): GatewayTargetSpec {
    if (target.type === "lambda" || target.type === "smithy" || target.type === "agentRuntime") {
        return target;
    }
    if (target.type === "openApi") {
        return { ...target, credentials: resolveCredentials(target.credentials, identity!) };
    }
    return { ...target, credentials: target.credentials && resolveCredentials(target.credentials, identity!) };
}

function resolveCredentials(credentials: TargetCredentials<string, string>, identity: AgentIdentity): TargetCredentials {
    return "apiKey" in credentials ? { ...credentials, apiKey: identity.apiKeys[credentials.apiKey] } : { ...credentials, oauth2: identity.oauth2[credentials.oauth2] };
}
