import { describe, expect, it } from 'vitest';
import { isSameVersion, versionOrder } from '../../../lib/ports';
import { checkObjectKey, MAX_INPUT_KEY_BYTES } from '../../../lib/service/object-key';

/** The bidirectional formatting characters a key may not contain (lib/service/object-key.ts). */
const BIDI_CONTROLS = [
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
];

function codeOf(key: string): string | undefined {
  const check = checkObjectKey(key);
  return check.kind === 'invalid' ? check.code : undefined;
}

describe('checkObjectKey', () => {
  it.each([
    { key: 'incoming/city budget.txt', code: undefined },
    { key: 'incoming/Z\u00fcrich report + notes.txt', code: undefined },
    // Dots inside a name are fine, and so are names that start with one; only whole `.`/`..` segments are not.
    { key: 'a..b/notes...txt', code: undefined },
    { key: '.drafts/.budget.txt', code: undefined },
    { key: 'incoming/.../x.txt', code: undefined },
    // Zero-width joiners and non-joiners are letters' business (Persian, emoji), not bidi controls.
    { key: 'incoming/\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.txt', code: undefined },
    { key: 'incoming/\u{1F469}\u200d\u{1F52C}.txt', code: undefined },
    // Right-to-left letters themselves are fine: only the invisible formatting characters are refused.
    { key: 'incoming/\u05d3\u05d5\u05d7.txt', code: undefined },
    { key: '', code: 'EMPTY_KEY' },
    { key: '../etc/passwd', code: 'DOT_SEGMENT' },
    { key: 'incoming/../x.txt', code: 'DOT_SEGMENT' },
    { key: 'incoming/..', code: 'DOT_SEGMENT' },
    { key: './x.txt', code: 'DOT_SEGMENT' },
    { key: 'incoming/./x.txt', code: 'DOT_SEGMENT' },
    { key: 'incoming/.', code: 'DOT_SEGMENT' },
    { key: '.', code: 'DOT_SEGMENT' },
    { key: 'incoming//x.txt', code: 'EMPTY_SEGMENT' },
    { key: '/incoming/x.txt', code: 'EMPTY_SEGMENT' },
    { key: 'incoming/', code: 'EMPTY_SEGMENT' },
    { key: '/', code: 'EMPTY_SEGMENT' },
    { key: 'incoming/line\nbreak.txt', code: 'CONTROL_CHARACTER' },
    { key: 'incoming/nul\u0000.txt', code: 'CONTROL_CHARACTER' },
    { key: 'incoming/c1\u0085.txt', code: 'CONTROL_CHARACTER' },
    // Shown as "invoice-exe.txt" by a bidi-aware display; really ends in ".exe".
    { key: 'incoming/invoice-\u202etxt.exe', code: 'BIDI_CONTROL' },
    { key: 'incoming/\ud800.txt', code: 'MALFORMED_UNICODE' },
    { key: 'incoming/x\udc00', code: 'MALFORMED_UNICODE' },
    // NFD twins of NFC names: a combining mark after its base letter, decomposed Hangul, and the
    // Angstrom sign, which NFC maps to the letter Å.
    { key: 'incoming/Zu\u0308rich.txt', code: 'NOT_NFC' },
    { key: 'incoming/\u1100\u1161.txt', code: 'NOT_NFC' },
    { key: 'incoming/10 \u212b.txt', code: 'NOT_NFC' },
    // NFC, not NFKC: a compatibility ligature is its own character and stays.
    { key: 'incoming/\ufb01le.txt', code: undefined },
    { key: 'a'.repeat(MAX_INPUT_KEY_BYTES), code: undefined },
    { key: 'a'.repeat(MAX_INPUT_KEY_BYTES + 1), code: 'KEY_TOO_LONG' },
    // 510 two-byte characters are 1,020 bytes: over the limit although only 510 characters long.
    { key: '\u00e9'.repeat(510), code: 'KEY_TOO_LONG' },
  ])('$key → $code', ({ key, code }) => {
    expect(codeOf(key)).toBe(code);
  });

  it.each(
    BIDI_CONTROLS.map((point) => ({
      name: `U+${point.toString(16).toUpperCase().padStart(4, '0')}`,
      control: String.fromCodePoint(point),
    })),
  )('refuses $name anywhere in the key', ({ control }) => {
    for (const key of [`${control}a.txt`, `incoming/a${control}b.txt`, `incoming/a.txt${control}`]) {
      expect(codeOf(key)).toBe('BIDI_CONTROL');
    }
  });

  it.each(['incoming/Zu\u0308rich.txt', 'incoming/\u1100\u1161.txt', 'incoming/cafe\u0301/menu.txt'])(
    'accepts the NFC form of the refused NFD key %s, a different key',
    (key) => {
      const twin = key.normalize('NFC');
      expect(twin).not.toBe(key);
      expect(codeOf(key)).toBe('NOT_NFC');
      expect(codeOf(twin)).toBeUndefined();
    },
  );
});

describe('versionOrder', () => {
  const T = '2026-03-01T00:00:00.000Z';
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  it.each([
    { a: '0055AED6DCD90281E5', b: '0055AED6DCD90281F0', expected: -1 },
    { a: '0055AED6DCD90281F0', b: '0055AED6DCD90281E5', expected: 1 },
    { a: '0055aed6dcd90281e5', b: '0055AED6DCD90281E5', expected: 0 },
    // Different lengths: the shorter is right-padded with zeros (S3's documentation).
    { a: '0055AED6DCD90281E5', b: '0055AED6DCD90281E500', expected: 0 },
    { a: '0055AED6DCD90281E5', b: '0055AED6DCD90281E501', expected: -1 },
  ])('orders sequencer $a vs $b at the same upload time → $expected', ({ a, b, expected }) => {
    expect(
      compare(versionOrder({ uploadedAt: T, sequencer: a }), versionOrder({ uploadedAt: T, sequencer: b })),
    ).toBe(expected);
  });

  it('puts a later upload time after an earlier one, whatever the sequencers say', () => {
    const earlier = versionOrder({ uploadedAt: T, sequencer: 'FF' });
    const later = versionOrder({ uploadedAt: '2026-03-01T00:00:01.000Z' });
    expect(compare(later, earlier)).toBe(1);
  });
});

describe('isSameVersion', () => {
  it.each([
    { a: { etag: 'e1', uploadedAt: 't1' }, b: { etag: 'e1', uploadedAt: 't1' }, same: true },
    // The same bytes uploaded again: a new version, with a new place in the corpus order.
    { a: { etag: 'e1', uploadedAt: 't1' }, b: { etag: 'e1', uploadedAt: 't2' }, same: false },
    { a: { etag: 'e1', uploadedAt: 't1' }, b: { etag: 'e2', uploadedAt: 't1' }, same: false },
  ])('$a / $b → $same', ({ a, b, same }) => {
    expect(isSameVersion(a, b)).toBe(same);
  });
});
