export { CodeInterpreter, CodeInterpreterArgs, checkCodeInterpreterArgs } from "./codeInterpreter";
export { Browser, BrowserArgs, BrowserProfileSettings, BrowserRecording, checkBrowserArgs, DEFAULT_RECORDING_PREFIX, DEFAULT_RECORDING_RETENTION_DAYS } from "./browser";
export { RecordingBucket, RecordingBucketArgs, NONCURRENT_RECORDING_DAYS, INCOMPLETE_UPLOAD_DAYS } from "./recordingBucket";
export { BrowserNetwork, CodeInterpreterNetwork, ToolVpcConfig, MANAGED_BROWSER_ID, MANAGED_CODE_INTERPRETER_ID } from "./types";
export {
    BrowserSection,
    CodeInterpreterSection,
    ToolEnvironment,
    browserArgsFor,
    checkToolSections,
    codeInterpreterArgsFor,
} from "./sections";
export * as toolPerms from "./perms";
