import { describe, expect, it } from 'vitest';
import { readFigures } from '../../../../lib/pipeline/claims';
import { MAX_FIGURES_READ } from '../../../../lib/pipeline/claims/frames/figures';
import {
  FIGURES_VERSION,
  figuresAgree,
  figuresFingerprint,
  MAX_FIGURES,
} from '../../../../lib/pipeline/dedup/figures';

const FLOODS =
  'Twelve people died in the floods in Brenna last week, the regional government said on Monday.';

describe('readFigures', () => {
  it.each([
    // Both are empty!
    ['', []],
    ['   \n\t ', []],
    ['No numbers here at all.', []],
    [FLOODS, ['count:12']],
    ['Nineteen people died.', ['count:19']],
    ['The council spent £4.2m, up 5 per cent.', ['currency:GBP:4200000', 'percent:5']],
    ['More than 3,600 homes lost power.', ['count:3600']],
    // A date's day is no count; a date that states its year is a figure, one relative to the upload is not.
    ['The bridge opened on 12 March 2024 after 18 months.', ['duration:547.92', 'date:2024-03-12']],
    ['In 2019 the toll was 40.', ['count:40', 'date:2019']],
    ['The bridge opened on 12 March after 18 months.', ['duration:547.92']],
    ['It opened last week, on Monday.', []],
    // Clock times and numbers inside names are not figures of the story.
    ['The train left at 10:30 with 200 passengers.', ['count:200']],
    ['A Boeing 737 carried 150 people.', ['count:150']],
    // …but a colon before a figure is just punctuation.
    ['The toll: 12 dead.', ['count:12']],
    ['Zürich: 7 Fälle', ['count:7']],
  ])('%j → %j', (text, expected) => {
    expect(readFigures(text)).toEqual(expected);
  });

  it('gives up on a table-sized list of figures rather than read part of it', () => {
    expect(readFigures('7 apples and 8 pears. '.repeat(MAX_FIGURES_READ / 2))).toHaveLength(MAX_FIGURES_READ);
    expect(readFigures('7 apples and 8 pears. '.repeat(20_000))).toBeUndefined();
  });

  it('reads the figures of a long story with few numbers', () => {
    const text = `${'The river rose through the night and the town waited. '.repeat(5_000)}Twelve died.`;
    expect(readFigures(text)).toEqual(['count:12']);
  });
});

describe('figuresFingerprint and figuresAgree', () => {
  const agree = (a: string, b: string) => figuresAgree(figuresFingerprint(a), figuresFingerprint(b));

  it.each([
    [
      'same figures in other words and order',
      FLOODS,
      'Last week 12 died in Brenna floods, officials said. Nobody else was hurt.',
      true,
    ],
    ['"Twelve" and "12"', 'Twelve people died.', '12 people died.', true],
    ['a changed figure', FLOODS, FLOODS.replace('Twelve', 'Nineteen'), false],
    ['no figures on either side', 'The mayor resigned.', 'The mayor has resigned.', true],
    ['a copy that drops a paragraph with a figure', `${FLOODS}\n\nDamage reached €3m.`, FLOODS, true],
    [
      'a copy that adds a figure and changes another',
      `${FLOODS}`,
      'Nineteen people died. Damage reached €3m.',
      false,
    ],
    ['one figure said twice vs once', 'Twelve died. The twelve victims were named.', 'Twelve died.', true],
    ['an amount in another currency', 'It cost $5m.', 'It cost £5m.', false],
    ['an event moved to another year', 'Okafor was elected in 2021.', 'Okafor was elected in 2017.', false],
    ['one date written two ways', 'It opened on 14 April 2023.', 'It opened on April 14, 2023.', true],
  ])('%s', (_name, a, b, expected) => {
    expect(agree(a, b)).toBe(expected);
    // Symmetric: both orders of processing reach the same decision.
    expect(agree(b, a)).toBe(expected);
  });

  it('equal texts have equal fingerprints, headed by the version', () => {
    const fingerprint = figuresFingerprint(FLOODS);
    expect(fingerprint).toEqual(figuresFingerprint(FLOODS));
    expect(fingerprint[0]).toBe(FIGURES_VERSION * 4);
    expect(fingerprint).toHaveLength(2);
  });

  it('a record written before fingerprints (or of another version) agrees with everything', () => {
    const mine = figuresFingerprint(FLOODS);
    expect(figuresAgree(mine, undefined)).toBe(true);
    expect(figuresAgree(undefined, mine)).toBe(true);
    expect(figuresAgree(mine, Uint32Array.of((FIGURES_VERSION + 1) * 4, 1, 2))).toBe(true);
    expect(figuresAgree(mine, new Uint32Array())).toBe(true);
  });

  it('keeps the smallest MAX_FIGURES hashes of a long list and compares below both cut-offs', () => {
    const many = Array.from({ length: 3 * MAX_FIGURES }, (_, i) => `${i + 1} sheep`).join(', ');
    const fingerprint = figuresFingerprint(many);
    expect(fingerprint).toHaveLength(MAX_FIGURES + 1);
    expect((fingerprint[0] ?? 0) & 1).toBe(1);
    // The same list without its last third: every kept hash of the shorter is among the longer's.
    const fewer = Array.from({ length: 2 * MAX_FIGURES }, (_, i) => `${i + 1} sheep`).join(', ');
    expect(figuresAgree(fingerprint, figuresFingerprint(fewer))).toBe(true);
    expect(figuresAgree(fingerprint, fingerprint)).toBe(true);
  });
});

describe('figuresFingerprint on texts with too many figures', () => {
  it('marks them unread, and an unread fingerprint agrees with any other', () => {
    const table = '7 apples and 8 pears. '.repeat(MAX_FIGURES_READ);
    const unread = figuresFingerprint(table);
    expect(unread).toHaveLength(1);
    expect(figuresAgree(unread, figuresFingerprint('Nineteen people died.'))).toBe(true);
    expect(figuresAgree(figuresFingerprint('Nineteen people died.'), unread)).toBe(true);
  });
});

describe('readFigures on crafted runs of digits and marks', () => {
  it.each([
    ['clock times', '10:30 '],
    ['colons', '1:'],
    ['dashes', '1-'],
  ])('gives up on a megabyte of %s', (_name, unit) => {
    // Both are over MAX_CHARS_READ of stretches around numbers without a single figure in them.
    expect(readFigures(unit.repeat((1 << 20) / unit.length))).toBeUndefined();
  });
});
