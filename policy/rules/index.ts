import { AgentcorePolicy } from "../common/rule";
import { gatewayAuthorizer } from "./auth/gateway-authorizer";
import { gatewayExceptionLevel } from "./auth/gateway-exception-level";
import { gatewayInterceptorHeaders } from "./auth/gateway-interceptor-headers";
import { jwtAudience } from "./auth/jwt-audience";
import { resourcePolicyPrincipal } from "./auth/resource-policy-principal";
import { browserRecordingBucket } from "./encryption/browser-recording-bucket";
import { browserRecordingTls } from "./encryption/browser-recording-tls";
import { customerManagedKeys } from "./encryption/customer-managed-keys";
import { keyRotation } from "./encryption/key-rotation";
import { tokenVaultKeyPolicy } from "./encryption/token-vault-key-policy";
import { exportedData } from "./encryption/exported-data";
import { lambdaPermissionSource } from "./auth/lambda-permission-source";
import { ecrPushScoped } from "./iam/ecr-push-scoped";
import { recordingDeletion } from "./iam/recording-deletion";
import { metricsNamespace } from "./iam/metrics-namespace";
import { modelAllowlist } from "./iam/model-allowlist";
import { modelVendor } from "./iam/model-vendor";
import { noBroadManagedPolicies } from "./iam/no-broad-managed-policies";
import { noInvokeRuntimeCommand } from "./iam/no-invoke-runtime-command";
import { noWildcardActions } from "./iam/no-wildcard-actions";
import { oneRolePerResource } from "./iam/one-role-per-resource";
import { passRoleScoped } from "./iam/passrole-scoped";
import { resourceScoping } from "./iam/resource-scoping";
import { trustConfusedDeputy } from "./iam/trust-confused-deputy";
import { unknownActions } from "./iam/unknown-actions";
import { workloadTokenUserId } from "./iam/workload-token";
import { gatewayPolicyEngine } from "./governance/gateway-policy-engine";
import { gatewayPolicyEngineDelegated } from "./governance/gateway-policy-engine-delegated";
import { registryApproval } from "./governance/registry-approval";
import { harnessTools } from "./harness/harness-tools";
import { harnessMemoryRecords } from "./harness/harness-memory-records";
import { policyAllowAll } from "./governance/policy-allow-all";
import { policyValidationMode } from "./governance/policy-validation-mode";
import { eventRetention } from "./memory/event-retention";
import { browserNetwork } from "./network/browser-network";
import { codeInterpreterNetwork } from "./network/code-interpreter-network";
import { runtimeVpc } from "./network/runtime-vpc";
import { internetEgress } from "./network/internet-egress";
import { credentialProviderSecrets } from "./secrets/credential-provider-secrets";
import { gatewayLambdaEnvSecrets } from "./secrets/gateway-lambda-env-secrets";
import { runtimeEnvSecrets } from "./secrets/runtime-env-secrets";
import { ecrImmutableTags, ecrKmsEncryption, ecrScanOnPush } from "./versions/ecr-repository";
import { ecrLifecycleKeepsTagged } from "./versions/ecr-lifecycle";
import { imageDigest } from "./versions/image-digest";
import { imageImmutableTag } from "./versions/image-immutable-tag";
import { pinnedEndpoint } from "./versions/pinned-endpoint";
import { efsEncrypted } from "./storage/efs-encrypted";
import { efsPolicy } from "./storage/efs-policy";
import { nfsIngress } from "./storage/nfs-ingress";
import { efsClientRoot } from "./iam/efs-client-root";
import { codeArtifactBucket, codeArtifactPinned } from "./versions/code-artifact";

/** Every rule of the pack, in the order the README lists them. */
export const allPolicies: AgentcorePolicy[] = [
    runtimeVpc,
    codeInterpreterNetwork,
    browserNetwork,
    internetEgress,
    pinnedEndpoint,
    imageDigest,
    imageImmutableTag,
    codeArtifactPinned,
    codeArtifactBucket,
    ecrImmutableTags,
    ecrLifecycleKeepsTagged,
    ecrScanOnPush,
    ecrKmsEncryption,
    gatewayAuthorizer,
    gatewayExceptionLevel,
    gatewayInterceptorHeaders,
    jwtAudience,
    resourcePolicyPrincipal,
    customerManagedKeys,
    keyRotation,
    tokenVaultKeyPolicy,
    browserRecordingBucket,
    browserRecordingTls,
    exportedData,
    trustConfusedDeputy,
    noBroadManagedPolicies,
    noWildcardActions,
    resourceScoping,
    metricsNamespace,
    modelAllowlist,
    modelVendor,
    workloadTokenUserId,
    noInvokeRuntimeCommand,
    passRoleScoped,
    unknownActions,
    oneRolePerResource,
    ecrPushScoped,
    lambdaPermissionSource,
    recordingDeletion,
    credentialProviderSecrets,
    runtimeEnvSecrets,
    gatewayLambdaEnvSecrets,
    eventRetention,
    gatewayPolicyEngine,
    gatewayPolicyEngineDelegated,
    policyValidationMode,
    policyAllowAll,
    registryApproval,
    harnessTools,
    harnessMemoryRecords,
    efsEncrypted,
    nfsIngress,
    efsPolicy,
    efsClientRoot,
];
