import * as z from '../zod';
import type { Analysis, PreparedArticle, RejectedInput } from './analyze';
import type { Claim, DedupVerdict, Result, SourceInfo } from './types';

/** Source fields known before the bytes are read (where the input came from). */
export type SourceRef = Omit<SourceInfo, 'size' | 'sha256'>;

/** Merges stage timings, rounding the total. */
function mergeTimings(...parts: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const part of parts) Object.assign(merged, part);
  merged.total = Math.round(Object.values(merged).reduce((sum, ms) => sum + ms, 0) * 100) / 100;
  return merged;
}

/** The result for input that could not be analysed. */
export function buildRejectedResult(
  source: SourceRef,
  rejected: Omit<RejectedInput, 'sha256'> & { readonly sha256?: string },
): Result {
  return {
    schemaVersion: 1,
    source: { ...source, size: rejected.size, ...(rejected.sha256 ? { sha256: rejected.sha256 } : {}) },
    status: 'rejected',
    error: rejected.error,
    dedup: { kind: 'unique' },
    timings: mergeTimings(rejected.timings),
  };
}

/** The result for a duplicate: the clean article and the canonical it copies; not analysed again. */
export function buildDuplicateResult(
  source: SourceRef,
  prepared: PreparedArticle,
  dedup: DedupVerdict,
): Result {
  return {
    schemaVersion: 1,
    source: { ...source, size: prepared.size, sha256: prepared.sha256 },
    status: 'duplicate',
    article: prepared.article,
    dedup,
    timings: mergeTimings(prepared.timings),
  };
}

/** The result for a canonical (or not indexed) article: summary and claims included. */
export function buildProcessedResult(
  source: SourceRef,
  prepared: PreparedArticle,
  analysis: Analysis,
  dedup: DedupVerdict,
): Result {
  return {
    schemaVersion: 1,
    source: { ...source, size: prepared.size, sha256: prepared.sha256 },
    status: 'processed',
    article: prepared.article,
    dedup,
    summary: analysis.summary,
    claims: analysis.claims,
    timings: mergeTimings(prepared.timings, analysis.timings),
  };
}

/**
 * Rewrites a stored result as a duplicate of `of`: what happens to a copy that declared itself
 * canonical before an earlier upload of the same body was indexed.
 */
export function demoteResult(stored: StoredResult, dedup: DedupVerdict): StoredResult {
  const { summary: _summary, claims: _claims, ...rest } = stored;
  return { ...rest, status: 'duplicate', dedup };
}

/**
 * The envelope of a stored result, validated when read back from storage. Only the fields
 * factsum relies on are checked; the rest passes through untouched.
 */
export const storedResultSchema = z.looseObject({
  schemaVersion: z.literal(1),
  status: z.enum(['processed', 'duplicate', 'rejected']),
  source: z.looseObject({
    bucket: z.optional(z.string()),
    key: z.optional(z.string()),
    path: z.optional(z.string()),
    etag: z.optional(z.string()),
    versionId: z.optional(z.string()),
    size: z.number(),
    sha256: z.optional(z.string()),
  }),
  dedup: z.looseObject({ kind: z.enum(['unique', 'exact', 'near']), of: z.optional(z.string()) }),
  summary: z.optional(z.unknown()),
  claims: z.optional(z.unknown()),
});

export type StoredResult = z.infer<typeof storedResultSchema>;

/** Validates a parsed result document; undefined when it is not a factsum result. */
export function parseStoredResult(value: unknown): StoredResult | undefined {
  const parsed = storedResultSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The claim fields the claims index is keyed on, validated when a stored result is read back. */
const storedClaimSchema = z.looseObject({
  text: z.string(),
  start: z.number(),
  end: z.number(),
  score: z.number(),
  checkworthy: z.boolean(),
  types: z.array(z.enum(['numeric', 'temporal', 'quote', 'attribution', 'comparison', 'causal', 'event'])),
  entities: z.array(
    z.object({ text: z.string(), kind: z.enum(['person', 'organisation', 'place', 'other']) }),
  ),
  numbers: z.array(
    z.object({
      text: z.string(),
      value: z.number(),
      unit: z.enum(['percent', 'currency', 'count']),
      currency: z.optional(z.string()),
    }),
  ),
  dates: z.array(z.object({ text: z.string(), value: z.optional(z.string()) })),
  hedged: z.boolean(),
});

/** The claims of a stored result, for removing them from the claims index; [] when there are none or they do not parse. */
export function parseStoredClaims(value: unknown): Claim[] {
  const parsed = z.array(storedClaimSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}
