import { describe, expect, it } from 'vitest';
import { extractSummaryFeatureMatrix } from '../../../../lib/pipeline/summary/features';
import { RUN_STOP_WORDS } from '../../../../lib/pipeline/summary/select-summary';
import { summarize } from '../../../../lib/pipeline/summary/summarize';
import {
  datelineLength,
  extractTrustFeatures,
  furnitureLength,
  ledeIndex,
  TRUST_FEATURES,
} from '../../../../lib/pipeline/summary/trust-features';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';

/** Self-written body sentences of a small news story, used after each kind of opener below. */
const BODY = [
  'The harbour authority in Tessby approved a new ferry route to the islands on Tuesday after a two-year review.',
  'The route will run four times a day from May and is expected to carry about 90,000 passengers a year.',
  'Local businesses said the link would bring visitors back to the islands after a quiet decade.',
  'Critics said the authority had ignored the cost of dredging the old harbour entrance.',
];

const ledeOf = (text: string): number => {
  const sentences = segmentSentences(text);
  return ledeIndex(extractSummaryFeatureMatrix({ title: '', text }, sentences), sentences);
};

describe('ledeIndex', () => {
  it.each<[string, string, number]>([
    ['a plain inverted pyramid', BODY.join(' '), 0],
    // A short opener is a lede, not a fragment to skip.
    ['a short wire opener', `(CNN) Tessby gets its ferry. ${BODY.join(' ')}`, 0],
    [
      'a photo caption first',
      `Ferry passengers wait on the quay (pictured) in the rain. ${BODY.join(' ')}`,
      1,
    ],
    ['a teaser question first', `Ever wanted to sail to the islands for lunch? ${BODY.join(' ')}`, 1],
    ['a bare byline first', `By Marta Olsen\n\n${BODY.join(' ')}`, 1],
    // A long opener is a lede: length alone never makes furniture (long ledes are common in real news).
    [
      'a long opener',
      `${'Ferry passengers waited on the quay in the rain as the first boat of the new service arrived '.repeat(
        3,
      )}and the harbour authority approved the route. ${BODY.slice(1).join(' ')}`,
      0,
    ],
    // A caption marker in a long sentence is the story, not a caption.
    [
      'a long lede that says "pictured"',
      `The harbour master, pictured on the quay with the mayor of Tessby and the ferry crew on Tuesday, said the new island route approved by the authority after a two-year review would start in May. ${BODY.slice(1).join(' ')}`,
      0,
    ],
    // Nothing in the first four sentences reads as a body sentence: position 0 stands.
    ['nothing but furniture', 'Who? What? Where? When? Why?', 0],
    ['empty', '', 0],
  ])('%s', (_name, text, expected) => {
    expect(ledeOf(text)).toBe(expected);
  });
});

describe('extractTrustFeatures', () => {
  it('marks positions from the detected lede, and what precedes it', () => {
    const text = `Ever wanted to sail to the islands for lunch? ${BODY.join(' ')}`;
    const sentences = segmentSentences(text);
    const matrix = extractSummaryFeatureMatrix({ title: '', text }, sentences);
    const { values, lede } = extractTrustFeatures(
      matrix,
      sentences,
      sentences.map(() => 0),
    );
    const column = (name: (typeof TRUST_FEATURES)[number]) =>
      sentences.map((_, i) => values[i * TRUST_FEATURES.length + TRUST_FEATURES.indexOf(name)]);
    expect(lede).toBe(1);
    expect(column('beforeLede')).toEqual([1, 0, 0, 0, 0]);
    expect(column('lede')).toEqual([0, 1, 0, 0, 0]);
    expect(column('ledeNext')).toEqual([0, 0, 1, 0, 0]);
    expect(column('question')).toEqual([1, 0, 0, 0, 0]);
  });
});

describe('datelineLength', () => {
  it.each<[string, string, string]>([
    ['a bare wire credit', '(CNN)The ferry sailed.', 'The ferry sailed.'],
    ['a place and a credit', 'Tessby (CNN) The ferry sailed.', 'The ferry sailed.'],
    ['a place, a country and a credit', 'Tessby, Norland (Reuters) — The ferry sailed.', 'The ferry sailed.'],
    ['an upper-case place and a dash', 'TESSBY — The ferry sailed.', 'The ferry sailed.'],
    ['an upper-case place, a date and a dash', 'TESSBY, Jan. 5 — The ferry sailed.', 'The ferry sailed.'],
    [
      'no dateline',
      'The ferry sailed from Tessby (CNN reported).',
      'The ferry sailed from Tessby (CNN reported).',
    ],
    ['an acronym that opens the sentence', 'NATO ministers met in Tessby.', 'NATO ministers met in Tessby.'],
    // Nothing would be left of the sentence: it is kept whole.
    ['nothing but the credit', '(CNN)', '(CNN)'],
    ['empty', '', ''],
  ])('%s', (_name, text, kept) => {
    expect(text.slice(datelineLength(text))).toBe(kept);
  });

  it('reads only the start of a hostile sentence', () => {
    const hostile = `${'A'.repeat(200_000)} (CNN) x`;
    expect(datelineLength(hostile)).toBe(0);
  });
});

describe('furnitureLength', () => {
  it.each<[string, string, string]>([
    ['a dateline', 'Tessby (CNN) — The ferry sailed.', 'The ferry sailed.'],
    ['a caption label', 'Jailed: Marta Olsen stole the ferry.', 'Marta Olsen stole the ferry.'],
    [
      'a speaker and a quote keep their words',
      'Olsen said: The ferry sailed.',
      'Olsen said: The ferry sailed.',
    ],
    ['a label before lower case is prose', 'Note: the ferry sailed.', 'Note: the ferry sailed.'],
    ['no furniture', 'The ferry sailed: all aboard.', 'The ferry sailed: all aboard.'],
    ['a source credit', '(Instagram) A ferry sailed.', 'A ferry sailed.'],
    ['a credit with digits', '(9NEWS) The ferry sailed.', 'The ferry sailed.'],
    ['an aside before lower case is prose', '(Really) the ferry sailed.', '(Really) the ferry sailed.'],
    ['an aside of several words stays', '(And More) The ferry sailed.', '(And More) The ferry sailed.'],
  ])('%s', (_name, text, kept) => {
    expect(text.slice(furnitureLength(text))).toBe(kept);
  });
});

describe('summaries say why', () => {
  const text = `Tessby (CNN) — ${BODY.join(' ')}`;
  const summary = summarize(
    { title: 'Tessby approves ferry route to the islands', text },
    segmentSentences(text),
    {
      maxSentences: 2,
    },
  );

  it('leaves the dateline out, with offsets that still point into the text', () => {
    expect(summary[0]?.text.startsWith('The harbour authority')).toBe(true);
    for (const s of summary) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('gives position, lede, centrality, headline share and at most three positive top features', () => {
    const starts = segmentSentences(text).map((s) => s.start);
    // The first pick starts after its dateline, so it is found by where its sentence ends.
    const ends = segmentSentences(text).map((s) => s.end);
    expect(summary.map((s) => s.why?.position)).toEqual(summary.map((s) => ends.indexOf(s.end)));
    expect(starts.length).toBeGreaterThan(2);
    expect(summary[0]?.why?.position).toBe(0);
    expect(summary[0]?.why?.lede).toBe(true);
    expect(summary[0]?.why?.headline).toBeGreaterThan(0.5);
    for (const s of summary) {
      const top = s.why?.top ?? [];
      expect(top.length).toBeGreaterThan(0);
      expect(top.length).toBeLessThanOrEqual(3);
      expect(top.every((t) => t.logit > 0)).toBe(true);
      expect(top.map((t) => t.logit)).toEqual([...top.map((t) => t.logit)].sort((a, b) => b - a));
      expect(s.why?.centrality).toBeGreaterThanOrEqual(0);
      expect(s.why?.centrality).toBeLessThanOrEqual(1);
    }
  });
});

describe('the lede run', () => {
  // Seven sentences: three of them are 43% of the article, where the faded trust layer would let content pick.
  const story = [
    'Ever wanted to sail to the islands for lunch?',
    ...BODY,
    'The dredging alone could cost the harbour authority more than the new boats, the critics said.',
    'The harbour authority said the dredging costs were already in its budget for the coming year.',
  ];
  const text = story.join(' ');
  const sentences = segmentSentences(text);
  const picks = (title: string, maxSentences: number) =>
    summarize({ title, text }, sentences, { maxSentences }).map((s) => s.why?.position);

  it('takes the lede and the sentences after it, in order, as Lead-k would (teaser question skipped)', () => {
    expect(sentences).toHaveLength(7);
    expect(picks('', 3)).toEqual([1, 2, 3]);
    expect(picks('', 1)).toEqual([1]);
    // A headline the lede repeats: still a real lede.
    expect(picks('Tessby harbour authority approves ferry route to the islands', 2)).toEqual([1, 2]);
  });

  it('is not taken when the lede ignores the headline (a delayed lede): content decides', () => {
    const delayed = picks('Dredging costs threaten harbour budget', 3);
    expect(delayed).toHaveLength(3);
    expect(delayed).not.toEqual([1, 2, 3]);
  });

  it('leaves out one- and two-word fragments (segmentation leftovers)', () => {
    const broken = [BODY[0], 'Washington.', 'New York.', ...BODY.slice(1)].join(' ');
    const brokenSentences = segmentSentences(broken);
    expect(brokenSentences[1]?.text).toBe('Washington.');
    const texts = summarize({ title: '', text: broken }, brokenSentences, { maxSentences: 3 }).map(
      (s) => s.text,
    );
    expect(texts).toEqual([BODY[0], BODY[1], BODY[2]]);
  });

  it('stops at two sentences once they pass RUN_STOP_WORDS words, as news highlights do', () => {
    const long = [
      'The harbour authority in Tessby approved on Tuesday a new ferry route that will link the town with the three outer islands for the first time since the old service was cut a decade ago.',
      'The route, which will run four times a day from May with two boats bought second-hand from a Norwegian operator, is expected to carry about 90,000 passengers and 12,000 cars a year.',
      ...BODY.slice(2),
    ];
    const longSentences = segmentSentences(long.join(' '));
    const words = (t: string) => t.split(' ').length;
    expect(words(long[0] ?? '') + words(long[1] ?? '')).toBeGreaterThan(RUN_STOP_WORDS);
    const texts = summarize({ title: '', text: long.join(' ') }, longSentences, { maxSentences: 3 }).map(
      (s) => s.text,
    );
    expect(texts).toEqual([long[0], long[1]]);
    // Shorter sentences: the run goes on to three (BODY's first two are 39 words).
    expect(picks('', 3)).toHaveLength(3);
  });

  it('is not taken beyond three sentences', () => {
    expect(picks('', 4)).toHaveLength(4);
    expect(picks('', 4)).not.toEqual([1, 2, 3, 4]);
  });
});
