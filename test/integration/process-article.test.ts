import { beforeAll, describe, expect, it } from 'vitest';
import { FERRY_ARTICLE, LIBRARY_ARTICLE, ORCHARD_ARTICLE } from '../fixtures/articles';
import { syntheticArticle } from '../fixtures/synthetic-article';
import { type LocalEnv, lambdaContext, setupLocalEnv } from './helpers';

let env: LocalEnv;
let handler: typeof import('../../functions/process-article').handler;

beforeAll(async () => {
  env = await setupLocalEnv();
  // The handler wires its clients from the environment at import time, as in Lambda.
  ({ handler } = await import('../../functions/process-article'));
});

/** Uploads an object and delivers its ObjectCreated event to the handler, as S3 would. */
async function uploadAndProcess(key: string, body: string | Uint8Array, eventTime: string) {
  const { etag } = await env.upload(key, body);
  await handler(env.s3Event(key, etag, eventTime), lambdaContext());
  return { etag, result: await env.readResult(key) };
}

describe('processArticle handler on s3rver and dynalite', () => {
  it('writes a processed result with article, summary and claims to the results bucket', async () => {
    const { result, etag } = await uploadAndProcess(
      'news/ferry.txt',
      FERRY_ARTICLE,
      '2026-03-14T09:00:00.000Z',
    );

    expect(result).toMatchObject({
      schemaVersion: 1,
      status: 'processed',
      source: {
        bucket: env.inputBucket,
        key: 'news/ferry.txt',
        etag,
        uploadedAt: '2026-03-14T09:00:00.000Z',
      },
      article: { title: 'Ferry operator adds night crossings after record summer' },
      dedup: { kind: 'unique' },
    });
    const text = result?.article?.text ?? '';
    const summary = result?.summary?.sentences ?? [];
    expect(summary.length).toBeGreaterThan(0);
    for (const sentence of summary) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(Array.isArray(result?.claims)).toBe(true);
  });

  it('decodes keys with spaces, plus signs and non-ASCII characters as S3 encodes them', async () => {
    const key = 'incoming/Zürich report + notes 2026.txt';
    const { result } = await uploadAndProcess(key, LIBRARY_ARTICLE, '2026-03-14T09:01:00.000Z');
    expect(result).toMatchObject({ status: 'processed', source: { key } });
  });

  it('marks an exact copy under another key as a duplicate of the first upload, without analysing it', async () => {
    await uploadAndProcess('dup/original.txt', ORCHARD_ARTICLE, '2026-03-14T10:00:00.000Z');
    // Different headline and spacing, same body: identity is the body.
    const copy = ORCHARD_ARTICLE.replace(
      'Cider makers report smaller apple harvest',
      'Apple harvest down',
    ).replace(/\n\n/g, '\n\n\n');
    const { result } = await uploadAndProcess('dup/copy.txt', copy, '2026-03-14T10:05:00.000Z');
    expect(result).toMatchObject({
      status: 'duplicate',
      dedup: { kind: 'exact', of: `${env.inputBucket}/dup/original.txt` },
    });
    expect(result?.summary).toBeUndefined();
    expect(result?.claims).toBeUndefined();
  });

  it('takes the summary length from the object metadata (x-amz-meta-factsum-sentences)', async () => {
    const key = 'meta/one-sentence.txt';
    const { etag } = await env.upload(key, syntheticArticle(150), 'text/plain', { 'factsum-sentences': '1' });
    await handler(env.s3Event(key, etag, '2026-03-14T09:05:00.000Z'), lambdaContext());
    expect((await env.readResult(key))?.summary?.sentences).toHaveLength(1);
  });

  it('marks a re-edited copy (new headline, a sentence dropped, words changed) as a near-duplicate', async () => {
    const original = syntheticArticle(201, 20);
    await uploadAndProcess('near/original.txt', original, '2026-03-14T11:00:00.000Z');
    const edited = original
      .replace('Report 201 from the valley', 'Valley report, updated')
      .split(/(?<=\.) /)
      .filter((_, i) => i !== 6)
      .join(' ')
      .replace(/ (\w+) /, ' changed ');
    const { result } = await uploadAndProcess('near/edited.txt', edited, '2026-03-14T11:30:00.000Z');
    expect(result).toMatchObject({
      status: 'duplicate',
      dedup: { kind: 'near', of: `${env.inputBucket}/near/original.txt` },
    });
    expect(result?.dedup?.similarity).toBeGreaterThanOrEqual(0.8);
    expect(result?.dedup?.similarity).toBeLessThan(1);
  });

  it('keeps two different articles with the same headline apart', async () => {
    const first = syntheticArticle(202);
    const second = syntheticArticle(203).replace('Report 203 from the valley', 'Report 202 from the valley');
    await uploadAndProcess('headline/first.txt', first, '2026-03-14T12:00:00.000Z');
    const { result } = await uploadAndProcess('headline/second.txt', second, '2026-03-14T12:30:00.000Z');
    expect(result).toMatchObject({ status: 'processed', dedup: { kind: 'unique' } });
  });

  it('returns the same verdict when the same event is delivered again', async () => {
    const key = 'redelivery/ferry-2.txt';
    const text = syntheticArticle(101);
    const { etag, result: first } = await uploadAndProcess(key, text, '2026-03-15T08:00:00.000Z');
    const event = env.s3Event(key, etag, '2026-03-15T08:00:00.000Z');
    await handler(event, lambdaContext());
    await handler(event, lambdaContext());
    expect(await env.readResult(key)).toEqual(first);
    expect(first).toMatchObject({ status: 'processed', dedup: { kind: 'unique' } });
  });

  it('keeps an article canonical when it is uploaded again under the same key', async () => {
    const key = 'reupload/library.txt';
    const text = syntheticArticle(102);
    await uploadAndProcess(key, text, '2026-03-16T08:00:00.000Z');
    const { result } = await uploadAndProcess(key, text, '2026-03-16T09:00:00.000Z');
    expect(result).toMatchObject({ status: 'processed', dedup: { kind: 'unique' } });
  });

  it.each([
    { name: 'empty', body: '', code: 'EMPTY' },
    {
      name: 'binary',
      body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      code: 'BINARY',
    },
  ])(
    'rejects $name input with a clear error and leaves the input untouched',
    async ({ name, body, code }) => {
      const key = `bad/${name}.bin`;
      const { result } = await uploadAndProcess(key, body, '2026-03-17T08:00:00.000Z');
      expect(result).toMatchObject({ status: 'rejected', error: { code } });
      expect(result?.error?.message.length).toBeGreaterThan(10);
      expect(await env.readInput(key)).toEqual(
        new Uint8Array(body instanceof Uint8Array ? body : Buffer.from(body)),
      );
    },
  );

  it('rejects input over the size limit without reading it whole', async () => {
    const key = 'bad/huge.txt';
    const limit = Number(process.env.MAX_INPUT_BYTES ?? 5 * 1024 * 1024);
    const { result } = await uploadAndProcess(key, 'a'.repeat(limit + 1), '2026-03-17T08:01:00.000Z');
    expect(result).toMatchObject({
      status: 'rejected',
      error: { code: 'TOO_LARGE' },
      source: { size: limit + 1 },
    });
  });

  it('ignores events from any other bucket, so results can never trigger it', async () => {
    const report = await handler(
      env.s3Event('news/ferry.txt.json', 'abc', '2026-03-18T08:00:00.000Z', env.resultsBucket),
      lambdaContext(),
    );
    expect(report).toEqual({ results: [], ignored: 1 });
  });

  it('ignores an object deleted before it was processed', async () => {
    const report = await handler(
      env.s3Event('never/uploaded.txt', 'abc', '2026-03-18T08:00:00.000Z'),
      lambdaContext(),
    );
    expect(report).toMatchObject({ results: [{ key: 'never/uploaded.txt', status: 'missing' }] });
    expect(await env.readResult('never/uploaded.txt')).toBeUndefined();
  });
});
