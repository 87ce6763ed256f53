import { ListObjectsCommand } from '@aws-sdk/client-s3';
import type { SQSBatchResponse } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../../infra/local/fault-proxy';
import { LocalQueue, startQueuePoller } from '../../infra/local/local-queue';
import { syntheticArticle } from '../fixtures/synthetic-article';
import { encodeS3EventKey, type LocalEnv, lambdaContext, setupLocalEnv } from './helpers';

let env: LocalEnv;
let s3Proxy: FaultProxy;
let dynamoProxy: FaultProxy;
let handler: typeof import('../../functions/process-article').handler;
let articleEvents: typeof import('../../functions/article-events');
let processWith: (
  event: import('../../lib/service').ObjectCreated,
) => Promise<import('../../lib/service').ProcessOutcome>;

/**
 * Local queues redeliver failed messages after this long (the deployed queue waits 6 minutes): longer
 * than a batch takes here, so that only failed messages come back, as with the deployed sizing.
 */
const TEST_VISIBILITY_MS = 1_000;

/** During an outage a batch takes seconds (the SDK backs off between its own retries): hide it that long. */
const OUTAGE_VISIBILITY_MS = 4_000;

beforeAll(async () => {
  env = await setupLocalEnv();
  // Faults are expected here: keep the output to warnings and errors, without metric lines.
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  // The function reaches S3 and DynamoDB through fault-injecting proxies; the test's own client does not.
  s3Proxy = await startFaultProxy({ target: inject('s3Endpoint'), atomicPerKey: true });
  dynamoProxy = await startFaultProxy({ target: inject('dynamoEndpoint') });
  process.env.AWS_ENDPOINT_URL_S3 = s3Proxy.endpoint;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamoProxy.endpoint;
  ({ handler } = await import('../../functions/process-article'));
  articleEvents = await import('../../functions/article-events');
  const { loadSettings } = await import('../../lib/app/settings');
  const { createAwsPorts, serviceConfigOf } = await import('../../lib/app/wiring');
  const { processObjectCreated } = await import('../../lib/service');
  const settings = loadSettings(process.env);
  const ports = createAwsPorts(settings);
  processWith = (event) => processObjectCreated(event, ports, serviceConfigOf(settings));
});

afterAll(async () => {
  await s3Proxy?.close();
  await dynamoProxy?.close();
});

/** An S3 ObjectCreated notification as S3 puts it into the queue (key encoded, sequencer set). */
function s3Event(
  key: string,
  etag: string,
  eventTime: string,
  options: { bucket?: string; sequencer?: string } = {},
) {
  const bucket = options.bucket ?? env.inputBucket;
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime,
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: {
            key: encodeS3EventKey(key),
            size: 1,
            eTag: etag,
            sequencer: options.sequencer ?? Date.parse(eventTime).toString(16).toUpperCase(),
          },
        },
      },
    ],
  };
}

/** An SQS event of messages with the given bodies, as Lambda's event source mapping sends it. */
function sqsEvent(bodies: readonly string[]) {
  return {
    Records: bodies.map((body, index) => ({
      messageId: `message-${index}`,
      receiptHandle: `handle-${index}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '0',
        SenderId: 's3.amazonaws.com',
        ApproximateFirstReceiveTimestamp: '0',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:factsum-articles',
      awsRegion: 'us-east-1',
    })),
  };
}

type Upload = { readonly key: string; readonly body: string };

/** Uploads objects and queues their notifications; returns the queue. */
async function uploadAndQueue(uploads: readonly Upload[], queue: LocalQueue): Promise<void> {
  for (const [index, upload] of uploads.entries()) {
    const { etag } = await env.upload(upload.key, upload.body);
    const eventTime = new Date(Date.UTC(2026, 2, 20, 8, 0, index)).toISOString();
    queue.send(JSON.stringify(s3Event(upload.key, etag, eventTime)));
  }
}

/** Drains a queue through an SQS-event handler, as Lambda's event source mapping would. */
async function drain(
  queue: LocalQueue,
  invoke: (event: unknown) => Promise<unknown>,
  options: { batchSize?: number; concurrency?: number } = {},
) {
  const batches: { size: number; failed: number }[] = [];
  const poller = startQueuePoller({
    queue,
    invoke: (event) => invoke(event),
    batchSize: options.batchSize ?? 10,
    concurrency: options.concurrency ?? 4,
    onBatch: (batch) => batches.push(batch),
  });
  await poller.idle();
  await poller.close();
  return batches;
}

/** The keys of the results bucket under a prefix. */
async function resultKeys(prefix: string): Promise<string[]> {
  const listed = await env.s3.send(new ListObjectsCommand({ Bucket: env.resultsBucket, Prefix: prefix }));
  return (listed.Contents ?? []).flatMap((object) => (object.Key?.endsWith('.json') ? [object.Key] : []));
}

/** A corpus with an exact copy, a near copy and a bad file among unique articles, under `prefix`. */
function corpus(prefix: string, seed: number): Upload[] {
  const original = syntheticArticle(seed, 20);
  const nearCopy = original
    .replace(`Report ${seed} from the valley`, 'Valley report, updated')
    .split(/(?<=\.) /)
    .filter((_, i) => i !== 5)
    .join(' ');
  return [
    { key: `${prefix}original.txt`, body: original },
    { key: `${prefix}exact-copy.txt`, body: original.replace(/\n\n/g, '\n\n\n') },
    { key: `${prefix}near-copy.txt`, body: nearCopy },
    { key: `${prefix}empty.txt`, body: '' },
    ...Array.from({ length: 6 }, (_, i) => ({
      key: `${prefix}unique-${i}.txt`,
      body: syntheticArticle(seed + 1 + i),
    })),
  ];
}

/** Every upload has exactly one result; one copy of the group is processed, the others duplicates. */
async function expectCorpusComplete(prefix: string, uploads: readonly Upload[]) {
  expect((await resultKeys(prefix)).sort()).toEqual(uploads.map((upload) => `${upload.key}.json`).sort());
  const statuses = new Map<string, string | undefined>();
  for (const upload of uploads) statuses.set(upload.key, (await env.readResult(upload.key))?.status);
  const group = ['original.txt', 'exact-copy.txt', 'near-copy.txt'].map((name) =>
    statuses.get(`${prefix}${name}`),
  );
  expect(group.filter((status) => status === 'processed')).toHaveLength(1);
  expect(group.filter((status) => status === 'duplicate')).toHaveLength(2);
  expect(statuses.get(`${prefix}empty.txt`)).toBe('rejected');
  for (let i = 0; i < 6; i++) expect(statuses.get(`${prefix}unique-${i}.txt`)).toBe('processed');
}

describe('processArticle on SQS batches', () => {
  it('acknowledges S3 test events and foreign records, and reports only the message it could not read', async () => {
    // Prepare
    const key = 'sqs/basic/article.txt';
    const { etag } = await env.upload(key, syntheticArticle(401));
    const event = sqsEvent([
      JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: env.inputBucket }),
      JSON.stringify(s3Event('elsewhere.txt', etag, '2026-03-20T07:00:00.000Z', { bucket: 'someone-else' })),
      JSON.stringify(s3Event('sqs/../escape.txt', etag, '2026-03-20T07:00:01.000Z')),
      JSON.stringify(s3Event(key, etag, '2026-03-20T07:00:02.000Z')),
      'this is not JSON',
    ]);

    // Act
    const response = (await handler(event, lambdaContext())) as SQSBatchResponse;

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'message-4' }] });
    expect(await env.readResult(key)).toMatchObject({ status: 'processed', source: { key, etag } });
    expect(await env.readResult('sqs/../escape.txt')).toBeUndefined();
  });

  it('still accepts a direct S3 event (local stack, simple deployments)', async () => {
    const key = 'sqs/direct/article.txt';
    const { etag } = await env.upload(key, syntheticArticle(402));
    const report = await handler(s3Event(key, etag, '2026-03-20T07:01:00.000Z'), lambdaContext());
    expect(report).toMatchObject({ results: [{ key, status: 'processed', outcome: 'written' }], ignored: 0 });
  });

  it('keeps the newer version of a key when an older event arrives late, and replaces an older one', async () => {
    // Prepare: two versions of one key; S3's sequencer orders them.
    const key = 'sqs/versions/article.txt';
    const first = await env.upload(key, syntheticArticle(403));
    const older = s3Event(key, first.etag, '2026-03-20T07:02:00.000Z', { sequencer: '0055AED6DCD90281E5' });
    await handler(sqsEvent([JSON.stringify(older)]), lambdaContext());
    const second = await env.upload(key, syntheticArticle(404));
    const newer = s3Event(key, second.etag, '2026-03-20T07:03:00.000Z', { sequencer: '0055AED6DCD90281F0' });

    // Act: the newer version replaces the result; the older event, delivered again, changes nothing.
    await handler(sqsEvent([JSON.stringify(newer)]), lambdaContext());
    const afterNewer = await env.readResult(key);
    const late = (await handler(sqsEvent([JSON.stringify(older)]), lambdaContext())) as SQSBatchResponse;

    // Assess
    expect(afterNewer).toMatchObject({
      status: 'processed',
      source: { etag: second.etag, sequencer: '0055AED6DCD90281F0' },
    });
    expect(late.batchItemFailures).toEqual([]);
    expect(await env.readResult(key)).toEqual(afterNewer);
  });
});

// Outages that outlast the SDK's retries make whole messages come back after their visibility timeout: these
// runs take several redelivery rounds, so they get more time than a test's default.
describe('faults: every article ends with exactly one result, nothing lost, nothing in the DLQ', {
  timeout: 120_000,
}, () => {
  it('rides out S3 throttling (503 SlowDown) on reads and failing writes for a while', async () => {
    // Prepare
    const prefix = 'faults/s3/';
    const uploads = corpus(prefix, 500);
    const queue = new LocalQueue({ visibilityMs: OUTAGE_VISIBILITY_MS });
    await uploadAndQueue(uploads, queue);
    // Long enough that the SDK's own retries give up and whole messages fail and come back.
    const outage = Date.now() + 1_500;
    s3Proxy.addFault({
      kind: 'slowdown',
      method: 'GET',
      pathIncludes: `/${env.inputBucket}/`,
      until: outage,
    });
    s3Proxy.addFault({ kind: 'internal', method: 'PUT', pathIncludes: `/${env.resultsBucket}/`, times: 12 });
    const faultedBefore = s3Proxy.faulted;

    // Act
    const batches = await drain(queue, (event) => handler(event, lambdaContext()));
    s3Proxy.clearFaults();

    // Assess
    expect(s3Proxy.faulted - faultedBefore).toBeGreaterThan(12);
    expect(batches.some((batch) => batch.failed > 0)).toBe(true);
    expect(queue.deadLetters).toEqual([]);
    await expectCorpusComplete(prefix, uploads);
  });

  it('rides out DynamoDB being unreachable for a while', async () => {
    // Prepare
    const prefix = 'faults/dynamo/';
    const uploads = corpus(prefix, 600);
    const queue = new LocalQueue({ visibilityMs: OUTAGE_VISIBILITY_MS });
    await uploadAndQueue(uploads, queue);
    dynamoProxy.addFault({ kind: 'reset', until: Date.now() + 1_500 });

    // Act
    const batches = await drain(queue, (event) => handler(event, lambdaContext()));
    dynamoProxy.clearFaults();

    // Assess
    expect(batches.some((batch) => batch.failed > 0)).toBe(true);
    expect(queue.deadLetters).toEqual([]);
    await expectCorpusComplete(prefix, uploads);
  });

  it('fails only the message whose processing crashed mid-batch; its retry completes it', async () => {
    // Prepare: the third article of the batch crashes once (a worker dying half-way).
    const prefix = 'faults/crash/';
    const uploads = corpus(prefix, 700);
    const queue = new LocalQueue({ visibilityMs: TEST_VISIBILITY_MS });
    await uploadAndQueue(uploads, queue);
    let crashed = false;
    const crashing = articleEvents.createArticleEventHandler({
      inputBucket: env.inputBucket,
      inputPrefix: '',
      removed: async () => ({ kind: 'superseded' }),
      created: async (event) => {
        if (!crashed && event.key === `${prefix}near-copy.txt`) {
          crashed = true;
          throw new Error('worker crashed');
        }
        return processWith(event);
      },
    });

    // Act
    const batches = await drain(queue, (event) => crashing(event, lambdaContext()), { concurrency: 1 });

    // Assess: one failed message in the first batch, redelivered alone and completed.
    expect(batches[0]).toEqual({ size: uploads.length, failed: 1 });
    expect(batches.slice(1)).toEqual([{ size: 1, failed: 0 }]);
    expect(queue.deadLetters).toEqual([]);
    await expectCorpusComplete(prefix, uploads);
  });

  it('sends a poison file to the DLQ after 5 receives and processes the rest of its batch', async () => {
    // Prepare: processing one object always throws (a file that trips a bug).
    const prefix = 'faults/poison/';
    const uploads = corpus(prefix, 800);
    const poison = { key: `${prefix}poison.txt`, body: syntheticArticle(899) };
    const queue = new LocalQueue({ visibilityMs: TEST_VISIBILITY_MS });
    await uploadAndQueue([...uploads, poison], queue);
    const poisoned = articleEvents.createArticleEventHandler({
      inputBucket: env.inputBucket,
      inputPrefix: '',
      removed: async () => ({ kind: 'superseded' }),
      created: async (event) => {
        if (event.key === poison.key) throw new RangeError('the pipeline cannot handle this file');
        return processWith(event);
      },
    });

    // Act
    await drain(queue, (event) => poisoned(event, lambdaContext()));

    // Assess
    expect(queue.deadLetters).toHaveLength(1);
    expect(queue.deadLetters[0]?.receiveCount).toBe(5);
    expect(queue.deadLetters[0]?.body).toContain(encodeS3EventKey(poison.key));
    expect(await env.readResult(poison.key)).toBeUndefined();
    await expectCorpusComplete(prefix, uploads);

    // Act again: once the bug is fixed, a redrive completes it.
    expect(queue.redrive()).toBe(1);
    await drain(queue, (event) => handler(event, lambdaContext()));
    expect(await env.readResult(poison.key)).toMatchObject({ status: 'processed' });
    expect(queue.deadLetters).toEqual([]);
  });
});
