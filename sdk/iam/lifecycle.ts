import { LIFECYCLE_READ_AT, LifecycleContract, tfSource } from "../common/lifecycle";

const iam = (file: string) => tfSource(`iam/${file}`);
const NOT_REREAD = "ForceNew (schema; not re-read line by line for this table, cross-checked against CloudFormation)";

/** Lifecycle of the roles, inline policies and propagation waits every concept creates. */
export const IAM_LIFECYCLE: readonly LifecycleContract[] = [
    {
        type: "aws:iam/role:Role",
        createdBy: ["AgentExecutionRole", "AgentGateway", "AgentMemory", "Browser", "CodeInterpreter", "AgentEvaluation", "CanaryFrontDoor"],
        providerSource: "internal/service/iam/role.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "name", source: iam("role.go")("name", undefined, NOT_REREAD), native: "roleName" },
            { argument: "namePrefix", source: iam("role.go")("name_prefix", undefined, NOT_REREAD), native: null },
            { argument: "path", source: iam("role.go")("path", undefined, NOT_REREAD) },
        ],
        name: { argument: "name", scope: "the account (IAM is global); the package lets Pulumi auto-name roles" },
        restrictions: [],
        delete: { kind: "real", why: "DeleteRole after detaching its policies: a runtime or tool still using it loses every permission", source: iam("role.go")("Delete()", undefined, "DeleteRole") },
        native: { module: "iam/role" },
    },
    {
        type: "aws:iam/rolePolicy:RolePolicy",
        createdBy: ["every concept (inline policies of its roles)", "grantInvoke and friends (sdk/iam/grants.ts)"],
        providerSource: "internal/service/iam/role_policy.go",
        readAt: LIFECYCLE_READ_AT,
        replaces: [
            { argument: "name", source: iam("role_policy.go")("name", undefined, NOT_REREAD), native: "policyName" },
            { argument: "namePrefix", source: iam("role_policy.go")("name_prefix", undefined, NOT_REREAD), native: null },
            { argument: "role", source: iam("role_policy.go")("role", undefined, NOT_REREAD), native: "roleName" },
        ],
        name: { argument: "name", scope: "the role (PutRolePolicy overwrites by name)", scopeArguments: ["role"], putByName: true },
        restrictions: [],
        delete: { kind: "by-name", why: "DeleteRolePolicy by role and name: removes whatever inline policy is stored under it", source: iam("role_policy.go")("Delete()", undefined, "DeleteRolePolicy{RoleName, PolicyName}") },
        references: ["role"],
        native: { module: "iam/rolePolicy" },
    },
    {
        type: "command:local:Command",
        createdBy: ["iamPropagationWait (sdk/iam/propagation.ts)", "SmokeTest", "RegistryPublication (AgentEnvironment publish.submit)"],
        providerSource: "@pulumi/command 1.2.1 (local.Command)",
        readAt: "1.2.1",
        replaces: [{ argument: "triggers", source: "@pulumi/command local.Command `triggers`: \"Trigger a resource replacement on changes to any of these values\" (https://www.pulumi.com/registry/packages/command/api-docs/local/command/)" }],
        name: null,
        restrictions: [],
        delete: { kind: "no-op", why: "runs its `delete` command only when one is given; the package gives none", source: "https://www.pulumi.com/registry/packages/command/api-docs/local/command/" },
        native: { none: "not an AWS resource" },
        notes: ["A change of `triggers` replaces the command (runs it again); `create` runs on create only."],
    },
];
