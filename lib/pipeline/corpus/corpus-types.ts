/**
 * The shapes in which articles and their claims meet the corpus: an article's place in the upload order and a
 * claim as the claims index keeps it. Ports (lib/ports.ts) and the pipeline's corpus stage share them.
 */

/** An article's place in the corpus: its id (bucket/key or path) and upload time (ISO 8601). */
export type CorpusEntry = { readonly id: string; readonly uploadedAt: string };

/** A number of a claim as the claims index keys it: value, unit and the words it measures. */
export type IndexedQuantity = {
  readonly value: number;
  /** 'percent', 'count', or 'currency:<ISO 4217>' so that amounts in different currencies never compare. */
  readonly unit: string;
  /** The mention as written ("$1.2bn"). */
  readonly text: string;
  /** Normalised content words around the number ("job", "cut"): what the number is a number of. */
  readonly relation: readonly string[];
};

/** A resolved date of a claim as the claims index keys it. */
export type IndexedDate = {
  /** ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly value: string;
  readonly text: string;
  readonly relation: readonly string[];
};

/** A claim as the claims index stores it: enough to find, relate and show it without reading its article. */
export type IndexedClaim = {
  readonly articleId: string;
  readonly uploadedAt: string;
  /** Position of the claim in its article's `claims`. */
  readonly claimIndex: number;
  readonly text: string;
  /** Normalised entity keys ("bank-of-england", "patel"). */
  readonly entities: readonly string[];
  readonly quantities: readonly IndexedQuantity[];
  readonly dates: readonly IndexedDate[];
};
