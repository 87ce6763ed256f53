import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ProcessOutcome, RemovalOutcome } from '../lib/service';

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
  removed: 'ArticlesDeleted',
  reelected: 'CanonicalsReelected',
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
    metrics.addMetric(
      METRIC.claims,
      MetricUnit.Count,
      Array.isArray(result.claims) ? result.claims.length : 0,
    );
  } else if (result.status === 'duplicate') {
    metrics.addMetric(METRIC.duplicates, MetricUnit.Count, 1);
  } else {
    metrics.addMetric(METRIC.rejected, MetricUnit.Count, 1);
  }
  const timings = typeof result.timings === 'object' && result.timings !== null ? result.timings : {};
  for (const [stage, ms] of Object.entries(timings)) {
    if (typeof ms === 'number' && Number.isFinite(ms))
      metrics.addMetric(stageMetricName(stage), MetricUnit.Milliseconds, ms);
  }
}

/** Adds the metrics of one delete: a removed article, and how many of its copies were decided again. */
export function recordRemoval(outcome: RemovalOutcome): void {
  if (outcome.kind !== 'removed') {
    metrics.addMetric(
      outcome.kind === 'superseded' ? METRIC.superseded : METRIC.ignored,
      MetricUnit.Count,
      1,
    );
    return;
  }
  metrics.addMetric(METRIC.removed, MetricUnit.Count, 1);
  metrics.addMetric(METRIC.reelected, MetricUnit.Count, outcome.reelected);
}
