import * as pulumi from "@pulumi/pulumi";
import { AgentcoreCodeInterpreter } from "@pulumi/aws/bedrock/agentcoreCodeInterpreter";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { AwsContext, awsContext } from "../common/context";
import { mapOrUndefined } from "../common/maps";
import { SANDBOX_NAME_RULE, TYPE_PREFIX, agentCoreName, replaceSafeNameOf } from "../common/naming";
import { Grantable, PolicyStatement, allow } from "../iam/grants";
import { checkTags } from "../runtime/validate";
import { Problems, checkInput, checkShape } from "../validation";
import * as perms from "./perms";
import { CodeInterpreterNetwork, MANAGED_CODE_INTERPRETER_ID, vpcConfigInput } from "./types";
import { toolExecutionRole } from "./toolRole";
import { NAME_HINT, checkManagedExclusive, checkToolNetwork } from "./validate";

/** Arguments of {@link CodeInterpreter}. */
export interface CodeInterpreterArgs {
    /**
     * Use AWS's managed interpreter `aws.codeinterpreter.v1` (sandboxed, no role)
     * instead of creating one: nothing is created and no other field may be set.
     * @default false
     */
    managed?: boolean;
    /**
     * AgentCore name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`, shape SandboxName). The network, the
     * description and the execution role (present when `dataBuckets` is not empty) replace
     * the interpreter: a name given here is kept, so a replacement deletes the old one first
     * (`deleteBeforeReplace`); the default name carries a suffix that changes with them, so
     * the new interpreter is created beside the old one (docs/replacements.md).
     * @default the component name with hyphens mapped to underscores, cut to 41 characters, + `_` + 6 hex characters
     */
    name?: string;
    /** Description (1-4096 characters). @default none */
    description?: string;
    /**
     * Network of the sessions. PUBLIC lets code the model writes reach the whole
     * internet and is only ever used when given here explicitly.
     * @default { mode: "SANDBOX" }
     */
    network?: CodeInterpreterNetwork;
    /**
     * Names of S3 buckets whose objects code in the sessions may read (`s3:GetObject`
     * on their objects, `s3:ListBucket` on them). With buckets, the interpreter gets
     * an execution role allowing exactly that; without, it gets no role, so code in
     * it holds no AWS credentials.
     * @default [] (no role)
     */
    dataBuckets?: pulumi.Input<string>[];
    /**
     * Protect the interpreter (`protect`): a change that would replace it stops at preview,
     * since runtime versions name it in `AGENTCORE_CODE_INTERPRETER_ID`. Set for prod.
     * @default false
     */
    protectFromDeletion?: boolean;
    /** Tags for every resource the component creates (at most 50). */
    tags?: Record<string, string>;
}

/**
 * An AgentCore Code Interpreter for agents that analyse data: a custom one,
 * sandboxed by default, with an execution role only when it must read data
 * buckets, or AWS's managed one. Agents get access with {@link grantUse}.
 */
export class CodeInterpreter extends pulumi.ComponentResource {
    /** The custom interpreter (absent when the managed one is used). */
    readonly interpreter?: AgentcoreCodeInterpreter;
    /** The interpreter's execution role (only when it reads data buckets). */
    readonly role?: Role;
    /** The role's only inline policy, `data-read`. */
    readonly rolePolicy?: RolePolicy;
    /** The name this package gives the interpreter (`name`, or one derived from the component name): names its log groups and deliveries. */
    readonly baseName: string;
    /** Network mode of the sessions (SANDBOX for the managed interpreter). */
    readonly networkMode: CodeInterpreterNetwork["mode"];
    /** The interpreter's AgentCore name (the managed interpreter's id when managed). */
    readonly interpreterName: pulumi.Output<string>;
    /** Interpreter id, as agents pass it to `StartCodeInterpreterSession`. */
    readonly codeInterpreterId: pulumi.Output<string>;
    /** Interpreter ARN, the resource of every session action. */
    readonly codeInterpreterArn: pulumi.Output<string>;

    constructor(name: string, args: CodeInterpreterArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TYPE_PREFIX}CodeInterpreter`, name, {}, opts);
        const managed = args.managed ?? false;
        const baseName = args.name ?? agentCoreName(name);
        this.baseName = baseName;
        const component = `CodeInterpreter ${name}`;
        const problems = new Problems();
        const checked = checkCodeInterpreterArgs(problems, baseName, args, "", component);
        problems.throwIfAny(component);
        const network = checked.network ?? { mode: "SANDBOX" };
        const dataBuckets = checked.dataBuckets ?? [];
        const ctx = awsContext(this);
        this.networkMode = network.mode;

        if (managed) {
            this.interpreterName = pulumi.output(MANAGED_CODE_INTERPRETER_ID);
            this.codeInterpreterId = pulumi.output(MANAGED_CODE_INTERPRETER_ID);
            this.codeInterpreterArn = pulumi.interpolate`arn:${ctx.partition}:bedrock-agentcore:${ctx.region}:aws:code-interpreter/${MANAGED_CODE_INTERPRETER_ID}`;
        } else {
            const replacing = {
                description: args.description,
                networkConfiguration: network.mode === "VPC" ? { networkMode: "VPC", vpcConfig: vpcConfigInput(network.vpc) } : { networkMode: network.mode },
            };
            // Network, description and execution role replace an interpreter (provider: RequiresReplace).
            this.interpreterName =
                args.name !== undefined ? pulumi.output(args.name) : replaceSafeNameOf(baseName, SANDBOX_NAME_RULE, { ...replacing, executionRole: dataBuckets.length > 0 });
            if (dataBuckets.length > 0) {
                const { role, policy } = dataReadRole(this, name, ctx, this.interpreterName, dataBuckets, args.tags);
                this.role = role;
                this.rolePolicy = policy;
            }
            this.interpreter = new AgentcoreCodeInterpreter(
                `${name}-interpreter`,
                { name: this.interpreterName, ...replacing, executionRoleArn: this.role?.arn, tags: mapOrUndefined(args.tags) },
                { parent: this, protect: args.protectFromDeletion ?? false, deleteBeforeReplace: args.name !== undefined, dependsOn: this.rolePolicy ? [this.rolePolicy] : [] },
            );
            this.codeInterpreterId = this.interpreter.codeInterpreterId;
            this.codeInterpreterArn = this.interpreter.codeInterpreterArn;
        }
        this.registerOutputs({ codeInterpreterId: this.codeInterpreterId, codeInterpreterArn: this.codeInterpreterArn });
    }

    /**
     * Lets the grantee run code in sessions of this interpreter, and nothing else:
     * the session actions on this interpreter's ARN, as the inline policy
     * `code-interpreter-use`.
     */
    grantUse(grantee: Grantable): RolePolicy {
        return grantee.grant("code-interpreter-use", [allow("UseCodeInterpreter", perms.CODE_INTERPRETER_SESSION, [this.codeInterpreterArn])]);
    }
}

/** The execution role of an interpreter that reads the given buckets: read, and nothing more. */
function dataReadRole(parent: pulumi.Resource, name: string, ctx: AwsContext, interpreterName: pulumi.Input<string>, buckets: pulumi.Input<string>[], tags?: Record<string, string>) {
    const bucketArns = buckets.map((bucket) => pulumi.interpolate`arn:${ctx.partition}:s3:::${bucket}`);
    const statements: pulumi.Input<PolicyStatement>[] = [
        allow("ReadDataObjects", perms.DATA_READ_OBJECTS, bucketArns.map((bucketArn) => pulumi.interpolate`${bucketArn}/*`)),
        allow("ListDataBuckets", perms.DATA_LIST_BUCKET, bucketArns),
    ];
    return toolExecutionRole(parent, name, ctx, { resourceType: "code-interpreter-custom", toolName: interpreterName, purpose: "data-read", statements, tags });
}

/**
 * Checks a code interpreter's arguments (`interpreterName` resolved), recording
 * every problem; `prefix` is their argument path in the caller's args ("" or
 * "codeInterpreter."). Unknown values are checked when they resolve if `component`
 * is given; the returned args carry them and are what the interpreter is made from.
 */
export function checkCodeInterpreterArgs(problems: Problems, interpreterName: string, args: CodeInterpreterArgs, prefix = "", component?: string): CodeInterpreterArgs {
    const at = (field: string) => `${prefix}${field}`;
    let checked = args;
    if (args.managed) {
        checkManagedExclusive(problems, prefix, `code interpreter ${MANAGED_CODE_INTERPRETER_ID}`, "sandboxed, no role", {
            name: args.name,
            description: args.description,
            network: args.network,
            dataBuckets: args.dataBuckets,
            protectFromDeletion: args.protectFromDeletion,
        });
    } else {
        checkShape(problems, at("name"), interpreterName, "SandboxName", { hint: NAME_HINT });
        checkShape(problems, at("description"), args.description, "Description");
        checked = {
            ...args,
            network: checkToolNetwork(problems, at("network"), args.network, "CodeInterpreterNetworkMode", component),
            dataBuckets: (args.dataBuckets ?? []).map((bucket, i) =>
                checkInput(problems, component, at(`dataBuckets[${i}]`), bucket, "S3LocationBucketString", { hint: "(an S3 bucket name, not an ARN)" }),
            ),
        };
    }
    checkTags(problems, args.tags, at("tags"));
    return checked;
}
