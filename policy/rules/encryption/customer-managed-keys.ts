import { resourceRule } from "../../common/rule";
import { T } from "../../common/types";
import { at, isUnknown, knownString } from "../../common/values";
import { harnessManagedMemory } from "../harness/managed-memory";

/** Per type: the property naming the key, and what to tell the user. */
const KEY: Record<string, { path: string; what: string; fix: string; keyType?: string; harness?: boolean }> = {
    [T.memory]: { path: "encryptionKeyArn", what: "Memory", fix: "set encryptionKeyArn" },
    [T.nativeMemory]: { path: "encryptionKeyArn", what: "Memory", fix: "set encryptionKeyArn" },
    [T.gateway]: { path: "kmsKeyArn", what: "Gateway", fix: "set kmsKeyArn" },
    [T.nativeGateway]: { path: "kmsKeyArn", what: "Gateway", fix: "set kmsKeyArn" },
    // Evaluators (kmsKeyArn) are not judged yet: the package's AgentEvaluation cannot set a key, so
    // every stack using it would fail; add them once it can.
    [T.policyEngine]: { path: "encryptionKeyArn", what: "Policy engine", fix: "set encryptionKeyArn" },
    [T.nativePolicyEngine]: { path: "encryptionKeyArn", what: "Policy engine", fix: "set encryptionKeyArn" },
    [T.agentRegistry]: { path: "encryptionConfiguration.kmsKeyArn", what: "Agent registry", fix: "set encryptionConfiguration.kmsKeyArn" },
    // A harness may create its memory (managedMemoryConfiguration: "Customer-managed KMS key. Defaults to AWS-owned key",
    // API HarnessManagedMemoryConfiguration.encryptionKeyArn): conversations escape the memory rule otherwise (issue 25 item 7).
    // A harness without a memory block gets managed memory too (see harnessManagedMemory).
    [T.harness]: { path: "memory.managedMemoryConfiguration.encryptionKeyArn", harness: true, what: "Harness-managed memory", fix: "set memory.managedMemoryConfiguration.encryptionKeyArn, or memory { disabled: {} }" },
    [T.nativeHarness]: { path: "memory.managedMemoryConfiguration.encryptionKeyArn", harness: true, what: "Harness-managed memory", fix: "set memory.managedMemoryConfiguration.encryptionKeyArn, or memory { disabled: {} }" },
    // CreateCapacityProvider ec2Configuration.rootVolume { encrypted, kmsKeyId }: the instances agent sessions run on.
    [T.nativeCapacityProvider]: {
        path: "computeConfiguration.ec2Configuration.rootVolume.kmsKeyId",
        what: "Capacity provider root volume",
        fix: "set computeConfiguration.ec2Configuration.rootVolume { encrypted: true, kmsKeyId }",
    },
    [T.tokenVaultCmk]: {
        path: "kmsConfiguration.kmsKeyArn",
        keyType: "kmsConfiguration.keyType",
        what: "Token vault",
        fix: 'set kmsConfiguration.keyType to "CustomerManagedKey" and kmsConfiguration.kmsKeyArn',
    },
};

export const customerManagedKeys = resourceRule({
    name: "agentcore-customer-managed-keys",
    description: "Memory (a harness's managed memory too), gateways, the token vault, policy engines, agent registries and capacity providers' root volumes are encrypted with customer-managed KMS keys.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Components: AgentEnvironment `memory.encryptionKey: \"create\"`, `gateway.encryption: \"create\"`, `identity.tokenVaultKey: true` (the staging and prod profiles create these keys). Raw resources: create a KMS key with rotation enabled and pass its ARN: memory encryptionKeyArn, gateway kmsKeyArn, token vault kmsConfiguration (keyType CustomerManagedKey), policy engine encryptionKeyArn, agent registry encryptionConfiguration.kmsKeyArn.",
    types: Object.keys(KEY),
    check: (res) => {
        const k = KEY[res.type];
        const managed = k.harness ? harnessManagedMemory(res.props) : "managed";
        if (managed !== "managed") {
            return [];
        }
        const arn = at(res.props, k.path);
        const keyType = k.keyType ? at(res.props, k.keyType) : undefined;
        if (isUnknown(arn) || isUnknown(keyType)) {
            return [];
        }
        const customer = knownString(arn) !== undefined && (k.keyType === undefined || keyType === "CustomerManagedKey");
        return customer ? [] : [`${k.what} must be encrypted with a customer-managed KMS key (${k.fix})`];
    },
});
