import { describe, expect, it } from 'vitest';
import { CHECKWORTHY_THRESHOLD, extractClaims, scoreSentence } from '../../../../lib/pipeline/claims/claims';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';

const OPTIONS = { referenceDate: '2024-05-16', referenceSource: 'published' as const };

describe('scoreSentence', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', '   '],
    ['unicode', 'Zoë Ångström gewann 3 Mal in München.'],
    ['hostile', `${'$1,'.repeat(2000)}% "''" ???`],
  ])('returns a rounded 0..1 score: %s', (_name, text) => {
    const s = scoreSentence(text);
    expect(s.text).toBe(text);
    expect(s.score).toBeGreaterThanOrEqual(0);
    expect(s.score).toBeLessThanOrEqual(1);
    expect(Math.round(s.score * 1000) / 1000).toBe(s.score);
    expect(s.checkworthy).toBe(s.score >= CHECKWORTHY_THRESHOLD);
  });

  it.each([
    ['statistic', 'Unemployment fell to 4.1% in March, the lowest rate since 2008.', true],
    ['budget figure', 'The government spent $3.2bn on the new hospitals last year.', true],
    ['opinion', 'I think we all want a better future for our children.', false],
    ['greeting', 'Thank you very much, it is good to be here tonight.', false],
    ['question', 'What would you do about it?', false],
  ])('tells factual claims from opinions: %s', (_name, text, worthy) => {
    expect(scoreSentence(text).checkworthy).toBe(worthy);
  });

  it.each([
    ['numeric', 'Turnout was 61%.'],
    ['temporal', 'The plant closed on 3 March 2021.'],
    ['quote', 'She said: "We will build more homes."'],
    ['attribution', 'The minister said the plan had failed.'],
    ['comparison', 'Exports grew faster than imports.'],
    ['causal', 'Flights were cancelled because of the strike.'],
    ['event', 'The company announced a merger.'],
  ])('types include %s', (type, text) => {
    expect(scoreSentence(text).types).toContain(type);
  });
});

describe('extractClaims', () => {
  const text = [
    'Brackwater Holdings said on Thursday that profit rose 12% to £3.4bn.',
    'I hope you enjoy the show.',
    'According to sources close to the firm, the company reportedly plans to cut 2,000 jobs by next year.',
  ].join(' ');
  const sentences = segmentSentences(text);

  it.each([
    ['no sentences', '', []],
    ['whitespace only', '  \n\n ', []],
  ])('is empty for %s', (_name, t, expected) => {
    expect(extractClaims(t, segmentSentences(t), OPTIONS)).toEqual(expected);
  });

  it('returns check-worthy sentences in document order with exact offsets', () => {
    const claims = extractClaims(text, [...sentences].reverse(), OPTIONS);
    expect(claims.map((c) => c.text)).toEqual([sentences[0]?.text, sentences[2]?.text]);
    for (const c of claims) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.checkworthy).toBe(true);
    }
  });

  it('fills entities, numbers, dates, attribution and hedging', () => {
    const [first, second] = extractClaims(text, sentences, OPTIONS);
    expect(first?.entities).toEqual([
      {
        text: 'Brackwater Holdings',
        start: 0,
        end: 19,
        type: 'organization',
        canonical: 'Brackwater Holdings',
      },
    ]);
    expect(first?.numbers).toEqual([
      { text: '12%', value: 12, unit: 'percent' },
      { text: '£3.4bn', value: 3.4e9, unit: 'currency', currency: 'GBP' },
    ]);
    expect(first?.dates).toEqual([
      { text: 'on Thursday', value: '2024-05-16', reference: { date: '2024-05-16', source: 'published' } },
    ]);
    expect(first?.attribution).toEqual({ source: 'Brackwater Holdings', verb: 'said', anonymous: false });
    expect(first?.hedged).toBe(false);
    expect(second?.attribution?.anonymous).toBe(true);
    expect(second?.hedged).toBe(true);
    expect(second?.numbers.map((n) => n.value)).toEqual([2000]);
    expect(second?.dates.map((d) => d.value)).toEqual(['2025']);
  });
});
