import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { AgentNetwork } from "../network/agentNetwork";
import { NO_FEATURES, NetworkFeatures } from "../network/features";
import { TRACE_DELIVERY_POLICY_NAME } from "../observability/traceDeliveryPolicy";
import { TransactionSearch } from "../observability/transactionSearch";
import { sharedLogsKeyStatements } from "../observability/agentObservability";
import { CustomerManagedKey } from "../kms/customerManagedKey";
import { Problems } from "../validation";
import { AgentPlatformArgs, PLATFORM_FEATURES, PlatformFeature, PlatformOutputs } from "./types";

/**
 * The pieces every agent stack of one account and region shares, created once:
 * Transaction Search with the account's one X-Ray trace delivery policy, and a VPC
 * (`AgentNetwork`, NEW_VPC) with the VPC endpoints of every feature the platform
 * allows. Export {@link outputs} as the stack output `platform`; team stacks pass it
 * to `AgentEnvironment`'s `platform` and then create none of these themselves.
 *
 * Interface endpoints are billed per hour and availability zone; one set per account
 * instead of one per agent stack is the point (README, "Platform: shared pieces").
 */
export class AgentPlatform extends pulumi.ComponentResource {
    /** Transaction Search and the account's trace delivery policy. */
    readonly transactionSearch: TransactionSearch;
    /** The shared VPC and its endpoints. */
    readonly network: AgentNetwork;
    /** The features team stacks may use. */
    readonly features: PlatformFeature[];
    /** The logs key every team stack's log groups share (unless `logsKey: false`). */
    readonly logsKey?: CustomerManagedKey;
    /** Everything team stacks read: export it as the stack output `platform`. */
    readonly outputs: pulumi.Output<PlatformOutputs>;

    constructor(name: string, args: AgentPlatformArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentPlatform`, name, {}, opts);
        const problems = new Problems();
        const features = args.features ?? [...PLATFORM_FEATURES];
        features.forEach((f, i) => {
            if (!PLATFORM_FEATURES.includes(f)) {
                problems.add(`features[${i}]`, f, `must be one of ${PLATFORM_FEATURES.join(", ")}`);
            } else if (features.indexOf(f) !== i) {
                problems.add(`features[${i}]`, f, "is listed twice");
            }
        });
        if (args.policyEngineArn !== undefined && !/^arn:aws[a-z-]*:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:policy-engine\/.+$/.test(args.policyEngineArn)) {
            problems.add("policyEngineArn", args.policyEngineArn, "must be an AgentCore policy engine ARN (arn:<partition>:bedrock-agentcore:<region>:<account>:policy-engine/<id>)");
        }
        problems.throwIfAny(`AgentPlatform ${name}`);
        this.features = features;

        this.transactionSearch = new TransactionSearch(`${name}-transaction-search`, { indexingPercentage: args.indexingPercentage }, { parent: this });
        const networkFeatures: NetworkFeatures = { ...NO_FEATURES, ...Object.fromEntries(features.map((f) => [f, true])) };
        this.network = new AgentNetwork(`${name}-network`, { mode: "NEW_VPC", ...(args.network ?? {}), features: networkFeatures, tags: args.tags }, { parent: this });

        if (args.logsKey ?? true) {
            this.logsKey = new CustomerManagedKey(
                `${name}-logs-key`,
                { purpose: "AgentCore vended log groups of every agent stack on this platform", serviceStatements: sharedLogsKeyStatements, protectFromDeletion: args.protectLogsKey ?? true, tags: args.tags },
                { parent: this },
            );
        }

        const ctx = awsContext(this);
        const groups = [this.network.runtimeSecurityGroup!.id, ...(this.network.toolsSecurityGroup ? [this.network.toolsSecurityGroup.id] : [])];
        this.outputs = pulumi
            .all([ctx.accountId, ctx.region, this.network.vpcId, this.network.runtimeNetwork.subnetIds, pulumi.all(groups), this.transactionSearch.traceDeliveryPolicy!.policyName, this.logsKey?.arn])
            .apply(([accountId, region, vpcId, subnetIds, securityGroupIds, traceDeliveryPolicyName, logsKeyArn]) => ({
                platformName: `${pulumi.getProject()}/${pulumi.getStack()}`,
                accountId,
                region,
                vpcId,
                subnetIds,
                securityGroupIds,
                endpoints: [...this.network.endpointServices],
                features: [...features],
                traceDeliveryPolicyName: traceDeliveryPolicyName ?? TRACE_DELIVERY_POLICY_NAME,
                ...(args.policyEngineArn ? { policyEngineArn: args.policyEngineArn } : {}),
                ...(logsKeyArn ? { logsKeyArn } : {}),
            }));
        this.registerOutputs({ outputs: this.outputs });
    }
}
