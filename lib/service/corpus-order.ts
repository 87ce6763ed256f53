import type { CorpusEntry } from '../ports';

/**
 * The corpus order: by upload time, then id. The canonical copy of a body is the earliest
 * entry in this order, whatever order the events are processed in (DESIGN.md, "Dedup that is
 * deterministic under concurrency"). Times are ISO 8601 UTC strings, so they compare as text.
 */
export function isEarlier(a: CorpusEntry, b: CorpusEntry): boolean {
  if (a.uploadedAt !== b.uploadedAt) return a.uploadedAt < b.uploadedAt;
  return a.id < b.id;
}
