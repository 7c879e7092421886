import * as pulumi from "@pulumi/pulumi";
import { AgentcoreResourcePolicy } from "@pulumi/aws/bedrock/agentcoreResourcePolicy";
import { awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { PolicyStatement, policyDocument } from "../iam/grants";
import { Problems, checkShape } from "../validation";

/**
 * Who may invoke a runtime or gateway, as a resource-based policy
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/resource-based-policies.html).
 * Every statement allows; the conditions given are all required together.
 */
export interface InvokeAccess {
    /** Accounts whose principals may invoke (each 12 digits); granted as `arn:aws:iam::<account>:root`. */
    accounts?: string[];
    /** The AWS Organization whose principals may invoke (`aws:PrincipalOrgID`, `o-` and 10-32 lowercase letters or digits). */
    organizationId?: string;
    /** Only calls through these VPC endpoints (`aws:SourceVpce`). */
    sourceVpceIds?: pulumi.Input<string>[];
    /** Only calls from these VPCs (`aws:SourceVpc`); applies to JWT callers too, who are not IAM principals. */
    sourceVpcIds?: pulumi.Input<string>[];
}

/** Arguments of {@link InvokeResourcePolicy}. */
export interface InvokeResourcePolicyArgs extends InvokeAccess {
    /** What the policy protects: a runtime (or endpoint) or a gateway. */
    kind: "runtime" | "gateway";
    /** ARN of the runtime, runtime endpoint or gateway. */
    resourceArn: pulumi.Input<string>;
}

/** Invoke actions per kind (Service Authorization Reference, bedrock-agentcore). */
export const INVOKE_ACTIONS = {
    runtime: ["bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream"],
    gateway: ["bedrock-agentcore:InvokeGateway"],
} as const;

const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

/** Checks an {@link InvokeAccess}: at least one restriction, account ids and organization id well formed. */
export function checkInvokeAccess(problems: Problems, access: InvokeAccess, path: string): void {
    if (!access.accounts?.length && !access.organizationId && !access.sourceVpceIds?.length && !access.sourceVpcIds?.length) {
        problems.add(path, access, "must name accounts, an organizationId, sourceVpceIds or sourceVpcIds: a resource policy without any would allow everyone");
    }
    (access.accounts ?? []).forEach((account, i) => checkShape(problems, `${path}.accounts[${i}]`, account, "AwsAccountId"));
    if (access.organizationId !== undefined && !ORGANIZATION_ID.test(access.organizationId)) {
        problems.add(`${path}.organizationId`, access.organizationId, "must match ^o-[a-z0-9]{10,32}$ (an AWS Organizations id)");
    }
}

/** The policy's statements: principals from accounts (or `*` under the organization), every network condition on each. */
export function invokeStatements(args: InvokeResourcePolicyArgs, partition: pulumi.Input<string> = "aws"): pulumi.Input<PolicyStatement>[] {
    const network: Record<string, Record<string, pulumi.Input<pulumi.Input<string>[]>>> = {};
    if (args.sourceVpceIds?.length) {
        network.StringEquals = { ...network.StringEquals, "aws:SourceVpce": args.sourceVpceIds };
    }
    if (args.sourceVpcIds?.length) {
        network.StringEquals = { ...network.StringEquals, "aws:SourceVpc": args.sourceVpcIds };
    }
    const base = { Effect: "Allow" as const, Action: [...INVOKE_ACTIONS[args.kind]], Resource: args.resourceArn };
    const statements: pulumi.Input<PolicyStatement>[] = [];
    if (args.accounts?.length) {
        const principals = args.accounts.map((a) => pulumi.interpolate`arn:${partition}:iam::${a}:root`);
        statements.push({ Sid: "InvokeFromAccounts", ...base, Principal: { AWS: principals }, ...(Object.keys(network).length ? { Condition: network } : {}) } as PolicyStatement);
    }
    if (args.organizationId) {
        statements.push({ Sid: "InvokeFromOrganization", ...base, Principal: "*", Condition: { ...network, StringEquals: { ...network.StringEquals, "aws:PrincipalOrgID": args.organizationId } } } as PolicyStatement);
    }
    if (statements.length === 0) {
        statements.push({ Sid: "InvokeFromNetwork", ...base, Principal: "*", Condition: network } as PolicyStatement);
    }
    return statements;
}

/** A resource-based policy on a runtime or gateway allowing invocation only to the given accounts, organization or networks. */
export class InvokeResourcePolicy extends pulumi.ComponentResource {
    /** The resource policy. */
    readonly policy: AgentcoreResourcePolicy;

    constructor(name: string, args: InvokeResourcePolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}InvokeResourcePolicy`, name, {}, opts);
        const problems = new Problems();
        checkInvokeAccess(problems, args, "access");
        problems.throwIfAny(`InvokeResourcePolicy ${name}`);
        this.policy = new AgentcoreResourcePolicy(
            `${name}-policy`,
            { resourceArn: args.resourceArn, policy: pulumi.jsonStringify(policyDocument(invokeStatements(args, awsContext(this).partition))) },
            { parent: this },
        );
        this.registerOutputs({});
    }
}
