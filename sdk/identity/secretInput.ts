import * as pulumi from "@pulumi/pulumi";
import { InputValidationError, MASKED, Problems, ShapeName, checkShape } from "../validation";

/** How to fix a secret given in plaintext; part of every such message. */
export const MARK_SECRET_HINT =
    'must be a Pulumi secret, not plaintext: store it with `pulumi config set --secret <key> <value>` and read it with `config.requireSecret("<key>")` (or wrap a computed value in `pulumi.secret(...)`)';

/**
 * Accepts a credential only when it is a Pulumi secret, so that it is encrypted
 * in state and masked in preview and logs. A plain string is refused at plan
 * time (recorded in `problems`, the value itself never printed); an Output or
 * Promise is checked when it resolves (a secret, and within `shape` when given)
 * and fails the deployment before the resource using it is sent to AWS — unless
 * `component` is undefined (plan-time checks only, see `checkWhenKnown`). The
 * result is always a secret Output.
 */
export function requireSecret(
    problems: Problems,
    component: string | undefined,
    path: string,
    value: pulumi.Input<string> | undefined,
    shape?: ShapeName,
): pulumi.Output<string> {
    if (value === undefined || value === "") {
        problems.add(path, undefined, "is required");
        return pulumi.secret("");
    }
    if (typeof value === "string") {
        problems.add(path, MASKED, MARK_SECRET_HINT);
        return pulumi.secret("");
    }
    const output = pulumi.output(value);
    if (component === undefined) {
        return pulumi.secret(output);
    }
    const checked = pulumi.isSecret(output).then((secret) => {
        if (!secret) {
            throw new InputValidationError(component, [`${path} "[secret]" ${MARK_SECRET_HINT}`]);
        }
        return output.apply((resolved) => {
            const late = new Problems();
            if (shape) {
                checkShape(late, path, resolved, shape, { secret: true });
            }
            late.throwIfAny(component);
            return resolved;
        });
    });
    return pulumi.secret(pulumi.output(checked));
}

/** Checks a write-only version number: a whole number from 1. */
export function checkVersion(problems: Problems, path: string, version: number): void {
    if (!Number.isInteger(version) || version < 1) {
        problems.add(path, version, "must be a whole number from 1 (change it whenever the secret changes, so the write-only value is sent again)");
    }
}
