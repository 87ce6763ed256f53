/**
 * Load test of the queue-buffered path: N uploads at concurrency C into s3rver, each
 * ObjectCreated notification queued (LocalQueue: visibility timeout, receive counts, DLQ), drained by
 * the real processArticle handler in batches of 10 with ReportBatchItemFailures, as Lambda's SQS event
 * source would. Then it checks that every input has exactly one result, that every duplicate group
 * has exactly one processed article, that bad files are rejected and the DLQ is empty, and prints
 * throughput and latency percentiles. Everything listens on 127.0.0.1, on free ports, in a temp dir.
 *
 *   node --import tsx infra/local/load-test.mts    [--uploads 2000] [--concurrency 16] [--workers 8]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { syntheticArticle } from '../../test/fixtures/synthetic-article';
import { startFaultProxy } from './fault-proxy';
import { LocalQueue, startQueuePoller } from './local-queue';
import { localHandlerEnv, provisionLocalStore } from './local-store';
import { toS3EventRecord } from './s3-event-record';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startLocalDynamo, startLocalS3 } from './servers';

/** Small enough that a test body can exceed it, far above every synthetic article. */
const LOAD_MAX_INPUT_BYTES = 64 * 1024;

/**
 * Locally a message is hidden this long after a receive: above the slowest batch seen under load,
 * so that only failed messages come back (the deployed queue uses 6 × the function timeout).
 */
const LOAD_VISIBILITY_MS = 30_000;

/** The share of each kind of upload: mostly new articles, as a newsroom feed is. */
const MIX = { exact: 0.15, near: 0.1, bad: 0.05 } as const;

const options = parseArgs({
  options: {
    uploads: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    workers: { type: 'string', default: '8' },
  },
}).values;
const uploads = z.coerce.number().int().min(10).max(20_000).parse(options.uploads);
const concurrency = z.coerce.number().int().min(1).max(64).parse(options.concurrency);
const workers = z.coerce.number().int().min(1).max(64).parse(options.workers);

type Kind = 'unique' | 'exact' | 'near' | 'bad';
type Planned = {
  readonly key: string;
  readonly body: string | Uint8Array;
  readonly kind: Kind;
  readonly group: string;
};

/** A seeded plan: which key gets which body, and which duplicate group it belongs to. */
function plan(count: number): Planned[] {
  const planned: Planned[] = [];
  const originals: { key: string; body: string }[] = [];
  for (let i = 0; i < count; i++) {
    const roll = ((i * 7919) % 1000) / 1000;
    const original = originals[(i * 31) % Math.max(1, originals.length)];
    const key = `load/${String(i).padStart(5, '0')}.txt`;
    if (roll < MIX.bad) {
      const bad = [
        new Uint8Array(),
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
        'x'.repeat(LOAD_MAX_INPUT_BYTES + 1),
      ];
      planned.push({ key, body: bad[i % bad.length] ?? '', kind: 'bad', group: key });
    } else if (original !== undefined && roll < MIX.bad + MIX.exact) {
      planned.push({
        key,
        body: original.body.replace(/\n\n/g, '\n\n\n'),
        kind: 'exact',
        group: original.key,
      });
    } else if (original !== undefined && roll < MIX.bad + MIX.exact + MIX.near) {
      // A light re-edit (new headline, one sentence reworded): well above the 0.8 threshold, unlike a
      // dropped sentence, which lands right at it for these 16-sentence articles.
      const near = original.body
        .replace(/^Report (\d+) from the valley/, 'Valley report $1, updated')
        .replace(/\. (\w+) (\w+) /, '. Meanwhile $2 ');
      planned.push({ key, body: near, kind: 'near', group: original.key });
    } else {
      const body = syntheticArticle(100_000 + i);
      originals.push({ key, body });
      planned.push({ key, body, kind: 'unique', group: key });
    }
  }
  return planned;
}

/** The value at a percentile of sorted numbers (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** A Lambda context for in-process invocations. */
function context(): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'factsum-load-processArticle',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:factsum-load-processArticle',
    memoryLimitInMB: '1024',
    awsRequestId: `${Date.now()}-${Math.random()}`,
    logGroupName: '/aws/lambda/factsum-load',
    logStreamName: 'load',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

const resultSchema = z.looseObject({
  status: z.string(),
  source: z.looseObject({ etag: z.string().optional() }),
});

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'factsum-load-'));
  const s3 = await startLocalS3({ port: 0, directory: join(dir, 's3'), buckets: [] });
  const dynamo = await startLocalDynamo({ port: 0 });
  // S3 PUTs are atomic; s3rver's are not: the proxy serialises requests per key (fault-proxy.ts).
  const proxy = await startFaultProxy({
    target: s3.endpoint,
    atomicPerKey: true,
    conditional: { credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION },
  });
  const inputBucket = 'load-articles';
  const resultsBucket = 'load-results';
  const store = {
    s3Endpoint: s3.endpoint,
    dynamoEndpoint: dynamo.endpoint,
    inputBucket,
    resultsBucket,
    indexTable: 'load-index',
  };
  const { s3: client, dynamo: dynamoClient } = await provisionLocalStore(store);
  dynamoClient.destroy();
  Object.assign(process.env, {
    // The function reaches S3 through the per-key serialising proxy; the load driver does not.
    ...localHandlerEnv({ ...store, s3Endpoint: proxy.endpoint }),
    MAX_INPUT_BYTES: String(LOAD_MAX_INPUT_BYTES),
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  try {
    await runLoad({ s3, client, inputBucket, resultsBucket });
  } finally {
    client.destroy();
    await proxy.close();
    await dynamo.close();
    await s3.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Uploads, drains, verifies and reports; sets the exit code. */
async function runLoad(stack: {
  readonly s3: Awaited<ReturnType<typeof startLocalS3>>;
  readonly client: S3Client;
  readonly inputBucket: string;
  readonly resultsBucket: string;
}): Promise<void> {
  const { s3, client, inputBucket, resultsBucket } = stack;
  // functions/process-article.ts without its middy wrapper (middy is ESM-only and tsx loads these
  // sources as CommonJS): the same event handling, core and adapters.
  const { createArticleEventHandler } = await import('../../functions/article-events');
  const { loadSettings } = await import('../../lib/app/settings');
  const { createAwsPorts, serviceConfigOf } = await import('../../lib/app/wiring');
  const { processObjectCreated, processObjectRemoved } = await import('../../lib/service');
  const settings = loadSettings(process.env);
  const ports = createAwsPorts(settings);
  const config = serviceConfigOf(settings);
  const handler = createArticleEventHandler({
    inputBucket: settings.inputBucket,
    inputPrefix: settings.inputPrefix,
    created: (event) => processObjectCreated(event, ports, config),
    removed: (event) => processObjectRemoved(event, ports, config),
  });

  const queue = new LocalQueue({ visibilityMs: LOAD_VISIBILITY_MS });
  const unsubscribe = s3.onObjectEvent((record) => {
    if (record.s3.bucket.name !== inputBucket || !record.eventName.startsWith('ObjectCreated:')) return;
    queue.send(JSON.stringify({ Records: [toS3EventRecord(record, LOCAL_REGION)] }));
  });
  const latencies: number[] = [];
  let failedMessages = 0;
  const poller = startQueuePoller({
    queue,
    batchSize: 10,
    concurrency: workers,
    invoke: async (event) => {
      const response = await handler(event, context());
      const done = Date.now();
      for (const record of event.Records) latencies.push(done - Number(record.attributes.SentTimestamp));
      return response;
    },
    onBatch: (batch) => {
      failedMessages += batch.failed;
    },
  });

  const planned = plan(uploads);
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < planned.length) {
        const item = planned[next++];
        if (item === undefined) break;
        await client.send(
          new PutObjectCommand({
            Bucket: inputBucket,
            Key: item.key,
            Body: item.body,
            ContentType: 'text/plain',
          }),
        );
      }
    }),
  );
  const uploaded = Date.now();
  await poller.idle();
  const drained = Date.now();
  await poller.close();
  unsubscribe();

  // Verify: one result per input, one processed per group, bad files rejected, nothing dead-lettered.
  const problems: string[] = [];
  const statuses = new Map<string, string>();
  for (const item of planned) {
    try {
      const got = await client.send(new GetObjectCommand({ Bucket: resultsBucket, Key: `${item.key}.json` }));
      const parsed = resultSchema.safeParse(JSON.parse((await got.Body?.transformToString()) ?? ''));
      if (parsed.success) statuses.set(item.key, parsed.data.status);
      else problems.push(`${item.key}: unreadable result`);
    } catch (error) {
      problems.push(`${item.key}: no result (${error instanceof Error ? error.name : String(error)})`);
    }
  }
  const groups = new Map<string, string[]>();
  for (const item of planned) {
    if (item.kind === 'bad') {
      if (statuses.get(item.key) !== 'rejected')
        problems.push(`${item.key}: bad file is ${statuses.get(item.key)}`);
      continue;
    }
    groups.set(item.group, [...(groups.get(item.group) ?? []), item.key]);
  }
  for (const [group, keys] of groups) {
    const processed = keys.filter((key) => statuses.get(key) === 'processed').length;
    const duplicates = keys.filter((key) => statuses.get(key) === 'duplicate').length;
    if (processed !== 1 || duplicates !== keys.length - 1) {
      problems.push(`group ${group}: ${processed} processed, ${duplicates} duplicates of ${keys.length}`);
    }
  }
  if (queue.deadLetters.length > 0) problems.push(`${queue.deadLetters.length} message(s) in the DLQ`);

  latencies.sort((a, b) => a - b);
  const counts: Record<Kind, number> = { unique: 0, exact: 0, near: 0, bad: 0 };
  for (const item of planned) counts[item.kind]++;
  const seconds = (drained - started) / 1000;
  console.log(
    `uploads ${planned.length} (new ${counts.unique}, exact copies ${counts.exact}, near copies ${counts.near}, bad ${counts.bad}); upload concurrency ${concurrency}, ${workers} parallel invocations of 10-message batches`,
  );
  console.log(
    `uploaded in ${((uploaded - started) / 1000).toFixed(1)} s; all processed after ${seconds.toFixed(1)} s: ${(planned.length / seconds).toFixed(1)} articles/s`,
  );
  console.log(
    `queue latency (enqueue → batch done) ms: p50 ${percentile(latencies, 50)}, p90 ${percentile(latencies, 90)}, p99 ${percentile(latencies, 99)}, max ${latencies.at(-1) ?? 0}`,
  );
  console.log(
    `messages processed ${latencies.length} (redeliveries included), failed and retried ${failedMessages}, dead letters ${queue.deadLetters.length}`,
  );
  console.log(
    problems.length === 0
      ? 'verdicts: OK (one result per input, one processed per duplicate group, bad files rejected, DLQ empty)'
      : `PROBLEMS (${problems.length}):\n${problems.slice(0, 20).join('\n')}`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error('load test failed:', error);
  process.exitCode = 2;
});
