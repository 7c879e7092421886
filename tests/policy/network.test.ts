import { browserNetwork } from "../../policy/rules/network/browser-network";
import { codeInterpreterNetwork } from "../../policy/rules/network/code-interpreter-network";
import { runtimeVpc } from "../../policy/rules/network/runtime-vpc";
import { change, compliantStack, UNKNOWN_STRING } from "./fixtures";
import { describeRule } from "./table";

const S = compliantStack();
const MODE = "networkConfiguration.networkMode";
/** A harness whose one runtime environment has the given network mode. */
function harness(networkMode: string) {
    return {
        type: "aws:bedrock/agentcoreHarness:AgentcoreHarness",
        name: "h",
        inputs: { harnessName: "h", environments: [{ agentcoreRuntimeEnvironments: [{ networkConfigurations: [{ networkMode, networkModeConfigs: networkMode === "VPC" ? [{ subnets: ["subnet-1"], securityGroups: ["sg-1"] }] : undefined }] }] }] },
    };
}

describeRule({
    policy: runtimeVpc,
    failing: [
        { title: "flags a PUBLIC runtime", specs: change(S, "agent-runtime", MODE, "PUBLIC"), expect: ['agent-runtime: Runtime must run in VPC mode (set networkConfiguration.networkMode to "VPC"; it is "PUBLIC")'] },
        { title: "flags an aws-native Runtime in PUBLIC mode", specs: [{ type: "aws-native:bedrockagentcore:Runtime", name: "native-rt", inputs: { networkConfiguration: { networkMode: "PUBLIC" } } }], expect: ['native-rt: Runtime must run in VPC mode (set networkConfiguration.networkMode to "VPC"; it is "PUBLIC")'] },
        {
            title: "flags a harness runtime environment in PUBLIC mode",
            specs: [...S, harness("PUBLIC")],
            expect: ['h: Harness runtime environment must run in VPC mode (set networkConfigurations[].networkMode to "VPC"; it is "PUBLIC")'],
        },
        { title: "accepts a harness runtime environment in VPC mode", specs: [...S, harness("VPC")], expect: [] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter", name: "ci", inputs: { networkConfiguration: { networkMode: "PUBLIC" } } }],
    unknown: change(S, "agent-runtime", MODE, UNKNOWN_STRING),
});

describeRule({
    policy: codeInterpreterNetwork,
    config: { allowSandbox: false },
    failing: [
        { title: "flags a PUBLIC code interpreter", specs: change(S, "agent-ci", MODE, "PUBLIC"), expect: ['agent-ci: Code interpreter must not have public network access (set networkConfiguration.networkMode to "VPC")'] },
        { title: "flags SANDBOX when the config disallows it", specs: change(S, "agent-ci", MODE, "SANDBOX"), expect: ['agent-ci: Code interpreter must run in VPC mode here, not SANDBOX (set networkConfiguration.networkMode to "VPC")'] },
        { title: "accepts SANDBOX under the default config", specs: change(S, "agent-ci", MODE, "SANDBOX"), config: {}, expect: [] },
        { title: "flags an aws-native CodeInterpreterCustom in PUBLIC mode", specs: [{ type: "aws-native:bedrockagentcore:CodeInterpreterCustom", name: "native-ci", inputs: { networkConfiguration: { networkMode: "PUBLIC" } } }], expect: ['native-ci: Code interpreter must not have public network access (set networkConfiguration.networkMode to "VPC")'] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreBrowser:AgentcoreBrowser", name: "b", inputs: { networkConfiguration: { networkMode: "PUBLIC" } } }],
    unknown: change(S, "agent-ci", MODE, UNKNOWN_STRING),
});

describeRule({
    policy: browserNetwork,
    failing: [
        { title: "flags a PUBLIC browser", specs: change(S, "agent-browser", MODE, "PUBLIC"), expect: ['agent-browser: Browser must not use public network mode (set networkConfiguration.networkMode to "VPC")'] },
        { title: "flags an aws-native BrowserCustom in PUBLIC mode", specs: [{ type: "aws-native:bedrockagentcore:BrowserCustom", name: "native-b", inputs: { networkConfiguration: { networkMode: "PUBLIC" } } }], expect: ['native-b: Browser must not use public network mode (set networkConfiguration.networkMode to "VPC")'] },
    ],
    notApplicable: [{ type: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime", name: "rt", inputs: { networkConfiguration: { networkMode: "PUBLIC" } } }],
    unknown: change(S, "agent-browser", MODE, UNKNOWN_STRING),
});
