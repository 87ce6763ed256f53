import { z } from 'zod';

/**
 * The parts of a result document (schemaVersion 1, lib/pipeline/types.ts `Result`) that the reports
 * show, validated at the boundary: a stored result is untrusted JSON. Enumerations the pipeline may grow
 * (claim types, entity kinds, units) are plain strings here, so that a newer result still renders.
 */

const sentenceSchema = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  score: z.number().optional(),
});

const relatedClaimSchema = z.object({
  relation: z.enum(['corroborates', 'conflicts']),
  articleId: z.string(),
  claimIndex: z.number().int(),
  claimText: z.string(),
  uploadedAt: z.string().optional(),
  entities: z.array(z.string()).default([]),
  on: z.object({ kind: z.string(), unit: z.string(), value: z.string(), otherValue: z.string() }).optional(),
});

const claimSchema = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  score: z.number(),
  checkworthy: z.boolean().default(true),
  types: z.array(z.string()).default([]),
  entities: z.array(z.object({ text: z.string(), kind: z.string() })).default([]),
  numbers: z
    .array(
      z.object({ text: z.string(), value: z.number(), unit: z.string(), currency: z.string().optional() }),
    )
    .default([]),
  dates: z
    .array(
      z.object({
        text: z.string(),
        value: z.string().optional(),
        reference: z.object({ date: z.string(), source: z.string() }).optional(),
        granularity: z.string().optional(),
      }),
    )
    .default([]),
  attribution: z.object({ source: z.string(), verb: z.string(), anonymous: z.boolean() }).optional(),
  hedged: z.boolean().default(false),
  related: z.array(relatedClaimSchema).optional(),
});

/** A result document as the reports read it. */
export const reportResultSchema = z.object({
  schemaVersion: z.literal(1),
  status: z.enum(['processed', 'duplicate', 'rejected']),
  source: z.object({
    bucket: z.string().optional(),
    key: z.string().optional(),
    path: z.string().optional(),
    size: z.number().optional(),
    contentType: z.string().optional(),
    uploadedAt: z.string().optional(),
  }),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  article: z
    .object({
      title: z.string(),
      text: z.string(),
      published: z.string().optional(),
      language: z.string().optional(),
      url: z.string().optional(),
      byline: z.string().optional(),
      wordCount: z.number().optional(),
      format: z.string().optional(),
      encoding: z.string().optional(),
    })
    .optional(),
  dedup: z.object({ kind: z.string(), of: z.string().optional(), similarity: z.number().optional() }),
  summary: z.object({ sentences: z.array(sentenceSchema) }).optional(),
  claims: z.array(claimSchema).optional(),
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
