import { describe, expect, it } from 'vitest';
import { checkObjectKey, MAX_INPUT_KEY_BYTES } from '../../../lib/service/object-key';
import { compareSequencers, compareVersions } from '../../../lib/service/version-order';

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

describe('compareVersions', () => {
  it.each([
    { a: '0055AED6DCD90281E5', b: '0055AED6DCD90281F0', expected: -1 },
    { a: '0055AED6DCD90281F0', b: '0055AED6DCD90281E5', expected: 1 },
    { a: '0055aed6dcd90281e5', b: '0055AED6DCD90281E5', expected: 0 },
    // Different lengths: the shorter is right-padded with zeros (S3's documentation).
    { a: '0055AED6DCD90281E5', b: '0055AED6DCD90281E500', expected: 0 },
    { a: '0055AED6DCD90281E5', b: '0055AED6DCD90281E501', expected: -1 },
  ])('sequencer $a vs $b → $expected', ({ a, b, expected }) => {
    expect(compareSequencers(a, b)).toBe(expected);
  });

  it('falls back to the upload time when a sequencer is missing, and calls unknown order equal', () => {
    expect(
      compareVersions({ uploadedAt: '2026-03-01T00:00:01Z' }, { uploadedAt: '2026-03-01T00:00:00Z' }),
    ).toBe(1);
    expect(
      compareVersions(
        { sequencer: 'AA', uploadedAt: '2026-03-01T00:00:00Z' },
        { uploadedAt: '2026-03-01T00:00:00Z' },
      ),
    ).toBe(0);
    expect(compareVersions({}, { sequencer: 'AA' })).toBe(0);
  });
});
