export { AgentFileSystem, AgentFileSystemArgs, DEFAULT_POSIX_USER, DEFAULT_ROOT_DIRECTORY } from "./agentFileSystem";
export { EnvironmentEfsStorage, EnvironmentStorage, FileSystemEncryption, PosixUser, RuntimeStorage } from "./types";
export { checkStorage, filesystemConfigurations, mountName } from "./validate";
export { storageStatements } from "./grants";
export * as storagePerms from "./perms";
