import { describe, expect, it } from 'vitest';
import {
  countLetterRuns,
  countMatches,
  countTokens,
  countWordTokens,
} from '../../../../lib/pipeline/text/count-words';

const TEXTS = [
  '',
  '   ',
  'The council met on 3 May.',
  '  - item one\n- item two  \n\n— 42 —  ',
  "Ms. O'Brien, 54, said “don't” — twice.\u00a0Then\u2003left\u3000Tokyo 東京 😀 x😀y",
  '--- ... *** ###',
  'a'.repeat(500),
];

describe('word counts without building the words', () => {
  for (const text of TEXTS) {
    it(`match the array-building forms on ${JSON.stringify(text.slice(0, 30))}`, () => {
      expect(countWordTokens(text)).toBe(text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length);
      expect(countLetterRuns(text)).toBe((text.match(/[\p{L}\p{N}]+/gu) ?? []).length);
      expect(countTokens(text)).toBe(text.split(/\s+/).filter((t) => t !== '').length);
    });
  }
});

describe('countMatches', () => {
  for (const text of TEXTS) {
    it(`counts what matchAll yields on ${JSON.stringify(text.slice(0, 30))}`, () => {
      for (const re of [/\p{L}/gu, /\p{Script=Han}/gu, /[\p{L}\p{N}]+/gu, /\S+/g]) {
        expect(countMatches(re, text)).toBe([...text.matchAll(re)].length);
        expect(re.lastIndex).toBe(0);
      }
    });
  }

  it('refuses what it cannot count: a non-global expression, or one that matches the empty string', () => {
    expect(() => countMatches(/a/u, 'aaa')).toThrow(TypeError);
    const empty = /x*/g;
    expect(() => countMatches(empty, 'abc')).toThrow(TypeError);
    expect(empty.lastIndex).toBe(0);
  });
});
