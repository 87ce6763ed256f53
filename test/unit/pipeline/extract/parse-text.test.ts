import { describe, expect, it } from 'vitest';
import { parseText } from '../../../../lib/pipeline/extract/parse-text';

describe('parseText', () => {
  const cases: { name: string; text: string; title: string; body: string }[] = [
    {
      name: 'BBC layout: title, blank line, paragraphs',
      text: 'Rail strike called off\n\nUnions reached a deal.\n\nTrains run on Monday.\n',
      title: 'Rail strike called off',
      body: 'Unions reached a deal.\n\nTrains run on Monday.',
    },
    {
      name: 'title directly followed by a paragraph, no terminal punctuation',
      text: 'Rail strike called off\nUnions reached a deal on Sunday.',
      title: 'Rail strike called off',
      body: 'Unions reached a deal on Sunday.',
    },
    {
      name: 'a hard-wrapped first line is not a title',
      text: 'Unions and rail operators reached a deal on Sunday that\nends the strike.',
      title: '',
      body: 'Unions and rail operators reached a deal on Sunday that\nends the strike.',
    },
    {
      name: 'a first line that is a sentence followed by more lines is not a title',
      text: 'Unions reached a deal.\nTrains run on Monday.',
      title: '',
      body: 'Unions reached a deal.\nTrains run on Monday.',
    },
    {
      name: 'a very long first line is not a title',
      text: `${'word '.repeat(40)}\n\nNext.`,
      title: '',
      body: `${'word '.repeat(40).trim()}\n\nNext.`,
    },
    {
      name: 'CRLF line endings and leading blank lines',
      text: '\r\n\r\nTitle here\r\n\r\nBody.\r\n',
      title: 'Title here',
      body: 'Body.',
    },
    {
      name: 'a single line is the body, not a title',
      text: 'Only one line.',
      title: '',
      body: 'Only one line.',
    },
    { name: 'empty', text: '', title: '', body: '' },
  ];
  it.each(cases)('$name', ({ text, title, body }) => {
    expect(parseText(text)).toEqual({ kind: 'parsed', format: 'text', title, body });
  });
});
