import { describe, expect, it } from 'vitest';
import { type DateReference, extractDates } from '../../../../../lib/pipeline/claims/mentions/dates';

// Thursday 16 May 2024.
const REF: DateReference = { date: '2024-05-16T09:30:00Z', source: 'published' };
const values = (t: string, ref: DateReference | undefined = REF) =>
  extractDates(t, ref).map((d) => [d.mention.text, d.mention.value ?? null]);

describe('extractDates', () => {
  it.each([
    ['empty', '', []],
    ['day month year', 'It began on 12 March 2024.', [['12 March 2024', '2024-03-12']]],
    ['month day, year', 'It began on March 12, 2024.', [['March 12, 2024', '2024-03-12']]],
    ['ISO', 'Filed 2024-03-12 late.', [['2024-03-12', '2024-03-12']]],
    ['month year', 'Prices peaked in March 2024.', [['March 2024', '2024-03']]],
    ['year', 'The law changed in 1998.', [['1998', '1998']]],
    ['financial year = its first year', 'The budget for 2025-26 passed.', [['2025-26', '2025']]],
    [
      'season with an en dash or slash',
      'From 1998–99 to 2003/04.',
      [
        ['1998–99', '1998'],
        ['2003/04', '2003'],
      ],
    ],
    ['non-consecutive years are not a season', 'Filed 2003-05 notes.', [['2003', '2003']]],
    ['impossible day is dropped', 'On 31 February 2024 nothing happened.', []],
    ['weekday = latest on or before the reference', 'He resigned on Monday.', [['on Monday', '2024-05-13']]],
    ['same weekday = the reference day', 'It closed Thursday.', [['Thursday', '2024-05-16']]],
    ['last December', 'Last December the plant shut.', [['Last December', '2023-12']]],
    ['month and day without year', 'Talks end April 25.', [['April 25', '2024-04-25']]],
    ['day month without year', 'Talks end 25 April.', [['25 April', '2024-04-25']]],
    ['yesterday', 'Shares fell yesterday.', [['yesterday', '2024-05-15']]],
    ['tomorrow', 'Voting starts tomorrow.', [['tomorrow', '2024-05-17']]],
    ['last week = its Monday', 'Talks stalled last week.', [['last week', '2024-05-06']]],
    ['next month', 'It opens next month.', [['next month', '2024-06']]],
    ['last year', 'Sales doubled last year.', [['last year', '2023']]],
    ['"may" the verb is not a month', 'Prices may march higher.', []],
    ['amounts are not years', 'It cost $2004 and 2005% more.', []],
  ])('%s', (_name, text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('states the reference for relative dates only', () => {
    const [relative, absolute] = extractDates('Yesterday, not 3 June 2020.', REF);
    expect(relative?.mention.reference).toEqual({ date: '2024-05-16', source: 'published' });
    expect(absolute?.mention.reference).toBeUndefined();
  });

  it('marks week values', () => {
    expect(extractDates('It rained this week.', REF)[0]?.mention.granularity).toBe('week');
  });

  const unresolved: [string, DateReference | undefined][] = [
    ['no reference', undefined],
    ['unparseable reference', { date: 'soon', source: 'uploaded' }],
  ];
  it.each(unresolved)('keeps relative dates unresolved with %s', (_name, ref) => {
    const [d] = extractDates('It happened on Friday.', ref);
    expect(d?.mention.text).toBe('on Friday');
    expect(d?.mention.value).toBeUndefined();
    expect(d?.mention.reference).toBeUndefined();
  });
});
