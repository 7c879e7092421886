export { IAM_PROPAGATION_SECONDS, iamPropagationWait } from "./propagation";
export { AGENTCORE_SERVICE_PRINCIPAL, Grantable, PolicyDocument, PolicyStatement, agentCoreTrustPolicy, allow, policyDocument, roleGrantee } from "./grants";
