import type { Decoded, Rejection } from '../types';
import { detectBinarySignature } from './binary-signature';
import { type Charset, charsetFromContentType, charsetFromMeta, resolveCharset } from './charset';
import { scanUtf8 } from './utf8-scan';
import { decodeWindows1252 } from './windows-1252';

export type DecodeOptions = { readonly maxBytes: number; readonly contentType?: string };

/** How many leading bytes the control-character and UTF-16 heuristics look at; enough to be representative. */
const SAMPLE_BYTES = 64 * 1024;

/** Text has almost no C0 controls besides whitespace; random binary has about 10%. 5% separates them. */
const MAX_CONTROL_SHARE = 0.05;

/**
 * BOM-less UTF-16 of mostly Latin text has a zero in nearly every other byte. We call it UTF-16 when
 * at least 40% of the pairs have a zero on one side and under 5% on the other.
 */
const UTF16_ZERO_SHARE = 0.4;
const UTF16_OTHER_ZERO_SHARE = 0.05;

/**
 * Real pages are sometimes UTF-8 with a few broken bytes (a truncated string pasted in a template).
 * When valid multi-byte sequences outnumber the invalid ones at least 10 to 1 the text is decoded as
 * UTF-8 with U+FFFD in place of the broken bytes and reported as 'utf-8-lossy'.
 */
const LOSSY_MIN_VALID_PER_INVALID = 10;

/** Bytes that windows-1252 leaves undefined: their presence means the text is not windows-1252. */
const CP1252_UNDEFINED: ReadonlySet<number> = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Western text in windows-1252 has few non-ASCII bytes; Cyrillic, Greek or CJK bytes misread as
 * windows-1252 are mostly non-ASCII. Above 30% (once there are more than 16 of them) we give up.
 */
const CP1252_MAX_HIGH_SHARE = 0.3;
const CP1252_MIN_HIGH_FOR_SHARE = 16;

function reject(code: Rejection['code'], message: string): Rejection {
  return { kind: 'rejected', code, message };
}

function formatBytes(n: number): string {
  return `${n.toLocaleString('en-US')} byte${n === 1 ? '' : 's'}`;
}

function isAllowedControl(byte: number): boolean {
  // Tab, LF, VT, FF, CR, and ESC (used by ISO-2022 encodings and terminal colour codes).
  return byte === 0x09 || byte === 0x0a || byte === 0x0b || byte === 0x0c || byte === 0x0d || byte === 0x1b;
}

function checkControlBytes(bytes: Uint8Array): Rejection | undefined {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return reject('BINARY', `The input looks binary: it contains a NUL byte at offset ${nul}.`);
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let controls = 0;
  for (const byte of sample) if (byte < 0x20 && !isAllowedControl(byte)) controls += 1;
  const share = controls / sample.length;
  if (share > MAX_CONTROL_SHARE) {
    const percent = (share * 100).toFixed(1);
    return reject(
      'BINARY',
      `The input looks binary: ${percent}% of the first ${formatBytes(sample.length)} are control characters.`,
    );
  }
  return undefined;
}

/** Guesses BOM-less UTF-16 from the pattern of zero bytes in the sample. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  if (oddZeros / pairs >= UTF16_ZERO_SHARE && evenZeros / pairs < UTF16_OTHER_ZERO_SHARE) return 'utf-16le';
  if (evenZeros / pairs >= UTF16_ZERO_SHARE && oddZeros / pairs < UTF16_OTHER_ZERO_SHARE) return 'utf-16be';
  return undefined;
}

function decodeUtf16(
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
  bom: boolean,
): Decoded | Rejection {
  if (bytes.length % 2 !== 0)
    return reject(
      'UNDECODABLE',
      `The input looks like ${encoding.toUpperCase()}${bom ? ' (it starts with a byte-order mark)' : ''} but has an odd length of ${formatBytes(bytes.length)}; UTF-16 needs an even number of bytes.`,
    );
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    return { kind: 'decoded', text, encoding };
  } catch {
    return reject(
      'UNDECODABLE',
      `The input looks like ${encoding.toUpperCase()} but contains an unpaired surrogate and cannot be decoded.`,
    );
  }
}

function isPlausibleCp1252(bytes: Uint8Array): { ok: true } | { ok: false; why: string } {
  let high = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) continue;
    if (CP1252_UNDEFINED.has(byte))
      return {
        ok: false,
        why: `byte 0x${byte.toString(16).toUpperCase()} at offset ${i} is undefined in windows-1252`,
      };
    high += 1;
  }
  const share = high / bytes.length;
  if (high > CP1252_MIN_HIGH_FOR_SHARE && share > CP1252_MAX_HIGH_SHARE)
    return {
      ok: false,
      why: `${(share * 100).toFixed(0)}% of its bytes are non-ASCII, which is not plausible windows-1252 text`,
    };
  return { ok: true };
}

function decodeWith(bytes: Uint8Array, charset: Charset): Decoded | Rejection {
  // Latin-1 labels decode as windows-1252 (WHATWG); Node's own decoder gets bytes 0x80–0x9F wrong.
  if (charset.decoder === 'windows-1252')
    return { kind: 'decoded', text: decodeWindows1252(bytes), encoding: charset.name };
  try {
    const text = new TextDecoder(charset.label, { fatal: true }).decode(bytes);
    return { kind: 'decoded', text, encoding: charset.name };
  } catch {
    return reject(
      'UNDECODABLE',
      `The input declares charset "${charset.label}" but its bytes are not valid ${charset.name}.`,
    );
  }
}

/** Decodes bytes without a BOM: the declared charset when it fits, else UTF-8, else windows-1252. */
function decodeWithoutBom(bytes: Uint8Array, declared: Charset | undefined): Decoded | Rejection {
  const scan = scanUtf8(bytes);
  const validUtf8 = scan.firstInvalidOffset < 0;
  if (declared !== undefined && declared.name !== 'utf-8') {
    // A page labelled Latin-1 whose bytes are well-formed multi-byte UTF-8 is mislabelled UTF-8:
    // real Latin-1 text almost never forms valid UTF-8 sequences by accident.
    const mislabelled = validUtf8 && scan.multiByteSequences > 0;
    if (!mislabelled) return decodeWith(bytes, declared);
  }
  if (validUtf8) return { kind: 'decoded', text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  const where = `invalid UTF-8 at byte offset ${scan.firstInvalidOffset} (${scan.invalidSequences} invalid sequence${scan.invalidSequences === 1 ? '' : 's'})`;
  if (scan.multiByteSequences >= scan.invalidSequences * LOSSY_MIN_VALID_PER_INVALID)
    return { kind: 'decoded', text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8-lossy' };
  if (scan.multiByteSequences > 0)
    return reject(
      'UNDECODABLE',
      `The input has ${where}, mixed with ${scan.multiByteSequences} valid UTF-8 multi-byte sequences, so it is neither UTF-8 nor windows-1252.`,
    );
  const plausible = isPlausibleCp1252(bytes);
  if (!plausible.ok)
    return reject(
      'UNDECODABLE',
      `The input has ${where}, and it is not windows-1252 either: ${plausible.why}.`,
    );
  return { kind: 'decoded', text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function decodeNonEmpty(bytes: Uint8Array, contentType: string | undefined): Decoded | Rejection {
  const signature = detectBinarySignature(bytes);
  if (signature !== undefined)
    return reject('BINARY', `The input is a ${signature}, not text (recognised by its leading bytes).`);

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const body = bytes.subarray(3);
    const scan = scanUtf8(body);
    if (scan.firstInvalidOffset >= 0)
      return reject(
        'UNDECODABLE',
        `The input starts with a UTF-8 byte-order mark but has invalid UTF-8 at byte offset ${scan.firstInvalidOffset + 3}.`,
      );
    return { kind: 'decoded', text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'utf-16le', true);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be', true);

  const declaredLabel = charsetFromContentType(contentType);
  const declaredByHeader = declaredLabel === undefined ? undefined : resolveCharset(declaredLabel);
  if (declaredByHeader?.name === 'utf-16le' || declaredByHeader?.name === 'utf-16be')
    return decodeUtf16(bytes, declaredByHeader.name, false);

  const utf16 = sniffUtf16(bytes);
  if (utf16 !== undefined) return decodeUtf16(bytes, utf16, false);

  const control = checkControlBytes(bytes);
  if (control !== undefined) return control;

  const metaLabel = declaredByHeader === undefined ? charsetFromMeta(bytes) : undefined;
  const declaredByMeta = metaLabel === undefined ? undefined : resolveCharset(metaLabel);
  // The HTML standard treats a meta-declared UTF-16 as UTF-8: a document that can be read as ASCII is not UTF-16.
  const declared = declaredByMeta?.name.startsWith('utf-16')
    ? undefined
    : (declaredByHeader ?? declaredByMeta);
  return decodeWithoutBom(bytes, declared);
}

/** Zero-width and BOM characters count as whitespace when deciding that a text is empty. */
const BLANK_TEXT = /^(?:\s|\u200b|\u200c|\u200d|\u2060|\ufeff)*$/u;

/**
 * Decodes raw upload bytes into text, or rejects them as a value: EMPTY (0 bytes, or only
 * whitespace once decoded), TOO_LARGE (over `maxBytes`), BINARY (known magic numbers, NUL bytes,
 * many control characters) or UNDECODABLE (neither UTF-8 nor plausible windows-1252, broken UTF-16).
 * UTF-8 with a few broken bytes among many valid multi-byte sequences decodes as 'utf-8-lossy'.
 * Encoding: BOM first (UTF-8, UTF-16 LE/BE), then the content type's charset, then a `<meta>`
 * charset in the first 2 KB, then UTF-8, then windows-1252.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): Decoded | Rejection {
  if (bytes.length === 0) return reject('EMPTY', 'The input is empty (0 bytes).');
  if (bytes.length > options.maxBytes)
    return reject(
      'TOO_LARGE',
      `The input is ${formatBytes(bytes.length)}; the limit is ${formatBytes(options.maxBytes)}.`,
    );
  const decoded = decodeNonEmpty(bytes, options.contentType);
  if (decoded.kind === 'decoded' && BLANK_TEXT.test(decoded.text))
    return reject(
      'EMPTY',
      `The input contains only whitespace (${formatBytes(bytes.length)}, ${decoded.encoding}).`,
    );
  return decoded;
}
