import { describe, expect, it } from 'vitest';
import { startsUpper } from '../../../../lib/pipeline/text/starts-upper';

describe('startsUpper', () => {
  it.each<[string, boolean]>([
    ['Tessby', true],
    ['tessby', false],
    ['', false],
    ['"Tessby"', false],
    ['Élan', true],
    ['Østergaard', true],
    ['Москва', true],
    ['東京', false],
    ['𝐀lpha', true],
    ['3 May', false],
  ])('%j: %s', (text, expected) => {
    expect(startsUpper(text)).toBe(expected);
    expect(startsUpper(text)).toBe(/^\p{Lu}/u.test(text));
  });
});
