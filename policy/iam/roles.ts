import { Res } from "../common/rule";
import { ROLE_ARN_PATHS, T } from "../common/types";
import { asArray, first, knownString } from "../common/values";
import { parseDocument, servicePrincipals, Statement } from "./document";
import { awsManagedPolicy } from "./managed";

/** One identity-policy document reaching a role, with the resource to change to fix it. */
export interface PolicySource {
    urn: string;
    /** e.g. `inline policy "logs" of role agent-role` */
    label: string;
    statements: Statement[];
    /** An AWS managed policy (from the pack's table), not a document of the stack. */
    awsManaged?: boolean;
}

export interface ManagedAttachment {
    urn: string;
    arn: string;
    label: string;
    /** Whether the pack's table of AWS managed policies knows the policy (its statements are then among the role's documents). */
    resolved: boolean;
}

export interface RoleInfo {
    res: Res;
    arn?: string;
    name?: string;
    /** Used by an AgentCore resource or trusting `bedrock-agentcore.amazonaws.com`. */
    agent: boolean;
    /** AgentCore resources that name this role. */
    users: Res[];
    documents: PolicySource[];
    managed: ManagedAttachment[];
}

export const AGENTCORE_SERVICE = "bedrock-agentcore.amazonaws.com";

const cache = new WeakMap<Res[], RoleInfo[]>();

/** Statements of a role's trust policy. */
export function trustStatements(role: Res): Statement[] {
    return parseDocument(role.props.assumeRolePolicy) ?? [];
}

export function trustsAgentCore(statements: Statement[]): boolean {
    return statements.some((s) => servicePrincipals(s).some((p) => p.toLowerCase() === AGENTCORE_SERVICE));
}

/** The role ARN an AgentCore resource runs under, if it has one and it is known. */
export function roleArnOf(res: Res): string | undefined {
    const paths = ROLE_ARN_PATHS[res.type];
    return paths ? knownString(first(res.props, paths)) : undefined;
}

/**
 * Every IAM role of the stack with the documents and managed policies that reach it through
 * inline policies, RolePolicy, Policy + RolePolicyAttachment / PolicyAttachment and
 * managedPolicyArns. Cached per resource list.
 */
export function rolesOf(resources: Res[]): RoleInfo[] {
    const cached = cache.get(resources);
    if (cached) {
        return cached;
    }
    const roles: RoleInfo[] = [];
    const byKey = new Map<string, RoleInfo>();
    const policiesByArn = new Map<string, Res>();
    for (const r of resources) {
        if (r.type === T.role) {
            const info: RoleInfo = {
                res: r,
                arn: knownString(r.props.arn),
                name: knownString(r.props.name),
                agent: trustsAgentCore(trustStatements(r)),
                users: [],
                documents: [],
                managed: [],
            };
            roles.push(info);
            for (const k of [info.arn, info.name]) {
                if (k) {
                    byKey.set(k, info);
                }
            }
        } else if (r.type === T.policy) {
            const arn = knownString(r.props.arn);
            if (arn) {
                policiesByArn.set(arn, r);
            }
        }
    }
    const attach = (role: RoleInfo | undefined, policyArn: unknown, urn: string, via: string) => {
        const arn = knownString(policyArn);
        if (!role || !arn) {
            return;
        }
        const policy = policiesByArn.get(arn);
        if (policy) {
            const statements = parseDocument(policy.props.policy);
            if (statements) {
                role.documents.push({ urn: policy.urn, label: `policy "${policy.name}" attached to role ${role.res.name}`, statements });
            }
        } else {
            // An AWS managed policy: its current default version is judged like an inline document.
            const managed = awsManagedPolicy(arn);
            role.managed.push({ urn, arn, label: `${via} of role ${role.res.name}`, resolved: !!managed });
            if (managed) {
                role.documents.push({ urn, label: `AWS managed policy ${managed.name} (${managed.version}, ${via}) of role ${role.res.name}`, statements: managed.statements, awsManaged: true });
            }
        }
    };
    for (const r of resources) {
        const arn = roleArnOf(r);
        if (arn) {
            const role = byKey.get(arn);
            if (role) {
                role.agent = true;
                role.users.push(r);
            }
        }
        if (r.type === T.role) {
            const role = byKey.get(knownString(r.props.arn) ?? knownString(r.props.name) ?? "");
            if (!role) {
                continue;
            }
            for (const ip of asArray(r.props.inlinePolicies)) {
                const statements = parseDocument(ip?.policy);
                if (statements) {
                    role.documents.push({ urn: r.urn, label: `inline policy "${ip?.name ?? ""}" of role ${r.name}`, statements });
                }
            }
            for (const m of asArray(r.props.managedPolicyArns)) {
                attach(role, m, r.urn, "managedPolicyArns");
            }
        } else if (r.type === T.rolePolicy) {
            const role = byKey.get(knownString(r.props.role) ?? "");
            const statements = parseDocument(r.props.policy);
            if (role && statements) {
                role.documents.push({ urn: r.urn, label: `role policy "${r.name}" of role ${role.res.name}`, statements });
            }
        } else if (r.type === T.rolePolicyAttachment) {
            attach(byKey.get(knownString(r.props.role) ?? ""), r.props.policyArn, r.urn, `attachment ${r.name}`);
        } else if (r.type === T.policyAttachment) {
            for (const name of asArray(r.props.roles)) {
                attach(byKey.get(knownString(name) ?? ""), r.props.policyArn, r.urn, `attachment ${r.name}`);
            }
        }
    }
    cache.set(resources, roles);
    return roles;
}

/** Every statement of every document reaching an agent role, with where it lives. */
export function agentStatements(resources: Res[]): { source: PolicySource; statement: Statement; label: string }[] {
    return roleStatements(resources, true);
}

/** Every statement of every document reaching any role of the stack (agent roles only with `agentOnly`). */
export function roleStatements(resources: Res[], agentOnly = false): { source: PolicySource; statement: Statement; label: string; role: RoleInfo }[] {
    const out: { source: PolicySource; statement: Statement; label: string; role: RoleInfo }[] = [];
    for (const role of rolesOf(resources)) {
        if (agentOnly && !role.agent) {
            continue;
        }
        for (const source of role.documents) {
            source.statements.forEach((statement, i) => {
                out.push({ source, statement, role, label: `Statement ${statement.sid ? `"${statement.sid}"` : `#${i + 1}`} of ${source.label}` });
            });
        }
    }
    return out;
}
