import * as pulumi from "@pulumi/pulumi";
import { AwsContext } from "../common/context";

/** Geography prefixes of cross-region inference profile ids (`us.anthropic...`). */
const INFERENCE_PROFILE_PREFIXES = ["us", "eu", "apac", "jp", "au", "ca", "us-gov", "global"];

/** True when the text is a full Bedrock ARN rather than a model or profile id. */
function isArn(model: string): boolean {
    return model.startsWith("arn:");
}

/**
 * The resources `bedrock:InvokeModel*` must name for a model reference:
 * - a full ARN: itself;
 * - a cross-region inference profile id (`us.anthropic.claude-...`): the profile in
 *   this region and the foundation model it routes to in any region (AWS requires both);
 * - a foundation model id: that model in this region.
 */
export function modelResourceArns(ctx: AwsContext, model: string): pulumi.Output<string>[] {
    if (isArn(model)) {
        return [pulumi.output(model)];
    }
    const dot = model.indexOf(".");
    const prefix = dot > 0 ? model.slice(0, dot) : "";
    if (INFERENCE_PROFILE_PREFIXES.includes(prefix)) {
        const foundation = model.slice(dot + 1);
        return [
            pulumi.interpolate`arn:${ctx.partition}:bedrock:${ctx.region}:${ctx.accountId}:inference-profile/${model}`,
            pulumi.interpolate`arn:${ctx.partition}:bedrock:*::foundation-model/${foundation}`,
        ];
    }
    return [pulumi.interpolate`arn:${ctx.partition}:bedrock:${ctx.region}::foundation-model/${model}`];
}

/** The resources `bedrock:InvokeModel*` must name for several model references, without duplicates. */
export function modelsResourceArns(ctx: AwsContext, models: string[]): pulumi.Output<string[]> {
    return pulumi.all(models.flatMap((m) => modelResourceArns(ctx, m))).apply((all) => [...new Set(all)]);
}

/** Bedrock model id: provider.model-name[:version], or an inference profile id, or an ARN. */
export const MODEL_REFERENCE = /^(arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]*:[0-9]{0,12}:(foundation-model|inference-profile|application-inference-profile|provisioned-model)\/[a-zA-Z0-9.:_/-]+|[a-z0-9-]+(\.[a-z0-9-]+)?\.[a-zA-Z0-9._:-]+)$/;
