/** What a UTF-8 validity scan found. */
export type Utf8Scan = {
  /** Byte offset of the first ill-formed sequence, or -1 when the bytes are well-formed UTF-8. */
  readonly firstInvalidOffset: number;
  readonly invalidSequences: number;
  /** Well-formed sequences of 2 to 4 bytes: evidence that the input really is UTF-8. */
  readonly multiByteSequences: number;
};

function inRange(value: number | undefined, low: number, high: number): boolean {
  return value !== undefined && value >= low && value <= high;
}

/**
 * Length of the well-formed UTF-8 sequence starting at `i`, or 0 when it is ill-formed.
 * Follows the table of well-formed byte sequences in The Unicode Standard, ch. 3 (Table 3-7),
 * so overlongs, surrogates and code points above U+10FFFF are rejected.
 */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  const b1 = bytes[i + 1];
  const b2 = bytes[i + 2];
  const b3 = bytes[i + 3];
  if (b0 < 0x80) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) return inRange(b1, 0x80, 0xbf) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return inRange(b1, low, high) && inRange(b2, 0x80, 0xbf) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return inRange(b1, low, high) && inRange(b2, 0x80, 0xbf) && inRange(b3, 0x80, 0xbf) ? 4 : 0;
  }
  return 0;
}

/** Scans bytes for UTF-8 well-formedness in one linear pass, counting valid and invalid sequences. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let firstInvalidOffset = -1;
  let invalidSequences = 0;
  let multiByteSequences = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      if (firstInvalidOffset < 0) firstInvalidOffset = i;
      invalidSequences += 1;
      i += 1;
      continue;
    }
    if (length > 1) multiByteSequences += 1;
    i += length;
  }
  return { firstInvalidOffset, invalidSequences, multiByteSequences };
}
