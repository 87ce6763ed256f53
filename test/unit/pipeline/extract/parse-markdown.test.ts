import { describe, expect, it } from 'vitest';
import { parseMarkdown, stripInlineMarkdown } from '../../../../lib/pipeline/extract/parse-markdown';

describe('parseMarkdown', () => {
  it('takes the first "# " heading as the title and leaves it out of the body', () => {
    const doc = parseMarkdown('# Rail strike called off\n\nUnions and operators reached a deal on Sunday.\n');
    expect(doc).toEqual({
      kind: 'parsed',
      format: 'markdown',
      title: 'Rail strike called off',
      body: 'Unions and operators reached a deal on Sunday.',
    });
  });

  it('prefers the front matter title and reads its date, author and url', () => {
    const doc = parseMarkdown(
      '---\ntitle: "Rail strike called off"\ndate: 2025-06-01\nauthor: Ines Barros\nurl: https://x.example/rail\n---\n\n# Rail strike called off\n\nBody.',
    );
    expect(doc).toMatchObject({
      title: 'Rail strike called off',
      published: '2025-06-01',
      byline: 'Ines Barros',
      url: 'https://x.example/rail',
      body: 'Body.',
    });
  });

  it('strips inline markup, keeps headings, lists, quotes and code as text', () => {
    const md = [
      'Intro with **bold**, *italic*, _under_, `code`, ~~gone~~ and a [link](https://x.example "t").',
      '',
      '![A photo](https://x.example/p.jpg)',
      '',
      '## Background',
      '',
      '* first item',
      '+ second item',
      '1. numbered item',
      '',
      '> A quoted line.',
      '',
      '```js',
      'const total = 42;',
      '```',
      '',
      '---',
      '',
      '| Year | Trains |',
      '|------|--------|',
      '| 2024 | 1,200 |',
      '',
      '[ref]: https://x.example/ref',
    ].join('\n');
    expect(parseMarkdown(md).body.split('\n\n')).toEqual([
      'Intro with bold, italic, under, code, gone and a link.',
      'Background',
      '- first item\n- second item\n1. numbered item',
      'A quoted line.',
      'const total = 42;',
      'Year | Trains\n2024 | 1,200',
    ]);
  });

  it('reads a setext heading as the title', () => {
    expect(parseMarkdown('Rail strike called off\n======================\n\nBody.')).toMatchObject({
      title: 'Rail strike called off',
      body: 'Body.',
    });
  });

  it('has an empty title when there is no level-1 heading', () => {
    expect(parseMarkdown('Some **text** only.')).toMatchObject({ title: '', body: 'Some text only.' });
  });
});

describe('stripInlineMarkdown', () => {
  const cases: [string, string][] = [
    ['snake_case_name stays', 'snake_case_name stays'],
    ['2 * 3 * 4 = 24', '2 * 3 * 4 = 24'],
    ['[unclosed link(', '[unclosed link('],
    ['escaped \\*stars\\*', 'escaped *stars*'],
    ['<span class="x">inline html</span>', 'inline html'],
    ['', ''],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(stripInlineMarkdown(input)).toBe(expected);
  });

  it('stays linear on hostile input', () => {
    const hostile = `${'['.repeat(100_000)}${'**'.repeat(50_000)}${'_a'.repeat(50_000)}`;
    expect(stripInlineMarkdown(hostile).length).toBeGreaterThan(0);
  });
});
