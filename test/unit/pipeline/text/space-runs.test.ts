import { describe, expect, it } from 'vitest';
import { SPACE_RUNS } from '../../../../lib/pipeline/text/space-runs';

const old = (text: string) => text.replace(/\s+/g, ' ');
const now = (text: string) => text.replace(SPACE_RUNS, ' ');

describe('SPACE_RUNS', () => {
  it('gives what /\\s+/g gives on hand-picked runs', () => {
    for (const text of [
      '',
      ' ',
      '  ',
      'a b',
      'a  b',
      'a\nb',
      ' a ',
      '\t',
      'a \n b',
      'a\u00a0b',
      'a \u2003\u2003b',
      '\n\n\npara\n\n',
    ])
      expect(now(text)).toBe(old(text));
  });

  it('gives what /\\s+/g gives on every string of up to 5 characters over spaces, breaks and letters', () => {
    const alphabet = [' ', '\n', '\t', '\r', '\u00a0', '\u3000', 'a', '.'];
    let texts = [''];
    for (let length = 1; length <= 5; length++) {
      texts = texts.flatMap((t) => alphabet.map((c) => t + c));
      for (const text of texts) expect(now(text)).toBe(old(text));
    }
  });

  it('leaves text with single spaces as it is', () => {
    const prose = 'The council met on Thursday and approved the budget, officials said.';
    expect(now(prose)).toBe(prose);
  });
});
