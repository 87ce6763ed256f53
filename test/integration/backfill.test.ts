import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBackfill } from '../../lib/cli/backfill-command';
import { FERRY_ARTICLE, LIBRARY_ARTICLE, ORCHARD_ARTICLE } from '../fixtures/articles';
import { syntheticArticle } from '../fixtures/synthetic-article';
import { type LocalEnv, lambdaContext, setupLocalEnv } from './helpers';

let env: LocalEnv;
beforeAll(async () => {
  env = await setupLocalEnv();
  await env.upload('feed/1-ferry.txt', FERRY_ARTICLE);
  await env.upload('feed/2-library.txt', LIBRARY_ARTICLE);
  await env.upload('feed/3-ferry-copy.txt', FERRY_ARTICLE);
  await env.upload('feed/4-orchard.txt', ORCHARD_ARTICLE);
  await env.upload('feed/5-empty.txt', '');
  await env.upload('other/6-report.txt', syntheticArticle(301));
});

/** Runs `factsum backfill` in-process against the test's s3rver and dynalite. */
async function backfill(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  stderr.resume();
  const code = await runBackfill(
    ['--bucket', env.inputBucket, '--results-bucket', env.resultsBucket, '--table', env.table, ...args],
    { stdin: new PassThrough(), stdout, stderr },
    process.env,
  );
  return { code, summary: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
}

describe('factsum backfill', () => {
  it('processes every object under a prefix, with duplicates found and rejects reported', async () => {
    const { code, summary } = await backfill(['--prefix', 'feed/']);
    expect(code).toBe(0);
    expect(summary).toMatchObject({ objects: 5, rejected: 1, failed: 0 });
    // Concurrent workers may write the later copy first; the earlier one then demotes it.
    expect(summary.processed - summary.demoted).toBe(3);
    expect(summary.duplicate + summary.demoted).toBe(1);
    expect(await env.readResult('feed/3-ferry-copy.txt')).toMatchObject({
      status: 'duplicate',
      dedup: { of: `${env.inputBucket}/feed/1-ferry.txt` },
    });
    expect(await env.readResult('other/6-report.txt')).toBeUndefined();
  });

  it('analyses nothing twice when run again', async () => {
    const { summary } = await backfill(['--prefix', 'feed/', '--concurrency', '2']);
    expect(summary).toMatchObject({ objects: 5, unchanged: 5, processed: 0, duplicate: 0 });
  });

  it('resumes after the checkpoint of an earlier run', async () => {
    const checkpoint = join(mkdtempSync(join(tmpdir(), 'factsum-backfill-')), 'checkpoint.json');
    const first = await backfill(['--checkpoint', checkpoint]);
    expect(first.summary).toMatchObject({ objects: 6, processed: 1, unchanged: 5 });
    const second = await backfill(['--checkpoint', checkpoint]);
    expect(second.summary).toMatchObject({ objects: 0 });
  });

  it('refuses to write results into the input bucket', async () => {
    await expect(
      runBackfill(
        ['--bucket', 'same', '--results-bucket', 'same'],
        {
          stdin: new PassThrough(),
          stdout: new PassThrough(),
          stderr: new PassThrough(),
        },
        process.env,
      ),
    ).rejects.toThrow(/must differ/);
  });

  it('with --queue sends each object to the article queue as S3 would, and processArticle completes them', async () => {
    // Prepare: a stand-in for SQS's JSON protocol that records SendMessageBatch (no SQS emulator installs here).
    await env.upload('queued/1-ferry.txt', FERRY_ARTICLE);
    await env.upload('queued/2 orchard (copy).txt', ORCHARD_ARTICLE);
    const sqs = await startSqsStandIn();
    try {
      // Act 1: queue the prefix.
      const { code, summary } = await backfill([
        '--prefix',
        'queued/',
        '--queue',
        `${sqs.endpoint}/000000000000/articles`,
      ]);

      // Assess 1: one S3 notification per object, the key encoded as S3 encodes it, nothing processed here.
      expect(code).toBe(0);
      expect(summary).toMatchObject({ objects: 2, queued: 2 });
      expect(await env.readResult('queued/1-ferry.txt')).toBeUndefined();
      const records = sqs.bodies.map((body) => JSON.parse(body).Records[0]);
      expect(records.map((r) => [r.eventName, r.s3.bucket.name, r.s3.object.key])).toEqual([
        ['ObjectCreated:Put', env.inputBucket, 'queued/1-ferry.txt'],
        ['ObjectCreated:Put', env.inputBucket, 'queued/2+orchard+%28copy%29.txt'],
      ]);

      // Act 2: the deployed function receives the messages as an SQS batch.
      const { handler } = await import('../../functions/process-article');
      const response = await handler(sqsBatch(sqs.bodies), lambdaContext());

      // Assess 2
      expect(response).toEqual({ batchItemFailures: [] });
      expect(await env.readResult('queued/1-ferry.txt')).toMatchObject({ status: 'duplicate' });
      expect(await env.readResult('queued/2 orchard (copy).txt')).toMatchObject({
        status: 'duplicate',
        dedup: { kind: 'exact', of: `${env.inputBucket}/feed/4-orchard.txt` },
      });
    } finally {
      await sqs.close();
    }
  });
});

/** A minimal SQS endpoint (JSON protocol) that accepts SendMessageBatch and keeps the message bodies. */
async function startSqsStandIn(): Promise<{
  endpoint: string;
  bodies: string[];
  close: () => Promise<void>;
}> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        Entries?: { Id: string; MessageBody: string }[];
      };
      if (target !== 'AmazonSQS.SendMessageBatch' || input.Entries === undefined) {
        response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify({ __type: 'com.amazonaws.sqs#InvalidAction', message: target }));
        return;
      }
      bodies.push(...input.Entries.map((entry) => entry.MessageBody));
      const successful = input.Entries.map((entry) => ({
        Id: entry.Id,
        MessageId: randomUUID(),
        MD5OfMessageBody: createHash('md5').update(entry.MessageBody).digest('hex'),
      }));
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ Successful: successful, Failed: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An SQS event of messages with the given bodies, as Lambda's event source mapping sends it. */
function sqsBatch(bodies: readonly string[]) {
  return {
    Records: bodies.map((body, index) => ({
      messageId: `message-${index}`,
      receiptHandle: `handle-${index}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '0',
        SenderId: 'backfill',
        ApproximateFirstReceiveTimestamp: '0',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:articles',
      awsRegion: 'us-east-1',
    })),
  };
}
