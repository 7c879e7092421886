export { AgentEvaluation, AgentEvaluationArgs, endpointLogGroup, endpointServiceName } from "./agentEvaluation";
export { BUILTIN_EVALUATORS, DEFAULT_EVALUATORS, CustomEvaluatorSpec, EvaluatedVariant, EvaluationSection, EvaluatorLevel, RatingScale } from "./types";
export { checkEvaluationSection, onlineEvaluationName, resolveEvaluation } from "./validate";
export { scoreMetric } from "./metrics";
export * as evaluationPerms from "./perms";
