import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../lib/pipeline/claims/claims';
import { extractFrames, sameSubject, valuesAgree } from '../../../../lib/pipeline/claims/frames';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';
import type { ClaimFrame } from '../../../../lib/pipeline/types';

const OPTIONS = { referenceDate: '2026-03-12', referenceSource: 'published' as const };

/** The frames of every claim of `text`, in order. */
const framesOf = (text: string): ClaimFrame[] =>
  extractClaims(text, segmentSentences(text), OPTIONS).flatMap((c) => c.frames ?? []);

/** The one frame of a one-claim text. */
const frameOf = (text: string): ClaimFrame | undefined => framesOf(text)[0];

describe('extractFrames: values', () => {
  it.each<[string, string, Partial<ClaimFrame['value']>]>([
    [
      'scale words',
      'The Port of Ostmark handled 4.2 million containers in 2025.',
      { amount: 4.2e6, precision: 5e4, unit: 'count' },
    ],
    [
      '"£412 million"',
      'The Tarn bridge will cost £412 million, the transport ministry said.',
      { amount: 412e6, unit: 'currency:GBP' },
    ],
    [
      '"£412m" is the same',
      'The Tarn bridge will cost £412m, the transport ministry said.',
      { amount: 412e6, unit: 'currency:GBP' },
    ],
    [
      'a number word opening the sentence',
      'Twelve people died in the floods in Harlow Vale last week.',
      { amount: 12, text: 'Twelve' },
    ],
    [
      'a hyphenated number word',
      'Thirty-five miners were rescued from the Dunfell pit on Friday.',
      { amount: 35 },
    ],
    [
      'number words with a scale',
      'Draxel Airways carried thirty-one million passengers in 2024.',
      { amount: 31e6 },
    ],
    [
      'percentages',
      'Unemployment in the port district fell to 5.1% last year.',
      { amount: 5.1, precision: 0.05, unit: 'percent' },
    ],
    ['"per cent"', 'Turnout in Wessing was 64 per cent in 2024.', { amount: 64, unit: 'percent' }],
    [
      '"more than"',
      'Brisk Airport served more than 3 million passengers in 2023.',
      { qualifier: 'more-than', text: 'more than 3 million' },
    ],
    [
      '"at least"',
      'At least 30 people were injured in the crush in Falmoor on Saturday.',
      { qualifier: 'at-least' },
    ],
    [
      '"about"',
      'Dorrin had a population of about 1.5 million in 2021.',
      { qualifier: 'about', amount: 1.5e6 },
    ],
    ['"nearly"', 'The Grell mill employed nearly 500 workers in 2024.', { qualifier: 'nearly' }],
    [
      '"up to"',
      'Up to 20 people were injured in the crush in Falmoor on Saturday.',
      { qualifier: 'at-most' },
    ],
    [
      'a rank in words',
      'Kessler University ranked fourth in the national league table in 2025.',
      { amount: 4, unit: 'rank' },
    ],
    [
      'a rank in digits',
      'Kessler University was ranked 4th in the national league table in 2025.',
      { amount: 4, unit: 'rank' },
    ],
    [
      'an age in apposition',
      'Piet Ansel, 47, was arrested in Kilbarrow on Sunday.',
      { amount: 47, unit: 'age' },
    ],
    [
      'an age as one word',
      'The 47-year-old driver, Piet Ansel, was arrested on Sunday.',
      { amount: 47, unit: 'age' },
    ],
    [
      'a duration, in days',
      'The strike at the Omberg plant lasted three weeks.',
      { amount: 21, unit: 'duration' },
    ],
    [
      'the date of an event',
      'The Halden bridge opened on 3 June 2022.',
      { kind: 'date', date: '2022-06-03', unit: 'date' },
    ],
  ])('%s', (_name, text, value) => {
    expect(frameOf(text)?.value).toMatchObject(value);
  });

  it.each<[string, string, Partial<ClaimFrame['value']>]>([
    ['"a dozen"', 'A dozen people were injured in the crush in Falmoor on Saturday.', { amount: 12 }],
    [
      '"more than a million"',
      'More than a million people visited the Ostra museum in 2024.',
      { amount: 1e6, qualifier: 'more-than' },
    ],
    ['"half a million"', 'Half a million people visited the Ostra museum in 2024.', { amount: 5e5 }],
    [
      '"a year and a half", in days',
      'The drought in Tarsis lasted a year and a half.',
      { amount: 547.875, unit: 'duration' },
    ],
  ])('numbers written with an article: %s', (_name, text, value) => {
    expect(frameOf(text)?.value).toMatchObject(value);
  });

  it('reads no duration from a rate ("£5m a year")', () => {
    expect(framesOf('The Tessel tunnel will cost £5m a year to run.').map((f) => f.value.unit)).toEqual([
      'currency:GBP',
    ]);
  });

  it('leaves out ordinals that are not ranks and bare years', () => {
    expect(framesOf('Halvard Shipping opened a second terminal in 2024.').map((f) => f.value.kind)).toEqual([
      'date',
    ]);
  });
});

describe('extractFrames: subject, measure and time', () => {
  it('reads the parts of the frame, with offsets into the article', () => {
    const text =
      'Trade slowed. The Port of Ostmark handled 4.2 million containers in 2025, the harbour authority said.';
    const frame = frameOf(text);
    expect(frame).toMatchObject({
      subject: { text: 'Port of Ostmark', keys: ['port-of-ostmark', 'ostmark'], kind: 'entity' },
      measure: { text: 'handled containers', key: 'container', verb: 'handl' },
      value: { text: '4.2 million' },
      time: { text: '2025', value: '2025' },
    });
    for (const part of [frame?.subject, frame?.value, frame?.time])
      expect(part === undefined ? '' : text.slice(part.start, part.end)).toBe(part?.text);
  });

  it.each([
    [
      'the level verb passes to the noun phrase',
      'Unemployment in the port district fell to 5.1% last year.',
      'unemployment',
      ['port-district'],
    ],
    [
      'a generic head is passed over',
      "Maresby's unemployment rate was 6.3% in March 2025.",
      'unemployment',
      ['maresby'],
    ],
    ['a change, not a level', 'Sales at Corwin Retail rose 12% in 2024.', 'sal:change', ['corwin-retail']],
    [
      '"killed" and "died" are one measure',
      'The floods in Brenna killed nine people last week.',
      'die',
      ['brenna'],
    ],
    [
      'a generic count noun leaves the verb',
      'Nine people died in the floods in Brenna last week.',
      'die',
      ['brenna'],
    ],
    ['a noun-phrase subject', 'The new hospital wing will cost £65 million.', 'cost', ['new-hospital-wing']],
  ])('%s', (_name, text, measure, subject) => {
    expect(frameOf(text)).toMatchObject({ measure: { key: measure }, subject: { keys: subject } });
  });

  it('gives "the Port of X" the key of place X too, so that "X\'s port" meets it', () => {
    expect(frameOf('The Port of Ostmark handled 4.2 million containers in 2025.')?.subject.keys).toEqual([
      'port-of-ostmark',
      'ostmark',
    ]);
  });

  it('dates the value, not the statement', () => {
    expect(frameOf('Halvard Shipping will cut 420 jobs, the company said on Monday.')?.time).toBeUndefined();
    expect(frameOf('Twelve people died in the floods in Harlow Vale last week.')?.time?.value).toBe(
      '2026-03-02/week',
    );
  });

  it('takes the speaker as subject only when the claim names nobody else', () => {
    expect(
      frameOf('Finance Minister Oskar Lind said the deficit reached £14bn in 2024.')?.subject,
    ).toMatchObject({
      kind: 'speaker',
      keys: ['oskar-lind', 'lind'],
    });
  });

  it('keeps full names apart and lets a surname meet either', () => {
    const [ana, marco, ruiz] = [
      'Mayor Ana Ruiz is 54 years old.',
      'Councillor Marco Ruiz is 61 years old.',
      'Ruiz, 54, has led the city since 2019.',
    ].map((t) => frameOf(t)?.subject);
    if (ana === undefined || marco === undefined || ruiz === undefined) throw new Error('no subject');
    expect(sameSubject(ana, marco)).toBe(false);
    expect(sameSubject(ana, ruiz)).toBe(true);
    expect(sameSubject(marco, ruiz)).toBe(true);
  });
});

describe('extractFrames: edge cases', () => {
  const frames = (text: string) => extractFrames({ text, offset: 0, entities: [], dates: [] });
  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t '],
    ['only marks', '%%% $$$ ,,, ...'],
    ['a number with nothing around it', '400.'],
    ['hostile: digits and commas', `${'1,'.repeat(20_000)}1`],
    ['hostile: a long word chain', `${'a-'.repeat(20_000)}a 5%`],
    ['hostile: number words', 'twenty '.repeat(20_000)],
  ])('%s: no frame without a subject and a measure', (_name, text) => {
    expect(frames(text)).toEqual([]);
  });

  it('reads Unicode names and accents', () => {
    expect(frameOf('Zoë Ångström won 52% of the vote in Älvsby in 2023.')?.value).toMatchObject({
      amount: 52,
      unit: 'percent',
    });
  });
});

describe('valuesAgree', () => {
  const n = (
    amount: number,
    precision: number,
    qualifier?: ClaimFrame['value']['qualifier'],
  ): ClaimFrame['value'] => ({
    text: String(amount),
    start: 0,
    end: 0,
    kind: 'number',
    unit: 'count',
    amount,
    precision,
    ...(qualifier === undefined ? {} : { qualifier }),
  });
  const d = (date: string): ClaimFrame['value'] => ({
    text: date,
    start: 0,
    end: 0,
    kind: 'date',
    unit: 'date',
    date,
  });
  it.each([
    ['same figure written two ways', n(4.2e6, 5e4), n(4_200_000, 0.5), true],
    ['within the stated precision', n(4.2e6, 5e4), n(4.19e6, 5e3), true],
    ['600,000 apart', n(4.2e6, 5e4), n(3.6e6, 5e4), false],
    ['12 and 19', n(12, 0.5), n(19, 0.5), false],
    ['"more than 4 million" and 4.2 million', n(4e6, 5e5, 'more-than'), n(4.2e6, 5e4), true],
    ['"more than 5 million" and 4.2 million', n(5e6, 5e5, 'more-than'), n(4.2e6, 5e4), false],
    ['"at least 12" and 19', n(12, 0.5, 'at-least'), n(19, 0.5), true],
    ['"up to 20" and 45', n(20, 0.5, 'at-most'), n(45, 0.5), false],
    ['"about 4.2 million" and 4.19 million', n(4.2e6, 5e4, 'about'), n(4.19e6, 5e3), true],
    ['"about 4.2 million" and 3.6 million', n(4.2e6, 5e4, 'about'), n(3.6e6, 5e4), false],
    ['"nearly 500" and 480', n(500, 0.5, 'nearly'), n(480, 0.5), true],
    ['"nearly 500" and 520', n(500, 0.5, 'nearly'), n(520, 0.5), false],
    ['a month and a day in it', d('2022-06'), d('2022-06-03'), true],
    ['two days', d('2022-06-03'), d('2022-06-17'), false],
    ['two years', d('1998'), d('2003'), false],
  ])('%s', (_name, a, b, agree) => {
    expect(valuesAgree(a, b)).toBe(agree);
    expect(valuesAgree(b, a)).toBe(agree);
  });
});
