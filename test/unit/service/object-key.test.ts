import { describe, expect, it } from 'vitest';
import { isSameVersion, versionOrder } from '../../../lib/ports';
import { checkObjectKey, MAX_INPUT_KEY_BYTES } from '../../../lib/service/object-key';

describe('checkObjectKey', () => {
  it.each([
    { key: 'incoming/city budget.txt', code: undefined },
    { key: 'incoming/Zürich report + notes.txt', code: undefined },
    // Dots inside a name are fine; only a whole `..` segment is not.
    { key: 'a..b/notes...txt', code: undefined },
    { key: '', code: 'EMPTY_KEY' },
    { key: '../etc/passwd', code: 'DOT_SEGMENT' },
    { key: 'incoming/../x.txt', code: 'DOT_SEGMENT' },
    { key: 'incoming/..', code: 'DOT_SEGMENT' },
    { key: 'incoming/line\nbreak.txt', code: 'CONTROL_CHARACTER' },
    { key: 'incoming/nul\u0000.txt', code: 'CONTROL_CHARACTER' },
    { key: 'incoming/c1\u0085.txt', code: 'CONTROL_CHARACTER' },
    { key: 'a'.repeat(MAX_INPUT_KEY_BYTES), code: undefined },
    { key: 'a'.repeat(MAX_INPUT_KEY_BYTES + 1), code: 'KEY_TOO_LONG' },
    // 510 two-byte characters are 1,020 bytes: over the limit although only 510 characters long.
    { key: 'é'.repeat(510), code: 'KEY_TOO_LONG' },
  ])('$key → $code', ({ key, code }) => {
    const check = checkObjectKey(key);
    expect(check.kind === 'invalid' ? check.code : undefined).toBe(code);
  });
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
