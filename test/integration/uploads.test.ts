import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '../../functions/http';
import { createUpload, UPLOAD_URL_EXPIRES_SECONDS } from '../../functions/uploads';
import { loadSettings } from '../../lib/app/settings';
import { createAwsPorts } from '../../lib/app/wiring';
import type { UploadSigner } from '../../lib/ports';
import { syntheticArticle } from '../fixtures/synthetic-article';
import { type LocalEnv, setupLocalEnv } from './helpers';

let env: LocalEnv;
let signer: UploadSigner;
const NOW = new Date('2026-03-20T09:00:00.000Z');

beforeAll(async () => {
  env = await setupLocalEnv();
  // The signer as the API builds it (its own client), pointed at s3rver by the environment setupLocalEnv set.
  signer = createAwsPorts(loadSettings(process.env)).uploads;
});

function request(body: unknown): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /uploads',
    rawPath: '/uploads',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    isBase64Encoded: false,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: 'POST',
        path: '/uploads',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: 'request',
      routeKey: 'POST /uploads',
      stage: '$default',
      time: '20/Mar/2026:09:00:00 +0000',
      timeEpoch: NOW.getTime(),
    },
  };
}

const grantSchema = z.object({
  key: z.string(),
  method: z.literal('PUT'),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
  result: z.string(),
});

const config = (maxInputBytes = 64 * 1024) => ({ inputBucket: '', inputPrefix: '', maxInputBytes });

describe('POST /uploads', () => {
  it('returns a presigned PUT for one new key under uploads/ that stores exactly the declared bytes', async () => {
    // Prepare
    const article = syntheticArticle(901);
    const size = Buffer.byteLength(article);

    // Act
    const response = await createUpload(
      request({ name: 'my article.txt', size, contentType: 'text/plain' }),
      { ...config(), inputBucket: env.inputBucket },
      signer,
      NOW,
    );
    const grant = grantSchema.parse(JSON.parse(response.body ?? ''));
    const put = await fetch(grant.url, { method: 'PUT', headers: grant.headers, body: article });

    // Assess
    expect(response.statusCode).toBe(201);
    expect(grant.key).toMatch(/^uploads\/[0-9a-f-]{36}\/my article\.txt$/);
    expect(grant.url).toContain(`X-Amz-Expires=${UPLOAD_URL_EXPIRES_SECONDS}`);
    expect(grant.url).toMatch(/X-Amz-SignedHeaders=[^&]*content-length/);
    // No checksum of the (still empty) body signed into the URL: S3 would refuse the real bytes.
    expect([...new URL(grant.url).searchParams.keys()].filter((name) => /checksum/i.test(name))).toEqual([]);
    expect(grant.expiresAt).toBe('2026-03-20T09:05:00.000Z');
    expect(put.status).toBe(200);
    expect(Buffer.from(await env.readInput(grant.key)).toString('utf8')).toBe(article);
  });

  it('keys an upload by the NFC form of a decomposed name, so that its result is produced', async () => {
    const response = await createUpload(
      request({ name: 'Zu\u0308rich.txt', size: 10 }),
      { ...config(), inputBucket: env.inputBucket },
      signer,
      NOW,
    );
    const grant = grantSchema.parse(JSON.parse(response.body ?? ''));
    expect(grant.key.endsWith('/Z\u00fcrich.txt')).toBe(true);
  });

  it.each([
    { name: 'not JSON', body: 'name=x', status: 400 },
    { name: 'no size', body: { name: 'a.txt' }, status: 400 },
    { name: 'a folder in the name', body: { name: 'a/b.txt', size: 10 }, status: 400 },
    { name: 'a control character', body: { name: 'a\u0007.txt', size: 10 }, status: 400 },
    { name: 'a dot-dot name', body: { name: '..', size: 10 }, status: 400 },
    { name: 'a dot name', body: { name: '.', size: 10 }, status: 400 },
    { name: 'a bidi override', body: { name: 'invoice-\u202etxt.exe', size: 10 }, status: 400 },
    { name: 'a lone surrogate', body: { name: 'a\ud800.txt', size: 10 }, status: 400 },
    { name: 'over the size limit', body: { name: 'a.txt', size: 64 * 1024 + 1 }, status: 413 },
  ])('answers $status for $name', async ({ body, status }) => {
    const attempt = createUpload(request(body), { ...config(), inputBucket: env.inputBucket }, signer, NOW);
    await expect(attempt).rejects.toBeInstanceOf(HttpError);
    await expect(attempt).rejects.toMatchObject({ statusCode: status });
  });
});
