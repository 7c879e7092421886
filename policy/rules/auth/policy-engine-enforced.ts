import { resourceRule } from "../../common/rule";
import { T } from "../../common/types";
import { at, isUnknown } from "../../common/values";

export const policyEngineEnforced = resourceRule({
    name: "agentcore-policy-engine-enforced",
    description: "A gateway's Cedar policy engine enforces its decisions (mode ENFORCE, not LOG_ONLY), and Cedar policies are not created past validation findings (validationMode IGNORE_ALL_FINDINGS).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Set policyEngineConfiguration.mode to \"ENFORCE\" on the gateway once the policies are reviewed; leave validationMode unset (FAIL_ON_ANY_FINDINGS) on policies.",
    types: [T.gateway, T.cedarPolicy],
    check: (res) => {
        if (res.type === T.gateway) {
            const mode = at(res.props, "policyEngineConfiguration.mode");
            return !isUnknown(mode) && mode === "LOG_ONLY"
                ? ['Gateway policy engine only logs its decisions (policyEngineConfiguration.mode "LOG_ONLY"): tool calls it would deny still run (set mode to "ENFORCE")']
                : [];
        }
        const validation = at(res.props, "validationMode");
        return !isUnknown(validation) && validation === "IGNORE_ALL_FINDINGS"
            ? ['Cedar policy is created even when validation finds problems (validationMode "IGNORE_ALL_FINDINGS"): leave it unset or set "FAIL_ON_ANY_FINDINGS"']
            : [];
    },
});
