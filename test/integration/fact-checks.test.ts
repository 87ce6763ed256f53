import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../lib/app/settings';
import { createFactCheckLibrary } from '../../lib/app/wiring';
import { ensureBucket } from '../../lib/aws/provision';
import { LOCAL_STACK } from '../../lib/local/local-stack';
import { importFeed, mergeFeeds, serializeIndex } from '../../lib/pipeline';
import { type LocalEnv, lambdaContext, setupLocalEnv } from './helpers';

// The fact-check library end to end on the local servers: published to S3 as `factsum library import --bucket`
// does, read by processArticle (claims in results and reports) and by the API (POST /match, ClaimReview output).

let env: LocalEnv;
let api: typeof import('../../functions/api').handler;
let processArticle: typeof import('../../functions/process-article').handler;

beforeAll(async () => {
  env = await setupLocalEnv();
  const bucket = `${env.inputBucket}-fc`;
  await ensureBucket(env.s3, bucket);
  process.env.FACTCHECK_BUCKET = bucket;
  const library = createFactCheckLibrary(
    loadSettings(process.env),
    { bucket },
    { credentials: LOCAL_STACK.credentials },
  );
  const feed = readFileSync('examples/factchecks.jsonld', 'utf8');
  await library.publish(
    serializeIndex(mergeFeeds([importFeed(feed, { source: 'factchecks.jsonld' })]).records).text,
  );
  ({ handler: api } = await import('../../functions/api'));
  ({ handler: processArticle } = await import('../../functions/process-article'));
});

const template = JSON.parse(readFileSync('test/fixtures/events/http-api-post-analyze.json', 'utf8'));

async function post(path: string, body: string, query: Record<string, string> = {}) {
  const event: APIGatewayProxyEventV2 = {
    ...template,
    routeKey: `POST ${path}`,
    rawPath: path,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: { ...template.requestContext, http: { ...template.requestContext.http, path } },
    body,
  };
  const response = (await api(event, lambdaContext('factsum-dev-api'))) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, json: JSON.parse(String(response.body)) };
}

type MatchedClaim = { text: string; factChecks?: { url?: string; rating?: string; publisher?: string }[] };

describe('fact-check matching', () => {
  it('lists the published fact-check under a claim of an uploaded article, in the result and its report', async () => {
    const { etag } = await env.upload('fc/city-budget.txt', readFileSync('examples/city-budget.txt'));
    await processArticle(
      env.s3Event('fc/city-budget.txt', etag, '2026-03-02T09:00:00.000Z'),
      lambdaContext(),
    );
    const result = await env.readResult('fc/city-budget.txt');
    const matched = ((result?.claims ?? []) as MatchedClaim[]).filter(
      (claim) => (claim.factChecks ?? []).length > 0,
    );
    expect(matched.length).toBeGreaterThan(0);
    expect(matched[0]?.factChecks?.[0]).toMatchObject({
      url: 'https://factcheck.example/reviews/millbrook-grants-38-percent',
      rating: "Mostly accurate: the fall is 36% on the council's own figures",
    });
    const report = await env.s3.send(
      new (await import('@aws-sdk/client-s3')).GetObjectCommand({
        Bucket: env.resultsBucket,
        Key: 'fc/city-budget.txt.html',
      }),
    );
    const html = (await report.Body?.transformToString()) ?? '';
    expect(html).toContain('Fact-checked');
    expect(html).toContain(
      'href="https://factcheck.example/reviews/millbrook-grants-38-percent" rel="noopener noreferrer"',
    );
  });

  it('POST /match finds a paraphrase of a library claim and nothing for an unrelated one', async () => {
    const { status, json } = await post(
      '/match',
      JSON.stringify({
        claims: [
          'About 38,000 vehicles cross the Eastport harbour bridge every day.',
          'The village bakery in Tarnow sold 400 loaves of rye bread on Sunday.',
        ],
      }),
    );
    expect(status).toBe(200);
    expect(json.libraryVersion).toMatch(/^[0-9a-f]{64}$/);
    expect(json.claims[0].factChecks[0]).toMatchObject({
      url: 'https://factcheck.example/reviews/eastport-bridge-traffic',
    });
    expect(json.claims[1].factChecks).toEqual([]);
  });

  it.each([
    ['neither text nor claims', '{}'],
    ['both', '{"text":"a","claims":["b"]}'],
    ['not JSON', 'claims please'],
  ])('POST /match answers 400 to %s', async (_name, body) => {
    expect((await post('/match', body)).status).toBe(400);
  });

  it('passes a matched fact-check on as ClaimReview with its rating exactly as published', async () => {
    const text = readFileSync('examples/city-budget.txt', 'utf8');
    const { json } = await post('/analyze', text, { output: 'claimreview' });
    const published = (json as { url?: string; reviewRating?: { alternateName: string } }[]).filter(
      (r) => r.url !== undefined,
    );
    expect(published[0]).toMatchObject({
      url: 'https://factcheck.example/reviews/millbrook-grants-38-percent',
      reviewRating: {
        '@type': 'Rating',
        alternateName: "Mostly accurate: the fall is 36% on the council's own figures",
      },
    });
  });
});
