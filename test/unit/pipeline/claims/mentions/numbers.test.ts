import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../../../lib/pipeline/claims/mentions/numbers';

const mentions = (t: string) => extractNumbers(t).map((n) => n.mention);

describe('extractNumbers', () => {
  it.each([
    ['empty', '', []],
    ['percent', 'Prices rose 3.2% last month.', [{ text: '3.2%', value: 3.2, unit: 'percent' }]],
    ['per cent words', 'Turnout was 61 per cent.', [{ text: '61 per cent', value: 61, unit: 'percent' }]],
    [
      'dollars with bn',
      'It earned $1.13bn.',
      [{ text: '$1.13bn', value: 1_130_000_000, unit: 'currency', currency: 'USD' }],
    ],
    [
      'pounds with m',
      'A £600m deal.',
      [{ text: '£600m', value: 600_000_000, unit: 'currency', currency: 'GBP' }],
    ],
    ['euro symbol', 'Fines of €20 each.', [{ text: '€20', value: 20, unit: 'currency', currency: 'EUR' }]],
    [
      'yen symbol and million',
      'A ¥5 million grant.',
      [{ text: '¥5 million', value: 5_000_000, unit: 'currency', currency: 'JPY' }],
    ],
    [
      'currency word',
      'They paid 3.5m euros.',
      [{ text: '3.5m euros', value: 3_500_000, unit: 'currency', currency: 'EUR' }],
    ],
    [
      'dollars word and billion',
      'About 2 billion dollars went missing.',
      [{ text: '2 billion dollars', value: 2e9, unit: 'currency', currency: 'USD' }],
    ],
    [
      'thousands separator count',
      'It lost 464,000 subscribers.',
      [{ text: '464,000', value: 464_000, unit: 'count' }],
    ],
    [
      'multiplier word count',
      'Some 12 million people voted.',
      [{ text: '12 million', value: 12e6, unit: 'count' }],
    ],
    [
      'k multiplier for money',
      'A $40k salary.',
      [{ text: '$40k', value: 40_000, unit: 'currency', currency: 'USD' }],
    ],
    [
      'number words',
      'Two million homes and a dozen schools.',
      [
        { text: 'Two million', value: 2e6, unit: 'count' },
        { text: 'dozen', value: 12, unit: 'count' },
      ],
    ],
    ['bare year is not an amount', 'In 2003 it failed.', []],
    ['ordinals and model names are not amounts', 'The 3rd A320 and G7.', []],
    ['a distance in metres is not a count', 'She won the 100m race.', []],
  ])('%s', (_name, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it('leaves out spans claimed by dates', () => {
    const text = 'On 12 March sales hit 40.';
    expect(mentions.call(null, text).map((m) => m.text)).toContain('12');
    expect(extractNumbers(text, [{ start: 3, end: 11 }]).map((n) => n.mention.text)).toEqual(['40']);
  });

  it('offsets point at the mention and hostile input stays bounded', () => {
    const text = `${'9'.repeat(5000)} and ${'1,'.repeat(3000)}2 then $3.`;
    for (const n of extractNumbers(text)) expect(text.slice(n.start, n.end)).toBe(n.mention.text);
  });
});
