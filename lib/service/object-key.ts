/**
 * S3's limit on an object key: 1,024 bytes of UTF-8
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html).
 */
export const S3_MAX_KEY_BYTES = 1024;

/**
 * The longest suffix factsum appends to an input key in the results bucket (`.html`; `.json` is as
 * long): an input key longer than 1,024 − 5 bytes could be stored but its result could not.
 */
const RESULT_SUFFIX_BYTES = '.html'.length;

/** The longest input key whose `<key>.json` and `<key>.html` still fit S3's key limit. */
export const MAX_INPUT_KEY_BYTES = S3_MAX_KEY_BYTES - RESULT_SUFFIX_BYTES;

/** Unicode category Cc (C0 and C1 controls and DEL): invisible in logs and consoles, and hostile in paths. */
const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * A lone UTF-16 surrogate: not a character, cannot be encoded as UTF-8 (S3 keys are UTF-8) or as a URL
 * (`encodeURIComponent` throws), so such a key could neither be stored as given nor linked.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Unicode's bidirectional formatting characters: the embeddings and overrides U+202A–U+202E, the isolates
 * U+2066–U+2069, and the implicit marks U+200E, U+200F and U+061C (https://www.unicode.org/reports/tr9/,
 * section 2). Invisible, they reorder what a reader sees, so a key could show one name in a report,
 * a log or a console and be another ("Trojan Source", CVE-2021-42574). Other invisible format
 * characters (zero-width joiners, U+200B) stay allowed: some scripts and emoji need them.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * A `.` or `..` path segment: harmless to S3, but results and reports are also served and linked by
 * path, and URL resolution (browsers, `new URL`) removes or resolves such segments, so a link would
 * name another key.
 */
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

export type KeyCheck =
  | { readonly kind: 'valid' }
  | {
      readonly kind: 'invalid';
      readonly code:
        | 'EMPTY_KEY'
        | 'KEY_TOO_LONG'
        | 'MALFORMED_UNICODE'
        | 'CONTROL_CHARACTER'
        | 'BIDI_CONTROL'
        | 'DOT_SEGMENT'
        | 'EMPTY_SEGMENT'
        | 'NOT_NFC';
      readonly message: string;
    };

/**
 * A leading `/`, a trailing `/` or `//`: an empty segment. S3 keeps `a//b` and `a/b` as two keys, but
 * paths (API routes, links, proxies) often collapse them into one, so two results would answer to one
 * name; a trailing `/` is a console "folder" marker, not an article.
 */
function hasEmptySegment(key: string): boolean {
  return key.startsWith('/') || key.endsWith('/') || key.includes('//');
}

/**
 * Checks an object key (already URL-decoded) before factsum reads it or derives a result key from it: not
 * empty, at most MAX_INPUT_KEY_BYTES of UTF-8, well-formed Unicode without control or bidi characters,
 * no `.`, `..` or empty path segment, and in Unicode Normalization Form C.
 *
 * Keys not in NFC are rejected, not normalised. S3 compares keys byte by byte, so `é` as one code point
 * (NFC) and as `e` + U+0301 (NFD) are two objects that a person sees as one name. Normalising would give
 * both the one result key of their NFC form while each object keeps its own versions, sequencer and
 * deletes: the service orders versions per S3 key, so it could not tell which twin is newer, and deleting
 * one twin would delete the other's result. Rejecting keeps one key, one result; the object is never
 * read under a key other than its own. (POST /uploads builds NFC keys, so its uploads are never refused.)
 */
export function checkObjectKey(key: string): KeyCheck {
  if (key.length === 0) return invalid('EMPTY_KEY', 'The key is empty');
  // First, so that every later check runs on at most ~1 KB.
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_INPUT_KEY_BYTES) {
    return invalid('KEY_TOO_LONG', `The key is ${bytes} bytes of UTF-8; the limit is ${MAX_INPUT_KEY_BYTES}`);
  }
  if (LONE_SURROGATE.test(key)) return invalid('MALFORMED_UNICODE', 'The key contains a lone surrogate');
  if (CONTROL_CHARACTERS.test(key))
    return invalid('CONTROL_CHARACTER', 'The key contains a control character');
  if (BIDI_CONTROLS.test(key)) {
    return invalid('BIDI_CONTROL', 'The key contains a bidirectional formatting character');
  }
  if (DOT_SEGMENT.test(key)) return invalid('DOT_SEGMENT', 'The key contains a "." or ".." path segment');
  if (hasEmptySegment(key)) {
    return invalid(
      'EMPTY_SEGMENT',
      'The key contains an empty path segment (a leading or trailing "/" or "//")',
    );
  }
  if (key.normalize('NFC') !== key) {
    return invalid('NOT_NFC', 'The key is not in Unicode Normalization Form C; upload it under its NFC form');
  }
  return { kind: 'valid' };
}

function invalid(code: Extract<KeyCheck, { kind: 'invalid' }>['code'], message: string): KeyCheck {
  return { kind: 'invalid', code, message };
}
