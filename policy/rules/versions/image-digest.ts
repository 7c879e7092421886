import { resourceRule } from "../../common/rule";
import { T } from "../../common/types";
import { at, isUnknown } from "../../common/values";

const CONTAINER_URI: Record<string, string> = {
    [T.runtime]: "agentRuntimeArtifact.containerConfiguration.containerUri",
    [T.nativeRuntime]: "agentRuntimeArtifact.containerConfiguration.containerUri",
};

export const imageDigest = resourceRule({
    name: "agentcore-runtime-image-digest",
    description: "Runtime images are referenced by digest, so one runtime version maps to one image.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Reference the image as <repository>@sha256:<digest> (e.g. the docker-build Image's `ref` output), never by a tag such as :latest.",
    types: Object.keys(CONTAINER_URI),
    check: (res) => {
        const uri = at(res.props, CONTAINER_URI[res.type]);
        if (typeof uri !== "string" || isUnknown(uri) || /@sha256:[0-9a-f]{64}$/.test(uri)) {
            return [];
        }
        const tag = /:([^:/@]+)$/.exec(uri)?.[1];
        if (tag === undefined || tag === "latest") {
            return [`Runtime image must be referenced by digest, not by the mutable latest tag (containerUri "${uri}" must end in @sha256:<digest>)`];
        }
        return [`Runtime image must be referenced by digest, not by tag "${tag}" (containerUri "${uri}" must end in @sha256:<digest>)`];
    },
});
