import * as pulumi from "@pulumi/pulumi";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { AwsContext, agentCoreArnPattern } from "../common/context";
import { PolicyDocument, PolicyStatement, agentCoreTrustPolicy, policyDocument } from "../iam/grants";

/** What a tool's execution role is for. */
export interface ToolRoleSpec {
    /** Resource type in the tool's ARN, which the trust policy is limited to. */
    resourceType: "code-interpreter-custom" | "browser-custom";
    /** The tool's AgentCore name: AgentCore ids are `<name>-<10 characters>`. */
    toolName: pulumi.Input<string>;
    /** Name of the one inline policy (what it allows, e.g. `recording-write`). */
    purpose: string;
    /** The statements of that policy: everything the role may do. */
    statements: pulumi.Input<PolicyStatement>[];
    /** Tags for the role. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** A tool's execution role with its trust policy and its one inline policy. */
export interface ToolRole {
    role: Role;
    policy: RolePolicy;
    trustPolicy: pulumi.Output<PolicyDocument>;
}

/**
 * Creates the execution role of one custom tool as children `${name}-role` and
 * `${name}-<purpose>` of `parent`: assumable only by AgentCore, only for this
 * account and only for tools of this name (confused-deputy protection), with
 * exactly the given statements and nothing else.
 */
export function toolExecutionRole(parent: pulumi.Resource, name: string, ctx: AwsContext, spec: ToolRoleSpec): ToolRole {
    const trustPolicy = agentCoreTrustPolicy("AssumedByAgentCoreTool", ctx.accountId, agentCoreArnPattern(ctx, spec.resourceType, spec.toolName));
    const role = new Role(
        `${name}-role`,
        {
            assumeRolePolicy: pulumi.jsonStringify(trustPolicy),
            description: pulumi.interpolate`Execution role of AgentCore ${spec.resourceType.replace("-custom", "")} ${spec.toolName}`,
            maxSessionDuration: 3600,
            tags: spec.tags,
        },
        { parent },
    );
    const policy = new RolePolicy(
        `${name}-${spec.purpose}`,
        { role: role.id, name: spec.purpose, policy: pulumi.jsonStringify(policyDocument(spec.statements)) },
        { parent },
    );
    return { role, policy, trustPolicy };
}
