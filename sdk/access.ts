/**
 * Every component's access contract, in the order docs/access.md lists them.
 * Each concept keeps its contract next to its perms.ts; this list only assembles.
 */
import { AccessContract } from "./common/contract";
import { CODE_CONTRACT } from "./code/contract";
import { DELIVERY_CONTRACT } from "./delivery/contract";
import { EVALUATION_CONTRACT } from "./evaluation/contract";
import { GATEWAY_CONTRACT } from "./gateway/contract";
import { INVOKE_CONTRACT } from "./governance/invokeContract";
import { HARNESS_CONTRACT } from "./harness/contract";
import { IDENTITY_CONTRACT } from "./identity/contract";
import { IMAGE_PROMOTION_CONTRACT } from "./image/contract";
import { MEMORY_CONTRACT } from "./memory/contract";
import { NETWORK_CONTRACT } from "./network/contract";
import { OBSERVABILITY_CONTRACT } from "./observability/contract";
import { REGISTRY_CONTRACT } from "./registry/contract";
import { RUNTIME_CONTRACT } from "./runtime/contract";
import { STORAGE_CONTRACT } from "./storage/contract";
import { BROWSER_PROFILE_CONTRACT, TOOLS_CONTRACT } from "./tools/contract";

export const ACCESS_CONTRACTS: readonly AccessContract[] = [RUNTIME_CONTRACT, MEMORY_CONTRACT, IDENTITY_CONTRACT, TOOLS_CONTRACT, GATEWAY_CONTRACT, OBSERVABILITY_CONTRACT, EVALUATION_CONTRACT, DELIVERY_CONTRACT, INVOKE_CONTRACT, NETWORK_CONTRACT, IMAGE_PROMOTION_CONTRACT, HARNESS_CONTRACT, REGISTRY_CONTRACT, STORAGE_CONTRACT, BROWSER_PROFILE_CONTRACT, CODE_CONTRACT];
