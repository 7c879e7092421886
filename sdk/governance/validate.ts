import * as fs from "fs";
import type { GatewayInboundAuth, GatewayTargetSpec } from "../gateway/types";
import { Problems, checkInput, checkShape } from "../validation";
import { PolicySource, checkPolicySources } from "./cedar";
import { DerivedSchema, deriveToolSchema } from "./schema";
import { GatewayToolPolicies, ToolPolicySpec } from "./types";

/** What {@link checkToolPolicies} hands on: the policies' texts and the schema they were checked against. */
export interface CheckedToolPolicies {
    settings: GatewayToolPolicies;
    schema: DerivedSchema;
    sources: PolicySource[];
}

/** Reads each policy's statement (inline or from its file), recording unreadable files and malformed entries. */
export function policySources(problems: Problems, policies: readonly ToolPolicySpec[], path: string): PolicySource[] {
    const sources: PolicySource[] = [];
    const seen = new Set<string>();
    policies.forEach((policy, i) => {
        const at = `${path}[${i}]`;
        checkShape(problems, `${at}.name`, policy.name, "PolicyName", { hint: "(a letter, then letters, digits and underscores)" });
        if (seen.has(policy.name)) {
            problems.add(`${at}.name`, policy.name, "must be unique among the gateway's policies");
        }
        seen.add(policy.name);
        checkShape(problems, `${at}.description`, policy.description, "Description");
        if ((policy.statement === undefined) === (policy.file === undefined)) {
            problems.add(at, policy.name, "takes exactly one of statement (the Cedar text) or file (a .cedar file)");
            return;
        }
        let text: string;
        let origin: string;
        if (policy.file !== undefined) {
            origin = policy.file;
            try {
                text = fs.readFileSync(policy.file, "utf8");
            } catch (err) {
                problems.add(`${at}.file`, policy.file, `must be a readable .cedar file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
                return;
            }
        } else {
            origin = `${at}.statement`;
            text = policy.statement!;
        }
        checkShape(problems, policy.file !== undefined ? `${at}.file` : `${at}.statement`, text, "Statement", { hint: "(one Cedar statement)" });
        if (typeof text !== "string") {
            return; // reported above (not a string); the Cedar engine must never see it
        }
        sources.push({ name: policy.name, text, origin, path: at, description: policy.description });
    });
    return sources;
}

/**
 * Checks a gateway's tool policies against the API model and, with the Cedar
 * engine, against the schema derived from the gateway's targets: every problem
 * is recorded. `path` is the argument path of the section (`toolPolicies` or
 * `gateway.toolPolicies`). Returns the checked settings, schema and texts.
 */
export function checkToolPolicies(
    problems: Problems,
    s: GatewayToolPolicies,
    gateway: { inboundAuth: GatewayInboundAuth; targets: readonly GatewayTargetSpec<unknown, unknown>[] },
    path: string,
    component?: string,
): CheckedToolPolicies {
    checkShape(problems, `${path}.mode`, s.mode, "GatewayPolicyEngineMode");
    if (s.mode === undefined) {
        problems.add(`${path}.mode`, undefined, "is required: LOG_ONLY (decisions logged, not enforced) or ENFORCE");
    }
    checkShape(problems, `${path}.validationMode`, s.validationMode, "PolicyValidationMode");
    if (s.mode === "ENFORCE" && s.validationMode === "IGNORE_ALL_FINDINGS") {
        problems.add(`${path}.validationMode`, s.validationMode, "must be FAIL_ON_ANY_FINDINGS where policies are enforced (mode ENFORCE): AgentCore's findings must stop a faulty policy");
    }
    checkShape(problems, `${path}.policyEngineName`, s.policyEngineName, "PolicyEngineName", { hint: "(a letter, then letters, digits and underscores)" });
    checkShape(problems, `${path}.description`, s.description, "Description");
    if (gateway.inboundAuth.type === "NONE") {
        problems.add(
            path,
            `inboundAuth ${gateway.inboundAuth.type}`,
            "needs an inbound authorizer that yields a principal the policies can name: CUSTOM_JWT (AgentCore::OAuthUser) or AWS_IAM (AgentCore::IamEntity), not NONE",
        );
    }
    const schema = deriveToolSchema(gateway.inboundAuth, gateway.targets);
    let settings = s;
    if (s.sharedPolicyEngineArn !== undefined) {
        if (s.policies !== undefined) {
            problems.add(`${path}.policies`, `(${s.policies.length} policies)`, "cannot be combined with sharedPolicyEngineArn: a shared engine's policies are managed where the engine is");
        }
        settings = { ...s, sharedPolicyEngineArn: checkInput(problems, component, `${path}.sharedPolicyEngineArn`, s.sharedPolicyEngineArn, "GatewayPolicyEngineArn") };
        return { settings, schema, sources: [] };
    }
    if (s.policies === undefined) {
        problems.add(`${path}.policies`, undefined, "is required unless sharedPolicyEngineArn names an existing policy engine");
        return { settings, schema, sources: [] };
    }
    if (s.mode === "ENFORCE" && s.policies.length === 0) {
        problems.add(`${path}.policies`, [], "must hold at least one policy in ENFORCE mode: an enforcing policy engine without policies denies every tool call");
    }
    const sources = policySources(problems, s.policies, `${path}.policies`);
    for (const message of checkPolicySources(sources, schema)) {
        problems.addMessage(message);
    }
    return { settings, schema, sources };
}

/** The AgentCore name of a gateway's own policy engine: the gateway name with hyphens mapped to underscores, plus `_policies` (cut to 48 characters). */
export function defaultPolicyEngineName(gatewayName: string): string {
    const base = gatewayName.replace(/-/g, "_");
    const name = `${/^[A-Za-z]/.test(base) ? "" : "g"}${base}`.slice(0, 48 - "_policies".length);
    return `${name}_policies`;
}
