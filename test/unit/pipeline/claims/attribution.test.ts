import { describe, expect, it } from 'vitest';
import { findAttribution } from '../../../../lib/pipeline/claims/attribution';
import type { Attribution } from '../../../../lib/pipeline/types';

describe('findAttribution', () => {
  const cases: [string, string, Attribution | undefined][] = [
    ['empty', '', undefined],
    ['no source', 'Prices rose sharply in May.', undefined],
    [
      'name said',
      'Oriel Danvers said the plan was dead.',
      { source: 'Oriel Danvers', verb: 'said', anonymous: false },
    ],
    [
      'title name warned',
      'Mr Penhale warned that rents could rise.',
      { source: 'Mr Penhale', verb: 'warned', anonymous: false },
    ],
    [
      'noun phrase',
      'However, the company said sales rose.',
      { source: 'the company', verb: 'said', anonymous: false },
    ],
    ['pronoun', '"We will win," he said.', { source: 'he', verb: 'said', anonymous: false }],
    [
      'inverted',
      '"It is hard," said Ada Quill, an economist.',
      { source: 'Ada Quill', verb: 'said', anonymous: false },
    ],
    [
      'according to',
      'According to the statistics office, prices rose.',
      { source: 'the statistics office', verb: 'according to', anonymous: false },
    ],
    [
      'told',
      'The minister told MPs the budget was safe.',
      { source: 'The minister', verb: 'told', anonymous: false },
    ],
    [
      'announced',
      'Brackwater Holdings announced 300 job cuts.',
      { source: 'Brackwater Holdings', verb: 'announced', anonymous: false },
    ],
    [
      'sources said',
      'Sources said the deal was close.',
      { source: 'Sources', verb: 'said', anonymous: true },
    ],
    [
      'unidentified official',
      'An unidentified official claimed the vote was rigged.',
      { source: 'An unidentified official', verb: 'claimed', anonymous: true },
    ],
    [
      'person familiar with the matter',
      'A person familiar with the matter told reporters the bid failed.',
      { source: 'A person familiar with the matter', verb: 'told', anonymous: true },
    ],
    [
      'asked not to be named',
      'Officials who asked not to be named said talks had failed.',
      { source: 'Officials who asked not to be named', verb: 'said', anonymous: true },
    ],
    [
      'according to sources',
      'According to sources close to the club, he will leave.',
      { source: 'sources close to the club', verb: 'according to', anonymous: true },
    ],
  ];
  it.each(cases)('%s', (_name, sentence, expected) => {
    expect(findAttribution(sentence)).toEqual(expected);
  });

  it('is bounded on hostile input', () => {
    expect(findAttribution(`${'the '.repeat(5000)}x said.`)?.verb).toBe('said');
  });
});
