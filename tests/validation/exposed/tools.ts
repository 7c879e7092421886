import { Browser, BrowserArgs, CodeInterpreter, CodeInterpreterArgs } from "../../../sdk";
import { ConceptTable, ExposedField } from "../apiModel";

const INTERPRETER = "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter";
const BROWSER = "aws:bedrock/agentcoreBrowser:AgentcoreBrowser";
const VPC = { subnetIds: ["subnet-12345678"], securityGroupIds: ["sg-12345678"] };

const interpreter = (args: Partial<CodeInterpreterArgs>) => () => new CodeInterpreter("interpreter", args);
const browser = (args: Partial<BrowserArgs>) => () => new Browser("browser", { network: { mode: "PUBLIC" }, ...args });

/** Fields both tools send the same way, for a builder taking the tool's args. */
function commonFields(type: string, modeShape: string, validMode: string, build: (args: Partial<CodeInterpreterArgs & BrowserArgs>) => () => unknown): ExposedField[] {
    const inVpc = (vpc: object) => build({ network: { mode: "VPC", vpc: { ...VPC, ...vpc } } });
    return [
        { type, path: "name", shape: "SandboxName", argPath: "name", valid: "web_tool", build: (v) => build({ name: v }) },
        { type, path: "description", shape: "Description", argPath: "description", valid: "A tool", build: (v) => build({ description: v }) },
        { type, path: "networkConfiguration.networkMode", shape: modeShape, argPath: "network.mode", valid: validMode, build: (v) => build({ network: { mode: v } }) },
        { type, path: "networkConfiguration.vpcConfig.subnets", shape: "Subnets", argPath: "network.vpc.subnetIds", valid: VPC.subnetIds, build: (v) => inVpc({ subnetIds: v }) },
        { type, path: "networkConfiguration.vpcConfig.subnets[]", shape: "SubnetId", argPath: "network.vpc.subnetIds[0]", valid: "subnet-12345678", build: (v) => inVpc({ subnetIds: [v] }) },
        { type, path: "networkConfiguration.vpcConfig.securityGroups", shape: "SecurityGroups", argPath: "network.vpc.securityGroupIds", valid: VPC.securityGroupIds, build: (v) => inVpc({ securityGroupIds: v }) },
        {
            type, path: "networkConfiguration.vpcConfig.securityGroups[]", shape: "SecurityGroupId", argPath: "network.vpc.securityGroupIds[0]", valid: "sg-12345678",
            build: (v) => inVpc({ securityGroupIds: [v] }),
        },
        { type, path: "tags", shape: "TagsMap", argPath: "tags", valid: { team: "support" }, build: (v) => build({ tags: v }) },
        { type, path: "tags{key}", shape: "TagKey", argPath: "tags key", valid: "team", build: (v) => build({ tags: { [v]: "support" } }) },
        { type, path: "tags{value}", shape: "TagValue", argPath: "tags.team", valid: "support", build: (v) => build({ tags: { team: v } }) },
    ];
}

const exposed: ExposedField[] = [
    ...commonFields(INTERPRETER, "CodeInterpreterNetworkMode", "SANDBOX", interpreter),
    ...commonFields(BROWSER, "BrowserNetworkMode", "PUBLIC", browser),
    { type: BROWSER, path: "recording.s3Location.prefix", shape: "S3LocationPrefixString", argPath: "recording.prefix", valid: "sessions", build: (v) => browser({ recording: { prefix: v } }) },
];

const derived: Record<string, string> = {
    [`${INTERPRETER} executionRoleArn`]: "the data-read role the component creates",
    [`${BROWSER} executionRoleArn`]: "the recording-write role the component creates",
    [`${BROWSER} recording.s3Location.bucket`]: "the recording bucket the component creates",
};

const maximal: (() => unknown)[] = [
    interpreter({ name: "analysis", description: "Analysis", network: { mode: "VPC", vpc: VPC }, dataBuckets: ["data-bucket"], tags: { team: "support" } }),
    browser({ name: "web", description: "Web", network: { mode: "VPC", vpc: VPC }, recording: { prefix: "sessions" }, tags: { team: "support" } }),
];

/** Code interpreter and browser. */
export const TOOLS_TABLE: ConceptTable = { exposed, derived, maximal };
