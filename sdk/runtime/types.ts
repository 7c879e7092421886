import * as pulumi from "@pulumi/pulumi";
import type { AgentExecutionRole } from "./executionRole";
import type { RuntimeStorage } from "../storage/types";
import type { RuntimeCode } from "../code/types";
import type { InferenceProfileModels } from "./models";

/** Server protocol of the agent container (shape ServerProtocol). */
export type ServerProtocol = "HTTP" | "MCP" | "A2A" | "AGUI";

/** Who may call the runtime. */
export type InboundAuthorizer =
    | {
          /** SigV4-signed calls allowed by the caller's IAM policy (`bedrock-agentcore:InvokeAgentRuntime`). */
          type: "AWS_IAM";
      }
    | {
          /** Bearer JWTs from an OpenID Connect issuer (e.g. Cognito). */
          type: "CUSTOM_JWT";
          /** OIDC discovery URL, ending in `/.well-known/openid-configuration`. */
          discoveryUrl: pulumi.Input<string>;
          /** Accepted `aud` claims. At least one audience or client is required. */
          allowedAudiences?: pulumi.Input<string>[];
          /** Accepted `client_id` claims (Cognito access tokens carry `client_id`, not `aud`). */
          allowedClients?: pulumi.Input<string>[];
          /** Accepted scopes. */
          allowedScopes?: pulumi.Input<string>[];
      };

/** Where the runtime's sessions run. */
export type RuntimeNetwork =
    | {
          /** Sessions reach the internet directly. */
          mode: "PUBLIC";
      }
    | {
          /** Sessions run in the given subnets with the given security groups. */
          mode: "VPC";
          /** Private subnet ids (1-16), in availability zones AgentCore supports. */
          subnetIds: pulumi.Input<pulumi.Input<string>[]>;
          /** Security group ids (1-16). */
          securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
      };

/** AgentCore's default idle session timeout, in seconds (API model: LifecycleConfiguration). */
export const DEFAULT_IDLE_SESSION_TIMEOUT = 900;
/** AgentCore's default maximum session lifetime, in seconds (API model: LifecycleConfiguration). */
export const DEFAULT_MAX_LIFETIME = 28800;

/** Session lifecycle limits, in seconds (60-28800 each for the microVM runtimes this package creates: the API model's 1209600 is for capacity-provider runtimes, runtime-lifecycle-settings guide; idle ≤ max). */
export interface RuntimeLifecycle {
    /** Idle time after which a session ends. @default 900 */
    idleSessionTimeoutSeconds?: number;
    /** Longest a session may live. @default 28800 */
    maxLifetimeSeconds?: number;
}

/** A custom endpoint: a named pointer that stays on the version it names. */
export interface RuntimeEndpointSpec {
    /** Endpoint name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`; `DEFAULT` is reserved by AgentCore). */
    name: string;
    /** The reviewed runtime version the endpoint serves (`[1-9][0-9]{0,4}`). */
    version: string;
    /** Description (1-256 characters). */
    description?: string;
    /**
     * The argument path named when the version is refused because the runtime does
     * not have it (yet), e.g. `runtimeVersion` where an `AgentEnvironment` made the
     * endpoint from that setting. @default `endpoints[<i>].version`
     */
    versionPath?: string;
    /** Keep the endpoint in AWS when it leaves the program (a rollback target, so its version is never garbage-collected). @default false */
    retainOnDelete?: boolean;
    /**
     * Protect the endpoint (`protect`): removing it from the program, or a change that would
     * replace it, stops at preview until `pulumi state unprotect` is run on it. @default false
     */
    protectFromDeletion?: boolean;
}

/** The image a runtime runs: `AgentImage` satisfies it. */
export interface RuntimeImage {
    /** Container URI by digest (`<repo>@sha256:…`). */
    imageUri: pulumi.Input<string>;
    /** ARN of the ECR repository, to scope the execution role's pull permission. */
    repositoryArn: pulumi.Input<string>;
}

/** Arguments of {@link AgentRuntime}. */
export interface AgentRuntimeArgs {
    /** AgentCore runtime name (`[a-zA-Z][a-zA-Z0-9_]{0,47}`). @default the component name with hyphens mapped to underscores */
    runtimeName?: string;
    /** The container image, referenced by digest (pass an `AgentImage`). Exactly one of `image` or `code`. */
    image?: RuntimeImage;
    /**
     * The code package for direct code deployment (pass an `AgentCode`): a zip in S3, each
     * runtime version pinned to the object's `versionId` as an image is pinned by digest.
     * Exactly one of `image` or `code`.
     */
    code?: RuntimeCode;
    /** Bedrock models and inference profiles the agent may invoke (ids or ARNs). @default [] */
    models?: string[];
    /**
     * The foundation models behind inference profiles among the models that cannot be
     * expanded offline, by profile as listed: every application inference profile
     * ARN (and a system profile of a geography without a Region table) maps to the
     * foundation-model ARNs it routes to, one per Region. Bedrock requires invoke on
     * those as well as on the profile
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html).
     * System profiles (`us.`, `eu.`, `apac.`, `jp.`, `au.`, `us-gov.`, `global.`) are expanded without it.
     * @default {}
     */
    inferenceProfileModels?: InferenceProfileModels;
    /** Server protocol of the container. @default "HTTP" */
    protocol?: ServerProtocol;
    /** Inbound authorization. @default { type: "AWS_IAM" } */
    authorizer?: InboundAuthorizer;
    /**
     * ARNs of the AgentCore gateways that alone may invoke the runtime (1-10; CUSTOM_JWT
     * authorizers only): the JWT authorizer's `allowedWorkloadConfiguration.hostingEnvironments`,
     * so a request is accepted only when its identity chain includes one of these gateways
     * ("Enforcing traffic through the gateway",
     * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-target-http-runtime.html).
     * It applies to every endpoint, and to the versions created while it is set (a version
     * keeps the authorizer it was created with). An AWS_IAM runtime admits a gateway with a
     * resource policy instead (`onlyThroughRoleStatements`). @default none: any valid token, on any endpoint
     */
    allowedGatewayArns?: pulumi.Input<string>[];
    /** Network mode. @default { mode: "PUBLIC" } */
    network?: RuntimeNetwork;
    /**
     * File systems mounted into every session (issue 24 item 4; `filesystemConfigurations`, at most 5):
     * AgentCore-managed per-session storage (`SESSION`), or an EFS or S3 Files access point
     * (VPC network only), for which the execution role gets `ClientMount`/`ClientWrite` on exactly
     * that file system through exactly that access point, never `ClientRootAccess`. Changing it is
     * an in-place update (a new runtime version). An `AgentFileSystem`'s `storage` is an EFS mount.
     * @default none
     */
    storage?: RuntimeStorage[];
    /** Environment variables of the container (at most 50; keys 1-100 characters). Never put secrets here. */
    environmentVariables?: Record<string, pulumi.Input<string>>;
    /** Session lifecycle. @default AgentCore's: idle 900 s, max 28800 s */
    lifecycle?: RuntimeLifecycle;
    /** Request headers passed through to the container (1-20). `Authorization` needs a CUSTOM_JWT authorizer. */
    requestHeaderAllowlist?: string[];
    /** Description (1-4096 characters). */
    description?: string;
    /** Custom endpoints, each pinned to a reviewed version (at most 10). @default [] (only DEFAULT) */
    endpoints?: RuntimeEndpointSpec[];
    /** Allow `GetWorkloadAccessTokenForUserId` on the execution role (AWS advises against it in production). @default false */
    allowWorkloadTokenForUserId?: boolean;
    /**
     * Access other components grant to the execution role before the runtime is
     * created, so that no version of the runtime ever runs without it, e.g.
     * `(role) => memory.grantAccess(role)`. The runtime waits for every grant.
     * @default none
     */
    grants?: (role: AgentExecutionRole) => void;
    /**
     * Protect the runtime (`protect`): renaming it, the one change that replaces it, would
     * delete every version, pinned and rollback ones included, so it stops at preview
     * (docs/replacements.md). Set for prod.
     * @default false
     */
    protectFromDeletion?: boolean;
    /** Tags for every resource the component creates. */
    tags?: Record<string, string>;
}
