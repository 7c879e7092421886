import * as pulumi from "@pulumi/pulumi";
import { Registry } from "@pulumi/aws/agentregistry";
import { TYPE_PREFIX, baseTags } from "../common/naming";
import { CustomerManagedKey } from "../kms/customerManagedKey";
import { Problems } from "../validation";
import { AgentRegistryArgs, ResolvedRegistry } from "./types";
import { resolveRegistry } from "./validate";

/** Tag naming the pack rules a resource is exempt from (policy/common/rule.ts EXEMPT_TAG), and its reason tag. */
const EXEMPT_TAG = "agentcore-policy-exempt";
const EXEMPT_REASON_TAG = "agentcore-policy-exempt-reason";

/**
 * The organization's agent registry (AWS Agent Registry, `aws.agentregistry.Registry`): where
 * teams publish their agents, MCP servers and tools, and discover what others run. Approval per
 * profile (dev approves at once, staging and prod need a curator), an IAM or JWT authorizer for
 * search and the registry's MCP endpoint, a customer-managed key for record descriptors, and, in
 * prod, protection from deletion.
 *
 * Never `aws.bedrock.AgentcoreRegistry`: deprecated, it stopped working on 2026-09-17 when the
 * service moved to the `agent-registry` namespace.
 */
export class AgentRegistry extends pulumi.ComponentResource {
    /** The registry. */
    readonly registry: Registry;
    /** The key record descriptors are encrypted with, when created here. */
    readonly key?: CustomerManagedKey;
    /** Registry name. */
    readonly registryName: string;
    /** Registry ARN (`arn:<partition>:agent-registry:<region>:<account>:registry/<id>`): `AgentEnvironment`'s `publish.registry`. */
    readonly registryArn: pulumi.Output<string>;
    /** Registry id. */
    readonly registryId: pulumi.Output<string>;
    /** Customer-managed key ARN of the registry. */
    readonly kmsKeyArn: pulumi.Output<string>;

    constructor(name: string, args: AgentRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentRegistry`, name, {}, opts);
        const problems = new Problems();
        const r = resolveRegistry(problems, name, args);
        problems.throwIfAny(`AgentRegistry ${name}`);
        const resolved = r!;
        const tags = registryTags(resolved, args.environment);
        this.registryName = resolved.registryName;
        this.key =
            resolved.encryptionKey === "create"
                ? new CustomerManagedKey(`${name}-key`, { purpose: `record descriptors of agent registry ${resolved.registryName}`, protectFromDeletion: resolved.protect, tags }, { parent: this })
                : undefined;
        this.kmsKeyArn = this.key ? this.key.arn : pulumi.output((resolved.encryptionKey as { arn: pulumi.Input<string> }).arn);
        this.registry = new Registry(name, registryArgsOf(resolved, this.kmsKeyArn, tags), { parent: this, protect: resolved.protect, retainOnDelete: resolved.protect });
        this.registryArn = this.registry.registryArn;
        this.registryId = this.registry.registryId;
        this.registerOutputs({ registryArn: this.registryArn, registryId: this.registryId });
    }
}

/** The registry's tags; a dev registry that auto-approves carries the pack exemption, with its reason. */
export function registryTags(r: ResolvedRegistry, environment: string): Record<string, string> {
    return {
        ...baseTags("AgentRegistry", environment),
        ...(r.approval === "auto"
            ? { [EXEMPT_TAG]: "agentcore-registry-approval", [EXEMPT_REASON_TAG]: "dev registry auto-approves records by design: AgentRegistry refuses approval auto outside dev" }
            : {}),
        ...r.tags,
    };
}

/** The `aws.agentregistry.Registry` arguments of a resolved registry. */
export function registryArgsOf(r: ResolvedRegistry, kmsKeyArn: pulumi.Input<string>, tags: Record<string, string>): import("@pulumi/aws/agentregistry").RegistryArgs {
    const a = r.authorizer;
    return {
        name: r.registryName,
        description: r.description,
        // "When omitted or empty, submitted records require manual review" (@pulumi/aws agentregistry/registry.d.ts).
        approvalConfiguration: r.approval === "auto" ? { autoApprovalRules: ["APPROVE_ALL"] } : undefined,
        discoveryConfiguration:
            a.type === "CUSTOM_JWT"
                ? {
                      authorizerType: "CUSTOM_JWT",
                      authorizerConfiguration: {
                          customJwtAuthorizer: {
                              discoveryUrl: a.discoveryUrl,
                              allowedAudiences: a.allowedAudiences && a.allowedAudiences.length > 0 ? a.allowedAudiences : undefined,
                              allowedClients: a.allowedClients && a.allowedClients.length > 0 ? a.allowedClients : undefined,
                              allowedScopes: a.allowedScopes && a.allowedScopes.length > 0 ? a.allowedScopes : undefined,
                          },
                      },
                  }
                : { authorizerType: "AWS_IAM" },
        encryptionConfiguration: { kmsKeyArn },
        tags,
    };
}
