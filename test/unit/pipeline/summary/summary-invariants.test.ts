import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../eval/reference/seeded-random';
import { type SummaryOptions, summarize } from '../../../../lib/pipeline/summary/summarize';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';
import { tokenizeWords } from '../../../../lib/pipeline/text/tokenize';

const WORDS =
  'council budget river school minister tram harbour profit shares vote strike hospital police storm bank ' +
  'election court rail energy prices workers union report says rose fell million percent week plan'.split(
    ' ',
  );

/** An article of `paragraphs` paragraphs with 1–5 sentences of 3–30 words each, some with quotes or digits. */
function generateArticle(seed: number, paragraphs: number): string {
  const rnd = seededRandom(seed);
  const pick = (): string => WORDS[Math.floor(rnd() * WORDS.length)] ?? 'word';
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    const count = 1 + Math.floor(rnd() * 5);
    for (let s = 0; s < count; s++) {
      const words = Array.from({ length: 3 + Math.floor(rnd() * 28) }, pick);
      if (rnd() < 0.2) words.push(`${Math.floor(rnd() * 100)}.5%`);
      const first = words[0] ?? 'word';
      const body = [`${first[0]?.toUpperCase() ?? ''}${first.slice(1)}`, ...words.slice(1)].join(' ');
      sentences.push(rnd() < 0.15 ? `"${body}," he said.` : `${body}${rnd() < 0.1 ? '?' : '.'}`);
    }
    out.push(sentences.join(' '));
  }
  return out.join('\n\n');
}

const ARTICLES = Array.from({ length: 12 }, (_, i) => generateArticle(1000 + i, 1 + ((i * 7) % 13)));
const OPTIONS: readonly SummaryOptions[] = [
  {},
  { maxSentences: 1 },
  { maxSentences: 3 },
  { maxSentences: 10 },
  { maxWords: 20 },
  { maxWords: 60 },
  { ratio: 0.3 },
  { maxSentences: 4, maxWords: 45 },
];

describe('summary invariants', () => {
  for (const [a, text] of ARTICLES.entries()) {
    const sentences = segmentSentences(text);
    it.each(OPTIONS.map((o) => [JSON.stringify(o), o] as const))(
      `article ${a}, options %s`,
      (_name, options) => {
        const out = summarize({ title: 'Council budget vote', text }, sentences, options);
        // A subset of the article's sentences, with exact offsets, in document order.
        for (const s of out) {
          expect(sentences.some((x) => x.start === s.start && x.end === s.end)).toBe(true);
          expect(text.slice(s.start, s.end)).toBe(s.text);
        }
        for (let i = 1; i < out.length; i++)
          expect(out[i]?.start ?? 0).toBeGreaterThan(out[i - 1]?.start ?? 0);
        // Never longer than asked.
        if (options.maxSentences !== undefined) expect(out.length).toBeLessThanOrEqual(options.maxSentences);
        if (options.maxWords !== undefined)
          expect(out.reduce((n, s) => n + tokenizeWords(s.text).length, 0)).toBeLessThanOrEqual(
            options.maxWords,
          );
        if (options.ratio !== undefined)
          expect(out.length).toBeLessThanOrEqual(Math.max(1, Math.floor(options.ratio * sentences.length)));
        // Something is always picked when a sentence fits and one is asked for.
        if (options.maxWords === undefined && sentences.length > 0) expect(out.length).toBeGreaterThan(0);
        // Deterministic, also with a fresh copy of the input.
        expect(summarize({ title: 'Council budget vote', text }, segmentSentences(text), options)).toEqual(
          out,
        );
      },
    );
  }

  it.each([
    ['empty text', ''],
    ['whitespace only', ' \n\n\t '],
  ])('%s gives an empty summary, not an error', (_name, text) => {
    for (const options of OPTIONS)
      expect(summarize({ title: '', text }, segmentSentences(text), options)).toEqual([]);
  });
});
