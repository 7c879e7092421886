import { createHash } from "crypto";
import * as path from "path";
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import { Repository } from "@pulumi/aws/ecr/repository";
import { LifecyclePolicy } from "@pulumi/aws/ecr/lifecyclePolicy";
import { RepositoryPolicy } from "@pulumi/aws/ecr/repositoryPolicy";
import { getAuthorizationTokenOutput } from "@pulumi/aws/ecr/getAuthorizationToken";
import { getImageOutput } from "@pulumi/aws/ecr/getImage";
import { Image } from "@pulumi/docker-build/image";
import { awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { Problems, checkAwsTags, checkShape, isKnown } from "../validation";
import { buildHash } from "./contextHash";
import { parseEcrImage, repositoryArnOf } from "./imageReference";
import * as perms from "./perms";

/** The only platform AgentCore Runtime runs. */
export const AGENT_PLATFORM = "linux/arm64";

/** How to build the agent image from source. */
export interface AgentImageBuild {
    /** Directory of the Docker build context. */
    context: string;
    /** Path of the Dockerfile. @default `<context>/Dockerfile` */
    dockerfile?: string;
    /** Target platform; AgentCore runs `linux/arm64` only, anything else is refused. @default "linux/arm64" */
    platform?: string;
    /**
     * Build arguments (part of the content hash; never put secrets here).
     * `SOURCE_DATE_EPOCH` is added (315532800, 1980-01-01T00:00:00Z) unless set here.
     */
    buildArgs?: Record<string, string>;
    /** Build stage to stop at. */
    target?: string;
    /**
     * Build the image during `pulumi preview` too (docker-build's `buildOnPreview`).
     * A preview never pushes, but building takes minutes and needs Docker with an
     * ARM64 builder; off, a preview shows the image digest as unknown until
     * `pulumi up` builds it, which is what a CI policy gate needs. Turn it on to have
     * previews fail on a broken Dockerfile or build. Changing it changes the build
     * tag (`ctx-<content hash>-<build key>`), so the next `pulumi up` builds a new image.
     * @default false
     */
    buildOnPreview?: boolean;
}

/** Settings of the ECR repository created for a built image. */
export interface AgentImageRepository {
    /** Repository name (`[a-z0-9]+(?:[._-][a-z0-9]+)*`, slashes for namespaces, 2-256 characters). @default auto-named from the component name */
    name?: string;
    /**
     * Customer-managed KMS key ARN for the repository. Chosen once: ECR cannot change a
     * repository's encryption, so setting, changing or removing the key later creates a
     * new repository (the provider marks `encryptionConfigurations` force-new) and
     * deletes the old one, which ECR refuses while it holds images unless `forceDelete`
     * is on; and deleting it also deletes the images older runtime versions run, so
     * those versions can no longer be rolled back to. Pick the key before the first
     * deployment (see docs/troubleshooting.md, "A new ECR key replaces the repository").
     * @default the AWS-managed ECR key (KMS encryption is always on)
     */
    kmsKeyArn?: pulumi.Input<string>;
    /** Days after which *untagged* images (build leftovers) expire; tagged images are never expired. @default 30 */
    untaggedImageExpiryDays?: number;
    /**
     * Delete the repository even if it holds images, on `pulumi destroy` or when the
     * repository is replaced (e.g. a new `kmsKeyArn`). Without it both fail while the
     * repository holds images (RepositoryNotEmptyException). With it, the images of
     * older runtime versions go too, so rollback to them is lost. `AgentEnvironment`
     * turns it on only where its profile does not protect data (dev, staging) and
     * refuses it in prod. @default false
     */
    forceDelete?: boolean;
    /**
     * AWS account ids (12 digits) whose roles may pull this repository's images: the
     * accounts a digest built here is promoted to (build once in a tooling account, run
     * the same digest in staging and prod accounts). Renders an ECR repository policy
     * allowing `ecr:BatchGetImage` and `ecr:GetDownloadUrlForLayer` to each account; a
     * role there still needs the same actions on this repository in its own identity
     * policy (an `AgentRuntime`'s execution role has them for the repository its
     * `imageUri` names). Export them (`AgentImage.pullAccounts`) so consumer stacks can
     * check they are listed (`promotion`). Only listed accounts: no organization-wide or
     * `*` grant. Whether AgentCore Runtime pulls an image from another account is not
     * stated in the AgentCore documentation: see docs/promotion.md.
     * @default none: no repository policy, only this account pulls
     */
    pullAccounts?: string[];
}

/**
 * Where a promoted image comes from: the build stack and the accounts its repository
 * lets pull (its exported `pullAccounts`, e.g. read with a `pulumi.StackReference`).
 */
export interface AgentImagePromotion {
    /** Name of the build stack (`org/project/stack`), named in errors. */
    buildStack: string;
    /** The build stack's `pullAccounts`: this stack's account must be one of them. */
    pullAccounts: pulumi.Input<string[]>;
}

/** Arguments of {@link AgentImage}: exactly one of `build` or `imageUri`. */
export interface AgentImageArgs {
    /** Build the image from source and push it to a new ECR repository. */
    build?: AgentImageBuild;
    /**
     * Use an image already in private ECR: by digest (`<repo>@sha256:<64 hex>`) or by
     * an immutable tag, which is resolved to its digest at deployment. `:latest`
     * and untagged references are refused.
     */
    imageUri?: string;
    /**
     * The `imageUri` is a digest built by another stack, in another account: checks
     * before anything deploys that the build stack's repository lets this stack's
     * account pull (its `pullAccounts`), naming both sides when it does not. Needs an
     * `imageUri` by digest (a tag would be resolved with `ecr:DescribeImages`, which the
     * build repository's policy does not grant).
     * @default none: no check
     */
    promotion?: AgentImagePromotion;
    /** Repository settings when building. */
    repository?: AgentImageRepository;
    /** Tags for the repository. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Prefix of the registry cache tag (mutable by design, excluded from tag immutability). */
export const CACHE_TAG = "buildcache";

/**
 * `SOURCE_DATE_EPOCH` given to every build unless its `buildArgs` set one:
 * 1980-01-01T00:00:00Z, the earliest time a ZIP file (hence a Python wheel or a JAR)
 * can hold. BuildKit (0.11 and later) uses it for the timestamps of the image config
 * and history (https://github.com/moby/buildkit/pull/2918; a stage sees it with
 * `ARG SOURCE_DATE_EPOCH`), so those no longer change from build to build. Timestamps
 * of files in the layers stay as the build made them: docker-build 0.0.22 types no
 * `rewrite-timestamp` export option. So a rebuild gives the same digest only when the
 * Dockerfile's steps are reproducible themselves; nothing here depends on that.
 */
export const SOURCE_DATE_EPOCH = "315532800";

/** How an image is built: computed from the build args and where it is built, before anything is created. */
export interface ResolvedBuild {
    /** Dockerfile path. */
    dockerfile: string;
    /** Build arguments as docker-build gets them (with `SOURCE_DATE_EPOCH`). */
    buildArgs: Record<string, string>;
    /** Hash of the context files, Dockerfile, build arguments, target and platform: same source, same hash, in every stack. */
    contentHash: string;
    /**
     * `ctx-<content hash, 16>-<build key, 8>`. The build key is a hash of everything
     * else docker-build rebuilds on and of who builds (project, stack, component name):
     * two stacks or two components pushing to one repository never share a tag, and
     * any input change that makes docker-build build again also gives a new tag.
     */
    tag: string;
    buildOnPreview: boolean;
}

/** Who builds: the project, stack and component, so tags differ between builders sharing a repository. */
export interface BuildOwner {
    project: string;
    stack: string;
    name: string;
}

/**
 * Resolves a build: the build arguments docker-build gets and the tag it pushes. The
 * tag must never be pushed twice: ECR refuses any push to an existing immutable tag,
 * even of an identical image (https://github.com/aws/containers-roadmap/issues/2179).
 */
export function resolveBuild(build: AgentImageBuild, owner: BuildOwner): ResolvedBuild {
    const dockerfile = build.dockerfile ?? path.join(build.context, "Dockerfile");
    const buildArgs = { SOURCE_DATE_EPOCH, ...(build.buildArgs ?? {}) };
    const contentHash = buildHash(build.context, dockerfile, { buildArgs, target: build.target ?? "", platform: AGENT_PLATFORM });
    const buildOnPreview = build.buildOnPreview ?? false;
    const buildKey = createHash("sha256")
        .update(JSON.stringify({ ...owner, context: build.context, dockerfile, buildOnPreview }))
        .digest("hex")
        .slice(0, 8);
    return { dockerfile, buildArgs, contentHash, tag: `ctx-${contentHash.slice(0, 16)}-${buildKey}`, buildOnPreview };
}

/**
 * The agent's container image, always referenced by digest: either built for
 * linux/arm64 and pushed to an ECR repository with immutable tags, scan on push,
 * KMS encryption and a lifecycle rule that only expires untagged images; or an
 * existing private ECR image resolved to its digest.
 *
 * A build is tagged `ctx-<content hash>-<build key>` ({@link resolveBuild}): the
 * content part is the same for the same source in every stack; the build key differs
 * per project, stack and component and changes with every other input docker-build
 * rebuilds on, so no two builds push the same immutable tag. `SOURCE_DATE_EPOCH` is set
 * for reproducible timestamps. `pulumi preview` does not build unless
 * `build.buildOnPreview` is set.
 */
export class AgentImage extends pulumi.ComponentResource {
    /** The image by digest (`<registry>/<repo>@sha256:…`): the runtime's container URI. */
    readonly imageUri: pulumi.Output<string>;
    /** The image digest (`sha256:…`). */
    readonly digest: pulumi.Output<string>;
    /** ARN of the repository holding the image (scopes the execution role's pull permission). */
    readonly repositoryArn: pulumi.Output<string>;
    /** URL of the repository holding the image. */
    readonly repositoryUrl: pulumi.Output<string>;
    /** The repository, when this component created it. */
    readonly repository?: Repository;
    /** The build, when this component builds. */
    readonly image?: Image;
    /** The accounts the repository's policy lets pull (`repository.pullAccounts`; empty when none or not building). */
    readonly pullAccounts: string[];
    /** The repository policy granting `pullAccounts`, when there are any. */
    readonly repositoryPolicy?: RepositoryPolicy;

    constructor(name: string, args: AgentImageArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}AgentImage`, name, {}, opts);
        const problems = new Problems();
        checkImageArgs(problems, name, args);
        problems.throwIfAny(`AgentImage ${name}`);

        if (args.imageUri !== undefined) {
            const ref = parseEcrImage(args.imageUri)!;
            const repositoryUrl = `${ref.accountId}.dkr.ecr.${ref.region}.${ref.domain}/${ref.repository}`;
            this.repositoryArn = pulumi.output(repositoryArnOf(ref));
            this.repositoryUrl = pulumi.output(repositoryUrl);
            this.pullAccounts = [];
            const digest = ref.digest
                ? pulumi.output(ref.digest)
                : getImageOutput({ repositoryName: ref.repository, registryId: ref.accountId, imageTag: ref.tag, region: ref.region }, { parent: this }).imageDigest;
            this.digest = args.promotion ? this.checkedPromotion(name, ref.accountId, args.promotion, digest) : digest;
        } else {
            const build = args.build!;
            const repo = args.repository ?? {};
            this.repository = new Repository(
                `${name}-repo`,
                {
                    name: repo.name,
                    imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
                    imageTagMutabilityExclusionFilters: [{ filter: `${CACHE_TAG}*`, filterType: "WILDCARD" }],
                    imageScanningConfiguration: { scanOnPush: true },
                    encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: repo.kmsKeyArn }],
                    forceDelete: repo.forceDelete ?? false,
                    tags: args.tags,
                },
                { parent: this },
            );
            new LifecyclePolicy(
                `${name}-lifecycle`,
                { repository: this.repository.name, policy: JSON.stringify(untaggedOnlyLifecycle(repo.untaggedImageExpiryDays ?? 30)) },
                { parent: this },
            );
            this.pullAccounts = [...(repo.pullAccounts ?? [])];
            if (this.pullAccounts.length > 0) {
                this.repositoryPolicy = new RepositoryPolicy(
                    `${name}-pull-policy`,
                    { repository: this.repository.name, policy: JSON.stringify(crossAccountPullPolicy(this.pullAccounts)) },
                    { parent: this },
                );
            }
            this.image = this.buildImage(name, build, this.repository);
            this.repositoryArn = this.repository.arn;
            this.repositoryUrl = this.repository.repositoryUrl;
            this.digest = this.image.digest;
        }
        this.imageUri = pulumi.interpolate`${this.repositoryUrl}@${this.digest}`;
        this.registerOutputs({ imageUri: this.imageUri, repositoryArn: this.repositoryArn, pullAccounts: this.pullAccounts });
    }

    /**
     * The digest, once this stack's account is known to be among the build stack's
     * `pullAccounts`; otherwise the output fails (so does the plan or preview) with a
     * message naming the image's account, the build stack, its list and this account.
     */
    private checkedPromotion(name: string, imageAccount: string, promotion: AgentImagePromotion, digest: pulumi.Output<string>): pulumi.Output<string> {
        const account = awsContext(this).accountId;
        return pulumi.all([account, promotion.pullAccounts, digest]).apply(([here, allowed, d]) => {
            if (here !== imageAccount && !allowed.includes(here)) {
                throw new Error(
                    `AgentImage ${name}: image.promotion: this stack's account ${here} may not pull image.imageUri from account ${imageAccount}: ` +
                        `build stack "${promotion.buildStack}" allows only ${allowed.length > 0 ? allowed.join(", ") : "no other account"} (its image.repository.pullAccounts); ` +
                        `add ${here} there and deploy the build stack first`,
                );
            }
            return d;
        });
    }

    private buildImage(name: string, build: AgentImageBuild, repository: Repository): Image {
        const { dockerfile, buildArgs, tag, buildOnPreview } = resolveBuild(build, { project: pulumi.getProject(), stack: pulumi.getStack(), name });
        const token = getAuthorizationTokenOutput({ registryId: repository.registryId }, { parent: this });
        const cacheRef = pulumi.interpolate`${repository.repositoryUrl}:${CACHE_TAG}`;
        return new Image(
            `${name}-image`,
            {
                context: { location: build.context },
                dockerfile: { location: dockerfile },
                platforms: [AGENT_PLATFORM],
                buildArgs,
                target: build.target,
                push: true,
                buildOnPreview,
                tags: [pulumi.interpolate`${repository.repositoryUrl}:${tag}`],
                registries: [{ address: repository.repositoryUrl, username: token.userName, password: pulumi.secret(token.password) }],
                cacheFrom: [{ registry: { ref: cacheRef } }],
                cacheTo: [{ registry: { ref: cacheRef, imageManifest: true, ociMediaTypes: true, mode: "max" } }],
            },
            // docker-build deletes the tags it pushed when an Image resource is deleted or replaced, and every
            // rebuild gets a new tag: without this, the image a pinned or rollback runtime version runs would
            // lose its tag on the next build and the untagged-only lifecycle rule would then expire it.
            // Old images stay tagged (and stored) until deleted by hand or with the repository.
            { parent: this, retainOnDelete: true },
        );
    }
}

/**
 * ECR repository policy letting roles of the listed accounts pull images: each account
 * by id (the account's root, so the account's own IAM decides which of its roles may
 * pull; the runtime's execution role there names this repository). No push, no delete.
 */
export function crossAccountPullPolicy(accounts: string[]) {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "PullFromListedAccounts", Effect: "Allow", Principal: { AWS: [...accounts] }, Action: [...perms.ECR_PULL] }],
    };
}

/** ECR lifecycle policy that expires only untagged images, so no pinned version loses its image. */
export function untaggedOnlyLifecycle(days: number) {
    return {
        rules: [
            {
                rulePriority: 1,
                description: `Expire untagged images after ${days} days; tagged images are kept for pinned runtime versions`,
                selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: days },
                action: { type: "expire" },
            },
        ],
    };
}

/**
 * Checks the image arguments of a component named `name`, recording every problem.
 * Paths start with `image.` as in `AgentEnvironmentArgs`, where these args live.
 */
export function checkImageArgs(problems: Problems, name: string, args: AgentImageArgs): void {
    if ((args.build === undefined) === (args.imageUri === undefined)) {
        problems.addMessage("image: set exactly one of image.build (build from source) or image.imageUri (an existing ECR image)");
    }
    if (args.build) {
        const platform = args.build.platform ?? AGENT_PLATFORM;
        if (platform !== AGENT_PLATFORM) {
            problems.add("image.build.platform", platform, `must be ${AGENT_PLATFORM}: AgentCore Runtime runs ARM64 containers only`);
        }
        if (!fs.existsSync(args.build.context) || !fs.statSync(args.build.context).isDirectory()) {
            problems.add("image.build.context", args.build.context, "must be an existing directory");
        }
        const dockerfile = args.build.dockerfile ?? path.join(args.build.context, "Dockerfile");
        if (!fs.existsSync(dockerfile)) {
            problems.add("image.build.dockerfile", dockerfile, "must be an existing file");
        }
    }
    if (args.imageUri !== undefined) {
        const before = problems.count;
        checkShape(problems, "image.imageUri", args.imageUri, "RuntimeContainerUri");
        const ref = problems.count === before ? parseEcrImage(args.imageUri) : undefined;
        if (!ref && problems.count === before) {
            problems.add("image.imageUri", args.imageUri, "must be a private ECR image (<account>.dkr.ecr.<region>.amazonaws.com/<repo>[:tag][@sha256:<64 hex>]) so the execution role can be scoped to its repository");
        } else if (ref && !ref.digest && (ref.tag === undefined || ref.tag === "latest")) {
            problems.add("image.imageUri", args.imageUri, "must name a digest (@sha256:...) or an immutable version tag, not :latest or no tag: a reused tag makes runtime versions run unreviewed code");
        }
    }
    const repoName = args.repository?.name;
    if (repoName !== undefined && !/^(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(repoName)) {
        problems.add("image.repository.name", repoName, "must be 2-256 characters of lowercase letters, digits and . _ - / (ECR CreateRepository repositoryName)");
    }
    if (args.build && repoName === undefined && name !== name.toLowerCase()) {
        problems.add("name", name, "must be lowercase to auto-name the ECR repository; set image.repository.name otherwise");
    }
    const pullAccounts = args.repository?.pullAccounts;
    if (pullAccounts !== undefined) {
        if (args.build === undefined) {
            problems.add("image.repository.pullAccounts", pullAccounts.join(", "), "is only for a built image (image.build): with image.imageUri the repository belongs to the stack that built it");
        }
        pullAccounts.forEach((account, i) => {
            if (!/^[0-9]{12}$/.test(account)) {
                problems.add(`image.repository.pullAccounts[${i}]`, account, "must be an AWS account id of 12 digits");
            } else if (pullAccounts.indexOf(account) !== i) {
                problems.add(`image.repository.pullAccounts[${i}]`, account, "is listed twice");
            }
        });
    }
    if (args.promotion !== undefined) {
        const ref = args.imageUri !== undefined ? parseEcrImage(args.imageUri) : undefined;
        if (args.imageUri === undefined) {
            problems.add("image.promotion", args.promotion.buildStack, "needs image.imageUri: a promoted image is one another stack built");
        } else if (ref && !ref.digest) {
            problems.add("image.imageUri", args.imageUri, `must name a digest (@sha256:...) when promoted from build stack "${args.promotion.buildStack}": the build repository's policy grants pulls, not the ecr:DescribeImages a tag is resolved with`);
        }
        if (ref && Array.isArray(args.promotion.pullAccounts)) {
            // Known now: whether the build stack lists any account at all.
            const listed = args.promotion.pullAccounts as unknown[];
            if (listed.length === 0) {
                problems.add("image.promotion.pullAccounts", "[]", `is empty: build stack "${args.promotion.buildStack}" lets no other account pull from account ${ref.accountId}; set image.repository.pullAccounts there`);
            }
        }
    }
    if (isKnown(args.tags)) {
        checkAwsTags(problems, "image.tags", args.tags);
    }
    const days = args.repository?.untaggedImageExpiryDays;
    if (days !== undefined && (!Number.isInteger(days) || days < 1)) {
        problems.add("image.repository.untaggedImageExpiryDays", days, "must be a whole number of days, at least 1 (ECR lifecycle countNumber)");
    }
}
