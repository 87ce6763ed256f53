/**
 * The interfaces the service core (lib/service) needs from the world. lib/aws implements them on S3 and
 * DynamoDB, lib/local in memory (CLI, evaluations, unit tests). Nothing here imports an SDK; the shapes that the
 * pipeline also uses (corpus entries, indexed claims) come from it.
 */
import type { CorpusEntry, FactCheckMatch, IndexedClaim, ResultStatus } from './pipeline';

export type { CorpusEntry, IndexedClaim } from './pipeline';

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

/** The input objects (S3). Infrastructure faults throw; a missing object is a value. */
export interface ObjectStore {
  /**
   * Reads an object (the given version, else the current one), streaming at most maxBytes; larger
   * objects come back as 'too-large'.
   */
  getObject(
    ref: ObjectRef,
    options: { readonly maxBytes: number; readonly versionId?: string },
  ): Promise<ObjectRead>;
}

/** One object of a listing. */
export type ListedObject = {
  readonly key: string;
  readonly size: number;
  readonly etag?: string;
  readonly lastModified?: string;
};

/** Listing a bucket in key order (S3 lists UTF-8 binary order), for backfills. */
export interface ObjectLister {
  listObjects(
    bucket: string,
    options?: { readonly prefix?: string; readonly startAfter?: string },
  ): AsyncIterable<ListedObject>;
}

/**
 * A result document as the store keeps it: a pipeline `Result`, or a stored one the service rewrote (demoted,
 * linked). Fields the store does not need pass through untouched.
 */
export type ResultDocument = {
  readonly schemaVersion: 1;
  readonly status: ResultStatus;
  readonly [field: string]: unknown;
};

/** A stored result as read back: the parsed document (not yet validated) and the store's version of it. */
export type StoredDocument = { readonly document: unknown; readonly etag: string };

/**
 * When a result write may happen: only if the stored result is still the one read (`ifMatch` its etag), only
 * if there is none (`ifAbsent`), or unconditionally (`any`, for tools that own the store, e.g. a local report).
 */
export type WriteCondition =
  | { readonly ifMatch: string }
  | { readonly ifAbsent: true }
  | { readonly any: true };

/** Results and their reports, keyed by the input they were computed from (`<key>.json`, `<key>.html`). */
export interface ResultStore {
  /** The stored result document of an input and its etag; undefined when there is none or it is not JSON. */
  read(source: ObjectRef): Promise<StoredDocument | undefined>;
  /**
   * Writes the result document if `condition` holds: 'conflict' when another writer changed it since it was
   * read (the caller re-reads and decides again), as S3 answers 412 to a conditional PUT.
   */
  write(
    source: ObjectRef,
    result: ResultDocument,
    condition: WriteCondition,
  ): Promise<'written' | 'conflict'>;
  /** Writes the human-readable report of an input (`<key>.html`). */
  writeReport(source: ObjectRef, html: string): Promise<void>;
  /** Writes the small record of a result that the corpus view reads (`<key>.corpus`). */
  writeDigest(source: ObjectRef, digest: unknown): Promise<void>;
  /** Deletes the result (if it is still the one with `etag`), the report and the digest of an input. */
  remove(source: ObjectRef, etag: string): Promise<'removed' | 'conflict'>;
  /**
   * False for a store that keeps results only (the CLI's in memory, which renders reports itself when asked
   * with --html): the service then renders no report or digest for it, about 8% of the CLI's time per file.
   */
  readonly keepsReports?: boolean;
}

/** Where a reader finds a stored result: inline, or behind a short-lived link when it is large. */
export type ResultLocation =
  | { readonly kind: 'inline'; readonly text: string }
  | { readonly kind: 'link'; readonly url: string };

/** Reading results for the API: one result's raw JSON text, and the corpus view's small per-result records. */
export interface ResultReader {
  /**
   * The stored result of an input key: its JSON text when it is at most `maxInlineBytes`, else a link (a
   * presigned GET URL, valid a few minutes) to read it from the store directly; undefined when there is none.
   */
  readResult(inputKey: string, maxInlineBytes: number): Promise<ResultLocation | undefined>;
  /** Result keys (`<input key>.json`) in key order, at most `limit`, and whether there are more. */
  listResults(limit: number): Promise<{ readonly keys: readonly string[]; readonly more: boolean }>;
  /** The corpus digests of the first `limit` input keys in key order (parsed JSON), and whether there are more. */
  listDigests(limit: number): Promise<{
    readonly digests: readonly { readonly inputKey: string; readonly digest: unknown }[];
    readonly more: boolean;
  }>;
}

/** What a presigned upload allows: one key, one exact size, one content type, for a short time. */
export type UploadGrant = {
  readonly contentLength: number;
  readonly contentType: string;
  readonly expiresInSeconds: number;
};

/** Presigned uploads into the input bucket (`POST /uploads`). */
export interface UploadSigner {
  /** A presigned PUT URL for `ref`; the caller must send the signed headers as given. */
  presignPut(ref: ObjectRef, grant: UploadGrant): Promise<string>;
}

/** An object a backfill asks the service to process, as an upload notification would name it. */
export type QueuedObject = {
  readonly bucket: string;
  readonly key: string;
  /** The upload time to use (the object's LastModified). */
  readonly eventTime: string;
  readonly size: number;
  readonly etag?: string;
};

/** The article queue (SQS): the same path S3's notifications take to processArticle. */
export interface ArticleQueue {
  /** Sends one ObjectCreated notification per object; resolves once the queue has accepted them all. */
  sendObjectCreated(objects: readonly QueuedObject[]): Promise<void>;
}

/** One version of an input in the corpus: its entry, and the content it stands for (the ETag). */
export type VersionEntry = CorpusEntry & { readonly etag: string };

/**
 * A corpus entry found through the LSH index, with its MinHash signature and figures fingerprint (absent on
 * items written before fingerprints were stored).
 */
export type SimilarEntry = VersionEntry & { readonly signature: Uint32Array; readonly figures?: Uint32Array };

/** Where an input version stands in its processing. */
export type RegistrationState = 'pending' | 'done' | 'deleted';

/**
 * The index's record of the current version of one input key: which version, where it stands, and what it
 * put into the index (so that a newer version or a delete can take exactly that out again).
 */
export type Registration = VersionEntry & {
  /** Orders versions of one key: `<uploadedAt>#<S3 sequencer, upper-case, right-padded>` (versionOrder below). */
  readonly order: string;
  readonly versionId?: string;
  readonly sequencer?: string;
  readonly state: RegistrationState;
  /** Set once the body is known: the exact-duplicate key, the MinHash signature and the figures fingerprint. */
  readonly bodyHash?: string;
  readonly signature?: Uint32Array;
  readonly figures?: Uint32Array;
  /** Whether the article wrote LSH band items (canonical and near-duplicate articles do, exact copies not). */
  readonly banded?: boolean;
  /** The claims-index keys of each claim it put, by claim position. */
  readonly claimKeys?: readonly (readonly string[])[];
};

/** What a registration attempt found. */
export type RegisterOutcome =
  /** This version is now the key's current one; `previous` is what it replaced (another version, or a delete). */
  | { readonly kind: 'registered'; readonly previous?: Registration }
  /** A newer version (or a later delete) of the key is registered already: this one changes nothing. */
  | { readonly kind: 'superseded'; readonly current: Registration };

/** Fields of a registration that processing fills in as it goes. */
export type RegistrationUpdate = Partial<
  Pick<Registration, 'state' | 'bodyHash' | 'signature' | 'figures' | 'banded' | 'claimKeys'>
>;

/**
 * The dedup index shared by all concurrent invocations (DynamoDB in AWS): per-key registrations, the members of
 * each exact body, and LSH band items. Every entry names the version (ETag) it was written for, so that a newer
 * version or a delete releases exactly its own entries.
 */
export interface DedupIndex {
  /**
   * Makes `registration` the key's current version unless a newer one (by `order`) is registered; atomic, so
   * concurrent deliveries of one key agree on the newest.
   */
  register(registration: Registration): Promise<RegisterOutcome>;
  /** Updates the registration if it still names `version`; false when another version replaced it. */
  update(version: VersionEntry, fields: RegistrationUpdate): Promise<boolean>;
  /** The current registrations of the given ids (strongly consistent; absent ids are left out). */
  registrations(ids: readonly string[]): Promise<ReadonlyMap<string, Registration>>;
  /** Records `entry` as a holder of the exact body `hash`. */
  addMember(hash: string, entry: VersionEntry): Promise<void>;
  /** The entries holding `hash`, earliest first in the corpus order (strongly consistent; capped by the adapter). */
  members(hash: string): Promise<VersionEntry[]>;
  removeMember(hash: string, entry: VersionEntry): Promise<void>;
  /** Records `entry` under each of its LSH band keys, with its MinHash signature and figures fingerprint. */
  putBands(
    entry: VersionEntry,
    bands: readonly string[],
    signature: Uint32Array,
    figures?: Uint32Array,
  ): Promise<void>;
  /**
   * The entries recorded under any of `bands` (strongly consistent, each id once). Write your own bands first:
   * of two articles written at the same moment, at least one then sees the other.
   */
  queryBands(bands: readonly string[]): Promise<SimilarEntry[]>;
  /** Removes the band items of `entry` that still name its version. */
  removeBands(entry: VersionEntry, bands: readonly string[]): Promise<void>;
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

/** A claim found in the claims index, with the version of the article it belongs to. */
export type FoundClaim = IndexedClaim & { readonly etag: string };

/** The claims index shared by all concurrent invocations (DynamoDB in AWS). */
export interface ClaimIndex {
  /** Records an article version's claims under each of their index keys. Idempotent: a re-run overwrites. */
  putClaims(article: VersionEntry, claims: readonly IndexedClaim[]): Promise<void>;
  /**
   * Claims of other articles that share an index key with any of `claims` (strongly consistent, each claim
   * once). Reads per key are capped by the adapter, so a very common key yields a bounded sample. Write your own
   * claims first: of two articles indexed at the same moment, at least one sees the other.
   */
  findRelated(claims: readonly IndexedClaim[]): Promise<FoundClaim[]>;
  /** Removes the claim items of an article version (`keys[i]`: the index keys of its claim i) that still name it. */
  removeClaims(article: VersionEntry, keys: readonly (readonly string[])[]): Promise<void>;
}

/** An ETag without the quotes S3 puts around it (events, GetObject and listings differ), undefined when empty. */
export function normalizeEtag(etag: string | undefined): string | undefined {
  return etag?.replace(/^"|"$/g, '') || undefined;
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

/**
 * The corpus order: by upload time, then id. The canonical copy of a body is the earliest entry in this order,
 * whatever order the events are processed in (docs/dedup.md). Times are ISO 8601 UTC strings of one width, so
 * they compare as text.
 */
export function isEarlier(a: CorpusEntry, b: CorpusEntry): boolean {
  if (a.uploadedAt !== b.uploadedAt) return a.uploadedAt < b.uploadedAt;
  return a.id < b.id;
}

/**
 * Whether two entries stand for the same version of a key: the same bytes (ETag) uploaded at the same time.
 * Uploading identical bytes again is a new version: it moves the article's place in the corpus order.
 */
export function isSameVersion(
  a: { readonly etag: string; readonly uploadedAt: string },
  b: { readonly etag: string; readonly uploadedAt: string },
): boolean {
  return a.etag === b.etag && a.uploadedAt === b.uploadedAt;
}

/** S3 sequencers are right-padded to this width before they are compared as text (S3's are 16-18 hex digits). */
const SEQUENCER_WIDTH = 32;

/**
 * One string that orders the versions of a key as text, so that an index can compare them in a condition:
 * the upload time (ISO 8601 UTC, fixed width), then S3's sequencer upper-cased and right-padded with zeros
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html: compare
 * sequencers of one key as strings after padding the shorter; zeros when there is none, e.g. a backfill). Two
 * PUTs within one millisecond are told apart by the sequencer; a version with a later upload time is newer.
 */
export function versionOrder(mark: { readonly uploadedAt: string; readonly sequencer?: string }): string {
  const sequencer = (mark.sequencer ?? '').toUpperCase().padEnd(SEQUENCER_WIDTH, '0');
  return `${mark.uploadedAt}#${sequencer}`;
}
