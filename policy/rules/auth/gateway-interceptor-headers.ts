import { resourceRule } from "../../common/rule";
import { T } from "../../common/types";
import { at, isUnknown } from "../../common/values";

/**
 * issue 24 item 2: an interceptor with `passRequestHeaders` receives the caller's request headers, among
 * them the `Authorization` bearer token ("The headers field is only included if passRequestHeaders is set
 * to true", https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-interceptors-types.html;
 * AWS CDK: "Request headers can contain sensitive information such as authentication tokens"). A function
 * that logs its event then writes callers' tokens to CloudWatch. Advisory: some interceptors (tenant checks,
 * header rewriting) need the headers.
 */
export const gatewayInterceptorHeaders = resourceRule({
    name: "agentcore-gateway-interceptor-headers",
    description:
        "Gateway interceptors receive the callers' request headers (including their Authorization token) only where they need them (passRequestHeaders), since a function that logs its event would store the tokens.",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps:
        "Components: AgentEnvironment `gateway.interceptors[].passRequestHeaders` (or AgentGateway `interceptors[].passRequestHeaders`): leave it false unless the function reads a header, and log no header. Raw resources: set interceptorConfigurations[].inputConfiguration.passRequestHeaders to false.",
    types: [T.gateway, T.nativeGateway],
    check: (res) => {
        const configurations = at(res.props, "interceptorConfigurations");
        if (isUnknown(configurations) || !Array.isArray(configurations)) {
            return [];
        }
        return configurations.flatMap((c, i) => {
            const pass = at(c, "inputConfiguration.passRequestHeaders");
            if (pass !== true) {
                return [];
            }
            const arn = at(c, "interceptor.lambda.arn");
            const fn = typeof arn === "string" ? ` (${arn})` : "";
            return [`Gateway interceptor ${i}${fn} receives the callers' request headers, including their Authorization token (passRequestHeaders true): pass them only to a function that needs them and logs none`];
        });
    },
});
