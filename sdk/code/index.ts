export * from "./agentCode";
export { arm64InstallCommand, installArm64Dependencies } from "./install";
export type { Arm64InstallOptions } from "./install";
export { CODE_RUNTIMES } from "./types";
export { MAX_UNZIPPED_BYTES, MAX_ZIPPED_BYTES } from "./package";
