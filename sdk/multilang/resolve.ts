import type { CodeRuntime } from "../code/types";
/**
 * Maps the multi-language arguments (`types.ts`) onto the TypeScript API's
 * `AgentEnvironmentArgs`: a pure step that collects every problem. A field that
 * the chosen variant does not take is reported, never dropped; every other rule
 * is left to the TypeScript components, which check the result as they check
 * any caller's arguments.
 */
import type { EnvironmentStorage } from "../storage/types";
import type { AgentEnvironmentArgs as SdkEnvironmentArgs } from "../environment/types";
import type { EnvironmentGatewayArgs, EnvironmentIdentityArgs } from "../environment/types";
import type { GatewayInboundAuth, GatewayTargetSpec, McpListingMode, RestApiMethod, SchemaSource, TargetCredentials } from "../gateway/types";
import type { MemoryStrategySpec, StrategyOverride } from "../memory/types";
import type { NetworkSettings as SdkNetworkSettings } from "../network/types";
import type { PlatformOutputs } from "../platform/types";
import type { EnvironmentObservabilityArgs } from "../observability/environment";
import type { InboundAuthorizer } from "../runtime/types";
import type { OAuth2Vendor } from "../identity/oauth2CredentialProvider";
import type { EvaluationSection, CustomEvaluatorSpec } from "../evaluation/types";
import { Problems } from "../validation";
import { MULTILANG_ARGS_FIELDS } from "./fields";
import { checkKnownFields } from "./strict";
import * as t from "./types";

/** Reports the fields of `value` that are set but not in `allowed` (the variant `variant` does not take them). */
function onlyFields(problems: Problems, path: string, value: object, allowed: string[], variant: string): void {
    for (const [key, v] of Object.entries(value)) {
        // A field no variant has was reported already, with the closest field (checkKnownFields).
        const reported = problems.messages.some((m) => m.startsWith(`${path}.${key} `));
        if (v !== undefined && v !== null && !allowed.includes(key) && !reported) {
            problems.add(`${path}.${key}`, v, `is not taken by ${variant} (fields there: ${allowed.join(", ")})`);
        }
    }
}

/** Reports a discriminator outside its enum. */
function oneOf<T extends string>(problems: Problems, path: string, value: unknown, values: Record<string, T>): value is T {
    if (typeof value === "string" && Object.values(values).includes(value as T)) {
        return true;
    }
    problems.add(path, value, `must be one of ${Object.values(values).join(", ")}`);
    return false;
}

/** Drops keys whose value is undefined, so the TypeScript API sees exactly what was written. */
function defined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function resolveAuthorizer(problems: Problems, path: string, a: t.AuthorizerSettings): InboundAuthorizer | undefined {
    if (!oneOf(problems, `${path}.type`, a.type, t.AuthorizerType)) {
        return undefined;
    }
    if (a.type === "AWS_IAM") {
        onlyFields(problems, path, a, ["type"], "type AWS_IAM");
        return { type: "AWS_IAM" };
    }
    onlyFields(problems, path, a, ["type", "discoveryUrl", "allowedAudiences", "allowedClients", "allowedScopes"], "type CUSTOM_JWT");
    return defined({ type: "CUSTOM_JWT" as const, discoveryUrl: a.discoveryUrl!, allowedAudiences: a.allowedAudiences, allowedClients: a.allowedClients, allowedScopes: a.allowedScopes });
}

export function resolveNetwork(problems: Problems, path: string, n: t.NetworkSettings): SdkNetworkSettings | undefined {
    if (!oneOf(problems, `${path}.mode`, n.mode, t.NetworkMode)) {
        return undefined;
    }
    switch (n.mode) {
        case "PUBLIC":
            onlyFields(problems, path, n, ["mode"], "mode PUBLIC");
            return { mode: "PUBLIC" };
        case "EXISTING_VPC":
            onlyFields(problems, path, n, ["mode", "vpcId", "subnetIds", "securityGroupIds", "sharedEndpoints"], "mode EXISTING_VPC");
            return defined({ mode: "EXISTING_VPC" as const, vpcId: n.vpcId!, subnetIds: n.subnetIds!, securityGroupIds: n.securityGroupIds, sharedEndpoints: n.sharedEndpoints as any });
        case "NEW_VPC":
            onlyFields(problems, path, n, ["mode", "cidrBlock", "availabilityZoneCount", "natGateways"], "mode NEW_VPC");
            return defined({ mode: "NEW_VPC" as const, cidrBlock: n.cidrBlock, availabilityZoneCount: n.availabilityZoneCount, natGateways: n.natGateways });
    }
}

function resolveOverride(problems: Problems, path: string, o: t.StrategyOverrideSettings): StrategyOverride | undefined {
    if (!oneOf(problems, `${path}.type`, o.type, t.OverrideType)) {
        return undefined;
    }
    const fields = o.type === "EPISODIC_OVERRIDE" ? ["type", "extraction", "consolidation", "reflection"] : o.type === "SUMMARY_OVERRIDE" ? ["type", "consolidation"] : ["type", "extraction", "consolidation"];
    onlyFields(problems, path, o, fields, `type ${o.type}`);
    return defined({ ...o }) as StrategyOverride;
}

function resolveStrategy(problems: Problems, path: string, s: t.StrategySettings): MemoryStrategySpec | undefined {
    if (!oneOf(problems, `${path}.type`, s.type, t.StrategyType)) {
        return undefined;
    }
    const common = ["type", "name", "description", "namespace"];
    if (s.type === "CUSTOM") {
        onlyFields(problems, path, s, [...common, "override"], "type CUSTOM");
        if (s.override === undefined) {
            problems.add(`${path}.override`, undefined, "is required for type CUSTOM");
            return undefined;
        }
        const override = resolveOverride(problems, `${path}.override`, s.override);
        return override && (defined({ type: "CUSTOM" as const, name: s.name!, description: s.description, namespace: s.namespace, override }) as MemoryStrategySpec);
    }
    if (s.type === "EPISODIC") {
        onlyFields(problems, path, s, [...common, "reflectionNamespace"], "type EPISODIC");
        return defined({ type: "EPISODIC" as const, name: s.name, description: s.description, namespace: s.namespace, reflectionNamespace: s.reflectionNamespace });
    }
    onlyFields(problems, path, s, common, `type ${s.type}`);
    return defined({ type: s.type, name: s.name, description: s.description, namespace: s.namespace });
}

/** `create` / `aws-owned` / `existing` + `kmsKeyArn`, as the TypeScript API spells it with `shape(arn)`. */
function resolveKey<K>(problems: Problems, path: string, choice: t.KeyChoice | undefined, kmsKeyArn: unknown, shape: (arn: any) => K): "create" | "aws-owned" | K | undefined {
    if (choice === undefined) {
        if (kmsKeyArn !== undefined) {
            problems.add(`${path}.kmsKeyArn`, kmsKeyArn, "needs encryption: existing");
        }
        return undefined;
    }
    if (!oneOf(problems, `${path}.encryption`, choice, t.KeyChoice)) {
        return undefined;
    }
    if (choice === "existing") {
        if (kmsKeyArn === undefined) {
            problems.add(`${path}.kmsKeyArn`, undefined, "is required with encryption: existing");
        }
        return shape(kmsKeyArn);
    }
    if (kmsKeyArn !== undefined) {
        problems.add(`${path}.kmsKeyArn`, kmsKeyArn, `is taken only with encryption: existing (encryption is ${choice})`);
    }
    return choice;
}

function resolveObservability(problems: Problems, path: string, o: t.ObservabilitySettings): EnvironmentObservabilityArgs {
    let alarmTopic: EnvironmentObservabilityArgs["alarmTopic"];
    if (o.alarmTopic && oneOf(problems, `${path}.alarmTopic.type`, o.alarmTopic.type, t.AlarmTopicType)) {
        if (o.alarmTopic.type === "create") {
            onlyFields(problems, `${path}.alarmTopic`, o.alarmTopic, ["type"], "type create");
            alarmTopic = { type: "create" };
        } else {
            alarmTopic = { type: "existing", arn: o.alarmTopic.arn! };
        }
    }
    if (o.alarms === false && o.alarmThresholds !== undefined) {
        problems.add(`${path}.alarmThresholds`, o.alarmThresholds, "is set while alarms is false");
    }
    let smokeTest: EnvironmentObservabilityArgs["smokeTest"];
    if (o.smokeTest) {
        const s = o.smokeTest;
        if ((s.contains === undefined) === (s.jsonField === undefined)) {
            problems.add(`${path}.smokeTest`, { contains: s.contains, jsonField: s.jsonField }, "needs exactly one of contains or jsonField");
        } else if (s.contains !== undefined && s.equals !== undefined) {
            problems.add(`${path}.smokeTest.equals`, s.equals, "goes with jsonField, not contains");
        }
        smokeTest = { payload: s.payload, expect: s.contains !== undefined ? { contains: s.contains } : defined({ jsonField: s.jsonField!, equals: s.equals }) };
    }
    if (o.traceDeliveryPolicy !== undefined) {
        oneOf(problems, `${path}.traceDeliveryPolicy`, o.traceDeliveryPolicy, t.TraceDeliveryPolicyOwner);
    }
    return defined({
        logs: o.logs,
        traces: o.traces,
        toolTraces: o.toolTraces,
        traceDeliveryPolicy: o.traceDeliveryPolicy,
        dashboard: o.dashboard,
        alarms: o.alarmThresholds !== undefined ? o.alarmThresholds : o.alarms,
        alarmTopic,
        smokeTest,
    });
}

function resolveIdentity(problems: Problems, path: string, i: t.IdentitySettings): EnvironmentIdentityArgs {
    const oauth2: NonNullable<EnvironmentIdentityArgs["oauth2"]> = {};
    for (const [key, o] of Object.entries(i.oauth2 ?? {})) {
        const p = `${path}.oauth2.${key}`;
        let vendor: OAuth2Vendor;
        if (o.vendor === "CustomOauth2") {
            vendor = { type: "CustomOauth2", discoveryUrl: o.discoveryUrl! };
        } else {
            if (o.discoveryUrl !== undefined) {
                problems.add(`${p}.discoveryUrl`, o.discoveryUrl, `is taken only by vendor CustomOauth2 (vendor is ${o.vendor})`);
            }
            vendor = { type: o.vendor as any };
        }
        oauth2[key] = defined({ providerName: o.providerName, vendor, clientId: o.clientId, clientSecret: o.clientSecret, credentialsVersion: o.credentialsVersion });
    }
    return defined({ apiKeys: i.apiKeys, oauth2: i.oauth2 ? oauth2 : undefined, workloadIdentity: i.workloadIdentity, tokenVaultKey: i.tokenVaultKey, agentProviders: i.agentProviders });
}

function resolveGatewayAuth(problems: Problems, path: string, a: t.GatewayAuthSettings): GatewayInboundAuth | undefined {
    if (!oneOf(problems, `${path}.type`, a.type, t.GatewayAuthType)) {
        return undefined;
    }
    if (a.type === "AWS_IAM") {
        onlyFields(problems, path, a, ["type"], "type AWS_IAM");
        return { type: "AWS_IAM" };
    }
    if (a.type === "NONE") {
        onlyFields(problems, path, a, ["type", "acknowledgeUnauthenticated"], "type NONE");
        return { type: "NONE", acknowledgeUnauthenticated: a.acknowledgeUnauthenticated as true };
    }
    if (a.cognitoDomainPrefix !== undefined && a.cognito !== true) {
        problems.add(`${path}.cognitoDomainPrefix`, a.cognitoDomainPrefix, "needs cognito: true");
    }
    if (a.type === "AUTHENTICATE_ONLY") {
        onlyFields(problems, path, a, ["type", "discoveryUrl", "allowedClients", "cognito", "cognitoDomainPrefix"], "type AUTHENTICATE_ONLY");
        return defined({
            type: "AUTHENTICATE_ONLY" as const,
            discoveryUrl: a.discoveryUrl,
            allowedClients: a.allowedClients,
            cognito: a.cognito ? defined({ domainPrefix: a.cognitoDomainPrefix }) : undefined,
        });
    }
    onlyFields(problems, path, a, ["type", "discoveryUrl", "allowedAudiences", "allowedClients", "allowedScopes", "cognito", "cognitoDomainPrefix"], "type CUSTOM_JWT");
    return defined({
        type: "CUSTOM_JWT" as const,
        discoveryUrl: a.discoveryUrl,
        allowedAudiences: a.allowedAudiences,
        allowedClients: a.allowedClients,
        allowedScopes: a.allowedScopes,
        cognito: a.cognito ? defined({ domainPrefix: a.cognitoDomainPrefix }) : undefined,
    });
}

function resolveCredentials(problems: Problems, path: string, c: t.TargetCredentialSettings): TargetCredentials<string, string> | undefined {
    if ((c.apiKey === undefined) === (c.oauth2 === undefined)) {
        problems.add(path, { apiKey: c.apiKey, oauth2: c.oauth2 }, "needs exactly one of apiKey or oauth2");
        return undefined;
    }
    if (c.apiKey !== undefined) {
        onlyFields(problems, path, c, ["apiKey", "location", "parameterName", "prefix"], "apiKey credentials");
        return defined({ apiKey: c.apiKey, location: c.location as any, parameterName: c.parameterName, prefix: c.prefix });
    }
    onlyFields(problems, path, c, ["oauth2", "scopes", "grantType", "defaultReturnUrl"], "oauth2 credentials");
    return defined({ oauth2: c.oauth2!, scopes: c.scopes!, grantType: c.grantType as any, defaultReturnUrl: c.defaultReturnUrl });
}

function resolveSchema(problems: Problems, path: string, target: t.TargetSettings): SchemaSource | undefined {
    if ((target.schemaInline === undefined) === (target.schemaS3Uri === undefined)) {
        problems.add(`${path}.schemaInline`, target.schemaInline, `needs exactly one of schemaInline or schemaS3Uri for type ${target.type}`);
        return undefined;
    }
    if (target.schemaInline !== undefined) {
        if (target.schemaBucketOwnerAccountId !== undefined) {
            problems.add(`${path}.schemaBucketOwnerAccountId`, target.schemaBucketOwnerAccountId, "goes with schemaS3Uri");
        }
        return { inline: target.schemaInline };
    }
    return defined({ s3Uri: target.schemaS3Uri!, bucketOwnerAccountId: target.schemaBucketOwnerAccountId });
}

function resolveTarget(problems: Problems, path: string, target: t.TargetSettings): GatewayTargetSpec<string, string> | undefined {
    if (!oneOf(problems, `${path}.type`, target.type, t.TargetType)) {
        return undefined;
    }
    const base = defined({ name: target.name, description: target.description });
    switch (target.type) {
        case "lambda":
            onlyFields(problems, path, target, ["name", "description", "type", "functionArn", "tools"], "type lambda");
            return { ...base, type: "lambda", functionArn: target.functionArn!, tools: (target.tools ?? []).map((tool) => defined({ ...tool })) };
        case "openApi": {
            onlyFields(problems, path, target, ["name", "description", "type", "schemaInline", "schemaS3Uri", "schemaBucketOwnerAccountId", "credentials"], "type openApi");
            const schema = resolveSchema(problems, path, target);
            if (target.credentials === undefined) {
                problems.add(`${path}.credentials`, undefined, "is required for type openApi");
            }
            const credentials = target.credentials && resolveCredentials(problems, `${path}.credentials`, target.credentials);
            return schema && credentials && { ...base, type: "openApi", schema, credentials };
        }
        case "smithy": {
            onlyFields(problems, path, target, ["name", "description", "type", "schemaInline", "schemaS3Uri", "schemaBucketOwnerAccountId", "smithyResources", "smithyActions"], "type smithy");
            const schema = resolveSchema(problems, path, target);
            return schema && { ...base, type: "smithy", schema, permissions: defined({ resources: target.smithyResources!, actions: target.smithyActions }) };
        }
        case "agentRuntime":
            onlyFields(problems, path, target, ["name", "description", "type", "runtimeArn", "qualifier", "listingMode"], "type agentRuntime");
            return defined({ ...base, type: "agentRuntime" as const, runtimeArn: target.runtimeArn!, qualifier: target.qualifier, listingMode: target.listingMode as McpListingMode | undefined });
        case "apiGateway": {
            onlyFields(problems, path, target, ["name", "description", "type", "restApiId", "stage", "toolFilters", "credentials"], "type apiGateway");
            const credentials = target.credentials && resolveCredentials(problems, `${path}.credentials`, target.credentials);
            return defined({
                ...base,
                type: "apiGateway" as const,
                restApiId: target.restApiId!,
                stage: target.stage!,
                toolFilters: (target.toolFilters ?? []).map((f) => ({ path: f.path, methods: f.methods as RestApiMethod[] })),
                credentials,
            });
        }
        case "mcpServer": {
            onlyFields(problems, path, target, ["name", "description", "type", "endpoint", "credentials", "listingMode"], "type mcpServer");
            const credentials = target.credentials && resolveCredentials(problems, `${path}.credentials`, target.credentials);
            return defined({ ...base, type: "mcpServer" as const, endpoint: target.endpoint!, credentials, listingMode: target.listingMode as McpListingMode | undefined });
        }
    }
}

function resolveEvaluation(problems: Problems, path: string, e: t.EvaluationSettings): EvaluationSection {
    const customEvaluators = e.customEvaluators?.map((c, i): CustomEvaluatorSpec => {
        const p = `${path}.customEvaluators[${i}]`;
        oneOf(problems, `${p}.level`, c.level, t.EvaluatorLevel);
        let llmAsAJudge: CustomEvaluatorSpec["llmAsAJudge"];
        if (c.llmAsAJudge) {
            const j = c.llmAsAJudge;
            if ((j.numericalRatings === undefined) === (j.categoricalRatings === undefined)) {
                problems.add(`${p}.llmAsAJudge`, { numericalRatings: j.numericalRatings, categoricalRatings: j.categoricalRatings }, "needs exactly one of numericalRatings or categoricalRatings");
            }
            llmAsAJudge = {
                instructions: j.instructions,
                modelId: j.modelId,
                ratingScale: j.numericalRatings !== undefined ? { numerical: j.numericalRatings } : { categorical: j.categoricalRatings ?? [] },
            };
        }
        return defined({ name: c.name, level: c.level, description: c.description, llmAsAJudge, codeBased: c.codeBased && defined({ ...c.codeBased }) });
    });
    return defined({
        evaluators: e.evaluators,
        customEvaluators,
        samplingPercentage: e.samplingPercentage,
        sessionTimeoutMinutes: e.sessionTimeoutMinutes,
        transactionSearch: e.transactionSearchInAccount ? ("account" as const) : undefined,
    });
}

function resolveGateway(problems: Problems, path: string, g: t.GatewaySettings): EnvironmentGatewayArgs {
    const targets = (g.targets ?? []).map((target, i) => resolveTarget(problems, `${path}.targets[${i}]`, target));
    return defined({
        gatewayName: g.gatewayName,
        description: g.description,
        inboundAuth: g.inboundAuth && resolveGatewayAuth(problems, `${path}.inboundAuth`, g.inboundAuth),
        targets: g.targets ? (targets.filter((x) => x !== undefined) as GatewayTargetSpec<string, string>[]) : undefined,
        semanticSearch: g.semanticSearch,
        encryption: resolveKey(problems, path, g.encryption, g.kmsKeyArn, (kmsKeyArn) => ({ kmsKeyArn })),
        toolPolicies: g.toolPolicies && defined({ ...g.toolPolicies }),
    });
}

/**
 * The TypeScript API's arguments for multi-language arguments, or every problem
 * found (field paths as the multi-language caller wrote them).
 */
export function resolveEnvironmentArgs(args: t.AgentEnvironmentArgs): { args?: SdkEnvironmentArgs; problems: readonly string[] } {
    const problems = new Problems();
    const a = args ?? ({} as t.AgentEnvironmentArgs);
    // A misspelt or unknown field, at any depth, is refused (with the closest field), never dropped.
    checkKnownFields(problems, "", a, MULTILANG_ARGS_FIELDS);
    if (a.environment !== undefined) {
        oneOf(problems, "environment", a.environment, t.Environment);
    }
    const memory = a.memory && {
        ...defined({ memoryName: a.memory.memoryName, description: a.memory.description, eventExpiryDays: a.memory.eventExpiryDays, inferenceProfileModels: a.memory.inferenceProfileModels }),
        ...(a.memory.strategies ? { strategies: a.memory.strategies.map((s, i) => resolveStrategy(problems, `memory.strategies[${i}]`, s)).filter((s): s is MemoryStrategySpec => s !== undefined) } : {}),
        ...defined({ encryptionKey: resolveKey(problems, "memory", a.memory.encryption, a.memory.kmsKeyArn, (arn) => ({ arn })) }),
    };
    const resolved: SdkEnvironmentArgs = defined({
        environment: a.environment,
        agentName: a.agentName,
        image: a.image,
        // The runtime is checked by AgentEnvironment (code.runtime), with the same path.
        code: a.code && { ...a.code, runtime: a.code.runtime as CodeRuntime },
        models: a.models,
        inferenceProfileModels: a.inferenceProfileModels,
        runtimeVersion: a.runtimeVersion,
        endpoints: a.endpoints,
        previousVersion: a.previousVersion,
        frontDoor: a.frontDoor,
        frontDoorOnly: a.frontDoorOnly,
        canary: a.canary,
        evaluation: a.evaluation && resolveEvaluation(problems, "evaluation", a.evaluation),
        protocol: a.protocol,
        authorizer: a.authorizer && resolveAuthorizer(problems, "authorizer", a.authorizer),
        network: a.network && resolveNetwork(problems, "network", a.network),
        // Checked by AgentEnvironment (checkPlatformOutputs), with the same paths.
        platform: a.platform && (defined({ ...a.platform }) as unknown as PlatformOutputs),
        environmentVariables: a.environmentVariables,
        lifecycle: a.lifecycle,
        requestHeaderAllowlist: a.requestHeaderAllowlist,
        description: a.description,
        tags: a.tags,
        memory,
        storage: a.storage?.map((m) => defined({ ...m, posixUser: m.posixUser && defined({ ...m.posixUser }) }) as unknown as EnvironmentStorage),
        observability: a.observability && resolveObservability(problems, "observability", a.observability),
        codeInterpreter: a.codeInterpreter && defined({ ...a.codeInterpreter }),
        browser: a.browser && defined({ ...a.browser, recording: a.browser.recording && defined({ ...a.browser.recording }), profile: a.browser.profile && defined({ ...a.browser.profile }) }),
        identity: a.identity && resolveIdentity(problems, "identity", a.identity),
        gateway: a.gateway && resolveGateway(problems, "gateway", a.gateway),
        publish: a.publish && (defined({ ...a.publish }) as SdkEnvironmentArgs["publish"]),
    });
    return problems.count > 0 ? { problems: problems.messages } : { args: resolved, problems: [] };
}
