import { EVALUATION_NAMESPACE } from "./perms";

/**
 * Where one evaluator's scores of one online evaluation configuration are read.
 * The namespace is documented (API reference, `CloudWatchOutputConfig.metricsNamespace`).
 * The metric name and dimension names are NOT confirmed by AWS documentation
 * available here: the evaluator id as metric name and the configuration name as
 * `OnlineEvaluationConfigName` dimension are this package's assumption, kept in this
 * one place (alarms and the promotion check read them from here; the check's config
 * can override them).
 */
export function scoreMetric(configName: string, evaluatorId: string): { namespace: string; metricName: string; dimensions: Record<string, string> } {
    return { namespace: EVALUATION_NAMESPACE, metricName: evaluatorId, dimensions: { OnlineEvaluationConfigName: configName } };
}
