import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { loadSettings, summaryLengthTextSchema, toSummaryOptions } from '../lib/app/settings';
import { createAwsPorts } from '../lib/app/wiring';
import {
  analyzeArticle,
  buildProcessedResult,
  buildRejectedResult,
  prepareArticle,
  type RejectCode,
  toClaimReview,
  withFactChecks,
} from '../lib/pipeline';
import type { CorpusIndexEntry } from '../lib/report/corpus-view';
import { renderCorpusIndex } from '../lib/report/render-corpus-index';
import { encodeKeyPath, REPORT_SUFFIX } from '../lib/report/report-links';
import { parseReportResult } from '../lib/report/report-schema';
import { checkObjectKey, lookupVerdict } from '../lib/service';
import * as z from '../lib/zod';
import { HttpError, httpErrors, jsonResponse } from './http';
import { matchClaimsRequest } from './match';
import { logger } from './observability';
import { createUpload } from './uploads';

const settings = loadSettings(process.env);
const ports = createAwsPorts(settings);

/** HTTP status of each rejection of POST /analyze: the body is the rejected result either way. */
const REJECTION_STATUS: Readonly<Record<RejectCode, number>> = {
  EMPTY: 400,
  TOO_LARGE: 413,
  BINARY: 422,
  UNDECODABLE: 422,
  MALFORMED: 422,
  NO_TEXT: 422,
  NOT_ARTICLE: 422,
  UNSUPPORTED_FORMAT: 415,
  UNREADABLE: 422,
};

const analyzeQuerySchema = z.extend(summaryLengthTextSchema, {
  // `claimreview` names an output, not an input: accepted here as the CLI accepts it under --format.
  format: z._default(z.enum(['auto', 'text', 'html', 'markdown', 'json', 'claimreview']), 'auto'),
  output: z._default(z.enum(['result', 'claimreview']), 'result'),
  published: z.optional(z.union([z.iso.date(), z.iso.datetime({ offset: true })])),
});

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
  const { format, published, output } = query.data;
  const prepared = prepareArticle(bytes, {
    maxBytes: settings.maxInputBytes,
    clock: ports.clock,
    ...(contentType ? { contentType } : {}),
    ...(format === 'auto' || format === 'claimreview' ? {} : { format }),
    ...(published ? { published } : {}),
  });
  if (prepared.kind === 'rejected') {
    return jsonResponse(REJECTION_STATUS[prepared.error.code], buildRejectedResult(source, prepared));
  }
  const dedup = await lookupVerdict(
    ports.index,
    { bodyHash: prepared.bodyHash, text: prepared.article.text },
    settings.nearThreshold,
  );
  const summary = toSummaryOptions(query.data) ?? settings.summary;
  const analysis = analyzeArticle(prepared.article, {
    uploadedAt: requestTime,
    clock: ports.clock,
    ...(summary === undefined ? {} : { summary }),
  });
  const claims =
    ports.factChecks === undefined
      ? analysis.claims
      : withFactChecks(
          analysis.claims,
          await ports.factChecks.match(
            analysis.claims.map((claim) => ({ text: claim.checkworthy ? claim.text : '' })),
            prepared.article.published === undefined ? {} : { date: prepared.article.published },
          ),
        );
  const result = buildProcessedResult(source, prepared, { ...analysis, claims }, dedup);
  const claimReview = output === 'claimreview' || format === 'claimreview';
  const response = jsonResponse(200, claimReview ? toClaimReview(result) : result);
  // A result carries the clean text, so a multi-megabyte input can make one over Lambda's 6 MB response limit,
  // which Lambda would answer with an opaque 502: say instead how to get it.
  if (Buffer.byteLength(response.body ?? '') > MAX_INLINE_RESULT_BYTES) {
    throw new HttpError(
      413,
      'RESULT_TOO_LARGE',
      `The result is over ${MAX_INLINE_RESULT_BYTES} bytes, too large to return here: upload the article (POST /uploads) and read its result with GET /results/{key}, which links to large results.`,
    );
  }
  return response;
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

/**
 * The largest result GET /results returns in its body. Lambda's response limit is 6 MB including the
 * envelope; a larger result (a huge one-line page) is served by a redirect to a short-lived presigned URL.
 */
const MAX_INLINE_RESULT_BYTES = 5_000_000;

/** GET /results/{key+}: the stored result of exactly that input key (303 to a presigned URL when large). */
async function getResult(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const key = resultsKeyFromPath(event.rawPath);
  const found = await ports.reader.readResult(key, MAX_INLINE_RESULT_BYTES);
  if (found === undefined) throw new HttpError(404, 'NOT_FOUND', `No result for key ${JSON.stringify(key)}`);
  if (found.kind === 'link') {
    return { statusCode: 303, headers: { location: found.url, 'cache-control': 'no-store' }, body: '' };
  }
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: found.text,
  };
}

/**
 * The most results GET / reads: one GetObject each, and API Gateway gives up on the integration after
 * 30 s. 500 small reads at the concurrency below take a few seconds; the page says when it was cut.
 */
const INDEX_MAX_RESULTS = 500;

/**
 * Where a browser finds the reports: the results bucket's objects, path-style on a local endpoint
 * (s3rver serves GET without credentials), virtual-hosted on AWS (readers then need access to the bucket).
 */
function reportBaseUrl(): string {
  if (settings.s3Endpoint) return `${settings.s3Endpoint.replace(/\/+$/, '')}/${settings.resultsBucket}`;
  return `https://${settings.resultsBucket}.s3.${settings.region ?? 'us-east-1'}.amazonaws.com`;
}

/**
 * GET /: the corpus index over the results bucket (the first INDEX_MAX_RESULTS results in key order), drawn
 * from each result's small corpus digest (lib/report/corpus-digest.ts), never from the full results.
 */
async function getCorpusIndex(): Promise<APIGatewayProxyStructuredResultV2> {
  const { digests, more } = await ports.reader.listDigests(INDEX_MAX_RESULTS);
  const base = reportBaseUrl();
  const hrefForKey = (inputKey: string): string => `${base}/${encodeKeyPath(inputKey)}${REPORT_SUFFIX}`;
  const entries: CorpusIndexEntry[] = [];
  let unreadable = 0;
  for (const { inputKey, digest } of digests) {
    const result = parseReportResult(digest);
    if (result === undefined) unreadable++;
    else entries.push({ result, href: hrefForKey(inputKey) });
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

/** Routes HTTP API requests to the operations above. */
async function route(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method;
  if (method === 'POST' && /\/analyze\/?$/.test(event.rawPath)) return analyze(event);
  if (method === 'POST' && /\/match\/?$/.test(event.rawPath)) {
    return matchClaimsRequest(event, {
      maxBytes: settings.maxInputBytes,
      clock: ports.clock,
      ...(ports.factChecks === undefined ? {} : { library: ports.factChecks }),
    });
  }
  if (method === 'POST' && /\/uploads\/?$/.test(event.rawPath)) {
    return createUpload(event, settings, ports.uploads, new Date(event.requestContext.timeEpoch));
  }
  if (method === 'GET' && event.rawPath.includes('/results/')) return getResult(event);
  if (method === 'GET' && (event.rawPath === '/' || event.rawPath === '')) return getCorpusIndex();
  throw new HttpError(404, 'NOT_FOUND', `No route for ${method} ${event.rawPath}`);
}

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrors())
  .handler(route);
