export { AgentHarness } from "./agentHarness";
export type { AgentHarnessArgs, HarnessAuthorizer, HarnessBuiltinTool, HarnessJwtAuthorizer, ResolvedHarness } from "./types";
export { HARNESS_BUILTIN_TOOLS } from "./types";
export { resolveHarness, harnessNameOf } from "./resolve";
export { HARNESS_CONTRACT } from "./contract";
export { HARNESS_LIFECYCLE } from "./lifecycle";
