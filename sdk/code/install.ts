import { execFileSync } from "child_process";

/** How to install the dependencies of a code package. */
export interface Arm64InstallOptions {
    /** The requirements file (`pip install -r`). */
    requirements: string;
    /** The folder to install into: the code package's folder (`code.source`) or a folder inside it. */
    target: string;
    /** The Python version the runtime runs (`3.12` for `PYTHON_3_12`). */
    pythonVersion: string;
    /** `uv` (uv pip) or `pip`. @default "uv" */
    installer?: "uv" | "pip";
}

/**
 * The command that installs a requirements file as Linux ARM64 (aarch64) wheels only, the
 * one platform AgentCore runs code packages on: binary wheels only (no source builds,
 * which would compile for the machine running the install), for manylinux2014 aarch64.
 * As AWS's Python guide for direct code deployment does with uv
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-get-started-code-deploy-python.html).
 */
export function arm64InstallCommand(options: Arm64InstallOptions): string[] {
    const common = ["--only-binary=:all:", "--target", options.target, "-r", options.requirements];
    return (options.installer ?? "uv") === "uv"
        ? ["uv", "pip", "install", "--python-platform", "aarch64-manylinux2014", "--python-version", options.pythonVersion, ...common]
        : ["pip", "install", "--platform", "manylinux2014_aarch64", "--implementation", "cp", "--python-version", options.pythonVersion, "--abi", `cp${options.pythonVersion.replace(".", "")}`, ...common];
}

/**
 * Runs {@link arm64InstallCommand} now, synchronously. Call it in the program before the
 * `AgentEnvironment` (or `AgentCode`) that packs `target`, so the package and its content
 * hash include what it installed. (A `@pulumi/command` `local.Command` runs during
 * `pulumi up`, after the program has packed the folder: the zip would miss what it installs
 * until the next deployment, so the install is a plain step of the program instead.)
 */
export function installArm64Dependencies(options: Arm64InstallOptions): void {
    const [command, ...args] = arm64InstallCommand(options);
    execFileSync(command, args, { stdio: "inherit" });
}
