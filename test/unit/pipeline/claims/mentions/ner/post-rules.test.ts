import { describe, expect, it } from 'vitest';
import {
  ALL_POST_RULES,
  applyPostRules,
} from '../../../../../../lib/pipeline/claims/mentions/ner/post-rules';
import type { TokenSpan } from '../../../../../../lib/pipeline/claims/mentions/ner/tagger';
import { tokenizeForNer } from '../../../../../../lib/pipeline/claims/mentions/ner/tokens';

/**
 * Applies the rules to spans given as [first word, last word, type] of a sentence, and returns their text.
 * `openers` lists the tokens that open the sentence as common words.
 */
function apply(
  sentence: string,
  spans: [number, number, TokenSpan['type']][],
  openers: number[] = [],
): string[] {
  const tokens = tokenizeForNer(sentence);
  const marks = new Uint8Array(tokens.length);
  for (const i of openers) marks[i] = 1;
  const out = applyPostRules(
    tokens,
    spans.map(([start, last, type]) => ({ start, end: last + 1, type })),
    ALL_POST_RULES,
    marks,
  );
  return out.map(
    (s) =>
      `${tokens
        .slice(s.start, s.end)
        .map((t) => t.text)
        .join(' ')}/${s.type}`,
  );
}

describe('applyPostRules', () => {
  it.each<[string, string, [number, number, TokenSpan['type']][], string[]]>([
    // The tagger stopped before the particle: the name runs on.
    ['Arabic particle word', 'Osama bin Laden spoke', [[0, 0, 'PER']], ['Osama bin Laden/PER']],
    [
      'hyphenated al- surname',
      'Mohammed Shia al-Sudani spoke',
      [[0, 1, 'PER']],
      ['Mohammed Shia al-Sudani/PER'],
    ],
    ['two particles', 'Ruud van der Sar saved it', [[0, 0, 'PER']], ['Ruud van der Sar/PER']],
    ['Spanish de la', 'Oscar de la Hoya won', [[0, 0, 'PER']], ['Oscar de la Hoya/PER']],
    [
      'merges the surname the tagger typed apart',
      'Ludwig van Beethoven wrote',
      [
        [0, 0, 'PER'],
        [2, 2, 'LOC'],
      ],
      ['Ludwig van Beethoven/PER'],
    ],
    ['no capital after the particle: no extension', 'Anna de facto ruled', [[0, 0, 'PER']], ['Anna/PER']],
    ['a lower-case word is not a particle', 'Anna of Cleves', [[0, 0, 'PER']], ['Anna/PER']],
    ['not after an organisation', 'Acme de Paris', [[0, 0, 'ORG']], ['Acme/ORG']],
    ['title dropped from a person', 'President Hamid Karzai', [[0, 2, 'PER']], ['Hamid Karzai/PER']],
    ['a lone title stays', 'President spoke', [[0, 0, 'PER']], ['President/PER']],
    [
      'company suffix makes an organisation',
      'Halvard Shipping Ltd fell',
      [[0, 1, 'PER']],
      ['Halvard Shipping Ltd/ORG'],
    ],
    ['lower-case suffix word is not one', 'Halvard group fell', [[0, 0, 'ORG']], ['Halvard/ORG']],
  ])('%s', (_name, sentence, spans, expected) => {
    expect(apply(sentence, spans)).toEqual(expected);
  });

  it.each<[string, string, [number, number, TokenSpan['type']][], number[], string[]]>([
    [
      'a lone common opener is dropped',
      '(WIRE) Intelligence chiefs met',
      [
        [1, 1, 'ORG'],
        [3, 3, 'ORG'],
      ],
      [3],
      ['WIRE/ORG'],
    ],
    [
      'a longer name at the opening stays',
      'Intelligence Bureau staff met',
      [[0, 1, 'ORG']],
      [0],
      ['Intelligence Bureau/ORG'],
    ],
    ['an opener that is not common stays', 'Zentrix staff met', [[0, 0, 'ORG']], [], ['Zentrix/ORG']],
  ])('common openers: %s', (_name, sentence, spans, openers, expected) => {
    expect(apply(sentence, spans, openers)).toEqual(expected);
  });
});
