import { resourceRule } from "../../common/rule";
import { T } from "../../common/types";
import { at, isUnknown, knownString } from "../../common/values";
import { arnCoverage } from "../../iam/arns";
import { AGENTCORE_SERVICE } from "../../iam/roles";

const ARN = /^arn:[^:]*:([^:]*):([^:]*):([^:]*):(.*)$/;

/**
 * Lambda matches `sourceArn` against the calling resource's ARN (`AWS:SourceArn`, ArnLike) and
 * `sourceAccount` against its account (https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html).
 * An exact ARN that carries a 12-digit account already names one resource of one account, so
 * `sourceAccount` adds nothing; it matters where the ARN carries no account (an S3 bucket) or
 * a wildcard stands in for it.
 */
function sourceProblems(sourceArn: string | undefined, sourceAccount: string | undefined): string[] {
    if (!sourceArn) {
        return [
            sourceAccount
                ? "must set sourceArn to the gateway's ARN (gatewayArn): with sourceAccount alone any AgentCore resource of the account can invoke the function"
                : "must set sourceArn to the gateway's ARN (gatewayArn): without it (and without sourceAccount) any AgentCore resource of any account can invoke the function",
        ];
    }
    const m = ARN.exec(sourceArn);
    const account = m?.[3];
    const problems: string[] = [];
    if (!sourceAccount && (!account || !/^\d{12}$/.test(account))) {
        problems.push(`must set sourceAccount: sourceArn "${sourceArn}" names no account, so a resource of that name in any account can invoke the function`);
    }
    // issue 25 item 9: a wildcard sourceArn with sourceAccount set passed the old rule while any gateway (or any AgentCore resource) of the account could invoke.
    const covered = m?.[1] === "bedrock-agentcore" ? arnCoverage(sourceArn, "bedrock-agentcore") : undefined;
    if (covered) {
        problems.push(`sourceArn "${sourceArn}" covers ${covered.covers}${account && /^\d{12}$/.test(account) ? ` of account ${account}` : ""}: set it to the one gateway's ARN (gatewayArn)`);
    }
    return problems;
}

export const lambdaPermissionSource = resourceRule({
    name: "agentcore-lambda-permission-source",
    description:
        "A Lambda permission that lets the AgentCore service (bedrock-agentcore.amazonaws.com) invoke a function names the one calling resource: an exact sourceArn that carries the account (the gateway's ARN), or sourceArn plus sourceAccount where the ARN carries no account; otherwise any AgentCore resource (of any account) can call the function (confused deputy).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Components: a Lambda target (`gateway.targets[].functionArn`) or interceptor (`gateway.interceptors[].functionArn`) needs no resource policy: the gateway's role invokes it. Raw resources: Set sourceArn to the gateway's ARN (gatewayArn) on the aws.lambda.Permission; add sourceAccount when the ARN carries no account.",
    types: [T.lambdaPermission],
    check: (res) => {
        const principal = at(res.props, "principal");
        if (isUnknown(principal) || typeof principal !== "string" || principal.toLowerCase() !== AGENTCORE_SERVICE) {
            return [];
        }
        const sourceArn = at(res.props, "sourceArn");
        const sourceAccount = at(res.props, "sourceAccount");
        if (isUnknown(sourceArn) || isUnknown(sourceAccount)) {
            return [];
        }
        return sourceProblems(knownString(sourceArn), knownString(sourceAccount)).map((p) => `Lambda permission for ${AGENTCORE_SERVICE} ${p}`);
    },
});
