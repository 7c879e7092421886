import * as fs from "fs";
import * as path from "path";
import { isSecretWrapper, RecordedResource } from "../../plan/mocks";

/** The AgentCore control-plane API model, vendored in data/aws-models (provenance there). */
export const MODEL_PATH = path.join(__dirname, "..", "..", "data", "aws-models", "bedrock-agentcore-control.service-2.json");
export const MODEL: { shapes: Record<string, any> } = JSON.parse(fs.readFileSync(MODEL_PATH, "utf8"));

/** The API request shape each AgentCore resource type is created with. */
export const REQUEST_SHAPES: Record<string, string> = {
    "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime": "CreateAgentRuntimeRequest",
    "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint": "CreateAgentRuntimeEndpointRequest",
    "aws:bedrock/agentcoreMemory:AgentcoreMemory": "CreateMemoryInput",
    "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy": "MemoryStrategyInput",
    "aws:bedrock/agentcoreGateway:AgentcoreGateway": "CreateGatewayRequest",
    "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget": "CreateGatewayTargetRequest",
    "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter": "CreateCodeInterpreterRequest",
    "aws:bedrock/agentcoreBrowser:AgentcoreBrowser": "CreateBrowserRequest",
    "aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider": "CreateApiKeyCredentialProviderRequest",
    "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider": "CreateOauth2CredentialProviderRequest",
    "aws:bedrock/agentcoreWorkloadIdentity:AgentcoreWorkloadIdentity": "CreateWorkloadIdentityRequest",
    "aws:bedrock/agentcoreTokenVaultCmk:AgentcoreTokenVaultCmk": "SetTokenVaultCMKRequest",
    "aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine": "CreatePolicyEngineRequest",
    "aws:bedrock/agentcorePolicy:AgentcorePolicy": "CreatePolicyRequest",
};

/**
 * Provider input names that differ from the API member names (the provider
 * pluralises lists and spells some acronyms differently).
 */
const MEMBER_RENAMES: Record<string, string> = {
    lifecycleConfigurations: "lifecycleConfiguration",
    requestHeaderAllowlists: "requestHeaderAllowlist",
    customJwtAuthorizer: "customJWTAuthorizer",
    allowedAudiences: "allowedAudience",
    inlinePayloads: "inlinePayload",
    oauth2ProviderConfig: "oauth2ProviderConfigInput",
    // Write-only provider inputs carry the API member of the same name.
    apiKeyWo: "apiKey",
    clientIdWo: "clientId",
    clientSecretWo: "clientSecret",
};

/** Members of the API's custom-configuration union, by the provider's override `type`. */
const OVERRIDE_MEMBERS: Record<string, string> = {
    SEMANTIC_OVERRIDE: "semanticOverride",
    SUMMARY_OVERRIDE: "summaryOverride",
    USER_PREFERENCE_OVERRIDE: "userPreferenceOverride",
    EPISODIC_OVERRIDE: "episodicOverride",
};

/** Members of MemoryStrategyInput, by the provider's strategy `type`. */
const STRATEGY_MEMBERS: Record<string, string> = {
    SEMANTIC: "semanticMemoryStrategy",
    SUMMARIZATION: "summaryMemoryStrategy",
    USER_PREFERENCE: "userPreferenceMemoryStrategy",
    EPISODIC: "episodicMemoryStrategy",
    CUSTOM: "customMemoryStrategy",
};

/**
 * Resources whose provider inputs are shaped differently from the API request
 * (flattened unions, one block per kind): each view rebuilds the request the
 * provider sends, so the walk follows the model. Paths of these resources use
 * the API's member names.
 */
const VIEWS: Record<string, (inputs: any) => any> = {
    "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy": (inputs) => {
        const { memoryId, type, configuration, ...strategy } = inputs;
        const custom = configuration && { [OVERRIDE_MEMBERS[configuration.type]]: { ...configuration, type: undefined } };
        return { memoryId, [STRATEGY_MEMBERS[type]]: { ...strategy, configuration: custom } };
    },
    "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget": (inputs) => {
        const { credentialProviderConfiguration: credentials, ...rest } = inputs;
        if (!credentials) {
            return rest;
        }
        const type = credentials.oauth ? "OAUTH" : credentials.apiKey ? "API_KEY" : "GATEWAY_IAM_ROLE";
        const credentialProvider = credentials.oauth ? { oauthCredentialProvider: credentials.oauth } : credentials.apiKey ? { apiKeyCredentialProvider: credentials.apiKey } : undefined;
        return { ...rest, credentialProviderConfigurations: [{ credentialProviderType: type, credentialProvider }] };
    },
};

/** One provider input whose API shape carries a constraint. */
export interface ConstrainedField {
    /** Resource type token. */
    type: string;
    /** Input path with list indexes folded (`networkConfiguration.networkModeConfig.subnets[]`); API member names where a view reshapes the inputs. */
    path: string;
    /** API model shape name. */
    shape: string;
}


function isConstrained(shape: any): boolean {
    return shape.pattern !== undefined || shape.min !== undefined || shape.max !== undefined || shape.enum !== undefined;
}

function memberOf(structure: any, key: string): string | undefined {
    const members = structure.members ?? {};
    const name = members[key] ? key : members[MEMBER_RENAMES[key]] ? MEMBER_RENAMES[key] : undefined;
    return name ? members[name].shape : undefined;
}

/** Every constrained API field a recorded AgentCore resource sets, by walking its inputs along the model. */
export function constrainedFields(resource: RecordedResource): ConstrainedField[] {
    const request = REQUEST_SHAPES[resource.type];
    if (!request) {
        return [];
    }
    const found: ConstrainedField[] = [];
    const walk = (value: any, shapeName: string, at: string) => {
        const shape = MODEL.shapes[shapeName];
        if (isSecretWrapper(value)) {
            value = value.value;
        }
        if (isConstrained(shape)) {
            found.push({ type: resource.type, path: at, shape: shapeName });
        }
        if (shape.type === "list" && Array.isArray(value)) {
            value.forEach((item) => walk(item, shape.member.shape, `${at}[]`));
        } else if (shape.type === "map" && Array.isArray(value)) {
            // The provider lists a map's entries as blocks named by `name`.
            for (const entry of value) {
                walk(entry.name, shape.key.shape, `${at}{key}`);
                walk(entry, shape.value.shape, `${at}{value}`);
            }
        } else if (shape.type === "map" && value && typeof value === "object") {
            for (const [k, v] of Object.entries(value)) {
                walk(k, shape.key.shape, `${at}{key}`);
                walk(v, shape.value.shape, `${at}{value}`);
            }
        } else if (shape.type === "structure" && value && typeof value === "object") {
            // The provider models a nested structure as a one-item list.
            const object = Array.isArray(value) ? value[0] : value;
            for (const [key, member] of Object.entries(object ?? {})) {
                const memberShape = memberOf(shape, key);
                if (memberShape) {
                    walk(member, memberShape, at ? `${at}.${key}` : key);
                }
            }
        }
    };
    walk(VIEWS[resource.type]?.(resource.inputs) ?? resource.inputs, request, "");
    return found.filter((f) => f.path !== "");
}

/**
 * One constrained API field a package user can set: the provider input it lands
 * in, the argument that sets it, a value the model accepts, and how to build a
 * component with a given value. `deferred` fields only take Outputs (secrets):
 * they are checked when the value resolves, so the build fails then.
 */
export interface ExposedField extends ConstrainedField {
    argPath: string;
    valid: unknown;
    build: (value: any) => () => unknown;
    deferred?: boolean;
}

/** The table of one concept: exposed fields, derived fields with the reason, and maximal configurations. */
export interface ConceptTable {
    exposed: ExposedField[];
    /** `<type> <path>` of constrained fields the components fill in themselves (never from user input), and why. */
    derived: Record<string, string>;
    /** Each component with every optional field set, so every API field it can send appears. */
    maximal: (() => unknown)[];
}

/** Candidate texts for breaking a pattern while keeping a valid length. */
const PATTERN_BREAKERS = ["!", "-", " ", "_", "a b", "é", "0", "a-", "-a", ".", "/"];

/**
 * Values that break one rule of a shape each, derived from the model alone:
 * too short, too long, outside the range, not in the enum, breaking the pattern.
 * `valid` is a value the model accepts, used as the base for length changes.
 */
export function invalidValues(shapeName: string, valid: unknown): { rule: string; value: unknown }[] {
    const shape = MODEL.shapes[shapeName];
    const out: { rule: string; value: unknown }[] = [];
    if (shape.type === "integer" || shape.type === "long") {
        // Stack config and plain-JS callers can send anything: a fraction and a numeric string.
        out.push({ rule: "that is not a whole number", value: Number(valid) + 0.5 });
        out.push({ rule: "of the wrong type (a string)", value: String(valid) });
    }
    if (shape.type === "string") {
        out.push({ rule: "of the wrong type (a number)", value: 42 });
    }
    if (shape.type === "integer" || shape.type === "long" || shape.type === "double") {
        if (shape.min !== undefined) out.push({ rule: "below the minimum", value: shape.min - 1 });
        if (shape.max !== undefined) out.push({ rule: "above the maximum", value: shape.max + 1 });
        return out;
    }
    if (shape.type === "string") {
        if (shape.enum) out.push({ rule: "outside the enum", value: "NOT_A_VALUE" });
        if (shape.min !== undefined && shape.min > 1) out.push({ rule: "too short", value: String(valid).slice(0, shape.min - 1) });
        if (shape.max !== undefined) out.push({ rule: "too long", value: String(valid).padEnd(shape.max + 1, String(valid).slice(-1) || "a") });
        if (shape.pattern) {
            const re = new RegExp(`^(?:${shape.pattern})$`, "u");
            const breaker = [...PATTERN_BREAKERS, ...PATTERN_BREAKERS.map((b) => `${valid}${b}`), ...PATTERN_BREAKERS.map((b) => `${b}${valid}`)].find(
                (candidate) => !re.test(candidate) && (shape.min ?? 0) <= [...candidate].length && [...candidate].length <= (shape.max ?? Infinity),
            );
            if (breaker !== undefined) out.push({ rule: "breaking the pattern", value: breaker });
        }
        return out;
    }
    if (shape.type === "list" || shape.type === "map") {
        const items = (n: number) => (shape.type === "list" ? Array.from({ length: n }, (_, i) => (Array.isArray(valid) ? valid[0] : `item${i}`)) : Object.fromEntries(Array.from({ length: n }, (_, i) => [`K${i}`, "v"])));
        if (shape.min !== undefined && shape.min > 0) out.push({ rule: "with too few items", value: items(shape.min - 1) });
        if (shape.max !== undefined) out.push({ rule: "with too many items", value: items(shape.max + 1) });
    }
    return out;
}

/** True when the model accepts the value for the shape (pattern, length, range, enum). */
export function modelAccepts(shapeName: string, value: unknown): boolean {
    const shape = MODEL.shapes[shapeName];
    if ((shape.type === "integer" || shape.type === "long") && !(typeof value === "number" && Number.isInteger(value))) return false;
    if (shape.type === "string" && typeof value !== "string") return false;
    if (typeof value === "number") {
        return (shape.min === undefined || value >= shape.min) && (shape.max === undefined || value <= shape.max);
    }
    const size = typeof value === "string" ? [...value].length : Array.isArray(value) ? value.length : Object.keys(value as object).length;
    if ((shape.min !== undefined && size < shape.min) || (shape.max !== undefined && size > shape.max)) return false;
    if (typeof value === "string" && shape.enum && !shape.enum.includes(value)) return false;
    if (typeof value === "string" && shape.pattern && !new RegExp(`^(?:${shape.pattern})$`, "u").test(value)) return false;
    return true;
}
