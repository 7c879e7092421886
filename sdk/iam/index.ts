export { Grantable, PolicyDocument, PolicyStatement, policyDocument, allow } from "./grants";
