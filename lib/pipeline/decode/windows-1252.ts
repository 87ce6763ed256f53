/**
 * A windows-1252 decoder. Node 20's TextDecoder('windows-1252') (and every Latin-1 label) takes a
 * fast path that decodes bytes 0x80–0x9F as C1 control characters, i.e. as ISO-8859-1, so smart
 * quotes, dashes and the euro sign vanish. This follows the WHATWG Encoding Standard's index instead.
 */

/** Code points of bytes 0x80–0x9F in windows-1252 (WHATWG index-windows-1252); the rest map to themselves. */
const HIGH_CONTROLS: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Characters converted per String.fromCharCode call: well under engines' argument limits. */
const CHUNK = 8192;

/** Decodes windows-1252 bytes (every byte has a mapping, so this cannot fail). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? (HIGH_CONTROLS[byte - 0x80] ?? byte) : byte,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
