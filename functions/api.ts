import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { resultKeyFor } from '../lib/aws/s3-object-store';
import type { DedupVerdict, RejectCode } from '../lib/pipeline';
import {
  analyzeArticle,
  bandKeys,
  buildProcessedResult,
  buildRejectedResult,
  DEFAULT_NEAR_THRESHOLD,
  estimateSimilarity,
  minhashSignature,
  prepareArticle,
  toClaimReview,
} from '../lib/pipeline';
import type { CorpusIndexEntry } from '../lib/report/corpus-view';
import { renderCorpusIndex } from '../lib/report/render-corpus-index';
import { encodeKeyPath, REPORT_SUFFIX } from '../lib/report/report-links';
import { parseReportResult } from '../lib/report/report-schema';
import { checkObjectKey } from '../lib/service/object-key';
import * as z from '../lib/zod';
import { loadConfig } from './config';
import { createDeps } from './deps';
import { HttpError, httpErrors, jsonResponse } from './http';
import { logger } from './observability';
import { createUpload } from './uploads';

const config = loadConfig(process.env);
const deps = createDeps(config);

/** HTTP status of each rejection of POST /analyze: the body is the rejected result either way. */
const REJECTION_STATUS: Readonly<Record<RejectCode, number>> = {
  EMPTY: 400,
  TOO_LARGE: 413,
  BINARY: 422,
  UNDECODABLE: 422,
  MALFORMED: 422,
  NO_TEXT: 422,
  UNSUPPORTED_FORMAT: 415,
  UNREADABLE: 422,
};

const analyzeQuerySchema = z.object({
  // `claimreview` names an output, not an input: accepted here as the CLI accepts it under --format.
  format: z._default(z.enum(['auto', 'text', 'html', 'markdown', 'json', 'claimreview']), 'auto'),
  output: z._default(z.enum(['result', 'claimreview']), 'result'),
  sentences: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))),
  words: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5000))),
  ratio: z.optional(z.coerce.number().check(z.gt(0), z.maximum(1))),
  published: z.optional(z.union([z.iso.date(), z.iso.datetime({ offset: true })])),
});

/** Summary length asked for in the query, if any (it replaces the deployment default as a whole). */
function requestedSummary(query: { sentences?: number; words?: number; ratio?: number }) {
  const options = {
    ...(query.sentences ? { maxSentences: query.sentences } : {}),
    ...(query.words ? { maxWords: query.words } : {}),
    ...(query.ratio ? { ratio: query.ratio } : {}),
  };
  return Object.keys(options).length > 0 ? options : undefined;
}

/** The request body as bytes (API Gateway base64-encodes binary bodies). */
function bodyBytes(event: APIGatewayProxyEventV2): Uint8Array {
  // API Gateway leaves the body out when there is none; serverless-offline sends null.
  if (event.body === undefined || event.body === null) return new Uint8Array();
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/** POST /analyze: the pipeline, synchronously; the index is read (dedup verdict) but not written. */
async function analyze(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const query = analyzeQuerySchema.safeParse(event.queryStringParameters ?? {});
  if (!query.success) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `Invalid query: ${z.prettifyError(query.error).replace(/\n/g, ' ')}`,
    );
  }
  const bytes = bodyBytes(event);
  const contentType = event.headers['content-type'];
  const requestTime = new Date(event.requestContext.timeEpoch).toISOString();
  const source = { ...(contentType ? { contentType } : {}), uploadedAt: requestTime };
  const prepared = prepareArticle(bytes, {
    maxBytes: config.maxInputBytes,
    clock: deps.clock,
    ...(contentType ? { contentType } : {}),
    ...(query.data.format === 'auto' || query.data.format === 'claimreview'
      ? {}
      : { format: query.data.format }),
    ...(query.data.published ? { published: query.data.published } : {}),
  });
  if (prepared.kind === 'rejected') {
    return jsonResponse(REJECTION_STATUS[prepared.error.code], buildRejectedResult(source, prepared));
  }
  const dedup = await lookupVerdict(prepared.bodyHash, prepared.article.text);
  const analysis = analyzeArticle(prepared.article, {
    uploadedAt: requestTime,
    clock: deps.clock,
    summary: requestedSummary(query.data) ?? config.summary,
  });
  const result = buildProcessedResult(source, prepared, analysis, dedup);
  const claimReview = query.data.output === 'claimreview' || query.data.format === 'claimreview';
  return jsonResponse(200, claimReview ? toClaimReview(result) : result);
}

/** The dedup verdict of a body against the corpus, read-only: an exact holder, else the most similar near match. */
async function lookupVerdict(bodyHash: string, text: string): Promise<DedupVerdict> {
  const holder = await deps.index.lookupExact(bodyHash);
  if (holder) return { kind: 'exact', of: holder.id, similarity: 1 };
  const signature = minhashSignature(text);
  let best: DedupVerdict = { kind: 'unique' };
  for (const candidate of await deps.index.queryBands(bandKeys(signature))) {
    const similarity = estimateSimilarity(signature, candidate.signature);
    const threshold = config.nearThreshold ?? DEFAULT_NEAR_THRESHOLD;
    if (similarity >= threshold && (best.kind === 'unique' || similarity > (best.similarity ?? 0))) {
      best = { kind: 'near', of: candidate.id, similarity };
    }
  }
  return best;
}

/** The input key of GET /results/{key+}, from the raw (still encoded) path, decoded once. */
function resultsKeyFromPath(rawPath: string): string {
  const marker = '/results/';
  const at = rawPath.indexOf(marker);
  const encoded = at < 0 ? '' : rawPath.slice(at + marker.length);
  let key: string;
  try {
    key = decodeURIComponent(encoded);
  } catch (error) {
    throw new HttpError(400, 'BAD_REQUEST', 'The key is not valid URL-encoded UTF-8', { cause: error });
  }
  if (key === '')
    throw new HttpError(400, 'BAD_REQUEST', 'GET /results/{key} needs the key of an uploaded article');
  // `..`, control characters, over-long keys: never an input of factsum (docs/operations.md).
  const check = checkObjectKey(key);
  if (check.kind === 'invalid') throw new HttpError(400, check.code, check.message);
  return key;
}

/** GET /results/{key+}: the stored result of an input key (with or without the .json suffix). */
async function getResult(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const key = resultsKeyFromPath(event.rawPath);
  for (const candidate of key.endsWith('.json') ? [key, key.slice(0, -'.json'.length)] : [key]) {
    const text = await deps.objects.getText({ bucket: config.resultsBucket, key: resultKeyFor(candidate) });
    if (text !== undefined) {
      return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: text };
    }
  }
  throw new HttpError(404, 'NOT_FOUND', `No result for key ${JSON.stringify(key)}`);
}

/**
 * The most results GET / reads: one GetObject each, and API Gateway gives up on the integration after
 * 30 s. 500 small reads at the concurrency below take a few seconds; the page says when it was cut.
 */
const INDEX_MAX_RESULTS = 500;

/** Parallel GetObject calls while reading results for the index: far below S3's per-prefix rate. */
const INDEX_READ_CONCURRENCY = 16;

/**
 * Where a browser finds the reports: the results bucket's objects, path-style on a local endpoint
 * (s3rver serves GET without credentials), virtual-hosted on AWS (readers then need access to the bucket).
 */
function reportBaseUrl(): string {
  if (config.s3Endpoint) return `${config.s3Endpoint.replace(/\/+$/, '')}/${config.resultsBucket}`;
  return `https://${config.resultsBucket}.s3.${config.region ?? 'us-east-1'}.amazonaws.com`;
}

/** GET /: the corpus index over the results bucket (the first INDEX_MAX_RESULTS results in key order). */
async function getCorpusIndex(): Promise<APIGatewayProxyStructuredResultV2> {
  const keys: string[] = [];
  let more = false;
  for await (const object of deps.objects.listObjects(config.resultsBucket)) {
    if (!object.key.endsWith('.json')) continue;
    if (keys.length === INDEX_MAX_RESULTS) {
      more = true;
      break;
    }
    keys.push(object.key);
  }
  const base = reportBaseUrl();
  const hrefForKey = (inputKey: string): string => `${base}/${encodeKeyPath(inputKey)}${REPORT_SUFFIX}`;
  const entries: CorpusIndexEntry[] = [];
  let unreadable = 0;
  for (let at = 0; at < keys.length; at += INDEX_READ_CONCURRENCY) {
    const batch = keys.slice(at, at + INDEX_READ_CONCURRENCY);
    const texts = await Promise.all(
      batch.map((key) => deps.objects.getText({ bucket: config.resultsBucket, key })),
    );
    texts.forEach((text, position) => {
      const key = batch[position];
      const result = text === undefined || key === undefined ? undefined : parseReportResult(parseJson(text));
      if (result === undefined || key === undefined) {
        unreadable++;
        return;
      }
      entries.push({ result, href: hrefForKey(key.slice(0, -'.json'.length)) });
    });
  }
  const notices = [
    more ? `Showing the first ${INDEX_MAX_RESULTS} results in key order; the bucket holds more.` : '',
    unreadable > 0 ? `${unreadable} object(s) were not readable result documents and are left out.` : '',
  ].filter((notice) => notice !== '');
  const html = renderCorpusIndex(entries, {
    ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
    hrefFor: (articleId) => {
      const slash = articleId.indexOf('/');
      return slash > 0 ? hrefForKey(articleId.slice(slash + 1)) : undefined;
    },
  });
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: html,
  };
}

/** Parsed JSON, or undefined for text that is not JSON (someone overwrote a result). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Routes HTTP API requests to the operations above. */
async function route(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method;
  if (method === 'POST' && /\/analyze\/?$/.test(event.rawPath)) return analyze(event);
  if (method === 'POST' && /\/uploads\/?$/.test(event.rawPath)) {
    return createUpload(event, config, deps.uploads, new Date(event.requestContext.timeEpoch));
  }
  if (method === 'GET' && event.rawPath.includes('/results/')) return getResult(event);
  if (method === 'GET' && (event.rawPath === '/' || event.rawPath === '')) return getCorpusIndex();
  throw new HttpError(404, 'NOT_FOUND', `No route for ${method} ${event.rawPath}`);
}

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrors())
  .handler(route);
