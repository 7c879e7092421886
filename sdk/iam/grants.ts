import * as pulumi from "@pulumi/pulumi";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import type { PolicyDocument, PolicyStatement } from "@pulumi/aws/iam/documents";

export type { PolicyDocument, PolicyStatement };

/**
 * Something that can receive permissions: an execution role of this package.
 * Components grant access through it (`memory.grantAccess(runtime.role)`), never
 * by editing a policy document directly, so every grant is one named, reviewable
 * `aws:iam/rolePolicy:RolePolicy`.
 */
export interface Grantable {
    /**
     * Adds the statements as one inline policy named for its purpose
     * (`memory-access`, `gateway-invoke`, ...). A purpose can be granted once.
     */
    grant(purpose: string, statements: pulumi.Input<PolicyStatement>[]): RolePolicy;
}

/** Builds a policy document with version 2012-10-17 from statements. */
export function policyDocument(statements: pulumi.Input<PolicyStatement>[]): pulumi.Output<PolicyDocument> {
    return pulumi.output({ Version: "2012-10-17" as const, Statement: statements }) as pulumi.Output<PolicyDocument>;
}

/** An Allow statement with a Sid, for readability of the generated documents. */
export function allow(sid: string, actions: string[], resources: pulumi.Input<pulumi.Input<string>[]>, condition?: Record<string, any>): pulumi.Input<PolicyStatement> {
    return { Sid: sid, Effect: "Allow", Action: actions, Resource: resources, ...(condition ? { Condition: condition } : {}) };
}

/** The service principal that assumes every AgentCore execution role. */
/**
 * A bucket policy that denies every request made without TLS (`aws:SecureTransport` false), for the
 * buckets this package creates (browser recordings, code packages).
 */
export function tlsOnlyBucketPolicy(bucketArn: pulumi.Input<string>): pulumi.Output<PolicyDocument> {
    return policyDocument([
        {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:*"],
            Resource: [bucketArn, pulumi.interpolate`${bucketArn}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
    ]);
}

export const AGENTCORE_SERVICE_PRINCIPAL = "bedrock-agentcore.amazonaws.com";

/**
 * Trust policy of an AgentCore execution role: only the AgentCore service, only
 * on behalf of this account (`aws:SourceAccount`) and only for the resources the
 * `sourceArn` pattern names (`aws:SourceArn`; a list when several resources share the
 * role), the confused-deputy protection AWS documents for every AgentCore role.
 * `resourceAccount` adds `aws:ResourceAccount` = this account, as the evaluation roles AWS
 * publishes do (evaluations prerequisites; AWS CDK `OnlineEvaluationConfig.createExecutionRole`).
 */
export function agentCoreTrustPolicy(
    sid: string,
    accountId: pulumi.Input<string>,
    sourceArn: pulumi.Input<string> | pulumi.Input<string>[],
    options: { resourceAccount?: boolean } = {},
): pulumi.Output<PolicyDocument> {
    const accounts = { "aws:SourceAccount": accountId, ...(options.resourceAccount ? { "aws:ResourceAccount": accountId } : {}) };
    return policyDocument([
        {
            Sid: sid,
            Effect: "Allow",
            Principal: { Service: AGENTCORE_SERVICE_PRINCIPAL },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: accounts, ArnLike: { "aws:SourceArn": sourceArn } },
        },
    ]);
}

/**
 * Any IAM role as a {@link Grantable} (a caller of the agent, say): each purpose becomes one
 * inline policy `<name>-<purpose>` on that role, created with the given options.
 */
export function roleGrantee(name: string, role: { id: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions): Grantable {
    const granted = new Set<string>();
    return {
        grant(purpose, statements) {
            if (!/^[a-z0-9-]{1,40}$/.test(purpose)) {
                throw new Error(`grant purpose "${purpose}" must be 1-40 lowercase letters, digits or hyphens (it names the inline policy)`);
            }
            if (granted.has(purpose)) {
                throw new Error(`${name}: "${purpose}" was already granted to this role; grant each purpose once`);
            }
            granted.add(purpose);
            return new RolePolicy(`${name}-${purpose}`, { role: role.id, name: purpose, policy: pulumi.jsonStringify(policyDocument(statements)) }, opts);
        },
    };
}
