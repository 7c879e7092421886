import { Finding, stackRule } from "../../common/rule";
import { expandAction, hasResourceLevelSupport, patternCovers } from "../../iam/actions";
import { isAllow } from "../../iam/document";
import { agentStatements } from "../../iam/roles";

/** Governed by their own rules (condition-scoped rather than resource-scoped). */
const HANDLED_ELSEWHERE = new Set(["cloudwatch:PutMetricData", "iam:PassRole"]);
const ECR_PULL = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"];
const SHOWN = 5;

function list(actions: string[]): string {
    const shown = actions.slice(0, SHOWN).join(", ");
    return actions.length > SHOWN ? `${shown} and ${actions.length - SHOWN} more` : shown;
}

export const resourceScoping = stackRule({
    name: "agentcore-iam-resource-scoping",
    description: "Agent roles use Resource \"*\" only for actions without resource-level permissions, and pull images only from named ECR repositories.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Replace Resource \"*\" with the ARNs the agent uses (ECR repository, log groups, memory, workload identity, ...); keep \"*\" only for actions such as ecr:GetAuthorizationToken and the X-Ray actions.",
    check: (resources) => {
        const findings: Finding[] = [];
        for (const { source, statement: s, label } of agentStatements(resources)) {
            if (!isAllow(s) || !s.action) {
                continue;
            }
            const resourcesListed = s.resource ?? [];
            if (resourcesListed.includes("*")) {
                // "*" itself is reported by agentcore-iam-no-wildcard-actions.
                const scoped = s.action.filter((a) => a !== "*" && expandAction(a).some((e) => !HANDLED_ELSEWHERE.has(e) && hasResourceLevelSupport(e)));
                if (scoped.length) {
                    findings.push({ urn: source.urn, message: `${label} grants ${list(scoped)} on Resource "*"; these actions support resource-level permissions, so name the resources` });
                }
            }
            const pulls = s.action.some((a) => ECR_PULL.some((p) => patternCovers(a, p)));
            const wildRepo = resourcesListed.filter((r) => r !== "*" && /:repository\/[^/]*\*$|:repository\/\*/.test(r));
            if (pulls && wildRepo.length) {
                findings.push({ urn: source.urn, message: `${label} allows pulling images from ${wildRepo.join(", ")}; name the one repository the agent runs from` });
            }
        }
        return findings;
    },
});
