import * as pulumi from "@pulumi/pulumi";
import { AgentcorePolicy } from "@pulumi/aws/bedrock/agentcorePolicy";
import { AgentcorePolicyEngine } from "@pulumi/aws/bedrock/agentcorePolicyEngine";
import { TYPE_PREFIX } from "../common/naming";
import { PolicySource, schemaText } from "./cedar";
import { DerivedSchema } from "./schema";
import { GATEWAY_ARN_PLACEHOLDER, PolicyValidationMode, ToolPolicyMode } from "./types";

/** Arguments of {@link ToolPolicyEngine}: already checked (see `checkToolPolicies`). */
export interface ToolPolicyEngineArgs {
    /** AgentCore name of the engine (`PolicyEngineName`). */
    policyEngineName: string;
    /** Description (1-4096 characters). */
    description?: string;
    /** Customer-managed KMS key for the engine. @default AWS's key */
    encryptionKeyArn?: pulumi.Input<string>;
    /** The mode the gateway uses the engine in (recorded for the plan report). */
    mode: ToolPolicyMode;
    /** The schema the policies were validated against (shown in the plan report). */
    schema: DerivedSchema;
    /** Tags for the engine. */
    tags?: Record<string, string>;
}

/**
 * An AgentCore policy engine and its Cedar policies. The engine exists before
 * the gateway that uses it; the policies, which name the gateway's ARN, are added
 * with {@link ToolPolicyEngine.addPolicies} once the gateway exists. The derived
 * Cedar schema is recorded as the component's `cedarSchema` input, so the offline
 * plan shows it.
 */
export class ToolPolicyEngine extends pulumi.ComponentResource {
    /** The policy engine. */
    readonly engine: AgentcorePolicyEngine;
    /** Engine ARN (the gateway's `policyEngineConfiguration.arn`). */
    readonly policyEngineArn: pulumi.Output<string>;
    /** Engine id. */
    readonly policyEngineId: pulumi.Output<string>;
    /** Policies by name. */
    readonly policies: Record<string, AgentcorePolicy> = {};
    /** The derived Cedar schema, in Cedar's schema syntax. */
    readonly cedarSchema: string;
    private readonly baseName: string;

    constructor(name: string, args: ToolPolicyEngineArgs, opts?: pulumi.ComponentResourceOptions) {
        const cedarSchema = schemaText(args.schema);
        super(
            `${TYPE_PREFIX}ToolPolicyEngine`,
            name,
            { policyEngineName: args.policyEngineName, mode: args.mode, cedarSchema, uncheckedTargets: args.schema.uncheckedTargets.map((t) => `${t.name}: ${t.reason}`) },
            opts,
        );
        this.baseName = name;
        this.cedarSchema = cedarSchema;
        this.engine = new AgentcorePolicyEngine(
            `${name}-engine`,
            { name: args.policyEngineName, description: args.description, encryptionKeyArn: args.encryptionKeyArn, tags: args.tags },
            { parent: this },
        );
        this.policyEngineArn = this.engine.policyEngineArn;
        this.policyEngineId = this.engine.policyEngineId;
        this.registerOutputs({ policyEngineArn: this.policyEngineArn });
    }

    /** Creates one AgentCore policy per source, with `{{gatewayArn}}` replaced by the gateway's ARN. */
    addPolicies(sources: readonly PolicySource[], gatewayArn: pulumi.Input<string>, validationMode: PolicyValidationMode, opts: pulumi.CustomResourceOptions = {}): void {
        for (const source of sources) {
            this.policies[source.name] = new AgentcorePolicy(
                `${this.baseName}-${source.name}`,
                {
                    policyEngineId: this.policyEngineId,
                    name: source.name,
                    description: source.description,
                    definition: { cedar: { statement: pulumi.output(gatewayArn).apply((arn) => source.text.split(GATEWAY_ARN_PLACEHOLDER).join(arn)) } },
                    validationMode,
                },
                { ...opts, parent: this },
            );
        }
    }
}
