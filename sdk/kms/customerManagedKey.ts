import * as pulumi from "@pulumi/pulumi";
import { Key } from "@pulumi/aws/kms/key";
import { Alias } from "@pulumi/aws/kms/alias";
import { AwsContext, awsContext } from "../common/context";
import { TYPE_PREFIX } from "../common/naming";
import { PolicyStatement, policyDocument } from "../iam/grants";
import { Problems, checkAwsTags, isKnown } from "../validation";

/** Arguments of {@link CustomerManagedKey}. */
export interface CustomerManagedKeyArgs {
    /** What the key protects, for its description. */
    purpose: string;
    /**
     * Statements that let AWS services use the key, added after the statement that
     * keeps the account's administrators in control of it. Receives the account
     * context so statements can name the account and region.
     */
    serviceStatements?: (ctx: AwsContext) => pulumi.Input<PolicyStatement>[];
    /** Days before a scheduled deletion happens (7-30). @default 30 */
    deletionWindowInDays?: number;
    /** Protect the key from deletion (`protect` and retain on delete): set for prod data. @default false */
    protectFromDeletion?: boolean;
    /** Alias name without the `alias/` prefix. @default none */
    alias?: string;
    /** Tags for the key. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A symmetric customer-managed KMS key with yearly rotation on, a key policy
 * that keeps the account in control and admits services only through the
 * statements given, and optional protection from deletion.
 */
export class CustomerManagedKey extends pulumi.ComponentResource {
    /** The key. */
    readonly key: Key;
    /** Key ARN. */
    readonly arn: pulumi.Output<string>;
    /** Key id. */
    readonly keyId: pulumi.Output<string>;

    constructor(name: string, args: CustomerManagedKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}CustomerManagedKey`, name, {}, opts);
        const window = args.deletionWindowInDays ?? 30;
        const problems = new Problems();
        if (!Number.isInteger(window) || window < 7 || window > 30) {
            problems.add("deletionWindowInDays", window, "must be a whole number from 7 to 30 (KMS ScheduleKeyDeletion PendingWindowInDays)");
        }
        if (isKnown(args.tags)) {
            checkAwsTags(problems, "tags", args.tags);
        }
        problems.throwIfAny(`CustomerManagedKey ${name}`);
        const ctx = awsContext(this);
        const statements: pulumi.Input<PolicyStatement>[] = [
            {
                Sid: "AccountAdministersKey",
                Effect: "Allow",
                Principal: { AWS: pulumi.interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            ...(args.serviceStatements?.(ctx) ?? []),
        ];
        const protect = args.protectFromDeletion ?? false;
        this.key = new Key(
            `${name}-key`,
            {
                description: `pulumi-agentcore: ${args.purpose}`,
                enableKeyRotation: true,
                deletionWindowInDays: window,
                policy: pulumi.jsonStringify(policyDocument(statements)),
                tags: args.tags,
            },
            { parent: this, protect, retainOnDelete: protect },
        );
        if (args.alias) {
            new Alias(`${name}-alias`, { name: `alias/${args.alias}`, targetKeyId: this.key.keyId }, { parent: this });
        }
        this.arn = this.key.arn;
        this.keyId = this.key.keyId;
        this.registerOutputs({ arn: this.arn });
    }
}
