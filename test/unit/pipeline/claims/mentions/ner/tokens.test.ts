import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_CHARS, tokenizeForNer } from '../../../../../../lib/pipeline/claims/mentions/ner/tokens';

const words = (text: string) => tokenizeForNer(text).map((t) => t.text);

describe('tokenizeForNer', () => {
  it.each<[string, string, string[]]>([
    ['empty', '', []],
    ['whitespace only', ' \n\t ', []],
    [
      'particle names stay whole',
      'Ahmed al-Sharaa met Sinead O’Connor.',
      ['Ahmed', 'al-Sharaa', 'met', 'Sinead', 'O’Connor', '.'],
    ],
    ['possessive is its own token', "Bashar al-Assad's rule", ['Bashar', 'al-Assad', "'s", 'rule']],
    ['initials keep their full stops', 'the U.S. and J. Smith', ['the', 'U.S.', 'and', 'J.', 'Smith']],
    ['abbreviations keep theirs', 'Acme Corp. and Mr. Vos', ['Acme', 'Corp.', 'and', 'Mr.', 'Vos']],
    ['a sentence-final full stop is split off', 'They met in Oslo.', ['They', 'met', 'in', 'Oslo', '.']],
    ['numbers with separators', 'It cost 1,200.50 or 3.5%', ['It', 'cost', '1,200.50', 'or', '3.5', '%']],
    [
      'brackets around a source tag',
      '(WIRE) Intelligence chiefs',
      ['(', 'WIRE', ')', 'Intelligence', 'chiefs'],
    ],
    ['Unicode letters and marks', 'Zoë Ångström in Zürich', ['Zoë', 'Ångström', 'in', 'Zürich']],
    ['an emoji is one token', 'Go 🚀 now', ['Go', '🚀', 'now']],
  ])('%s', (_name, text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('gives offsets into the text, also inside a range', () => {
    const text = 'x. Hamid al-Shatri spoke';
    for (const t of tokenizeForNer(text, 3)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenizeForNer(text, 3, 8).map((t) => t.text)).toEqual(['Hamid']);
  });

  it('cuts a hostile endless word into bounded tokens', () => {
    const tokens = tokenizeForNer('a'.repeat(100_000));
    expect(tokens.every((t) => t.text.length <= MAX_TOKEN_CHARS)).toBe(true);
    expect(tokens.map((t) => t.text).join('')).toHaveLength(100_000);
  });
});
