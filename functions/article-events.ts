import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import {
  checkObjectKey,
  type ObjectCreated,
  type ObjectRemoved,
  type ProcessOutcome,
  type RemovalOutcome,
} from '../lib/service';
import * as z from '../lib/zod';
import { logger, METRIC, metrics, recordOutcome, recordRemoval } from './observability';
import { type ParsedRecord, parseS3Event } from './s3-event';

/** What the event handler needs: where inputs may come from, and the core to run on each of them. */
export type ArticleEventsOptions = {
  readonly inputBucket: string;
  /** Only keys under this prefix are processed ('' for every key). */
  readonly inputPrefix: string;
  readonly created: (event: ObjectCreated) => Promise<ProcessOutcome>;
  readonly removed: (event: ObjectRemoved) => Promise<RemovalOutcome>;
};

/** What a direct S3 invocation returns (shown by the local stack; Lambda discards it for async calls). */
export type ProcessReport = {
  readonly results: readonly { readonly key: string; readonly status: string; readonly outcome: string }[];
  readonly ignored: number;
};

/** A message body that is neither an S3 event nor S3's test event: it goes to the DLQ for a human. */
export class MalformedMessageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MalformedMessageError';
  }
}

/** The fields of an SQS record factsum reads; the full record type comes from the Lambda runtime. */
const sqsRecordShape = z.looseObject({
  eventSource: z.literal('aws:sqs'),
  messageId: z.string().check(z.minLength(1)),
  body: z.string(),
});

/** An SQS event as Lambda's event source mapping delivers it (checked field by field, not cast). */
const sqsEventSchema = z.object({
  Records: z
    .array(z.custom<SQSRecord>((value) => sqsRecordShape.safeParse(value).success))
    .check(z.minLength(1)),
});

/** `{"Event":"s3:TestEvent"}`: what S3 sends once when a notification configuration is saved. */
const s3TestEventSchema = z.looseObject({ Event: z.literal('s3:TestEvent') });

/**
 * Handles processArticle's two event shapes: an SQS batch whose message bodies are S3 event
 * notifications (the production path: failures are reported per message, ReportBatchItemFailures),
 * or an S3 event invoked directly (local stack, simple deployments: any fault throws).
 */
export function createArticleEventHandler(
  options: ArticleEventsOptions,
): (event: unknown, context: Context) => Promise<ProcessReport | SQSBatchResponse> {
  return async function handleArticleEvent(event, context) {
    const sqs = sqsEventSchema.safeParse(event);
    if (sqs.success) {
      // A processor per invocation: it keeps the batch's state, and the local stack and tests may run
      // several invocations at once in one process (Lambda never does).
      const handleMessage = (record: SQSRecord) => handleSqsMessage(record, options);
      return processPartialResponse(sqs.data, handleMessage, new BatchProcessor(EventType.SQS), { context });
    }
    const report: Report = { results: [], ignored: 0 };
    for (const record of parseS3Event(event)) await handleRecord(record, report, options);
    return report;
  };
}

/** Counts and logs a record that is not processed. */
function ignore(report: Report, metric: string, message: string, details: Record<string, unknown>): void {
  report.ignored++;
  metrics.addMetric(metric, MetricUnit.Count, 1);
  logger.warn(message, details);
}

/** One S3 record: checked (bucket, prefix, key), then processed; infrastructure faults throw. */
async function handleRecord(
  record: ParsedRecord,
  report: Report,
  options: ArticleEventsOptions,
): Promise<void> {
  if (record.kind === 'ignored')
    return ignore(report, METRIC.ignored, 'record ignored', { reason: record.reason });
  const { bucket, key } = record.event;
  const where = { bucket, objectKey: key };
  // Results live in another bucket; anything else reaching this function would risk a loop.
  if (bucket !== options.inputBucket || !key.startsWith(options.inputPrefix)) {
    return ignore(report, METRIC.ignored, 'record outside the input bucket or prefix ignored', {
      ...where,
      inputBucket: options.inputBucket,
      inputPrefix: options.inputPrefix,
    });
  }
  const keyCheck = checkObjectKey(key);
  if (keyCheck.kind === 'invalid') {
    // No result is written: its key would inherit the problem (docs/operations.md, key rules).
    return ignore(report, METRIC.keysRejected, 'object key rejected', {
      ...where,
      code: keyCheck.code,
      reason: keyCheck.message,
    });
  }
  try {
    if (record.kind === 'removed') {
      const outcome = await options.removed(record.event);
      recordRemoval(outcome);
      logger.info('delete done', { ...where, outcome: outcome.kind });
      report.results.push({ key, status: 'deleted', outcome: outcome.kind });
      return;
    }
    const outcome = await options.created(record.event);
    recordOutcome(outcome);
    const status = 'result' in outcome ? outcome.result.status : outcome.kind;
    logger.info('article done', { ...where, outcome: outcome.kind, status });
    report.results.push({ key, status, outcome: outcome.kind });
  } catch (error) {
    metrics.addMetric(METRIC.failed, MetricUnit.Count, 1);
    logger.error('article failed; the delivery will be retried', { ...where, error });
    throw error;
  }
}

/** One SQS message: an S3 event (all its records), S3's test event (acknowledged), or a malformed body. */
async function handleSqsMessage(record: SQSRecord, options: ArticleEventsOptions): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch (error) {
    logger.error('message body is not JSON', { messageId: record.messageId });
    throw new MalformedMessageError(`Message ${record.messageId} is not JSON`, { cause: error });
  }
  if (s3TestEventSchema.safeParse(body).success) {
    metrics.addMetric(METRIC.ignored, MetricUnit.Count, 1);
    logger.info('S3 test event acknowledged', { messageId: record.messageId });
    return;
  }
  let records: ParsedRecord[];
  try {
    records = parseS3Event(body);
  } catch (error) {
    logger.error('message body is not an S3 event', { messageId: record.messageId });
    throw new MalformedMessageError(`Message ${record.messageId} is not an S3 event`, { cause: error });
  }
  const report: Report = { results: [], ignored: 0 };
  for (const s3Record of records) await handleRecord(s3Record, report, options);
}

type Report = {
  readonly results: { key: string; status: string; outcome: string }[];
  ignored: number;
};
