import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY_ARTICLE, ORCHARD_ARTICLE } from '../fixtures/articles';
import { type LocalEnv, lambdaContext, setupLocalEnv } from './helpers';

let env: LocalEnv;
let api: typeof import('../../functions/api').handler;
let processArticle: typeof import('../../functions/process-article').handler;

/** A small limit, so the 413 path is cheap to reach. */
const MAX_INPUT_BYTES = 20_000;

beforeAll(async () => {
  env = await setupLocalEnv();
  process.env.MAX_INPUT_BYTES = String(MAX_INPUT_BYTES);
  ({ handler: api } = await import('../../functions/api'));
  ({ handler: processArticle } = await import('../../functions/process-article'));
});

const template = JSON.parse(readFileSync('test/fixtures/events/http-api-post-analyze.json', 'utf8'));

/** An HTTP API (payload 2.0) event for `method rawPath`, as API Gateway sends it. */
function httpEvent(
  method: string,
  rawPath: string,
  options: { body?: string; base64?: boolean; query?: Record<string, string>; contentType?: string } = {},
): APIGatewayProxyEventV2 {
  const query = options.query ?? {};
  return {
    ...template,
    routeKey: method === 'GET' ? 'GET /results/{key+}' : `${method} ${rawPath}`,
    rawPath,
    rawQueryString: new URLSearchParams(query).toString(),
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    headers: { ...template.headers, 'content-type': options.contentType ?? 'text/plain; charset=utf-8' },
    requestContext: {
      ...template.requestContext,
      http: { ...template.requestContext.http, method, path: rawPath },
    },
    body: options.body,
    isBase64Encoded: options.base64 ?? false,
  };
}

async function call(event: APIGatewayProxyEventV2) {
  const response = (await api(event, lambdaContext('factsum-dev-api'))) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, json: JSON.parse(String(response.body)) };
}

describe('api handler: POST /analyze', () => {
  it('analyses a text body synchronously and returns the result document', async () => {
    const { status, json } = await call(httpEvent('POST', '/analyze', { body: LIBRARY_ARTICLE }));
    expect(status).toBe(200);
    expect(json).toMatchObject({
      schemaVersion: 1,
      status: 'processed',
      article: { title: 'Town library reopens after two-year renovation' },
      dedup: { kind: 'unique' },
    });
    expect(json.summary.sentences.length).toBeGreaterThan(0);
  });

  it('answers ?output=claimreview with ClaimReview objects for the check-worthy claims', async () => {
    const { status, json } = await call(
      httpEvent('POST', '/analyze', { body: LIBRARY_ARTICLE, query: { output: 'claimreview' } }),
    );
    expect(status).toBe(200);
    expect(json.length).toBeGreaterThan(0);
    expect(json[0]).toMatchObject({ '@context': 'https://schema.org', '@type': 'ClaimReview' });
  });

  it('honours ?sentences=N', async () => {
    const { json } = await call(
      httpEvent('POST', '/analyze', { body: LIBRARY_ARTICLE, query: { sentences: '1' } }),
    );
    expect(json.summary.sentences).toHaveLength(1);
  });

  it('reports an article already in the corpus as an exact duplicate of it', async () => {
    const { etag } = await env.upload('corpus/orchard.txt', ORCHARD_ARTICLE);
    await processArticle(
      env.s3Event('corpus/orchard.txt', etag, '2026-04-01T08:00:00.000Z'),
      lambdaContext(),
    );
    const { status, json } = await call(httpEvent('POST', '/analyze', { body: ORCHARD_ARTICLE }));
    expect(status).toBe(200);
    expect(json.dedup).toEqual({ kind: 'exact', of: `${env.inputBucket}/corpus/orchard.txt`, similarity: 1 });
  });

  it.each([
    { name: 'an empty body', body: '', base64: false, status: 400, code: 'EMPTY' },
    {
      name: 'a body over the limit',
      body: 'x'.repeat(MAX_INPUT_BYTES + 1),
      base64: false,
      status: 413,
      code: 'TOO_LARGE',
    },
    {
      name: 'a binary (PDF) body',
      body: Buffer.from('%PDF-1.7\n\u0000\u0001\u0002binary').toString('base64'),
      base64: true,
      status: 422,
      code: 'BINARY',
    },
  ])('answers $name with $status and a JSON error', async ({ body, base64, status, code }) => {
    const response = await call(httpEvent('POST', '/analyze', { body, base64 }));
    expect(response.status).toBe(status);
    expect(response.json).toMatchObject({ status: 'rejected', error: { code } });
  });

  it('answers an invalid query with 400', async () => {
    const response = await call(
      httpEvent('POST', '/analyze', { body: LIBRARY_ARTICLE, query: { sentences: 'many' } }),
    );
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('BAD_REQUEST');
  });
});

describe('api handler: GET /results/{key+}', () => {
  it('returns the stored result of an uploaded key, encoded in the path', async () => {
    const key = 'corpus/Zürich library.txt';
    const { etag } = await env.upload(key, `${LIBRARY_ARTICLE}\n\nEntry is free.`);
    await processArticle(env.s3Event(key, etag, '2026-04-02T08:00:00.000Z'), lambdaContext());
    const path = `/results/${key.split('/').map(encodeURIComponent).join('/')}`;
    const { status, json } = await call(httpEvent('GET', path));
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: 'processed', source: { key } });
  });

  it('answers 404 with a JSON error for an unknown key', async () => {
    const { status, json } = await call(httpEvent('GET', '/results/no/such/article.txt'));
    expect(status).toBe(404);
    expect(json.error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 404 for an unknown route', async () => {
    const { status } = await call(httpEvent('DELETE', '/analyze'));
    expect(status).toBe(404);
  });
});
