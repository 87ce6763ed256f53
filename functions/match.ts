import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { analyzeArticle, type Clock, type FactCheckMatch, prepareArticle } from '../lib/pipeline';
import type { FactCheckLibrary } from '../lib/ports';
import * as z from '../lib/zod';
import { HttpError, jsonResponse } from './http';

/** Claims one request may ask about: a long article has a few dozen check-worthy ones; more is a bulk job. */
export const MAX_MATCH_CLAIMS = 100;

const matchRequestSchema = z.union([
  z.strictObject({ text: z.string().check(z.minLength(1)), date: z.optional(z.iso.date()) }),
  z.strictObject({
    claims: z
      .array(z.string().check(z.minLength(1), z.maxLength(2000)))
      .check(z.minLength(1), z.maxLength(MAX_MATCH_CLAIMS)),
    date: z.optional(z.iso.date()),
  }),
]);

/** What POST /match needs: the library (absent when none is configured), the size limit and a clock. */
export type MatchDeps = {
  readonly library?: FactCheckLibrary;
  readonly maxBytes: number;
  readonly clock: Clock;
};

/** The request body as text (API Gateway base64-encodes binary bodies). */
function bodyText(event: APIGatewayProxyEventV2): string {
  if (event.body === undefined || event.body === null) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * POST /match `{"text": "..."}` (an article or a passage: its check-worthy claims are found as an upload's are)
 * or `{"claims": ["...", ...]}` (claims as given), with an optional `date` (YYYY-MM-DD) the fact-checks are
 * compared against → 200 `{"libraryVersion", "claims": [{"text", "factChecks": [...]}]}`. Without a configured
 * library every claim gets an empty list and `libraryVersion` is null.
 */
export async function matchClaimsRequest(
  event: APIGatewayProxyEventV2,
  deps: MatchDeps,
): Promise<APIGatewayProxyStructuredResultV2> {
  const text = bodyText(event);
  if (Buffer.byteLength(text) > deps.maxBytes) {
    throw new HttpError(413, 'TOO_LARGE', `The body is over ${deps.maxBytes} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'BAD_REQUEST', 'The body must be JSON: {"text"} or {"claims": [...]}', {
      cause: error,
    });
  }
  const request = matchRequestSchema.safeParse(json);
  if (!request.success) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `Invalid match request: ${z.prettifyError(request.error).replace(/\n/g, ' ')}`,
    );
  }
  const claims =
    'claims' in request.data
      ? request.data.claims
      : claimsOfText(request.data.text, new Date(event.requestContext.timeEpoch).toISOString(), deps);
  const date = request.data.date;
  const lists: FactCheckMatch[][] =
    deps.library === undefined
      ? claims.map(() => [])
      : await deps.library.match(
          claims.map((claim) => ({ text: claim })),
          date === undefined ? {} : { date },
        );
  return jsonResponse(200, {
    libraryVersion: deps.library === undefined ? null : ((await deps.library.version()) ?? null),
    claims: claims.map((claim, i) => ({ text: claim, factChecks: lists[i] ?? [] })),
  });
}

/** The check-worthy claims of a passage, found by the same pipeline as an upload's. */
function claimsOfText(text: string, uploadedAt: string, deps: MatchDeps): string[] {
  const prepared = prepareArticle(new TextEncoder().encode(text), {
    maxBytes: deps.maxBytes,
    clock: deps.clock,
    format: 'text',
  });
  if (prepared.kind === 'rejected') throw new HttpError(422, prepared.error.code, prepared.error.message);
  const analysis = analyzeArticle(prepared.article, {
    uploadedAt,
    clock: deps.clock,
  });
  return analysis.claims.filter((claim) => claim.checkworthy).map((claim) => claim.text);
}
