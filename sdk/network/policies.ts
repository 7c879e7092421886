import * as pulumi from "@pulumi/pulumi";
import { AwsContext, arn } from "../common/context";
import { PolicyDocument, PolicyStatement, policyDocument } from "../iam/grants";
import { ENDPOINTS, EndpointService, NetworkFeatures } from "./features";
import * as perms from "./perms";

/**
 * The policy of one VPC endpoint: what may pass through it, on top of the
 * caller's own IAM permissions.
 *
 * - `bedrock-agentcore` and `bedrock-agentcore.gateway` carry OAuth (bearer
 *   token) calls, which have no IAM principal: the principal must be `*` (AgentCore
 *   guide, "Use interface VPC endpoints", authorization considerations). So they
 *   admit any caller, but only to this account's AgentCore resources (and AWS's
 *   built-in tools when used), and SigV4 callers only from this account
 *   (`aws:PrincipalAccount` with `IfExists`, absent for OAuth calls).
 * - `s3` (gateway) admits reading ECR's image layers from the AWS-owned layer
 *   bucket (requests are signed by ECR, not by this account) and this account's
 *   principals on this account's buckets.
 * - every other service is called only with this account's roles:
 *   `aws:PrincipalAccount` must be this account. `aws:ResourceAccount` is not
 *   used there: foundation models, ECR auth tokens and X-Ray have no account.
 */
export function endpointPolicy(service: EndpointService, ctx: AwsContext, features: Partial<NetworkFeatures>): pulumi.Output<PolicyDocument> {
    const thisAccount = { "aws:PrincipalAccount": ctx.accountId };
    if (service === "bedrock-agentcore" || service === "bedrock-agentcore.gateway") {
        const resources: pulumi.Input<string>[] = [arn(ctx, "bedrock-agentcore", "*")];
        if (service === "bedrock-agentcore" && features.codeInterpreter) {
            resources.push(pulumi.interpolate`arn:${ctx.partition}:bedrock-agentcore:${ctx.region}:aws:code-interpreter/*`);
        }
        if (service === "bedrock-agentcore" && features.browser) {
            resources.push(pulumi.interpolate`arn:${ctx.partition}:bedrock-agentcore:${ctx.region}:aws:browser/*`);
        }
        return policyDocument([
            statement("AgentCoreInThisAccountIncludingOAuthCallers", perms.AGENTCORE_DATA_PLANE, resources, { StringEqualsIfExists: thisAccount }),
        ]);
    }
    if (service === "s3") {
        return policyDocument([
            statement("DownloadEcrImageLayers", perms.ECR_LAYER_DOWNLOAD, [pulumi.interpolate`arn:${ctx.partition}:s3:::prod-${ctx.region}-starport-layer-bucket/*`]),
            statement("ThisAccountBucketsByThisAccount", ["s3:*"], ["*"], {
                StringEquals: { ...thisAccount, "aws:ResourceAccount": ctx.accountId },
            }),
        ]);
    }
    return policyDocument([statement("ThisAccountPrincipalsOnly", [`${ENDPOINTS[service].actionPrefix}:*`], ["*"], { StringEquals: thisAccount })]);
}

function statement(sid: string, actions: string[], resources: pulumi.Input<string>[], condition?: Record<string, any>): pulumi.Input<PolicyStatement> {
    return { Sid: sid, Effect: "Allow", Principal: "*", Action: actions, Resource: resources, ...(condition ? { Condition: condition } : {}) };
}
