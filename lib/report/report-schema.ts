import * as z from '../zod';

/**
 * The parts of a result document (schemaVersion 1, lib/pipeline/types.ts `Result`) that the reports
 * show, validated at the boundary: a stored result is untrusted JSON. Enumerations the pipeline may grow
 * (claim types, entity kinds, units) are plain strings here, so that a newer result still renders.
 */

const whySchema = z.object({
  position: z.number().check(z.int()),
  lede: z.boolean(),
  centrality: z.number(),
  headline: z.number(),
  top: z.array(z.object({ feature: z.string(), logit: z.number() })),
});

const sentenceSchema = z.object({
  text: z.string(),
  start: z.number().check(z.int()),
  end: z.number().check(z.int()),
  score: z.optional(z.number()),
  why: z.optional(whySchema),
});

const relatedClaimSchema = z.object({
  relation: z.enum(['corroborates', 'conflicts']),
  articleId: z.string(),
  claimIndex: z.number().check(z.int()),
  claimText: z.string(),
  uploadedAt: z.optional(z.string()),
  entities: z._default(z.array(z.string()), []),
  on: z.optional(
    z.object({
      kind: z.string(),
      unit: z.string(),
      value: z.string(),
      otherValue: z.string(),
      measure: z.optional(z.string()),
      subject: z.optional(z.string()),
      time: z.optional(z.string()),
    }),
  ),
});

/** A claim frame as the report shows it: the parts as written (results before frames have none). */
const frameSchema = z.object({
  subject: z.object({ text: z.string() }),
  measure: z.object({ text: z.string() }),
  value: z.object({ text: z.string(), unit: z.string(), qualifier: z.optional(z.string()) }),
  time: z.optional(z.object({ text: z.string(), value: z.string() })),
});

const claimSchema = z.object({
  text: z.string(),
  start: z.number().check(z.int()),
  end: z.number().check(z.int()),
  score: z.number(),
  checkworthy: z._default(z.boolean(), true),
  types: z._default(z.array(z.string()), []),
  // `kind` is how results before the trained tagger named the type (with 'organisation'); both render.
  entities: z._default(
    z.array(
      z.object({
        text: z.string(),
        type: z.optional(z.string()),
        kind: z.optional(z.string()),
        canonical: z.optional(z.string()),
      }),
    ),
    [],
  ),
  numbers: z._default(
    z.array(
      z.object({ text: z.string(), value: z.number(), unit: z.string(), currency: z.optional(z.string()) }),
    ),
    [],
  ),
  dates: z._default(
    z.array(
      z.object({
        text: z.string(),
        value: z.optional(z.string()),
        reference: z.optional(z.object({ date: z.string(), source: z.string() })),
        granularity: z.optional(z.string()),
      }),
    ),
    [],
  ),
  attribution: z.optional(z.object({ source: z.string(), verb: z.string(), anonymous: z.boolean() })),
  hedged: z._default(z.boolean(), false),
  frames: z._default(z.array(frameSchema), []),
  related: z.optional(z.array(relatedClaimSchema)),
  factChecks: z.optional(
    z.array(
      z.object({
        id: z.string(),
        claimReviewed: z.string(),
        rating: z.optional(z.string()),
        publisher: z.optional(z.string()),
        url: z.optional(z.string()),
        date: z.optional(z.string()),
        score: z.number(),
      }),
    ),
  ),
});

/** A result document as the reports read it. */
export const reportResultSchema = z.object({
  schemaVersion: z.literal(1),
  status: z.enum(['processed', 'duplicate', 'rejected']),
  source: z.object({
    bucket: z.optional(z.string()),
    key: z.optional(z.string()),
    path: z.optional(z.string()),
    size: z.optional(z.number()),
    contentType: z.optional(z.string()),
    uploadedAt: z.optional(z.string()),
  }),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
  article: z.optional(
    z.object({
      title: z.string(),
      text: z.string(),
      published: z.optional(z.string()),
      language: z.optional(z.string()),
      url: z.optional(z.string()),
      byline: z.optional(z.string()),
      wordCount: z.optional(z.number()),
      format: z.optional(z.string()),
      encoding: z.optional(z.string()),
    }),
  ),
  dedup: z.object({
    kind: z.string(),
    of: z.optional(z.string()),
    similarity: z.optional(z.number()),
    nearCopyOf: z.optional(z.string()),
    differs: z.optional(z.string()),
  }),
  summary: z.optional(z.object({ sentences: z.array(sentenceSchema) })),
  claims: z.optional(z.array(claimSchema)),
  limits: z.optional(
    z.object({
      truncated: z.array(
        z.object({ stage: z.string(), reason: z.string(), kept: z.number(), total: z.number() }),
      ),
    }),
  ),
});

export type ReportResult = z.infer<typeof reportResultSchema>;
export type ReportClaim = NonNullable<ReportResult['claims']>[number];
export type ReportSource = ReportResult['source'];

/** Validates a parsed result document for the reports; undefined when it is not one. */
export function parseReportResult(value: unknown): ReportResult | undefined {
  const parsed = reportResultSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The corpus id of a result: `bucket/key` for S3 objects, the path for local files (see lib/ports.ts). */
export function corpusIdOf(source: ReportSource): string | undefined {
  if (source.bucket !== undefined && source.key !== undefined) return `${source.bucket}/${source.key}`;
  return source.path;
}
