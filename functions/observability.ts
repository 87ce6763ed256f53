import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ProcessOutcome } from '../lib/service/process-object';

/** The service name on every log line and metric (POWERTOOLS_SERVICE_NAME overrides it). */
const SERVICE_NAME = 'factsum';

/** CloudWatch namespace of factsum's own metrics (POWERTOOLS_METRICS_NAMESPACE overrides it). */
const METRICS_NAMESPACE = 'factsum';

/** JSON log lines (Powertools), one logger per Lambda container; the handlers add the request id. */
export const logger = new Logger({ serviceName: SERVICE_NAME });

/** CloudWatch metrics as Embedded Metric Format log lines (Powertools), flushed after each invocation. */
export const metrics = new Metrics({ serviceName: SERVICE_NAME, namespace: METRICS_NAMESPACE });

/** Metric names: the operator's vocabulary in dashboards and alarms (docs/operations.md). */
export const METRIC = {
  processed: 'ArticlesProcessed',
  rejected: 'ArticlesRejected',
  duplicates: 'Duplicates',
  claims: 'ClaimsFound',
  unchanged: 'Redeliveries',
  superseded: 'StaleDeliveries',
  missing: 'MissingObjects',
  ignored: 'RecordsIgnored',
  keysRejected: 'KeysRejected',
  failed: 'ArticlesFailed',
} as const;

/** `decode` → `DecodeLatency`: one metric per pipeline stage, so each gets its own percentiles. */
function stageMetricName(stage: string): string {
  return `${stage.charAt(0).toUpperCase()}${stage.slice(1)}Latency`;
}

/** Adds the metrics of one processed object: its verdict, its claims, and the latency of each stage. */
export function recordOutcome(outcome: ProcessOutcome): void {
  if (outcome.kind !== 'written') {
    metrics.addMetric(METRIC[outcome.kind], MetricUnit.Count, 1);
    return;
  }
  const { result } = outcome;
  if (result.status === 'processed') {
    metrics.addMetric(METRIC.processed, MetricUnit.Count, 1);
    metrics.addMetric(METRIC.claims, MetricUnit.Count, result.claims?.length ?? 0);
  } else if (result.status === 'duplicate') {
    metrics.addMetric(METRIC.duplicates, MetricUnit.Count, 1);
  } else {
    metrics.addMetric(METRIC.rejected, MetricUnit.Count, 1);
  }
  for (const [stage, ms] of Object.entries(result.timings)) {
    if (Number.isFinite(ms)) metrics.addMetric(stageMetricName(stage), MetricUnit.Milliseconds, ms);
  }
}
