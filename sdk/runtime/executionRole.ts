import * as pulumi from "@pulumi/pulumi";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { AwsContext, agentCoreArnPattern, awsContext, arn } from "../common/context";
import { agentCoreIdPattern } from "../common/naming";
import { TYPE_PREFIX } from "../common/naming";
import { Grantable, PolicyDocument, PolicyStatement, agentCoreTrustPolicy, allow, policyDocument } from "../iam/grants";
import { InferenceProfileModels, modelsResourceArns } from "./models";
import * as perms from "./perms";

/** Arguments of {@link AgentExecutionRole}. */
export interface AgentExecutionRoleArgs {
    /** The runtime's AgentCore name; scopes the trust policy, log groups and workload identity to this agent. */
    runtimeName: string;
    /** ARN of the one ECR repository the image is pulled from. Omit only for images outside private ECR. */
    repositoryArn?: pulumi.Input<string>;
    /**
     * The runtime pulls a container image, so the role needs `ecr:GetAuthorizationToken`.
     * False for a code package (direct code deployment, issue 23 item 1): no ECR access at all.
     * @default true
     */
    pullsImage?: boolean;
    /**
     * Bedrock models the agent may invoke: foundation model ids
     * (`anthropic.claude-3-5-haiku-20241022-v1:0`), cross-region inference profile ids
     * (`us.anthropic.claude-sonnet-4-20250514-v1:0`) or full ARNs. No wildcard default.
     * @default [] (no model access)
     */
    models?: string[];
    /**
     * The foundation models behind inference profiles among the models that cannot be
     * expanded offline, by profile as listed: every application inference profile
     * ARN (and a system profile of a geography without a Region table) maps to the
     * foundation-model ARNs it routes to, one per Region. Bedrock requires invoke on
     * those as well as on the profile
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html).
     * System profiles (`us.`, `eu.`, `apac.`, `jp.`, `au.`, `us-gov.`, `global.`) are expanded without it.
     * @default {}
     */
    inferenceProfileModels?: InferenceProfileModels;
    /**
     * Also allow `GetWorkloadAccessTokenForUserId` (acting for a user id the caller
     * asserts). AWS recommends against it in production.
     * @default false
     */
    allowWorkloadTokenForUserId?: boolean;
    /** Tags for the role. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * The least-privilege execution role of one AgentCore Runtime, as AWS documents
 * it: trust limited to this account and this runtime's ARN, ECR pull on one
 * repository, logs and metrics for this runtime only, traces, workload tokens for
 * this agent, and model invocation on the listed models only. Other components
 * add their access with {@link grant}, one named inline policy per purpose.
 */
export class AgentExecutionRole extends pulumi.ComponentResource implements Grantable {
    /** The IAM role. */
    readonly role: Role;
    /** ARN of the role, for the runtime's `roleArn`. */
    readonly roleArn: pulumi.Output<string>;
    /** The baseline permissions document (without grants). */
    readonly policyDocument: pulumi.Output<PolicyDocument>;
    /** The trust policy document. */
    readonly trustPolicy: pulumi.Output<PolicyDocument>;
    /** ARN pattern of this agent's own workload identity (`…/workload-identity/<runtimeName>-??????????`: this runtime's id only), the one token grants name. */
    readonly workloadIdentityArnPattern: pulumi.Output<string>;
    /** Every inline policy of the role, by purpose, including `runtime-baseline`. */
    readonly policies: Map<string, RolePolicy> = new Map();

    private readonly resourceName: string;

    constructor(name: string, args: AgentExecutionRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentExecutionRole`, name, {}, opts);
        this.resourceName = name;
        const ctx = awsContext(this);

        this.trustPolicy = agentCoreTrustPolicy("AssumedByAgentCoreRuntime", ctx.accountId, agentCoreArnPattern(ctx, "runtime", args.runtimeName));
        this.role = new Role(
            `${name}-role`,
            {
                assumeRolePolicy: pulumi.jsonStringify(this.trustPolicy),
                description: `Execution role of AgentCore runtime ${args.runtimeName}`,
                maxSessionDuration: 3600,
                tags: args.tags,
            },
            { parent: this },
        );
        this.roleArn = this.role.arn;
        this.workloadIdentityArnPattern = workloadIdentityArnPattern(ctx, args.runtimeName);
        this.policyDocument = policyDocument(baselineStatements(ctx, args, this.workloadIdentityArnPattern));
        this.addPolicy("runtime-baseline", this.policyDocument);
        this.registerOutputs({ roleArn: this.roleArn });
    }

    grant(purpose: string, statements: pulumi.Input<PolicyStatement>[]): RolePolicy {
        return this.addPolicy(purpose, policyDocument(statements));
    }

    private addPolicy(purpose: string, document: pulumi.Output<PolicyDocument>): RolePolicy {
        if (!/^[a-z0-9-]{1,40}$/.test(purpose)) {
            throw new Error(`grant purpose "${purpose}" must be 1-40 lowercase letters, digits or hyphens (it names the inline policy)`);
        }
        if (this.policies.has(purpose)) {
            throw new Error(`${this.resourceName}: "${purpose}" was already granted to this role; grant each purpose once`);
        }
        const policy = new RolePolicy(
            `${this.resourceName}-${purpose}`,
            { role: this.role.id, name: purpose, policy: pulumi.jsonStringify(document) },
            { parent: this },
        );
        this.policies.set(purpose, policy);
        return policy;
    }
}


/** The workload identity AgentCore creates for a runtime is named after the runtime id, `<runtimeName>-<10 characters>`; the pattern matches no other runtime's. */
function workloadIdentityArnPattern(ctx: AwsContext, runtimeName: string): pulumi.Output<string> {
    return arn(ctx, "bedrock-agentcore", `workload-identity-directory/default/workload-identity/${agentCoreIdPattern(runtimeName)}`);
}

function baselineStatements(ctx: AwsContext, args: AgentExecutionRoleArgs, ownWorkloadIdentity: pulumi.Output<string>): pulumi.Input<PolicyStatement>[] {
    // Log groups are named `/aws/bedrock-agentcore/runtimes/<runtimeId>-<endpointName>`.
    const logGroup = `log-group:/aws/bedrock-agentcore/runtimes/${agentCoreIdPattern(args.runtimeName)}-*`;
    const workloadDirectory = arn(ctx, "bedrock-agentcore", "workload-identity-directory/default");
    const statements: pulumi.Input<PolicyStatement>[] = [];
    if (args.repositoryArn !== undefined) {
        statements.push(allow("PullAgentImage", perms.ECR_PULL, [args.repositoryArn]));
    }
    if (args.pullsImage ?? true) {
        statements.push(allow("LogInToEcr", perms.ECR_TOKEN, ["*"]));
    }
    statements.push(
        allow("CreateRuntimeLogGroup", perms.LOGS_GROUP, [arn(ctx, "logs", logGroup)]),
        allow("DescribeLogGroups", perms.LOGS_DESCRIBE_GROUPS, ["*"]),
        allow("WriteRuntimeLogs", perms.LOGS_WRITE, [arn(ctx, "logs", `${logGroup}:log-stream:*`)]),
        allow("WriteTraces", perms.XRAY_WRITE, ["*"]),
        allow("WriteAgentCoreMetrics", perms.METRICS_WRITE, ["*"], { StringEquals: { "cloudwatch:namespace": perms.METRICS_NAMESPACE } }),
        allow(
            "GetOwnWorkloadAccessToken",
            [...perms.WORKLOAD_TOKENS, ...(args.allowWorkloadTokenForUserId ? perms.WORKLOAD_TOKEN_FOR_USER_ID : [])],
            [workloadDirectory, ownWorkloadIdentity],
        ),
    );
    const models = args.models ?? [];
    if (models.length > 0) {
        statements.push(allow("InvokeAllowedModels", perms.MODEL_INVOKE, modelsResourceArns(ctx, models, args.inferenceProfileModels)));
    }
    return statements;
}
