import * as pulumi from "@pulumi/pulumi";
import { ResourcePolicy as XrayResourcePolicy } from "@pulumi/aws/xray/resourcePolicy";
import { AwsContext, arn, awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { PolicyDocument, policyDocument } from "../iam/grants";
import * as perms from "./perms";

/** Arguments of {@link TraceDeliveryPolicy}. */
export interface TraceDeliveryPolicyArgs {
    /** Name of the X-Ray resource policy (`[\w+=,.@-]{1,128}`, unique in the account). @default "AgentCoreTraceDelivery" */
    policyName?: string;
}

/** The default name of the account's AgentCore trace delivery policy. */
export const TRACE_DELIVERY_POLICY_NAME = "AgentCoreTraceDelivery";

/**
 * The X-Ray resource policy document that admits vended trace delivery from every
 * AgentCore resource (runtime, memory, gateway, custom browser, custom code interpreter) of this account and region: the
 * policy CloudWatch Logs documents for traces sent to X-Ray ("Traces sent to
 * X-Ray", https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-XRayTraces.html),
 * with the generating resources narrowed to this account's AgentCore ARNs.
 */
export function traceDeliveryPolicyDocument(ctx: AwsContext): pulumi.Output<PolicyDocument> {
    return policyDocument([
        {
            Sid: "AgentCoreVendedTraceDelivery",
            Effect: "Allow",
            Principal: { Service: perms.LOG_DELIVERY_PRINCIPAL },
            Action: perms.TRACE_DELIVERY_WRITE,
            Resource: "*",
            Condition: {
                "ForAllValues:ArnLike": { "logs:LogGeneratingResourceArns": perms.AGENTCORE_TRACE_SOURCES.map((kind) => arn(ctx, "bedrock-agentcore", `${kind}/*`)) },
                StringEquals: { "aws:SourceAccount": ctx.accountId },
                ArnLike: { "aws:SourceArn": arn(ctx, "logs", "delivery-source:*") },
            },
        },
    ]);
}

/**
 * One X-Ray resource policy per account and region that lets CloudWatch Logs
 * deliver the traces of every AgentCore resource of the account. X-Ray allows at
 * most 5 resource policies per account (PutResourcePolicy,
 * https://docs.aws.amazon.com/xray/latest/api/API_PutResourcePolicy.html), so one
 * policy per agent stops at the 6th traced agent; one account-level policy does
 * not. Like {@link TransactionSearch} (which creates it by default) it is a
 * singleton: create it in exactly one stack per account and region, and let every
 * environment's observability rely on it (`traceDeliveryPolicy: "existing"`).
 *
 * The policy is never deleted by Pulumi (`retainOnDelete`), whichever stack owns it:
 * the provider puts it and deletes it **by name** (terraform-provider-aws
 * `internal/service/xray/resource_policy.go`: Create and Update call
 * `PutResourcePolicy`, which overwrites a policy of that name; Delete looks the name up
 * and calls `DeleteResourcePolicy` on whatever policy has it). So when ownership moves,
 * e.g. an environment that had `traceDeliveryPolicy: "create"` switches to an
 * `AgentPlatform` whose `TransactionSearch` puts the same policy, the old owner's
 * delete would remove the new owner's policy and stop trace delivery for every agent
 * of the account. Retained, a dropped owner leaves the policy in place and the next
 * owner's put adopts it. After the last owner is gone, delete it by hand:
 * `aws xray delete-resource-policy --policy-name AgentCoreTraceDelivery`.
 * Retention is recorded in the state by an update, so upgrade and deploy the old owner
 * once before it drops the policy (README, "Platform: shared pieces for many agent stacks").
 */
export class TraceDeliveryPolicy extends pulumi.ComponentResource {
    /** The X-Ray resource policy. */
    readonly policy: XrayResourcePolicy;
    /** The policy's name. */
    readonly policyName: pulumi.Output<string>;

    constructor(name: string, args: TraceDeliveryPolicyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}TraceDeliveryPolicy`, name, {}, opts);
        const ctx = awsContext(this);
        this.policy = new XrayResourcePolicy(
            `${name}-policy`,
            { policyName: args.policyName ?? TRACE_DELIVERY_POLICY_NAME, policyDocument: pulumi.jsonStringify(traceDeliveryPolicyDocument(ctx)) },
            // Put and deleted by name, shared by the account: never deleted by the stack that drops it (see above).
            { parent: this, retainOnDelete: true },
        );
        this.policyName = this.policy.policyName;
        this.registerOutputs({ policyName: this.policyName });
    }
}
