import { describe, expect, it } from 'vitest';
import { collectKnownNames, extractEntities } from '../../../../../lib/pipeline/claims/mentions/entities';
import type { Entity } from '../../../../../lib/pipeline/types';

describe('extractEntities', () => {
  const cases: [string, string, Entity[]][] = [
    ['empty', '', []],
    ['lower case only', 'prices rose again today.', []],
    [
      'title makes a person',
      'Talks with Mr Aldous Penhale ended.',
      [{ text: 'Aldous Penhale', kind: 'person' }],
    ],
    [
      'multi-word title',
      'Prime Minister Tova Lindqvist spoke.',
      [{ text: 'Tova Lindqvist', kind: 'person' }],
    ],
    ['title with a full stop', 'It was Dr. Ines Varga who won.', [{ text: 'Ines Varga', kind: 'person' }]],
    [
      'organisation suffix',
      'Shares in Brackwater Holdings fell.',
      [{ text: 'Brackwater Holdings', kind: 'organisation' }],
    ],
    [
      'organisation with connector',
      'The Bank of Zembla raised rates.',
      [{ text: 'Bank of Zembla', kind: 'organisation' }],
    ],
    ['acronym', 'The probe by the SEC widened.', [{ text: 'SEC', kind: 'organisation' }]],
    [
      'gazetteer place',
      'Flights to Lisbon and New Zealand resumed.',
      [
        { text: 'Lisbon', kind: 'place' },
        { text: 'New Zealand', kind: 'place' },
      ],
    ],
    ['U.S. keeps its stop', 'Exports to the U.S. grew.', [{ text: 'U.S.', kind: 'place' }]],
    [
      'name before a speech verb is a person',
      'Later, Oriel Danvers said it was over.',
      [{ text: 'Oriel Danvers', kind: 'person' }],
    ],
    ['sentence-initial common word is not an entity', 'However the vote failed.', []],
    ['sentence-initial unknown single word is not an entity', 'Quarterly sales slipped.', []],
    [
      'sentence-initial two-word name is kept',
      'Oriel Danvers said no.',
      [{ text: 'Oriel Danvers', kind: 'person' }],
    ],
    [
      'months and weekdays are not names',
      'On Friday in March they met Lisbon officials.',
      [{ text: 'Lisbon', kind: 'place' }],
    ],
    ['possessive is stripped', 'It cut Zentrix’s costs.', [{ text: 'Zentrix', kind: 'other' }]],
    [
      'honorific starts a new name',
      'The Bank of Zembla and Ms Ada Quill met.',
      [
        { text: 'Bank of Zembla', kind: 'organisation' },
        { text: 'Ada Quill', kind: 'person' },
      ],
    ],
    [
      'unicode names',
      'Visits by Zoë Ångström to München.',
      [
        { text: 'Zoë Ångström', kind: 'other' },
        { text: 'München', kind: 'other' },
      ],
    ],
  ];
  it.each(cases)('%s', (_name, sentence, expected) => {
    expect(extractEntities(sentence)).toEqual(expected);
  });

  it('keeps a sentence-initial name that the article uses elsewhere', () => {
    const article = 'Profits at Zentrix rose. Zentrix plans more stores.';
    const known = collectKnownNames(article);
    expect(extractEntities('Zentrix plans more stores.', { knownNames: known })).toEqual([
      { text: 'Zentrix', kind: 'other' },
    ]);
    expect(extractEntities('Zentrix plans more stores.')).toEqual([]);
  });

  it('is bounded on hostile input', () => {
    const text = `${'Abc '.repeat(20_000)}end.`;
    expect(extractEntities(text)).toHaveLength(1);
  });
});
