import { describe, expect, it } from 'vitest';
import { allMatches } from '../../../../lib/pipeline/text/all-matches';

/** What String.prototype.matchAll yields, as plain data to compare. */
const viaMatchAll = (re: RegExp, text: string) =>
  [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => ({
    index: m.index,
    all: [...m],
    groups: m.groups,
  }));
const viaAllMatches = (re: RegExp, text: string) =>
  allMatches(re, text).map((m) => ({ index: m.index, all: [...m], groups: m.groups }));

describe('allMatches', () => {
  const cases: [string, RegExp, string][] = [
    ['words', /[\p{L}\p{N}]+/gu, 'The council met on 3 May; Ms. Okafor, 54, said “no”.'],
    ['named groups', /(?<num>\d+)\s*(?<unit>km|%)?/g, 'Roads: 140 km, rates up 3% and 12 more'],
    ['no match', /\d+/g, 'no digits here'],
    ['empty matches', /x*/g, 'axxb'],
    ['empty matches over astral characters (unicode)', /(?:)/gu, 'a😀b'],
    ['empty matches over astral characters (not unicode)', /(?:)/g, 'a😀b'],
    ['lookahead only', /(?=\p{Lu})/gu, 'Anna And Bo'],
    ['empty text', /\w+/g, ''],
  ];
  for (const [name, re, text] of cases)
    it(`gives what matchAll gives: ${name}`, () => {
      expect(viaAllMatches(re, text)).toEqual(viaMatchAll(re, text));
    });

  it('starts at the beginning whatever lastIndex was, and leaves it at 0', () => {
    const re = /\d+/g;
    re.lastIndex = 5;
    expect(allMatches(re, '12 345 6789').map((m) => m[0])).toEqual(['12', '345', '6789']);
    expect(re.lastIndex).toBe(0);
  });

  it('lets the caller use the same expression on a match', () => {
    const re = /\w+/g;
    const inner = allMatches(re, 'ab cd').map((m) => allMatches(re, m[0]).length);
    expect(inner).toEqual([1, 1]);
  });

  it('refuses an expression without the g flag, as matchAll does', () => {
    expect(() => allMatches(/\d/, '1')).toThrow(TypeError);
  });
});
