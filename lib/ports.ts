/**
 * The interfaces the core needs from the world. lib/aws implements them against S3 and
 * DynamoDB; tests and the CLI may implement them locally. Nothing here imports an SDK.
 */

import type { CorpusEntry, IndexedClaim } from './pipeline/corpus/corpus-types';
import type { FactCheckMatch } from './pipeline/factcheck';

export type { CorpusEntry, IndexedClaim, IndexedDate, IndexedQuantity } from './pipeline/corpus/corpus-types';

/** Where an object lives. */
export type ObjectRef = { readonly bucket: string; readonly key: string };

/** An object read whole, below the size limit. */
export type StoredObject = {
  readonly kind: 'object';
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly etag?: string;
  readonly versionId?: string;
  readonly contentType?: string;
  readonly lastModified?: string;
  readonly metadata: Readonly<Record<string, string>>;
};

export type ObjectRead =
  | StoredObject
  | {
      readonly kind: 'too-large';
      readonly size: number;
      readonly etag?: string;
      readonly contentType?: string;
    }
  | { readonly kind: 'missing' };

/** Object storage (S3). Infrastructure faults throw; a missing object is a value. */
export interface ObjectStore {
  /**
   * Reads an object (the given version, else the current one), streaming at most maxBytes; larger
   * objects come back as 'too-large'.
   */
  getObject(
    ref: ObjectRef,
    options: { readonly maxBytes: number; readonly versionId?: string },
  ): Promise<ObjectRead>;
  /** Writes a UTF-8 text object. */
  putText(ref: ObjectRef, body: string, contentType: string): Promise<void>;
}

/** The outcome of claiming a content hash in the dedup index. */
export type ExactClaim = {
  /** The entry that holds the hash after the write: the canonical copy. */
  readonly holder: CorpusEntry;
  /** An entry that held the hash before and was replaced because `entry` is earlier. */
  readonly displaced?: CorpusEntry;
};

/** The dedup index shared by all concurrent invocations (DynamoDB in AWS). */
export interface DedupIndex {
  /**
   * Makes `entry` the holder of `hash` unless an entry that orders before it, by
   * (uploadedAt, id), holds it already. Atomic: concurrent calls converge on the earliest entry.
   */
  claimExact(hash: string, entry: CorpusEntry): Promise<ExactClaim>;
  /** Reads the current holder of `hash` with a strongly consistent read. */
  lookupExact(hash: string): Promise<CorpusEntry | undefined>;
  /** Records `entry` under each of its LSH band keys, with its MinHash signature. */
  putBands(entry: CorpusEntry, bands: readonly string[], signature: Uint32Array): Promise<void>;
  /**
   * The entries recorded under any of `bands` (strongly consistent, each entry once, in no
   * particular order). Write your own bands first: of two articles written at the same moment,
   * at least one then sees the other.
   */
  queryBands(bands: readonly string[]): Promise<SimilarEntry[]>;
}

/** A corpus entry found through the LSH index, with its MinHash signature. */
export type SimilarEntry = CorpusEntry & { readonly signature: Uint32Array };

/** The claims index shared by all concurrent invocations (DynamoDB in AWS), keyed by normalised entity. */
export interface ClaimIndex {
  /** Records an article's claims under each of their entity keys. Idempotent: a re-run overwrites. */
  putClaims(article: CorpusEntry, claims: readonly IndexedClaim[]): Promise<void>;
  /**
   * Claims of other articles that share an entity key with any of `claims` (strongly consistent, each claim
   * once). Reads per entity are capped by the adapter, so a very common entity yields a bounded sample.
   * Write your own claims first: of two articles indexed at the same moment, at least one sees the other.
   */
  findRelated(claims: readonly IndexedClaim[]): Promise<IndexedClaim[]>;
  /** Removes an article's claims (e.g. when it is demoted to a duplicate), given the claims it put. */
  removeClaims(article: CorpusEntry, claims: readonly IndexedClaim[]): Promise<void>;
}

/** What a fact-check match needs to know of the claims' article. */
export type FactCheckMatchOptions = {
  /** The article's publication (or upload) date, ISO 8601: compared with the fact-checks' dates. */
  readonly date?: string;
};

/**
 * The library of published fact-checks the deployment owns (an index in S3, or in memory). Infrastructure
 * faults throw; an empty or absent library matches nothing.
 */
export interface FactCheckLibrary {
  /** The fact-checks that match each claim, above the calibrated threshold, best first; one list per claim. */
  match(
    claims: readonly { readonly text: string }[],
    options?: FactCheckMatchOptions,
  ): Promise<FactCheckMatch[][]>;
  /** The version (content hash) of the library in use; undefined when there is none. */
  version(): Promise<string | undefined>;
}

/** Where results are kept, keyed by the input they were computed from. */
export interface ResultStore {
  /** The stored result document for an input, parsed from JSON; undefined when there is none. */
  read(source: ObjectRef): Promise<unknown | undefined>;
  write(source: ObjectRef, result: unknown): Promise<void>;
}

/** The corpus id of an S3 object: `bucket/key` (bucket names never contain a slash). */
export function toCorpusId(ref: ObjectRef): string {
  return `${ref.bucket}/${ref.key}`;
}

/** The object behind a corpus id made by toCorpusId; undefined for ids of other shapes (CLI paths). */
export function fromCorpusId(id: string): ObjectRef | undefined {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return undefined;
  return { bucket: id.slice(0, slash), key: id.slice(slash + 1) };
}

/**
 * The sort key of a claim record in the claims index: `<article id>#<claim index>`, the index zero-padded
 * so that an article's claims sort in document order.
 */
export function claimSortKey(claim: Pick<IndexedClaim, 'articleId' | 'claimIndex'>): string {
  return `${claim.articleId}#${String(claim.claimIndex).padStart(4, '0')}`;
}
