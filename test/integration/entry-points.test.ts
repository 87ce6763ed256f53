import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { provisionLocalStore } from '../../infra/local/local-store';
import { runBackfill } from '../../lib/cli/backfill-command';
import { HALVARD_FIRST } from '../fixtures/claims-corpus-articles';
import { type LocalEnv, lambdaContext, setupLocalEnv } from './helpers';

// One article through the three doors: an S3 upload (processArticle), `factsum backfill` over the same object,
// and the API's POST /analyze with the same bytes at the same time. All three must give the same document.

let env: LocalEnv;
let api: typeof import('../../functions/api').handler;
let processArticle: typeof import('../../functions/process-article').handler;

const KEY = 'doors/halvard.txt';
const CONTENT_TYPE = 'text/plain; charset=utf-8';

beforeAll(async () => {
  env = await setupLocalEnv();
  ({ handler: api } = await import('../../functions/api'));
  ({ handler: processArticle } = await import('../../functions/process-article'));
});

type Json = Record<string, unknown> & { timings?: unknown; source?: Record<string, unknown> };

/**
 * A result without what legitimately differs between doors: how long each stage took, and S3's per-key event
 * sequencer, which only an S3 event carries (a backfill reads a listing).
 */
function withoutTimings(result: Json): Json {
  const { timings: _timings, source, ...rest } = result;
  if (source === undefined) return rest;
  const { sequencer: _sequencer, ...kept } = source;
  return { ...rest, source: kept };
}

async function readJson(bucket: string, key: string): Promise<Json> {
  const got = await env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return JSON.parse((await got.Body?.transformToString()) ?? 'null');
}

describe('the same article through every entry point', () => {
  it('gives identical documents from an upload, a backfill and the API', async () => {
    // Prepare: one upload; its LastModified is the upload time every door uses.
    await env.upload(KEY, HALVARD_FIRST, CONTENT_TYPE);
    const head = await env.s3.send(new HeadObjectCommand({ Bucket: env.inputBucket, Key: KEY }));
    const uploadedAt = head.LastModified ?? new Date(0);
    const etag = (head.ETag ?? '').replace(/"/g, '');

    // Act 1: the API, before the corpus holds anything (so its read-only dedup verdict is `unique` too).
    const template = JSON.parse(readFileSync('test/fixtures/events/http-api-post-analyze.json', 'utf8'));
    const request: APIGatewayProxyEventV2 = {
      ...template,
      body: HALVARD_FIRST,
      headers: { ...template.headers, 'content-type': CONTENT_TYPE },
      requestContext: { ...template.requestContext, timeEpoch: uploadedAt.getTime() },
    };
    const response = (await api(
      request,
      lambdaContext('factsum-dev-api'),
    )) as APIGatewayProxyStructuredResultV2;
    const fromApi = JSON.parse(String(response.body)) as Json;

    // Act 2: the upload's S3 event.
    await processArticle(env.s3Event(KEY, etag, uploadedAt.toISOString()), lambdaContext());
    const fromUpload = await readJson(env.resultsBucket, `${KEY}.json`);

    // Act 3: a backfill of the same bucket into another results bucket and index table.
    const other = { resultsBucket: `${env.resultsBucket}-bf`, table: `${env.table}-bf` };
    await provisionLocalStore({
      s3Endpoint: String(process.env.AWS_ENDPOINT_URL_S3),
      dynamoEndpoint: String(process.env.AWS_ENDPOINT_URL_DYNAMODB),
      inputBucket: env.inputBucket,
      resultsBucket: other.resultsBucket,
      indexTable: other.table,
    });
    const out = new PassThrough();
    out.resume();
    const code = await runBackfill(
      ['--bucket', env.inputBucket, '--results-bucket', other.resultsBucket, '--table', other.table],
      { stdin: new PassThrough(), stdout: out, stderr: out },
      process.env,
    );
    const fromBackfill = await readJson(other.resultsBucket, `${KEY}.json`);

    // Assess: upload and backfill store the same document and both write its report.
    expect(code).toBe(0);
    expect(fromUpload).toMatchObject({ status: 'processed' });
    expect(withoutTimings(fromBackfill)).toEqual(withoutTimings(fromUpload));
    const reports = await Promise.all(
      [env.resultsBucket, other.resultsBucket].map((bucket) =>
        env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: `${KEY}.html` })),
      ),
    );
    expect(reports.map((report) => report.ContentType)).toEqual([
      'text/html; charset=utf-8',
      'text/html; charset=utf-8',
    ]);
    // The API has no stored source (no bucket, key or ETag): everything else is the same document.
    const { source: uploadSource, ...uploadRest } = withoutTimings(fromUpload);
    const { source: apiSource, ...apiRest } = withoutTimings(fromApi);
    expect(apiRest).toEqual(uploadRest);
    expect(apiSource).toMatchObject({
      size: uploadSource?.size,
      sha256: uploadSource?.sha256,
      uploadedAt: uploadSource?.uploadedAt,
    });
  });
});
