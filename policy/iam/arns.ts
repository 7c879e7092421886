import { Res } from "../common/rule";
import { T } from "../common/types";
import { first, knownString } from "../common/values";

/**
 * Resource ARNs that cover every resource of a kind (`runtime/*`, `repository/*`,
 * `function:*`, `arn:aws:s3:::*`), for the services whose resources an AgentCore stack
 * declares and can name: AgentCore, ECR, S3 and Lambda.
 */
export interface KindWildcard {
    /** `bedrock-agentcore`, `ecr`, `s3`, `lambda` */
    service: string;
    /** What the ARN covers, in words: `every runtime`, `every object of every bucket`. */
    covers: string;
    /** The kind of resource, to look the stack's own ARNs up (`runtime`, `repository`, ...). */
    kind: string;
}

const ARN = /^arn:(aws[a-z-]*|\*):([a-z0-9-]+|\*):([^:]*):([^:]*):(.*)$/;

/** The ARN's service and what a wildcard in it covers, when it covers every resource of a kind; undefined otherwise. */
export function kindWildcard(arn: string): KindWildcard | undefined {
    const m = ARN.exec(arn);
    if (!m) {
        return undefined;
    }
    const [, , service, , , resource] = m;
    switch (service) {
        case "bedrock-agentcore": {
            if (/^\*+$/.test(resource)) {
                return { service, covers: "every AgentCore resource", kind: "*" };
            }
            const w = /^([a-z-]+)\/\*$/.exec(resource) ?? /^(workload-identity-directory)\/[^/*]+\/workload-identity\/\*$/.exec(resource);
            if (w) {
                const kind = w[1] === "workload-identity-directory" && resource.includes("/workload-identity/") ? "workload-identity" : w[1];
                return { service, covers: `every ${kind}`, kind };
            }
            return undefined;
        }
        case "ecr":
            return /^(\*+|repository\/\*)$/.test(resource) ? { service, covers: "every repository", kind: "repository" } : undefined;
        case "lambda":
            return /^(\*+|function:\*(:\*)?)$/.test(resource) ? { service, covers: "every function", kind: "function" } : undefined;
        case "s3":
            if (/^\*+$/.test(resource)) {
                return { service, covers: "every bucket", kind: "bucket" };
            }
            if (/^\*\/\*$/.test(resource)) {
                return { service, covers: "every object of every bucket", kind: "object" };
            }
            return undefined;
        default:
            return undefined;
    }
}

/** Where each type keeps its own ARN (provider outputs). */
const OWN_ARN: { types: string[]; paths: string[] }[] = [
    { types: [T.runtime, T.nativeRuntime], paths: ["agentRuntimeArn"] },
    { types: [T.gateway, T.nativeGateway], paths: ["gatewayArn"] },
    { types: [T.memory, T.nativeMemory], paths: ["arn", "memoryArn"] },
    { types: [T.codeInterpreter, T.nativeCodeInterpreter], paths: ["codeInterpreterArn"] },
    { types: [T.browser, T.nativeBrowser], paths: ["browserArn"] },
    { types: [T.workloadIdentity, T.nativeWorkloadIdentity], paths: ["workloadIdentityArn"] },
    { types: [T.ecrRepository], paths: ["arn"] },
    { types: [T.lambdaFunction], paths: ["arn"] },
];

/** The kind an ARN names, as {@link kindWildcard} spells it (`runtime`, `workload-identity`, `repository`, `function`). */
function kindOf(arn: string): string | undefined {
    const resource = ARN.exec(arn)?.[5];
    if (!resource) {
        return undefined;
    }
    return resource.includes("/workload-identity/") ? "workload-identity" : /^([a-z-]+)[/:]/.exec(resource)?.[1];
}

const cache = new WeakMap<Res[], Map<string, string[]>>();

/** The ARNs of each kind the stack declares (known values only), cached per resource list. */
export function stackArns(resources: Res[]): Map<string, string[]> {
    let out = cache.get(resources);
    if (!out) {
        out = new Map();
        for (const r of resources) {
            const entry = OWN_ARN.find((e) => e.types.includes(r.type));
            const arn = entry && knownString(first(r.props, entry.paths));
            const kind = arn && kindOf(arn);
            if (arn && kind) {
                out.set(kind, [...(out.get(kind) ?? []), arn]);
            }
        }
        cache.set(resources, out);
    }
    return out;
}
