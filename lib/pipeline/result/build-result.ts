import type { Analysis, PreparedArticle, RejectedInput } from '../analyze';
import type { DedupVerdict, Limits, Result, SourceInfo } from '../types';

/** Source fields known before the bytes are read (where the input came from). */
export type SourceRef = Omit<SourceInfo, 'size' | 'sha256'>;

/** The truncations of all stages as one `limits` field, or nothing when no stage cut anything. */
function mergeLimits(...parts: readonly (Limits | undefined)[]): { limits?: Limits } {
  const truncated = parts.flatMap((p) => p?.truncated ?? []);
  return truncated.length > 0 ? { limits: { truncated } } : {};
}

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
    ...mergeLimits(prepared.limits),
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
    ...mergeLimits(prepared.limits, analysis.limits),
    timings: mergeTimings(prepared.timings, analysis.timings),
  };
}
