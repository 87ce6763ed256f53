/**
 * The shapes in which articles and their claims meet the corpus: an article's place in the upload order and a
 * claim as the claims index keeps it. Ports (lib/ports.ts) and the pipeline's corpus stage share them.
 */
import type { ClaimFrame } from '../types';

/** An article's place in the corpus: its id (bucket/key or path) and upload time (ISO 8601). */
export type CorpusEntry = { readonly id: string; readonly uploadedAt: string };

/** A claim as the claims index stores it: enough to find, relate and show it without reading its article. */
export type IndexedClaim = {
  readonly articleId: string;
  readonly uploadedAt: string;
  /** Position of the claim in its article's `claims`. */
  readonly claimIndex: number;
  readonly text: string;
  /** Normalised subject keys of its frames ("port-of-calloway", "ruiz", "port-district"). */
  readonly entities: readonly string[];
  /** What each of its values states: subject, measure, value, time (lib/pipeline/claims/frames). */
  readonly frames: readonly ClaimFrame[];
};
