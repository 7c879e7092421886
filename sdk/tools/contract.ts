import { AccessCall, AccessContract } from "../common/contract";

const CODE_INTERPRETER_PERMISSIONS = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/code-interpreter-resource-session-management.html";
const BROWSER_PERMISSIONS = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/browser-resource-session-management.html";
const S3_SSE_KMS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#require-sse-kms";
const CONDITION_OPERATORS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN";

const trust = (id: string, roleKey: string, resourceType: string, toolId: string, when: string, why: string, source: string, account = "${account}"): AccessCall => ({
    id,
    principal: "service:bedrock-agentcore.amazonaws.com",
    action: "sts:AssumeRole",
    resource: `\${${roleKey}RoleArn}`,
    context: { "aws:SourceAccount": account, "aws:SourceArn": `arn:\${partition}:bedrock-agentcore:\${region}:${account}:${resourceType}/${toolId}` },
    resourcePolicies: [`trust:${roleKey}`],
    when: [when],
    why,
    source,
});

const interpreter = (id: string, action: string, resource: string, why: string, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal: "role:codeInterpreter",
    action,
    resource,
    context: DATA_REQUEST,
    when: ["data-buckets"],
    why,
    source: CODE_INTERPRETER_PERMISSIONS,
    ...more,
});

/** The request context S3 sees: a bucket of this account (`aws:ResourceAccount`, which S3 sets to the bucket owner) reached over TLS. */
const RECORDING_REQUEST = { "aws:SecureTransport": "true", "aws:ResourceAccount": "${account}" };
/** A data bucket of this account (the VPC shapes' S3 gateway endpoint admits only this account's buckets). */
const DATA_REQUEST = { "aws:ResourceAccount": "${account}" };

const recorder = (id: string, action: string, resource: string, why: string, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal: "role:browser",
    action,
    resource,
    context: RECORDING_REQUEST,
    resourcePolicies: ["bucket:recording"],
    when: ["recording"],
    why,
    source: BROWSER_PERMISSIONS,
    ...more,
});

/**
 * What the code interpreter's role (role:codeInterpreter, only when it reads data
 * buckets) and the browser's role (role:browser, only when it records) may do.
 * Bindings: `${codeInterpreterName}`, `${codeInterpreterId}`, `${codeInterpreterRoleArn}`,
 * `${dataBucket}` (a listed data bucket), `${browserName}`, `${browserId}`,
 * `${browserRoleArn}`, `${recordingBucket}`, `${recordingPrefix}`, `${recordingKeyArn}`.
 */
export const TOOLS_CONTRACT: AccessContract = {
    component: "CodeInterpreter and Browser",
    summary:
        "The execution roles of the custom tools: the code interpreter reads only the data buckets it lists; the browser only writes session recordings under its prefix. Agents' use of the tools (sessions, the automation stream) is in the AgentRuntime contract.",
    allowed: [
        trust("assume-interpreter-role", "codeInterpreter", "code-interpreter-custom", "${codeInterpreterId}", "data-buckets", "AgentCore assumes the interpreter's role for this interpreter only, so code in its sessions can read the data buckets.", CODE_INTERPRETER_PERMISSIONS),
        interpreter("read-data-object", "s3:GetObject", "arn:${partition}:s3:::${dataBucket}/reports/2026.csv", "Code reads objects of a listed data bucket (in VPC shapes through the S3 gateway endpoint, which admits this account's buckets only: a data bucket in another account is refused there).", { resourcePolicies: ["endpoint:s3"] }),
        interpreter("list-data-bucket", "s3:ListBucket", "arn:${partition}:s3:::${dataBucket}", "…and lists its keys.", { resourcePolicies: ["endpoint:s3"] }),
        trust("assume-browser-role", "browser", "browser-custom", "${browserId}", "recording", "AgentCore assumes the browser's role for this browser only, to write its session recordings.", BROWSER_PERMISSIONS),
        recorder("write-recording", "s3:PutObject", "arn:${partition}:s3:::${recordingBucket}/${recordingPrefix}/session-1/part-0001.webm", "The browser uploads a session recording under its prefix, in this account, over TLS."),
        recorder("abort-recording-upload", "s3:AbortMultipartUpload", "arn:${partition}:s3:::${recordingBucket}/${recordingPrefix}/session-1/part-0001.webm", "Multipart uploads of recordings can be aborted."),
        recorder("list-recording-parts", "s3:ListMultipartUploadParts", "arn:${partition}:s3:::${recordingBucket}/${recordingPrefix}/session-1/part-0001.webm", "…and their parts listed."),
        {
            id: "recording-data-key",
            principal: "role:browser",
            action: "kms:GenerateDataKey",
            resource: "${recordingKeyArn}",
            context: { "kms:ViaService": "s3.${region}.amazonaws.com" },
            resourcePolicies: ["key:recording"],
            when: ["recording", "cmk"],
            why: "S3 encrypts each upload under the bucket's customer-managed key with the writer's credentials (SSE-KMS).",
            source: S3_SSE_KMS,
        },
        {
            id: "recording-decrypt-for-multipart",
            principal: "role:browser",
            action: "kms:Decrypt",
            resource: "${recordingKeyArn}",
            context: { "kms:ViaService": "s3.${region}.amazonaws.com" },
            resourcePolicies: ["key:recording"],
            when: ["recording", "cmk"],
            why: "Completing a multipart upload of an SSE-KMS object decrypts its data key.",
            source: S3_SSE_KMS,
        },
    ],
    denied: [
        trust("assume-interpreter-role-name-prefix", "codeInterpreter", "code-interpreter-custom", "${codeInterpreterName}-admin-AbCdEf1234", "data-buckets", "Not a tool whose name only starts with this one's (`<name>-??????????`).", CONDITION_OPERATORS),
        trust("assume-interpreter-role-other-account", "codeInterpreter", "code-interpreter-custom", "${codeInterpreterId}", "data-buckets", "Not the same tool id in another account.", CODE_INTERPRETER_PERMISSIONS, "210987654321"),
        interpreter("read-other-bucket", "s3:GetObject", "arn:${partition}:s3:::someone-elses-bucket/secrets.csv", "Only the listed data buckets."),
        interpreter("write-data-bucket", "s3:PutObject", "arn:${partition}:s3:::${dataBucket}/reports/2026.csv", "Data buckets are read-only to code."),
        interpreter("delete-data-object", "s3:DeleteObject", "arn:${partition}:s3:::${dataBucket}/reports/2026.csv", "…and code never deletes from them."),
        trust("assume-browser-role-name-prefix", "browser", "browser-custom", "${browserName}-admin-AbCdEf1234", "recording", "Not a browser whose name only starts with this one's.", CONDITION_OPERATORS),
        recorder("read-recording", "s3:GetObject", "arn:${partition}:s3:::${recordingBucket}/${recordingPrefix}/session-1/part-0001.webm", "The browser's role writes recordings; it never reads them back."),
        recorder("delete-recording", "s3:DeleteObject", "arn:${partition}:s3:::${recordingBucket}/${recordingPrefix}/session-1/part-0001.webm", "…and never deletes them."),
        recorder("write-outside-prefix", "s3:PutObject", "arn:${partition}:s3:::${recordingBucket}/elsewhere/file.webm", "Only under the recording prefix."),
        recorder("write-other-bucket", "s3:PutObject", "arn:${partition}:s3:::someone-elses-bucket/${recordingPrefix}/x.webm", "Only the recording bucket."),
        recorder("write-without-tls", "s3:PutObject", "arn:${partition}:s3:::${recordingBucket}/${recordingPrefix}/session-1/part-0001.webm", "The bucket refuses requests without TLS.", {
            context: { ...RECORDING_REQUEST, "aws:SecureTransport": "false" },
        }),
        {
            id: "recording-key-directly",
            principal: "role:browser",
            action: "kms:Decrypt",
            resource: "${recordingKeyArn}",
            resourcePolicies: ["key:recording"],
            when: ["recording", "cmk"],
            why: "The recording key is usable only through S3.",
            source: S3_SSE_KMS,
        },
    ],
};


const SERVICE_REFERENCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html";

const profileCall = (id: string, action: string, resource: string, why: string, more: Partial<AccessCall> = {}): AccessCall => ({
    id,
    principal: "role:runtime",
    action,
    resource,
    when: ["profile"],
    why,
    source: SERVICE_REFERENCE,
    ...more,
});

/**
 * The agent's use of its browser profile (issue 24 item 6). Bindings: `${browserArn}`,
 * `${profileArn}`, `${otherProfileArn}`.
 */
export const BROWSER_PROFILE_CONTRACT: AccessContract = {
    component: "Browser profile",
    summary: "The runtime's execution role (role:runtime) starting browser sessions with its browser's profile and saving sessions into it, and nothing else on any profile.",
    notes: [
        "`StartBrowserSession` lists `browser-profile` as an optional resource type and `SaveBrowserSessionProfile` requires both the browser and the profile (IAM service reference for `bedrock-agentcore`): the grant names the one browser and the one profile. Control-plane actions on profiles (`GetBrowserProfile`, `DeleteBrowserProfile`, `ListBrowserProfiles`) are not the agent's. A browser profile takes no KMS key (CreateBrowserProfile has no key parameter, nor has @pulumi/aws 7.48's AgentcoreBrowserProfile): its encryption is AgentCore's and is not claimed here.",
    ],
    allowed: [
        profileCall("start-with-profile", "bedrock-agentcore:StartBrowserSession", "${profileArn}", "Start a session with the profile's cookies and local storage loaded"),
        profileCall("save-to-profile-browser", "bedrock-agentcore:SaveBrowserSessionProfile", "${browserArn}", "Save a session of this browser into the profile (authorized on the browser)", { when: ["profile", "save"] }),
        profileCall("save-to-profile", "bedrock-agentcore:SaveBrowserSessionProfile", "${profileArn}", "…and on the profile", { when: ["profile", "save"] }),
    ],
    denied: [
        profileCall("start-with-other-profile", "bedrock-agentcore:StartBrowserSession", "${otherProfileArn}", "Another team's profile (its logins) is not this agent's"),
        profileCall("save-to-other-profile", "bedrock-agentcore:SaveBrowserSessionProfile", "${otherProfileArn}", "Nor may it overwrite another profile"),
        profileCall("save-read-only", "bedrock-agentcore:SaveBrowserSessionProfile", "${profileArn}", "With `save: false` the agent only loads the profile", { when: ["profile", "no-save"] }),
        profileCall("delete-profile", "bedrock-agentcore:DeleteBrowserProfile", "${profileArn}", "Deleting the profile is the deployer's, not the agent's"),
        profileCall("get-profile", "bedrock-agentcore:GetBrowserProfile", "${profileArn}", "The control-plane read is not needed to use the profile"),
    ],
};
