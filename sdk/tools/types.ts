import * as pulumi from "@pulumi/pulumi";

/** Id of AWS's managed code interpreter (its ARN has the owner `aws` instead of an account). */
export const MANAGED_CODE_INTERPRETER_ID = "aws.codeinterpreter.v1";

/** Id of AWS's managed browser (its ARN has the owner `aws` instead of an account). */
export const MANAGED_BROWSER_ID = "aws.browser.v1";

/**
 * Where a tool's sessions attach to a VPC. A plain object so that the network
 * component's `toolNetwork` output (or a runtime's VPC settings) plugs in as is.
 */
export interface ToolVpcConfig {
    /** Private subnet ids (1-16), in availability zones AgentCore supports. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Security group ids (1-16). */
    securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
}

/** Network of a code interpreter (shape CodeInterpreterNetworkMode). */
export type CodeInterpreterNetwork =
    | {
          /** Isolated: no internet; only Amazon S3 (with the interpreter's role) and DNS. */
          mode: "SANDBOX";
      }
    | {
          /** Sessions reach private resources through the given VPC placement. */
          mode: "VPC";
          /** Subnets and security groups. */
          vpc: ToolVpcConfig;
      }
    | {
          /** Sessions reach the public internet: code the model writes can send data anywhere. */
          mode: "PUBLIC";
      };

/** Network of a browser (shape BrowserNetworkMode: there is no SANDBOX for browsers). */
export type BrowserNetwork =
    | {
          /** Sessions browse through the given VPC placement (reaching the web needs a NAT route). */
          mode: "VPC";
          /** Subnets and security groups. */
          vpc: ToolVpcConfig;
      }
    | {
          /** Sessions browse the public internet directly. */
          mode: "PUBLIC";
      };

/** Maps a VPC placement onto the provider's `vpcConfig` input (same shape for both tools). */
export function vpcConfigInput(vpc: ToolVpcConfig): { subnets: pulumi.Input<pulumi.Input<string>[]>; securityGroups: pulumi.Input<pulumi.Input<string>[]> } {
    return { subnets: vpc.subnetIds, securityGroups: vpc.securityGroupIds };
}
