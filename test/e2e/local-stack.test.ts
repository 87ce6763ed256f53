import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeDelivery, BridgeFailure } from '../../infra/local/s3-lambda-bridge';
import { type LocalStack, startLocalStack } from '../../infra/local/stack';
import { resultUrl } from '../../infra/local/upload-files';

/** Small enough to exceed with a test body, large enough for every article below. */
const MAX_INPUT_BYTES = 64 * 1024;

/** A cold worker thread plus the pipeline takes a few seconds; retries add a few more. */
const RESULT_TIMEOUT_MS = 60_000;

const ZURICH_ARTICLE = [
  'Zurich council approves record budget',
  '',
  'ZURICH — The city council of Zurich approved a budget of 9.1 billion francs on Tuesday, the largest in its history, Mayor Corine Mauch said.',
  '',
  'The vote passed 80 to 35 after a six-hour debate. Opposition members said the plan would raise property taxes by 3 percent in 2025.',
  '',
  'The finance department expects a deficit of 120 million francs, down from 210 million francs a year earlier, according to a statement released on Wednesday.',
].join('\n');

const HARBOUR_ARTICLE = [
  'Harbour authority reports record container traffic',
  '',
  'The port of Hamburg handled 8.3 million containers in 2023, an increase of 4 percent over the previous year, the harbour authority said on Monday.',
  '',
  'Officials attributed the growth to new shipping routes to Asia. The authority plans to invest 1.2 billion euros in dredging by 2027.',
].join('\n');

const VACCINE_ARTICLE = [
  'Health ministry expands flu vaccination',
  '',
  'The health ministry will offer free flu vaccines to everyone over 50 starting in October, Health Minister Karl Lauterbach announced on Thursday.',
  '',
  'About 12 million people are newly eligible. Last winter only 43 percent of people over 60 were vaccinated, according to the Robert Koch Institute.',
].join('\n');

let stack: LocalStack | undefined;
let dataDir = '';
const deliveries: BridgeDelivery[] = [];
const failures: BridgeFailure[] = [];

function started(): LocalStack {
  if (!stack) throw new Error('the local stack did not start');
  return stack;
}

async function upload(
  key: string,
  body: string | Uint8Array,
  contentType = 'text/plain; charset=utf-8',
): Promise<string> {
  const put = await started().s3Client.send(
    new PutObjectCommand({ Bucket: started().inputBucket, Key: key, Body: body, ContentType: contentType }),
  );
  return (put.ETag ?? '').replace(/"/g, '');
}

/** Polls the results bucket until `<key>.json` exists (for the given ETag, when one is given). */
async function waitForResult(key: string, etag?: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + RESULT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const result = await started().readResult(key);
    if (
      isRecord(result) &&
      (etag === undefined || (isRecord(result.source) && result.source.etag === etag))
    ) {
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `no result for ${key} after ${RESULT_TIMEOUT_MS} ms; bridge failures: ${JSON.stringify(failures)}`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'factsum-e2e-'));
  stack = await startLocalStack({
    dataDir,
    s3Port: 0,
    dynamoPort: 0,
    httpPort: 0,
    lambdaPort: 0,
    maxInputBytes: MAX_INPUT_BYTES,
    bridgeRetryDelaysMs: [200, 400],
    offlineLogFile: join(dataDir, 'offline.log'),
    onDelivered: (delivery) => deliveries.push(delivery),
    onFailed: (failure) => failures.push(failure),
  });
});

afterAll(async () => {
  await stack?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('upload → processArticle → result in the results bucket', () => {
  it('processes uploads whose keys have spaces, non-ASCII characters and a literal +', async () => {
    // Prepare
    const keys = ['incoming/Zürich report 2024.txt', 'incoming/harbour.txt', 'incoming/1+1=2 (draft).txt'];
    const bodies = [ZURICH_ARTICLE, HARBOUR_ARTICLE, VACCINE_ARTICLE];

    // Act
    const etags: string[] = [];
    for (const [index, key] of keys.entries()) etags.push(await upload(key, bodies[index] ?? ''));
    const results = await Promise.all(keys.map((key, index) => waitForResult(key, etags[index])));

    // Assess
    for (const [index, result] of results.entries()) {
      expect(result).toMatchObject({
        schemaVersion: 1,
        status: 'processed',
        source: { bucket: started().inputBucket, key: keys[index], etag: etags[index] },
        dedup: { kind: 'unique' },
      });
    }
    const [zurich] = results;
    expect(zurich).toMatchObject({ article: { title: 'Zurich council approves record budget' } });
    const text = isRecord(zurich?.article) ? String(zurich.article.text) : '';
    const summary =
      isRecord(zurich?.summary) && Array.isArray(zurich.summary.sentences) ? zurich.summary.sentences : [];
    expect(summary.length).toBeGreaterThan(0);
    for (const sentence of summary) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    expect(Array.isArray(zurich?.claims) && zurich.claims.length).toBeGreaterThan(0);
  });

  it('marks an exact copy as a duplicate of the first upload, without analysing it again', async () => {
    // Prepare
    const original = 'incoming/Zürich report 2024.txt';
    await waitForResult(original);

    // Act
    const etag = await upload('copies/Zürich report (copy).txt', ZURICH_ARTICLE);
    const copy = await waitForResult('copies/Zürich report (copy).txt', etag);

    // Assess
    expect(copy).toMatchObject({
      status: 'duplicate',
      dedup: { kind: 'exact', of: `${started().inputBucket}/${original}` },
    });
    expect(copy.summary).toBeUndefined();
    expect(copy.claims).toBeUndefined();
  });

  it('keeps an article canonical when S3 delivers its event again', async () => {
    // Prepare
    const key = 'incoming/harbour.txt';
    const before = await waitForResult(key);
    const source = isRecord(before.source) ? before.source : {};

    // Act: the same event a second time, as S3's at-least-once delivery may do.
    started().bridge.deliver({
      eventName: 'ObjectCreated:Put',
      eventTime: String(source.uploadedAt ?? new Date().toISOString()),
      s3: {
        bucket: { name: started().inputBucket },
        object: { key, size: Number(source.size), eTag: String(source.etag) },
      },
    });
    await started().bridge.idle();

    // Assess
    const after = await waitForResult(key);
    expect(after).toMatchObject({ status: 'processed', dedup: { kind: 'unique' } });
  });

  it('writes a rejected result for an empty upload and does not retry it', async () => {
    // Act
    const etag = await upload('incoming/empty.txt', '');
    const result = await waitForResult('incoming/empty.txt', etag);

    // Assess
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'EMPTY' } });
    expect(deliveries.filter((delivery) => delivery.key === 'incoming/empty.txt')).toMatchObject([
      { attempts: 1 },
    ]);
  });

  it('delivers only input-bucket events, each once, and nothing failed', async () => {
    // Assess: every test above wrote results; none of them may have come back as an event.
    await started().bridge.idle();
    expect(deliveries.length).toBeGreaterThanOrEqual(6);
    expect(deliveries.every((delivery) => delivery.bucket === started().inputBucket)).toBe(true);
    expect(failures).toEqual([]);
  });
});

describe('HTTP API', () => {
  const post = (body: string | Uint8Array, contentType = 'text/plain') =>
    fetch(`${started().endpoints.api}/analyze`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });

  it('POST /analyze returns the result synchronously', async () => {
    const response = await post(HARBOUR_ARTICLE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({
      schemaVersion: 1,
      status: 'processed',
      article: { title: 'Harbour authority reports record container traffic' },
    });
  });

  it.each([
    { case: 'an empty body', body: '', status: 400 },
    { case: 'a body over the size limit', body: 'word '.repeat(MAX_INPUT_BYTES / 4), status: 413 },
  ])('POST /analyze answers $case with $status and a JSON error', async ({ body, status }) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    const json: unknown = await response.json();
    expect(json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('GET /results/{key} returns the stored result of a key with spaces and non-ASCII characters', async () => {
    const key = 'incoming/Zürich report 2024.txt';
    const stored = await waitForResult(key);
    const response = await fetch(resultUrl(started().endpoints.api, key));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(stored);
  });

  it('GET /results/{key} answers 404 with a JSON body for a key that was never uploaded', async () => {
    const response = await fetch(resultUrl(started().endpoints.api, 'incoming/never uploaded.txt'));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  });
});
