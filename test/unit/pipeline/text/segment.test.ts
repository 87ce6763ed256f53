import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';

const texts = (t: string): string[] => segmentSentences(t).map((s) => s.text);

describe('segmentSentences', () => {
  it.each([
    ['empty', '', []],
    ['whitespace only', ' \n\t \n\n ', []],
    ['one sentence without a stop', 'Budget talks resume', ['Budget talks resume']],
    ['titles', 'Mr. Okafor met Dr. Lind. They spoke.', ['Mr. Okafor met Dr. Lind.', 'They spoke.']],
    [
      'a title glued to a source credit',
      'Oslo (Wire)Sen. Alma Reyes will retire. [Update]Dr. Ines Moro agreed.',
      ['Oslo (Wire)Sen. Alma Reyes will retire.', '[Update]Dr. Ines Moro agreed.'],
    ],
    [
      'a bracket closing a sentence',
      'Prices rose (again). They fell.',
      ['Prices rose (again).', 'They fell.'],
    ],
    [
      'Mrs and St',
      'Mrs. Vale lives on St. Anne Road. She cycles.',
      ['Mrs. Vale lives on St. Anne Road.', 'She cycles.'],
    ],
    [
      'U.S. before a name',
      'The U.S. Treasury sold bonds. Yields fell.',
      ['The U.S. Treasury sold bonds.', 'Yields fell.'],
    ],
    [
      'U.K. at the end of a sentence',
      'Rain fell across the U.K. The clean-up began.',
      ['Rain fell across the U.K.', 'The clean-up began.'],
    ],
    [
      'month abbreviation before a number',
      'It opened on Jan. 4 and closed in Feb. 2021 for good.',
      ['It opened on Jan. 4 and closed in Feb. 2021 for good.'],
    ],
    [
      'e.g. and i.e.',
      'Some fruit, e.g. plums, i.e. stone fruit, ripened. Others did not.',
      ['Some fruit, e.g. plums, i.e. stone fruit, ripened.', 'Others did not.'],
    ],
    [
      'No. before a number',
      'She lives at No. 7 Mill Lane. It is blue.',
      ['She lives at No. 7 Mill Lane.', 'It is blue.'],
    ],
    [
      'initials',
      'The novel by J. R. Hartley sold well. Critics agreed.',
      ['The novel by J. R. Hartley sold well.', 'Critics agreed.'],
    ],
    [
      'decimals and money',
      'Revenue rose 3.2% to $1.5bn. Costs were £2.75m.',
      ['Revenue rose 3.2% to $1.5bn.', 'Costs were £2.75m.'],
    ],
    [
      'quote ends a sentence',
      'He said, "We are ready." Next came the vote.',
      ['He said, "We are ready."', 'Next came the vote.'],
    ],
    ['question and exclamation', 'Is it over? Not yet! Wait.', ['Is it over?', 'Not yet!', 'Wait.']],
    [
      'ellipsis before lower case continues',
      'He paused... and then left. Done.',
      ['He paused... and then left.', 'Done.'],
    ],
    ['ellipsis before a capital ends', 'It faded… The end came fast.', ['It faded…', 'The end came fast.']],
    [
      'paragraph break ends a headline',
      'Markets rally\n\nShares climbed on Monday.',
      ['Markets rally', 'Shares climbed on Monday.'],
    ],
    [
      'paragraph break ends even mid-clause',
      'the first part\n\nthe second part',
      ['the first part', 'the second part'],
    ],
    [
      'bullets',
      'Plans include:\n- lower fares\n- new trains',
      ['Plans include:', '- lower fares', '- new trains'],
    ],
    [
      'glued full stop',
      'Sales rose 2%.For the year, profit grew.It was $4bn.However, debt rose.',
      ['Sales rose 2%.', 'For the year, profit grew.', 'It was $4bn.', 'However, debt rose.'],
    ],
    [
      'glued after an acronym',
      'Users left AOL.Its rivals gained.',
      ['Users left AOL.', 'Its rivals gained.'],
    ],
    ['glued quote', 'She said it was "fine."Then she left.', ['She said it was "fine."', 'Then she left.']],
    [
      'URL and version numbers stay whole',
      'See example.com/a.html for v2.1 notes. Thanks.',
      ['See example.com/a.html for v2.1 notes.', 'Thanks.'],
    ],
    [
      'unicode',
      'Zoë Müller gewann. Ærø fährt Fähre. 東京は晴れ。',
      ['Zoë Müller gewann.', 'Ærø fährt Fähre.', '東京は晴れ。'],
    ],
    [
      'headline on its own line without a full stop',
      'Markets rally\nShares climbed on Monday.',
      ['Markets rally', 'Shares climbed on Monday.'],
    ],
    [
      'bullet and numbered lists without full stops',
      'Key points:\n• fares frozen\n• new trains\n1. more buses\n2) fewer cars',
      ['Key points:', '• fares frozen', '• new trains', '1. more buses', '2) fewer cars'],
    ],
    [
      'money glued to the next sentence',
      'Profit hit $1.5bn.The firm said so.',
      ['Profit hit $1.5bn.', 'The firm said so.'],
    ],
    [
      'month abbreviation that ends a sentence',
      'The vote was set for Jan. The delay angered MPs.',
      ['The vote was set for Jan.', 'The delay angered MPs.'],
    ],
    [
      'exclamation inside a quote ends the sentence',
      'He said: "It is over!" Then he left.',
      ['He said: "It is over!"', 'Then he left.'],
    ],
    [
      'quoted question followed by lower case continues',
      '"Is it true?" she asked. Nobody knew.',
      ['"Is it true?" she asked.', 'Nobody knew.'],
    ],
    [
      'spaced ellipsis before a capital ends once',
      'Wait for it . . . The results are in.',
      ['Wait for it . . .', 'The results are in.'],
    ],
    [
      'spaced ellipsis before lower case continues',
      'Wait for it . . . the results are in.',
      ['Wait for it . . . the results are in.'],
    ],
    [
      'initials and a.m./p.m. mid-sentence',
      'Ms. A. B. Smith arrived at 3 p.m. on Friday.',
      ['Ms. A. B. Smith arrived at 3 p.m. on Friday.'],
    ],
    [
      'percentages with decimals',
      'Prices rose 0.5%. Rates held at 4.25%.',
      ['Prices rose 0.5%.', 'Rates held at 4.25%.'],
    ],
    [
      'CRLF paragraphs',
      'First line here.\r\n\r\nSecond line here.',
      ['First line here.', 'Second line here.'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it.each([
    ['mixed article', '  Lead para. Mr. X said "yes."\n\nNext para!  Final 2.5% gain...  '],
    ['hostile: dots only', '..........'],
    ['hostile: no spaces', 'a.b.c.d.E.F.g?h!I'],
    ['hostile: quotes', '"""."""!"?"'],
    ['spaced ellipses and glued stops', 'A . . . B. . .c.D . . . '],
    ['unicode surrogate pairs', 'Emoji 😀 here. More 🎉 there!'],
  ])('offsets are exact and trimmed: %s', (_name, text) => {
    for (const s of segmentSentences(text)) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
      expect(s.text.length).toBeGreaterThan(0);
    }
  });

  it('sentences are ordered and do not overlap', () => {
    const text = 'One. Two. Three.\n\nFour? Five!';
    const s = segmentSentences(text);
    for (let i = 1; i < s.length; i++) expect(s[i]?.start ?? 0).toBeGreaterThanOrEqual(s[i - 1]?.end ?? 0);
  });

  it('handles a very long input with every sentence kept', () => {
    const text = 'The committee met again today. '.repeat(20_000);
    const s = segmentSentences(text);
    expect(s).toHaveLength(20_000);
    expect(s[19_999]?.text).toBe('The committee met again today.');
  });

  it('handles a very long single token', () => {
    const text = `${'a.'.repeat(50_000)} End.`;
    const s = segmentSentences(text);
    expect(s.map((x) => x.text).join(' ')).toBe(text);
  });
});
