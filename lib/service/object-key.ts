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

/** A `..` path segment: harmless to S3, but results and reports are also served and linked by path. */
const DOT_DOT_SEGMENT = /(^|\/)\.\.(\/|$)/;

export type KeyCheck =
  | { readonly kind: 'valid' }
  | {
      readonly kind: 'invalid';
      readonly code: 'EMPTY_KEY' | 'KEY_TOO_LONG' | 'CONTROL_CHARACTER' | 'DOT_SEGMENT';
      readonly message: string;
    };

/**
 * Checks an object key (already URL-decoded) before factsum reads it or derives a result key from it:
 * not empty, at most MAX_INPUT_KEY_BYTES of UTF-8, no control characters, no `..` segment.
 */
export function checkObjectKey(key: string): KeyCheck {
  if (key.length === 0) return { kind: 'invalid', code: 'EMPTY_KEY', message: 'The key is empty' };
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_INPUT_KEY_BYTES) {
    return {
      kind: 'invalid',
      code: 'KEY_TOO_LONG',
      message: `The key is ${bytes} bytes of UTF-8; the limit is ${MAX_INPUT_KEY_BYTES}`,
    };
  }
  if (CONTROL_CHARACTERS.test(key)) {
    return { kind: 'invalid', code: 'CONTROL_CHARACTER', message: 'The key contains a control character' };
  }
  if (DOT_DOT_SEGMENT.test(key)) {
    return { kind: 'invalid', code: 'DOT_SEGMENT', message: 'The key contains a ".." path segment' };
  }
  return { kind: 'valid' };
}
