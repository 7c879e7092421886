/** A parsed private ECR image reference: `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repo>[:tag][@sha256:...]`. */
export interface EcrImageReference {
    accountId: string;
    region: string;
    /** `amazonaws.com` or `amazonaws.com.cn`. */
    domain: string;
    repository: string;
    tag?: string;
    digest?: string;
}

const ECR_REFERENCE = /^([0-9]{12})\.dkr\.ecr\.([a-z0-9-]+)\.(amazonaws\.com(?:\.cn)?)\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::([^:@/]{1,300}))?(?:@(sha256:[a-f0-9]{64}))?$/;

/** Parses a private ECR image reference, or returns undefined when the text is not one. */
export function parseEcrImage(uri: string): EcrImageReference | undefined {
    const m = ECR_REFERENCE.exec(uri);
    if (!m) {
        return undefined;
    }
    return { accountId: m[1], region: m[2], domain: m[3], repository: m[4], tag: m[5], digest: m[6] };
}

/** The ARN of the repository an image lives in. */
export function repositoryArnOf(ref: EcrImageReference): string {
    const partition = ref.domain.endsWith(".cn") ? "aws-cn" : ref.region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    return `arn:${partition}:ecr:${ref.region}:${ref.accountId}:repository/${ref.repository}`;
}
