import * as pulumi from "@pulumi/pulumi";
import { AwsContext } from "../common/context";
import { Problems } from "../validation";

/**
 * Bedrock user guide, "Prerequisites for inference profiles": when a policy names
 * an inference profile, it "must also specify the foundation model in each Region
 * associated with it". A grant on the profile alone is refused at invoke time.
 */
export const INFERENCE_PROFILE_PREREQUISITES = "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html";

/**
 * The destination Regions of system-defined (cross-Region) inference profiles, by
 * the geography prefix of the profile id (`us.anthropic…`). Each list is the union
 * over the models of that geography, from the Bedrock user guide "Supported Regions
 * and models for inference profiles"
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html)
 * as AWS CDK's `CrossRegionInferenceProfileRegion` (aws-bedrock-alpha) lists them.
 * A profile of a model routes to a subset of its geography's list; granting the whole
 * list keeps the grant inside the geography. `global` routes to every commercial
 * Region, hence `*`. When AWS adds a destination Region the profile's calls routed
 * there are refused until this table is updated.
 */
export const INFERENCE_PROFILE_REGIONS: Readonly<Record<string, readonly string[]>> = {
    us: ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
    "us-gov": ["us-gov-east-1", "us-gov-west-1"],
    eu: ["eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3"],
    apac: [
        "ap-east-2",
        "ap-northeast-1",
        "ap-northeast-2",
        "ap-northeast-3",
        "ap-south-1",
        "ap-south-2",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "ap-southeast-5",
        "ap-southeast-7",
        "me-central-1",
    ],
    jp: ["ap-northeast-1", "ap-northeast-3"],
    au: ["ap-southeast-2", "ap-southeast-4"],
    global: ["*"],
};

/** Geography prefixes of profile ids this package recognises but cannot expand offline (no Region list confirmed). */
const UNEXPANDED_PREFIXES = ["ca"];

/**
 * The foundation models behind inference profiles that cannot be expanded offline,
 * by profile ARN: every application inference profile (its models are chosen when it
 * is created), and system profiles of a geography without a Region table. Values are
 * foundation-model ARNs, one per Region the profile routes to
 * (`arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-…`).
 */
export type InferenceProfileModels = Record<string, string[]>;

/** Bedrock model id: provider.model-name[:version], or an inference profile id, or an ARN. */
export const MODEL_REFERENCE = /^(arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]*:[0-9]{0,12}:(foundation-model|inference-profile|application-inference-profile|provisioned-model)\/[a-zA-Z0-9.:_/-]+|[a-z0-9-]+(\.[a-z0-9-]+)?\.[a-zA-Z0-9._:-]+)$/;

/** A foundation-model ARN in one Region (or `*`), as `inferenceProfileModels` values must be. */
export const FOUNDATION_MODEL_ARN = /^arn:aws(-[a-z]+)*:bedrock:([a-z0-9-]+|\*)::foundation-model\/[a-zA-Z0-9.:_-]+$/;

/** How a model reference is granted, decided without AWS. */
type ModelKind =
    | { kind: "foundation-id"; model: string }
    | { kind: "profile-id"; profile: string; regions: readonly string[]; foundation: string }
    | { kind: "arn"; arn: string }
    | { kind: "profile-arn"; arn: string; partition: string; regions: readonly string[]; foundation: string }
    | { kind: "needs-models"; arn: string; why: string }
    | { kind: "needs-models-id"; profile: string; why: string };

function classify(model: string): ModelKind {
    if (model.startsWith("arn:")) {
        const m = /^arn:([^:]+):bedrock:[^:]*:[^:]*:(inference-profile|application-inference-profile)\/(.+)$/.exec(model);
        if (!m) {
            return { kind: "arn", arn: model };
        }
        if (m[2] === "application-inference-profile") {
            return { kind: "needs-models", arn: model, why: "is an application inference profile, whose foundation models are chosen when it is created" };
        }
        const [geo, foundation] = splitProfileId(m[3]);
        const regions = geo === undefined ? undefined : INFERENCE_PROFILE_REGIONS[geo];
        if (!regions) {
            return { kind: "needs-models", arn: model, why: `is an inference profile whose geography "${geo ?? m[3]}" has no Region table in this package` };
        }
        return { kind: "profile-arn", arn: model, partition: m[1], regions, foundation };
    }
    const [geo, foundation] = splitProfileId(model);
    if (geo !== undefined && INFERENCE_PROFILE_REGIONS[geo]) {
        return { kind: "profile-id", profile: model, regions: INFERENCE_PROFILE_REGIONS[geo], foundation };
    }
    if (geo !== undefined) {
        return { kind: "needs-models-id", profile: model, why: `is an inference profile whose geography "${geo}" has no Region table in this package` };
    }
    return { kind: "foundation-id", model };
}

/** `us.anthropic.claude-…` → [`us`, `anthropic.claude-…`]; a foundation model id → [undefined, id]. */
function splitProfileId(id: string): [string | undefined, string] {
    const dot = id.indexOf(".");
    const prefix = dot > 0 ? id.slice(0, dot) : "";
    const rest = id.slice(dot + 1);
    // A profile id has three dot-separated parts at least: <geography>.<provider>.<model>.
    if ((INFERENCE_PROFILE_REGIONS[prefix] || UNEXPANDED_PREFIXES.includes(prefix)) && rest.includes(".")) {
        return [prefix, rest];
    }
    return [undefined, id];
}

/**
 * The resources `bedrock:InvokeModel*` must name for a model reference
 * ({@link INFERENCE_PROFILE_PREREQUISITES}):
 * - a foundation model id: that model in this Region;
 * - a system inference profile, by id (`us.anthropic.claude-…`) or ARN: the profile
 *   (in this Region when given by id) and its foundation model in each Region of the
 *   profile's geography ({@link INFERENCE_PROFILE_REGIONS});
 * - an application inference profile (or a profile of an unlisted geography): the
 *   profile ARN and the foundation-model ARNs given for it in `profileModels`;
 * - any other ARN (foundation or provisioned model): itself.
 * References were checked by {@link checkModelReferences}; a profile without its
 * models throws.
 */
export function modelResourceArns(ctx: AwsContext, model: string, profileModels: InferenceProfileModels = {}): pulumi.Output<string>[] {
    const c = classify(model);
    switch (c.kind) {
        case "foundation-id":
            return [pulumi.interpolate`arn:${ctx.partition}:bedrock:${ctx.region}::foundation-model/${c.model}`];
        case "profile-id":
            return [
                pulumi.interpolate`arn:${ctx.partition}:bedrock:${ctx.region}:${ctx.accountId}:inference-profile/${c.profile}`,
                ...c.regions.map((r) => pulumi.interpolate`arn:${ctx.partition}:bedrock:${r}::foundation-model/${c.foundation}`),
            ];
        case "profile-arn":
            return [pulumi.output(c.arn), ...c.regions.map((r) => pulumi.output(`arn:${c.partition}:bedrock:${r}::foundation-model/${c.foundation}`))];
        case "needs-models":
        case "needs-models-id": {
            const models = profileModels[model];
            if (!models || models.length === 0) {
                throw new Error(`model "${model}" ${c.why}: list its foundation models in inferenceProfileModels["${model}"]`);
            }
            const profile = c.kind === "needs-models" ? pulumi.output(c.arn) : pulumi.interpolate`arn:${ctx.partition}:bedrock:${ctx.region}:${ctx.accountId}:inference-profile/${c.profile}`;
            return [profile, ...models.map((m) => pulumi.output(m))];
        }
        case "arn":
            return [pulumi.output(c.arn)];
    }
}

/** The resources `bedrock:InvokeModel*` must name for several model references, without duplicates. */
export function modelsResourceArns(ctx: AwsContext, models: string[], profileModels: InferenceProfileModels = {}): pulumi.Output<string[]> {
    return pulumi.all(models.flatMap((m) => modelResourceArns(ctx, m, profileModels))).apply((all) => [...new Set(all)]);
}

/**
 * Checks model references and the foundation models given for inference profiles,
 * recording every problem: each reference must be a model id, profile id or Bedrock
 * ARN; a profile that cannot be expanded offline must have its foundation models in
 * `inferenceProfileModels`; each of those must be a foundation-model ARN; and every
 * key of `inferenceProfileModels` must be a profile some reference names (nothing
 * given is silently dropped).
 */
export function checkModelReferences(
    problems: Problems,
    references: { path: string; model: unknown }[],
    profileModels: InferenceProfileModels | undefined,
    profileModelsPath: string,
): void {
    const named = new Set<string>();
    for (const { path, model } of references) {
        if (typeof model !== "string" || !MODEL_REFERENCE.test(model)) {
            problems.add(path, model, "must be a Bedrock model id (provider.model), an inference profile id (us.provider.model) or a bedrock ARN; wildcards are not accepted");
            continue;
        }
        named.add(model);
        const c = classify(model);
        if ((c.kind === "needs-models" || c.kind === "needs-models-id") && (profileModels?.[model] ?? []).length === 0) {
            problems.add(
                path,
                model,
                `${c.why}: Bedrock also requires invoke on its foundation model in each Region it routes to (${INFERENCE_PROFILE_PREREQUISITES}); list their foundation-model ARNs in ${profileModelsPath}["${model}"]`,
            );
        }
    }
    for (const [profile, models] of Object.entries(profileModels ?? {})) {
        const at = `${profileModelsPath}["${profile}"]`;
        if (!named.has(profile)) {
            problems.add(at, models, "names a profile that no model reference lists; remove it or add the profile to the models");
        }
        if (!Array.isArray(models)) {
            problems.add(at, models, "must be a list of foundation-model ARNs");
            continue;
        }
        models.forEach((m, i) => {
            if (typeof m !== "string" || !FOUNDATION_MODEL_ARN.test(m)) {
                problems.add(`${at}[${i}]`, m, "must be a foundation-model ARN (arn:aws:bedrock:<region>::foundation-model/<model id>)");
            }
        });
    }
}
