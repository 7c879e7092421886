import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { AgentNetwork } from "../network/agentNetwork";
import { TRACE_DELIVERY_POLICY_NAME } from "../observability/traceDeliveryPolicy";
import { TransactionSearch } from "../observability/transactionSearch";
import { CustomerManagedKey } from "../kms/customerManagedKey";
import { AgentRegistry } from "../registry/agentRegistry";
import { InputValidationError } from "../validation";
import { resolvePlatform } from "./resolve";
import { AgentPlatformArgs, PlatformFeature, PlatformOutputs, ResolvedPlatform } from "./types";

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
    /** The organization's agent registry (issue 24 item 1), when `registry` is set. */
    readonly registry?: AgentRegistry;
    /** Everything team stacks read: export it as the stack output `platform`. */
    readonly outputs: pulumi.Output<PlatformOutputs>;

    constructor(name: string, args: AgentPlatformArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentPlatform`, name, {}, opts);
        const resolution = resolvePlatform(name, args);
        if (resolution.ok === false) {
            throw new InputValidationError(`AgentPlatform ${name}`, resolution.problems);
        }
        const r = resolution.value;
        this.features = r.features;
        this.transactionSearch = new TransactionSearch(`${name}-transaction-search`, r.transactionSearch, { parent: this });
        this.network = new AgentNetwork(`${name}-network`, r.network, { parent: this });
        this.logsKey = r.logsKey && new CustomerManagedKey(`${name}-logs-key`, r.logsKey, { parent: this });
        this.registry = r.registry && new AgentRegistry(`${name}-registry`, r.registry, { parent: this });
        this.outputs = this.outputsOf(r);
        this.registerOutputs({ outputs: this.outputs });
    }

    /** What team stacks read, once the network, the trace delivery policy and the key exist. */
    private outputsOf(r: ResolvedPlatform): pulumi.Output<PlatformOutputs> {
        const ctx = awsContext(this);
        const groups = [this.network.runtimeSecurityGroup!.id, ...(this.network.toolsSecurityGroup ? [this.network.toolsSecurityGroup.id] : [])];
        return pulumi
            .all([ctx.accountId, ctx.region, this.network.vpcId, this.network.runtimeNetwork.subnetIds, pulumi.all(groups), this.transactionSearch.traceDeliveryPolicy!.policyName, this.logsKey?.arn, this.registry?.registryArn])
            .apply(([accountId, region, vpcId, subnetIds, securityGroupIds, traceDeliveryPolicyName, logsKeyArn, registryArn]) => ({
                platformName: `${pulumi.getProject()}/${pulumi.getStack()}`,
                accountId,
                region,
                vpcId,
                subnetIds,
                securityGroupIds,
                endpoints: [...this.network.endpointServices],
                features: [...r.features],
                traceDeliveryPolicyName: traceDeliveryPolicyName ?? TRACE_DELIVERY_POLICY_NAME,
                ...(r.policyEngineArn ? { policyEngineArn: r.policyEngineArn } : {}),
                ...(logsKeyArn ? { logsKeyArn } : {}),
                ...(registryArn ? { registryArn } : {}),
            }));
    }
}
