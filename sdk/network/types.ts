import * as pulumi from "@pulumi/pulumi";
import { EndpointService } from "./features";

/** The runtime reaches the internet directly; no network resources are created. */
export interface PublicNetwork {
    mode: "PUBLIC";
}

/** Run in an existing VPC (the common enterprise case: centrally managed VPCs and endpoints). */
export interface ExistingVpcNetwork {
    mode: "EXISTING_VPC";
    /** The VPC (`vpc-[0-9a-f]{8,17}`). Every subnet must belong to it. */
    vpcId: pulumi.Input<string>;
    /**
     * Private subnets for the runtime's network interfaces (1-16, shape Subnets),
     * each in an availability zone AgentCore supports (checked when the subnet is
     * looked up). Interface endpoints go into the first subnet of each zone. The
     * S3 gateway endpoint goes on the subnets' explicitly associated route tables.
     */
    subnetIds: pulumi.Input<string>[];
    /**
     * Existing security groups for the runtime (1-16, shape SecurityGroups). When
     * given, no runtime security group is created and these groups' egress rules
     * are yours (they must reach the endpoints on 443); the endpoints created here
     * admit 443 from them.
     * @default a new group with no ingress and egress only on 443 to the endpoints and S3
     */
    securityGroupIds?: pulumi.Input<string>[];
    /**
     * Services whose VPC endpoints this VPC already has (e.g. shared, centrally
     * managed endpoints); no endpoint is created for them. List `s3` when the
     * subnets' route tables already carry an S3 gateway endpoint. Sharing an
     * interface endpoint requires `securityGroupIds` that can reach it.
     * @default [] (create every endpoint the stack needs)
     */
    sharedEndpoints?: EndpointService[];
}

/** NAT gateways of a new VPC (awsx strategies). */
export type NatGatewayStrategy = "None" | "Single" | "OnePerAz";

/** Create a new VPC (through `@pulumi/awsx`) with private subnets in supported zones. */
export interface NewVpcNetwork {
    mode: "NEW_VPC";
    /** IPv4 range of the VPC, a /16 to /24. @default "10.0.0.0/16" */
    cidrBlock?: string;
    /** Availability zones to spread subnets over (at least 2, at most the region's supported zones). @default 2 */
    availabilityZoneCount?: number;
    /**
     * NAT gateways, for agents that call the internet. With `None` the subnets are
     * isolated (no route out; the VPC endpoints carry all AWS traffic); otherwise
     * private subnets route through NAT gateways in public subnets and the
     * runtime's group may also send 443 to 0.0.0.0/0.
     * @default "None"
     */
    natGateways?: NatGatewayStrategy;
}

/** Where an agent's sessions run: the `network` argument of `AgentEnvironment` and the `network` stack config. */
export type NetworkSettings = PublicNetwork | ExistingVpcNetwork | NewVpcNetwork;

/** The VPC shapes {@link AgentNetwork} builds (PUBLIC needs no component). */
export type VpcNetworkSettings = ExistingVpcNetwork | NewVpcNetwork;

/** Subnets and security groups for the Code Interpreter and Browser tools in VPC mode. */
export interface ToolNetwork {
    /** Subnet ids (checked to be in supported zones). */
    subnetIds: pulumi.Output<string[]>;
    /** Security group ids. */
    securityGroupIds: pulumi.Output<string[]>;
}
