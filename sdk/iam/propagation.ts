import * as pulumi from "@pulumi/pulumi";
import { Command } from "@pulumi/command/local";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";

/**
 * Seconds to wait after a role's policy is written before a service is asked to
 * act as that role. IAM is eventually consistent: "changes may not be
 * immediately visible … typically within seconds" (IAM User Guide, "Changes that
 * I make are not always immediately visible",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency).
 */
export const IAM_PROPAGATION_SECONDS = 15;

/**
 * An explicit wait of {@link IAM_PROPAGATION_SECONDS} after `policies` are written,
 * for resources whose create call checks the role's permissions once and has no
 * retry of its own (terraform-provider-aws `aws_bedrockagentcore_gateway_target`
 * before it retried "Gateway execution role lacks permission"). Resources that
 * need the permissions depend on the returned wait. It runs again whenever a
 * policy document changes, and uses `node` (which runs every Pulumi TypeScript
 * program) through `@pulumi/command`, already a dependency of this package.
 * The wait narrows the window; it cannot close it: IAM gives no bound.
 */
export function iamPropagationWait(name: string, policies: RolePolicy[], parent: pulumi.Resource): Command {
    return new Command(
        name,
        {
            interpreter: ["node", "-e"],
            create: `setTimeout(() => {}, ${IAM_PROPAGATION_SECONDS * 1000})`,
            triggers: policies.map((p) => p.policy),
        },
        { parent, dependsOn: policies },
    );
}
