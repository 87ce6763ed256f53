import { describe, expect, it } from 'vitest';
import {
  extractArticleEntities,
  extractEntities,
} from '../../../../../lib/pipeline/claims/mentions/entities';
import type { EntityType } from '../../../../../lib/pipeline/types';

// Sentences written for these tests in the style of international wire copy: names with Arabic, Dutch,
// German, Spanish, Portuguese, Italian, Irish and Scottish particles, hyphenated names, titles before names,
// and capitalised sentence openers after a bracketed source tag.
type Case = [name: string, sentence: string, expected: [string, EntityType][], absent?: string[]];

const cases: Case[] = [
  ['empty', '', []],
  ['whitespace only', ' \n\t ', []],
  ['lower case only', 'prices rose again today.', []],
  [
    'al- names after titles, nationalities typed other',
    'Syrian President Ahmed al-Sharaa held talks with Iraqi intelligence director Hamid al-Shatri in Damascus.',
    [
      ['Syrian', 'other'],
      ['Ahmed al-Sharaa', 'person'],
      ['Iraqi', 'other'],
      ['Hamid al-Shatri', 'person'],
      ['Damascus', 'place'],
    ],
    ['Ahmed', 'Hamid', 'President Ahmed al-Sharaa'],
  ],
  [
    'three-part name with a particle',
    'Prime Minister Mohammed Shia al-Sudani said the border would reopen.',
    [['Mohammed Shia al-Sudani', 'person']],
    ['Mohammed Shia'],
  ],
  [
    'particle name before a possessive',
    "Officials who served Bashar al-Assad's former government fled to the coast.",
    [['Bashar al-Assad', 'person']],
    ['Bashar'],
  ],
  [
    'a capitalised opener after a source tag is not a name',
    '(WIRE) Intelligence chiefs from both countries agreed to share data.',
    [],
    ['Intelligence', 'Intelligence chiefs'],
  ],
  [
    'another sentence-initial common word',
    '(Newsdesk) Security officials said the talks went well.',
    [],
    ['Security'],
  ],
  [
    'Dutch van der',
    'Coach Jan van der Berg praised the defence after the match.',
    [['Jan van der Berg', 'person']],
  ],
  [
    'German von',
    'Chancellor Ursula von Hagen visited the plant in Leipzig.',
    [
      ['Ursula von Hagen', 'person'],
      ['Leipzig', 'place'],
    ],
  ],
  ['Spanish de la', 'The boxer José de la Cruz won the title in Madrid.', [['José de la Cruz', 'person']]],
  [
    'Portuguese dos and da',
    'Brazilian lawmakers João dos Santos and Luiz da Silva voted against the bill.',
    [
      ['João dos Santos', 'person'],
      ['Luiz da Silva', 'person'],
    ],
  ],
  ['Italian di', 'Italian prosecutor Marco di Stefano opened an inquiry.', [['Marco di Stefano', 'person']]],
  [
    "Irish O' names",
    "Sinead O'Connor and Padraig O’Brien performed in Dublin.",
    [
      ["Sinead O'Connor", 'person'],
      ['Padraig O’Brien', 'person'],
      ['Dublin', 'place'],
    ],
  ],
  [
    'Scottish Mac and Mc',
    'Angus MacLeod and Fiona McIntyre of the Scottish National Party spoke.',
    [
      ['Angus MacLeod', 'person'],
      ['Fiona McIntyre', 'person'],
      ['Scottish National Party', 'organization'],
    ],
  ],
  [
    'hyphenated first name and surname',
    'Anna-Lena Brandt-Hoffmann joined Siemens in 2019.',
    [
      ['Anna-Lena Brandt-Hoffmann', 'person'],
      ['Siemens', 'organization'],
    ],
  ],
  [
    'bin, ibn and abu',
    'Crown Prince Mohammed bin Salman met Abdullah ibn Saud and Abu Bakr al-Baghdadi.',
    [
      ['Mohammed bin Salman', 'person'],
      ['Abdullah ibn Saud', 'person'],
      ['Abu Bakr al-Baghdadi', 'person'],
    ],
  ],
  ['el-', 'Egyptian President Abdel Fattah el-Sisi arrived in Cairo.', [['Abdel Fattah el-Sisi', 'person']]],
  [
    'ter, a company suffix and a ministry',
    'Spokesman Gerard ter Horst said Acme Holdings Ltd had been fined by the Ministry of Defence.',
    [
      ['Gerard ter Horst', 'person'],
      ['Acme Holdings Ltd', 'organization'],
      ['Ministry of Defence', 'organization'],
    ],
  ],
];

describe('extractEntities', () => {
  it.each(cases)('%s', (_name, sentence, expected, absent = []) => {
    const entities = extractEntities(sentence);
    const found = entities.map((e) => [e.text, e.type]);
    expect(found).toEqual(expect.arrayContaining(expected));
    for (const text of absent) expect(found.map(([t]) => t)).not.toContain(text);
    for (const e of entities) expect(sentence.slice(e.start, e.end)).toBe(e.text);
    if (expected.length === 0 && absent.length === 0) expect(entities).toEqual([]);
  });

  it('is linear and bounded on hostile input', () => {
    const text = `${'Abc '.repeat(20_000)}end. ${'x'.repeat(200_000)}`;
    const entities = extractEntities(text);
    for (const e of entities) expect(e.text.length).toBeLessThan(20_000);
  });
});

describe('extractArticleEntities', () => {
  const text = [
    'Syrian President Ahmed al-Sharaa arrived in Baghdad on Sunday.',
    'Sharaa said 1,200 prisoners would be freed.',
    'Later, al-Sharaa met Iraqi Prime Minister Mohammed Shia al-Sudani.',
    'The Syrian president said the talks went well, and the prime minister agreed.',
    'The European Union welcomed the deal, and the EU will send aid.',
  ].join(' ');
  const sentences = text
    .split(/(?<=\.) /)
    .map((s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length }));

  it('resolves every mention of a person to the longest full name, per sentence', () => {
    const perSentence = extractArticleEntities(text, sentences);
    expect(perSentence).toHaveLength(sentences.length);
    const resolved = perSentence.flat().map((e) => [e.text, e.type, e.canonical]);
    expect(resolved).toEqual(
      expect.arrayContaining([
        ['Ahmed al-Sharaa', 'person', 'Ahmed al-Sharaa'],
        ['Sharaa', 'person', 'Ahmed al-Sharaa'],
        ['al-Sharaa', 'person', 'Ahmed al-Sharaa'],
        ['Syrian president', 'person', 'Ahmed al-Sharaa'],
        ['prime minister', 'person', 'Mohammed Shia al-Sudani'],
        ['EU', 'organization', 'European Union'],
      ]),
    );
    perSentence.forEach((entities, i) => {
      for (const e of entities) {
        expect(text.slice(e.start, e.end)).toBe(e.text);
        expect(e.start).toBeGreaterThanOrEqual(sentences[i]?.start ?? 0);
        expect(e.end).toBeLessThanOrEqual(sentences[i]?.end ?? 0);
      }
    });
  });

  it('is deterministic', () => {
    expect(extractArticleEntities(text, sentences)).toEqual(extractArticleEntities(text, sentences));
  });
});
