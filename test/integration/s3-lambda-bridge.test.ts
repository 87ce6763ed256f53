import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CopyObjectCommand, CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invokeLambda } from '../../infra/local/lambda-invoke';
import { encodeS3EventKey } from '../../infra/local/s3-event-record';
import {
  type BridgeDelivery,
  type BridgeFailure,
  type S3LambdaBridge,
  startS3LambdaBridge,
} from '../../infra/local/s3-lambda-bridge';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type LocalS3, startLocalS3 } from '../../infra/local/servers';

const INPUT = 'bridge-input';
const RESULTS = 'bridge-results';
const FUNCTION_NAME = 'factsum-test-processArticle';

const s3EventSchema = z.object({
  Records: z.array(
    z.looseObject({
      eventSource: z.string(),
      eventName: z.string(),
      eventTime: z.string(),
      awsRegion: z.string(),
      s3: z.looseObject({
        bucket: z.looseObject({ name: z.string(), arn: z.string() }),
        object: z.looseObject({ key: z.string(), size: z.number(), eTag: z.string() }),
      }),
    }),
  ),
});

/**
 * A stand-in for serverless-offline's Invoke API: records every event and answers as Lambda
 * does when the function throws (HTTP 200 with X-Amz-Function-Error) for keys listed in `failing`.
 */
function startFakeLambda(
  received: z.infer<typeof s3EventSchema>[],
  failing: Map<string, number>,
): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url !== `/2015-03-31/functions/${FUNCTION_NAME}/invocations`) {
        response.writeHead(404).end();
        return;
      }
      const event = s3EventSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      received.push(event);
      const key = event.Records[0]?.s3.object.key ?? '';
      const failuresLeft = failing.get(key) ?? 0;
      if (failuresLeft > 0) {
        failing.set(key, failuresLeft - 1);
        response.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
        response.end(JSON.stringify({ errorMessage: 'S3 timed out', errorType: 'ObjectStoreError' }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('encodeS3EventKey', () => {
  it.each([
    ['plain.txt', 'plain.txt'],
    ['incoming/Zürich report 2024.txt', 'incoming/Z%C3%BCrich+report+2024.txt'],
    // A literal + must not read back as a space.
    ['1+1=2 (draft).txt', '1%2B1%3D2+%28draft%29.txt'],
    ['a/b/c d/e', 'a/b/c+d/e'],
    ['100% ~real~ news!', '100%25+%7Ereal%7E+news%21'],
    ['日本語.md', '%E6%97%A5%E6%9C%AC%E8%AA%9E.md'],
    ['emoji 📰.txt', 'emoji+%F0%9F%93%B0.txt'],
    ['keep-._*', 'keep-._*'],
  ])('%s → %s', (key, encoded) => {
    expect(encodeS3EventKey(key)).toBe(encoded);
    // What the handler does: `+` → space, then percent-decoding, gives the key back.
    expect(decodeURIComponent(encoded.replace(/\+/g, ' '))).toBe(key);
  });
});

describe('S3 → Lambda bridge', () => {
  let dir = '';
  let s3: LocalS3 | undefined;
  let lambda: Server | undefined;
  let bridge: S3LambdaBridge | undefined;
  let client: S3Client;
  const received: z.infer<typeof s3EventSchema>[] = [];
  const failing = new Map<string, number>();
  const delivered: BridgeDelivery[] = [];
  const failed: BridgeFailure[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factsum-bridge-'));
    s3 = await startLocalS3({ port: 0, directory: dir, buckets: [] });
    lambda = await startFakeLambda(received, failing);
    const address = lambda.address();
    const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    client = new S3Client({
      region: LOCAL_REGION,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: LOCAL_CREDENTIALS,
    });
    await client.send(new CreateBucketCommand({ Bucket: INPUT }));
    await client.send(new CreateBucketCommand({ Bucket: RESULTS }));
    bridge = startS3LambdaBridge({
      s3,
      inputBucket: INPUT,
      region: LOCAL_REGION,
      retryDelaysMs: [10, 20],
      invoke: (event, signal) => invokeLambda({ endpoint, functionName: FUNCTION_NAME, event, signal }),
      describeObject: async () => ({ eTag: 'from-head-object', size: 5 }),
      onDelivered: (delivery) => delivered.push(delivery),
      onFailed: (failure) => failed.push(failure),
    });
  });

  beforeEach(() => {
    received.length = 0;
    delivered.length = 0;
    failed.length = 0;
  });

  afterAll(async () => {
    await bridge?.close();
    await new Promise((resolve) => (lambda ? lambda.close(resolve) : resolve(undefined)));
    await s3?.close();
    client?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  function active(): S3LambdaBridge {
    if (!bridge) throw new Error('bridge not started');
    return bridge;
  }

  it('delivers an upload as an S3 notification with the key encoded as S3 encodes it', async () => {
    // Act
    const put = await client.send(
      new PutObjectCommand({ Bucket: INPUT, Key: 'incoming/Zürich report 2024.txt', Body: 'hello' }),
    );
    await active().idle();

    // Assess
    expect(received).toHaveLength(1);
    expect(received[0]?.Records).toHaveLength(1);
    expect(received[0]?.Records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      awsRegion: LOCAL_REGION,
      s3: {
        bucket: { name: INPUT, arn: `arn:aws:s3:::${INPUT}` },
        object: { key: 'incoming/Z%C3%BCrich+report+2024.txt', size: 5, eTag: put.ETag?.replace(/"/g, '') },
      },
    });
    expect(Number.isNaN(Date.parse(received[0]?.Records[0]?.eventTime ?? ''))).toBe(false);
    expect(delivered).toMatchObject([{ bucket: INPUT, key: 'incoming/Zürich report 2024.txt', attempts: 1 }]);
  });

  it('never delivers events of other buckets (results never trigger the function)', async () => {
    await client.send(new PutObjectCommand({ Bucket: RESULTS, Key: 'incoming/a.txt.json', Body: '{}' }));
    await active().idle();
    expect(received).toEqual([]);
  });

  it('fills in the ETag that s3rver leaves out of copy events', async () => {
    await client.send(new PutObjectCommand({ Bucket: RESULTS, Key: 'source.txt', Body: 'hello' }));
    await client.send(
      new CopyObjectCommand({ Bucket: INPUT, Key: 'copied.txt', CopySource: `${RESULTS}/source.txt` }),
    );
    await active().idle();
    expect(received.map((event) => event.Records[0]?.s3.object)).toMatchObject([
      { key: 'copied.txt', eTag: 'from-head-object' },
    ]);
    expect(received[0]?.Records[0]?.eventName).toBe('ObjectCreated:Copy');
  });

  it('retries a failed invocation, as Lambda retries asynchronous invocations', async () => {
    failing.set('flaky.txt', 1);
    await client.send(new PutObjectCommand({ Bucket: INPUT, Key: 'flaky.txt', Body: 'hello' }));
    await active().idle();
    expect(received).toHaveLength(2);
    expect(delivered).toMatchObject([{ key: 'flaky.txt', attempts: 2 }]);
    expect(failed).toEqual([]);
  });

  it('gives up after two retries and reports the failure', async () => {
    failing.set('broken.txt', 10);
    await client.send(new PutObjectCommand({ Bucket: INPUT, Key: 'broken.txt', Body: 'hello' }));
    await active().idle();
    expect(received).toHaveLength(3);
    expect(delivered).toEqual([]);
    expect(failed).toMatchObject([{ key: 'broken.txt', attempts: 3 }]);
    expect(String(failed[0]?.error)).toContain('S3 timed out');
  });

  it('delivers many uploads once each', async () => {
    const keys = Array.from({ length: 12 }, (_, index) => `batch/article ${index}.txt`);
    await Promise.all(
      keys.map((key) => client.send(new PutObjectCommand({ Bucket: INPUT, Key: key, Body: key }))),
    );
    await active().idle();
    expect(delivered.map((delivery) => delivery.key).sort()).toEqual([...keys].sort());
    expect(received).toHaveLength(keys.length);
  });
});
