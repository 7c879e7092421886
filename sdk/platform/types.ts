import type { CustomerManagedKeyArgs } from "../kms/customerManagedKey";
import type { AgentNetworkArgs } from "../network/agentNetwork";
import { EndpointService } from "../network/features";
import type { TransactionSearchArgs } from "../observability/transactionSearch";
import { NewVpcNetwork } from "../network/types";
import type { AgentRegistryArgs } from "../registry/types";

/** A feature team stacks on a platform may use; each decides the shared VPC endpoints the platform creates. */
export type PlatformFeature = "models" | "memory" | "identity" | "gateway" | "codeInterpreter" | "browser" | "observability" | "customerManagedKeys";

/** Every platform feature, in the order of `NetworkFeatures`. */
export const PLATFORM_FEATURES: readonly PlatformFeature[] = ["models", "memory", "identity", "gateway", "codeInterpreter", "browser", "observability", "customerManagedKeys"];

/** Arguments of `AgentPlatform`: one account and region shared by many agent stacks. */
export interface AgentPlatformArgs {
    /**
     * What team stacks may use: the platform creates the VPC endpoints every listed
     * feature needs (and those a runtime always needs: image pull, logs). A team stack
     * needing an endpoint for a feature not listed fails at plan time.
     * @default every feature
     */
    features?: PlatformFeature[];
    /** The shared VPC (always a new one, built by `AgentNetwork`). @default a /16 in 2 supported zones, no NAT */
    network?: Omit<NewVpcNetwork, "mode">;
    /**
     * Create one customer-managed key for every team stack's log groups (rotating; CloudWatch
     * Logs may use it only for AgentCore vended log groups of this account and region).
     * Team stacks whose profile wants customer-managed keys then create no logs key of their own.
     * @default true
     */
    logsKey?: boolean;
    /** Protect the shared logs key from deletion (`protect` and retain on delete). @default true */
    protectLogsKey?: boolean;
    /** Percentage of spans indexed by Transaction Search (0-100). @default 1 */
    indexingPercentage?: number;
    /**
     * ARN of a policy engine team gateways may share (exported as is; the platform
     * does not create it).
     * @default none
     */
    policyEngineArn?: string;
    /**
     * The organization's agent registry (issue 24 item 1, `AgentRegistry`): approval per
     * `registry.environment` (dev auto, staging and prod manual), an IAM or JWT authorizer, a
     * customer-managed key, prod protected. Team stacks publish to it with `AgentEnvironment`'s
     * `publish: { registry: platform.registryArn }`.
     * @default none
     */
    registry?: Omit<AgentRegistryArgs, "tags">;
    /** Tags for every resource the platform creates. */
    tags?: Record<string, string>;
}

/**
 * What a platform stack exports and team stacks read (`AgentEnvironment`'s
 * `platform`): every value known, so that a team stack decides at plan time what it
 * creates. Read it with `platformOutputs(stackReference)` or from stack config.
 */
export interface PlatformOutputs {
    /** The platform's name (the stack name, `org/project/stack`, or the component name), named in errors. */
    platformName: string;
    /** Account id the platform is in (12 digits). */
    accountId: string;
    /** Region the platform is in; team stacks must deploy to the same. */
    region: string;
    /** The shared VPC. */
    vpcId: string;
    /** Its private subnets, for team runtimes. */
    subnetIds: string[];
    /** Security groups team runtimes and tools use; the shared endpoints admit 443 from them. */
    securityGroupIds: string[];
    /** The VPC endpoints the platform created (by service). */
    endpoints: EndpointService[];
    /** The features team stacks may use. */
    features: PlatformFeature[];
    /** Name of the account's one X-Ray trace delivery policy (created with Transaction Search). */
    traceDeliveryPolicyName: string;
    /** A policy engine team gateways may share, when the platform names one. */
    policyEngineArn?: string;
    /** The shared logs key team stacks encrypt their log groups with, when the platform has one. */
    logsKeyArn?: string;
    /** The organization's agent registry (`publish.registry` of team environments), when the platform has one. */
    registryArn?: string;
}

/** The keys of {@link PlatformOutputs} a platform must export (all but the optional ones). */
export const PLATFORM_OUTPUT_KEYS = ["platformName", "accountId", "region", "vpcId", "subnetIds", "securityGroupIds", "endpoints", "features", "traceDeliveryPolicyName"] as const;

/** One `AgentPlatform`, resolved (issue 26): each child's arguments with every default applied, as data. */
export interface ResolvedPlatform {
    name: string;
    /** The features team stacks may use. */
    features: PlatformFeature[];
    /** Transaction Search (and the account's trace delivery policy). */
    transactionSearch: TransactionSearchArgs;
    /** The shared VPC (NEW_VPC) with the endpoints of every feature. */
    network: AgentNetworkArgs;
    /** The shared logs key, unless `logsKey: false`. */
    logsKey?: CustomerManagedKeyArgs;
    /** The policy engine team stacks attach, if any. */
    policyEngineArn?: string;
    /** The organization's agent registry, if any. */
    registry?: AgentRegistryArgs;
}
