/**
 * Every component's access contract, in the order docs/access.md lists them.
 * Each concept keeps its contract next to its perms.ts; this list only assembles.
 */
import { AccessContract } from "./common/contract";
import { DELIVERY_CONTRACT } from "./delivery/contract";
import { EVALUATION_CONTRACT } from "./evaluation/contract";
import { GATEWAY_CONTRACT } from "./gateway/contract";
import { INVOKE_CONTRACT } from "./governance/invokeContract";
import { IMAGE_PROMOTION_CONTRACT } from "./image/contract";
import { CODE_CONTRACT } from "./code/contract";
import { NETWORK_CONTRACT } from "./network/contract";
import { OBSERVABILITY_CONTRACT } from "./observability/contract";
import { IDENTITY_CONTRACT } from "./identity/contract";
import { MEMORY_CONTRACT } from "./memory/contract";
import { RUNTIME_CONTRACT } from "./runtime/contract";
import { TOOLS_CONTRACT } from "./tools/contract";

export const ACCESS_CONTRACTS: readonly AccessContract[] = [RUNTIME_CONTRACT, MEMORY_CONTRACT, IDENTITY_CONTRACT, TOOLS_CONTRACT, GATEWAY_CONTRACT, OBSERVABILITY_CONTRACT, EVALUATION_CONTRACT, DELIVERY_CONTRACT, INVOKE_CONTRACT, NETWORK_CONTRACT, IMAGE_PROMOTION_CONTRACT, CODE_CONTRACT];
