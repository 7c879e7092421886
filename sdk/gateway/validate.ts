import { checkAuthorizer } from "../runtime/validate";
import { Problems, checkShape, isKnown } from "../validation";
import { GatewayInboundAuth, GatewayTargetSpec, SchemaSource, TargetCredentials } from "./types";

/** Checks the inbound authorization: JWT needs an issuer and a client or audience; NONE needs an explicit acknowledgement. */
export function checkInboundAuth(problems: Problems, auth: GatewayInboundAuth, path: string): void {
    switch (auth.type) {
        case "AWS_IAM":
            return;
        case "NONE":
            if ((auth as { acknowledgeUnauthenticated?: unknown }).acknowledgeUnauthenticated !== true) {
                problems.add(`${path}.acknowledgeUnauthenticated`, undefined, "must be true to create a gateway anyone can call without credentials (use AWS_IAM or CUSTOM_JWT otherwise)");
            }
            return;
        case "CUSTOM_JWT": {
            if (auth.cognito === undefined) {
                checkAuthorizer(problems, { ...auth, discoveryUrl: auth.discoveryUrl as string }, path);
            } else if (auth.discoveryUrl !== undefined || auth.allowedAudiences !== undefined || auth.allowedClients !== undefined) {
                problems.add(path, "CUSTOM_JWT", "takes either cognito (the component creates the issuer and its client) or discoveryUrl with allowedAudiences/allowedClients, not both");
            }
            if (auth.cognito !== undefined && auth.allowedScopes !== undefined) {
                checkShape(problems, `${path}.allowedScopes`, auth.allowedScopes, "AllowedScopesType");
                auth.allowedScopes.forEach((scope, i) => isKnown(scope) && checkShape(problems, `${path}.allowedScopes[${i}]`, scope, "AllowedScopeType"));
            }
            return;
        }
        default:
            problems.add(`${path}.type`, (auth as { type: unknown }).type, "must be AWS_IAM, CUSTOM_JWT or NONE");
    }
}

/** Checks every target: names unique and valid, ARNs, URLs, schemas and credentials. */
export function checkTargets(problems: Problems, targets: GatewayTargetSpec<unknown, unknown>[], path: string): void {
    const seen = new Set<string>();
    targets.forEach((target, i) => {
        const at = `${path}[${i}]`;
        checkShape(problems, `${at}.name`, target.name, "TargetName", { hint: "(letters and digits, single hyphens between them)" });
        if (seen.has(target.name)) {
            problems.add(`${at}.name`, target.name, "must be unique among the gateway's targets");
        }
        seen.add(target.name);
        checkShape(problems, `${at}.description`, target.description, "TargetDescription");
        switch (target.type) {
            case "lambda":
                if (isKnown(target.functionArn)) {
                    checkShape(problems, `${at}.functionArn`, target.functionArn, "LambdaFunctionArn");
                }
                if (target.tools.length === 0) {
                    problems.add(`${at}.tools`, [], "must list at least one tool the function implements");
                }
                return;
            case "openApi":
                checkSchema(problems, target.schema, `${at}.schema`);
                checkCredentials(problems, target.credentials, `${at}.credentials`);
                return;
            case "smithy":
                checkSchema(problems, target.schema, `${at}.schema`);
                return;
            case "mcpServer":
                if (isKnown(target.endpoint)) {
                    checkShape(problems, `${at}.endpoint`, target.endpoint, "McpServerTargetConfigurationEndpointString");
                }
                if (target.credentials) {
                    checkCredentials(problems, target.credentials, `${at}.credentials`);
                }
                return;
            default:
                problems.add(`${at}.type`, (target as { type: unknown }).type, "must be lambda, openApi, smithy or mcpServer");
        }
    });
}

function checkSchema(problems: Problems, schema: SchemaSource, path: string): void {
    if ("s3Uri" in schema) {
        if (isKnown(schema.s3Uri)) {
            checkShape(problems, `${path}.s3Uri`, schema.s3Uri, "S3BucketUri");
        }
    } else if (isKnown(schema.inline) && schema.inline.trim() === "") {
        problems.add(`${path}.inline`, schema.inline, "must not be empty");
    }
}

function checkCredentials(problems: Problems, credentials: TargetCredentials<unknown, unknown>, path: string): void {
    if ("apiKey" in credentials) {
        checkShape(problems, `${path}.location`, credentials.location, "ApiKeyCredentialLocation");
        checkShape(problems, `${path}.parameterName`, credentials.parameterName, "ApiKeyCredentialParameterName");
        checkShape(problems, `${path}.prefix`, credentials.prefix, "ApiKeyCredentialPrefix");
        return;
    }
    checkShape(problems, `${path}.scopes`, credentials.scopes, "OAuthScopes");
    credentials.scopes.forEach((scope, i) => checkShape(problems, `${path}.scopes[${i}]`, scope, "OAuthScope"));
    checkShape(problems, `${path}.grantType`, credentials.grantType, "OAuthGrantType");
    checkShape(problems, `${path}.defaultReturnUrl`, credentials.defaultReturnUrl, "OAuthDefaultReturnUrl");
    if (credentials.grantType === "AUTHORIZATION_CODE" && credentials.defaultReturnUrl === undefined) {
        problems.add(`${path}.defaultReturnUrl`, undefined, "is required with grantType AUTHORIZATION_CODE (where the user's browser returns after consent)");
    }
}
