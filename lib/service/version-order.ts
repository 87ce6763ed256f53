/**
 * Which of two deliveries for the same object key is the newer upload. S3 stamps every PUT and
 * DELETE notification with a `sequencer`, a hex string that orders events of one key (and only of
 * one key); event delivery itself is unordered and at least once.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */

/** What a delivery (or a stored result) says about the object version it stands for. */
export type VersionMark = {
  readonly sequencer?: string;
  /** ISO 8601 upload time (the event's eventTime, or LastModified in a backfill). */
  readonly uploadedAt?: string;
};

/**
 * Compares two S3 sequencers. They may differ in length: AWS's documentation says to right-pad the
 * shorter with zeros, then compare lexicographically (case-folded, since it is hex).
 */
export function compareSequencers(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  const left = a.toUpperCase().padEnd(width, '0');
  const right = b.toUpperCase().padEnd(width, '0');
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Orders two versions of one key: by sequencer when both carry one (S3's own order), else by upload
 * time (second resolution in S3, so ties are possible). Negative when `a` is older, positive when newer,
 * 0 when they cannot be told apart: the caller then treats them as the same upload.
 */
export function compareVersions(a: VersionMark, b: VersionMark): number {
  if (a.sequencer !== undefined && b.sequencer !== undefined)
    return compareSequencers(a.sequencer, b.sequencer);
  if (a.uploadedAt !== undefined && b.uploadedAt !== undefined) {
    const diff = Date.parse(a.uploadedAt) - Date.parse(b.uploadedAt);
    if (Number.isFinite(diff)) return Math.sign(diff);
  }
  return 0;
}

/** Sequencers are right-padded to this width before they are compared as text (S3's are 16-18 hex digits). */
const SEQUENCER_WIDTH = 32;

/**
 * One string that orders the versions of a key as text, so that an index can compare them in a condition:
 * the upload time (ISO 8601 UTC, fixed width), then S3's sequencer upper-cased and right-padded with zeros
 * (zeros when there is none, e.g. a backfill). Two PUTs within one millisecond are told apart by the
 * sequencer; a version with a later upload time is newer.
 */
export function versionOrder(mark: { readonly uploadedAt: string; readonly sequencer?: string }): string {
  const sequencer = (mark.sequencer ?? '').toUpperCase().padEnd(SEQUENCER_WIDTH, '0');
  return `${mark.uploadedAt}#${sequencer}`;
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
