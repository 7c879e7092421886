/**
 * Access contracts: the calls AWS documents that a service, an agent or a caller
 * makes against what a component creates, written down as data next to the
 * component's `perms.ts`. Each row names who calls, the action, the resource ARN,
 * the request context that matters and the AWS page it comes from.
 *
 * Tests (`tests/contracts/`) evaluate every row against the policies the component
 * actually renders (identity policies, trust policies, key, bucket and VPC endpoint
 * policies) with a real IAM policy evaluator: rows under `allowed` must be allowed,
 * rows under `denied` must be denied. `docs/access.md` is generated from the rows.
 *
 * Templates: `resource` and `context` values may contain `${name}` placeholders.
 * `${partition}`, `${region}` and `${account}` are always bound; every other name
 * is bound by the test from what the component rendered (e.g. `${repositoryArn}`).
 */

/** One call, made by one principal, that the contract allows or denies. */
export interface AccessCall {
    /** Unique within the component's contract, e.g. `pull-image`. */
    readonly id: string;
    /**
     * Who makes the call:
     * - `role:<key>`: a role the component renders (`role:runtime`, `role:gateway`, `role:memory`);
     * - `service:<principal>`: an AWS service principal (`service:bedrock-agentcore.amazonaws.com`);
     * - `account:<key>`: another identity in the account, allowed by its own identity policy
     *   (`account:deployer`: a least-privileged deployer, `account:other-role`), used to show
     *   what a resource policy alone allows or refuses.
     */
    readonly principal: string;
    /** The IAM action, `service:Action`. */
    readonly action: string;
    /** The resource ARN the call is made on (a template). */
    readonly resource: string;
    /** The request context that decides the call: `aws:SourceArn`, `kms:ViaService`, encryption context... (templates). */
    readonly context?: Readonly<Record<string, string | readonly string[]>>;
    /**
     * The resource-side documents that must also allow the call, by the key the
     * component's test binds them to: `trust:<role key>` (role trust policy),
     * `key:<name>` (KMS key policy), `bucket:<name>`, `xray`, `logs:<name>`, or
     * `endpoint:<service>` (the VPC endpoint policy, evaluated in VPC shapes only).
     */
    readonly resourcePolicies?: readonly string[];
    /**
     * The shapes this row applies to, by feature name (`cmk`, `vpc`, `jwt`,
     * `custom-strategy`...). A row applies when every feature named is on; the test
     * proves every row applies in at least one of the shapes it builds.
     */
    readonly when?: readonly string[];
    /** Why the call is made (allowed rows) or why it must be refused (denied rows). */
    readonly why: string;
    /** The AWS documentation page (or AWS's own code) that says so. */
    readonly source: string;
}

/** The contract of one component. */
export interface AccessContract {
    /** The component's type name, e.g. `AgentRuntime`. */
    readonly component: string;
    /** One sentence: whose access the contract covers. */
    readonly summary: string;
    /** Paragraphs (markdown) printed after the summary: what a deployer needs, facts settled from sources. */
    readonly notes?: readonly string[];
    readonly allowed: readonly AccessCall[];
    readonly denied: readonly AccessCall[];
}

/** Replaces `${name}` placeholders; an unbound placeholder throws, naming it and the template. */
export function fillTemplate(template: string, bindings: Readonly<Record<string, string>>): string {
    return template.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
        const value = bindings[name];
        if (value === undefined) {
            throw new Error(`access contract template "${template}" names \${${name}}, which the test did not bind (bound: ${Object.keys(bindings).sort().join(", ")})`);
        }
        return value;
    });
}
