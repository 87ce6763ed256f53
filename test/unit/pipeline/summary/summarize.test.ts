import { describe, expect, it } from 'vitest';
import { autoLength, type SummaryOptions, summarize } from '../../../../lib/pipeline/summary/summarize';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';
import { tokenizeWords } from '../../../../lib/pipeline/text/tokenize';

const TITLE = 'Harbour city approves new tram line';
const TEXT = [
  'The harbour city council approved a new tram line on Tuesday after a long debate.',
  'The tram line will link the harbour with the university and the main station.',
  'Click here to sign up for our newsletter.',
  'Council members said the tram line would cut traffic in the harbour district.',
  'What happens next?',
  'Photo: Getty Images',
  'Construction of the tram line is due to start next spring and last three years.',
  'A bakery on the corner sells excellent rye bread.',
  'Opponents of the tram line argued that buses would be cheaper for the city.',
].join(' ');

const sentences = segmentSentences(TEXT);
/** Every sentence but the two with boilerplate ("Click here …", "Photo: Getty Images …"), never picked. */
const ELIGIBLE = sentences.length - 2;

describe('summarize', () => {
  it.each([
    ['no sentences', '', undefined, 0],
    ['maxSentences 0', TEXT, 0, 0],
    ['negative maxSentences', TEXT, -3, 0],
    ['maxSentences beyond the article gives every eligible sentence', TEXT, 50, ELIGIBLE],
    ['fractional maxSentences', TEXT, 2.9, 2],
    ['automatic length for a short article', TEXT, undefined, 3],
  ])('%s', (_name, text, maxSentences, expected) => {
    const out = summarize(
      { title: TITLE, text },
      segmentSentences(text),
      maxSentences === undefined ? {} : { maxSentences },
    );
    expect(out).toHaveLength(expected);
  });

  it.each<[string, SummaryOptions, number]>([
    ['ratio 0.5 of 9 sentences', { ratio: 0.5 }, 4],
    ['tiny ratio still gives one sentence', { ratio: 0.01 }, 1],
    ['ratio 0', { ratio: 0 }, 0],
    ['ratio above 1 is the whole article at most', { ratio: 5 }, ELIGIBLE],
    ['the tightest limit wins: sentences', { maxSentences: 2, ratio: 0.9 }, 2],
    ['the tightest limit wins: ratio', { maxSentences: 8, ratio: 0.25 }, 2],
    ['maxWords 0', { maxWords: 0 }, 0],
    ['maxWords below every sentence', { maxWords: 2 }, 0],
    ['NaN options fall back to the automatic length', { maxSentences: Number.NaN }, 3],
  ])('length options: %s', (_name, options, expected) => {
    expect(summarize({ title: TITLE, text: TEXT }, sentences, options)).toHaveLength(expected);
  });

  it.each([15, 25, 40, 80])('maxWords %i is never exceeded and is used up greedily', (maxWords) => {
    const out = summarize({ title: TITLE, text: TEXT }, sentences, { maxWords });
    const words = out.reduce((a, s) => a + tokenizeWords(s.text).length, 0);
    expect(words).toBeLessThanOrEqual(maxWords);
    expect(out.length).toBeGreaterThan(0);
  });

  it('returns document order, exact offsets and scores rounded to 3 decimals in 0..1', () => {
    const out = summarize({ title: TITLE, text: TEXT }, sentences, { maxSentences: 4 });
    for (let i = 1; i < out.length; i++) expect(out[i]?.start ?? 0).toBeGreaterThan(out[i - 1]?.start ?? 0);
    for (const s of out) {
      expect(TEXT.slice(s.start, s.end)).toBe(s.text);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(Math.round(s.score * 1000) / 1000).toBe(s.score);
    }
  });

  it('leaves out boilerplate, questions, captions and off-topic sentences', () => {
    const picked = summarize({ title: TITLE, text: TEXT }, sentences, { maxSentences: 4 }).map((s) => s.text);
    expect(picked).not.toContain('Click here to sign up for our newsletter.');
    expect(picked).not.toContain('What happens next?');
    expect(picked).not.toContain('Photo: Getty Images');
    expect(picked).not.toContain('A bakery on the corner sells excellent rye bread.');
    expect(picked[0]).toBe(sentences[0]?.text);
  });

  it('does not pick a near-copy of a chosen sentence', () => {
    const text =
      'The mayor opened the new bridge over the river on Friday. The mayor opened the new bridge over the river on Friday morning. ' +
      'Traffic on the old ferry route is expected to fall sharply. Local shops hope for more visitors from the north bank.';
    const out = summarize({ title: 'Mayor opens river bridge', text }, segmentSentences(text), {
      maxSentences: 2,
    });
    expect(out.map((s) => s.text).filter((t) => t.startsWith('The mayor opened'))).toHaveLength(1);
  });

  it('is deterministic', () => {
    const a = summarize({ title: TITLE, text: TEXT }, sentences, {});
    const b = summarize({ title: TITLE, text: TEXT }, sentences, {});
    expect(a).toEqual(b);
  });

  it('breaks ties by position when every sentence is alike', () => {
    const text = 'Same words here. Same words here. Same words here. Same words here.';
    const out = summarize({ title: '', text }, segmentSentences(text), { maxSentences: 1 });
    expect(out[0]?.start).toBe(0);
  });

  // Four hundred sentences that vary in what they say, so that none is a near-copy of another.
  const GERMAN_SUBJECTS = ['Der Ausschuss', 'Die Stadtkasse', 'Der Kantonsrat', 'Die Prüferin', 'Das Bauamt'];
  const GERMAN_OBJECTS = ['den Haushalt', 'die Brücke über die Limmat', 'das Schulbudget', 'die Tramlinie'];
  const GERMAN_PLACES = ['für Zürich', 'in Örlikon', 'am Seeufer', 'im Kreis fünf', 'bei Baden'];
  const germanSentence = (i: number): string =>
    `${GERMAN_SUBJECTS[i % 5]} prüfte ${GERMAN_OBJECTS[Math.floor(i / 5) % 4]} ${GERMAN_PLACES[Math.floor(i / 20) % 5]} im Jahr ${1900 + i}.`;

  it('copes with unicode, no title and a very long article', () => {
    const text = Array.from({ length: 400 }, (_, i) => germanSentence(i)).join(' ');
    const out = summarize({ title: '', text }, segmentSentences(text), {});
    expect(out).toHaveLength(7);
    for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('takes one sentence of a template repeated with one word changed: the rest are near-copies', () => {
    const text = Array.from(
      { length: 400 },
      (_, i) => `Der Ausschuss Nummer ${i} prüfte den Haushalt für Zürich.`,
    ).join(' ');
    const out = summarize({ title: '', text }, segmentSentences(text), {});
    expect(out).toHaveLength(1);
  });
});

describe('autoLength', () => {
  it.each([
    [0, 0],
    [2, 2],
    [10, 3],
    [15, 3],
    [30, 4],
    [60, 5],
    [120, 6],
    [10_000, 7],
  ])('%i sentences → %i', (n, k) => {
    expect(autoLength(n)).toBe(k);
  });
});
