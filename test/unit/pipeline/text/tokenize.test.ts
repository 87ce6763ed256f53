import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../eval/reference/seeded-random';
import { STOPWORDS } from '../../../../lib/pipeline/text/stopwords';
import {
  contentTerms,
  indexContentTerms,
  type TermIndex,
  termIdOf,
  tokenizeWords,
} from '../../../../lib/pipeline/text/tokenize';

/** The content terms of text i of an index, spelled out. */
const termsOf = (index: TermIndex, i: number): string[] =>
  Array.from(
    index.ids.subarray(index.offsets[i] ?? 0, index.offsets[i + 1] ?? 0),
    (id) => index.terms[id] ?? '',
  );

describe('indexContentTerms', () => {
  it.each<[string, string]>([
    ['empty', ''],
    ['whitespace only', ' \n\t\u00a0 '],
    ['plain news text', 'Profits rose 5% as the profit warning passed, Mr Smith said.'],
    ['plurals fold, -ss does not', 'classes class bus buses gas ss sss ssss profits'],
    ['every stopword', [...STOPWORDS].join(' ')],
    ['accents and case', 'ÉCOLE école Straße STRASSE Ünïcödé'],
    // İ lowercases to i + U+0307, which is not a letter: one character, two tokens.
    ['dotted capital I', 'İİİİ İstanbul'],
    ['astral letters and digits', '𝐀𝐁 𝟘𝟙 x𝐀'],
    ['lone surrogates are not letters', '\ud835x \udc00y \ud835'],
    ['other scripts and number forms', '東京 は 大きい Ελληνικά ٣٤ ⅰⅱ Ⅻ'],
    ['very long token', 'x'.repeat(5000)],
    ['hostile punctuation', '...!!!???;;;"\'()<script>'],
  ])('equals contentTerms and tokenizeWords: %s', (_name, text) => {
    const index = indexContentTerms([text, text]);
    for (const i of [0, 1]) {
      expect(termsOf(index, i)).toEqual(contentTerms(text));
      expect(index.words[i]).toBe(tokenizeWords(text).length);
    }
  });

  it('numbers terms by first occurrence across the texts and finds them by spelling', () => {
    const index = indexContentTerms(['Trams and buses.', 'The buses ran late; trams did not.', '']);
    expect(index.terms).toEqual(['tram', 'buse', 'ran', 'late']);
    expect(termsOf(index, 1)).toEqual(['buse', 'ran', 'late', 'tram']);
    expect(termsOf(index, 2)).toEqual([]);
    expect(termIdOf(index, 'late')).toBe(3);
    // A stopword, a token before folding and a word no text has are not terms.
    expect(termIdOf(index, 'the')).toBeUndefined();
    expect(termIdOf(index, 'trams')).toBeUndefined();
    expect(termIdOf(index, 'ferry')).toBeUndefined();
  });

  it('equals contentTerms on random texts, with enough terms to grow its tables', () => {
    const random = seededRandom(20_260_401);
    const alphabet = ['a', 'Z', 's', 'S', 'th', 'e', 'us', '1', ' ', ' ', '.', 'é', 'İ', 'K', 'ſ', '𝐀'];
    const texts = Array.from({ length: 600 }, () =>
      Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * 16)]).join(''),
    );
    const index = indexContentTerms(texts);
    expect(index.terms.length).toBeGreaterThan(1000);
    texts.forEach((text, i) => {
      expect(termsOf(index, i)).toEqual(contentTerms(text));
      expect(index.words[i]).toBe(tokenizeWords(text).length);
    });
    for (const [id, term] of index.terms.entries()) expect(termIdOf(index, term)).toBe(id);
  });
});
