import { describe, expect, it } from 'vitest';
import { detectFormat, type FormatHint } from '../../../../lib/pipeline/extract/detect-format';
import type { InputFormat } from '../../../../lib/pipeline/types';

const PAGE = '<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello.</p></body></html>';
const PROSE =
  'The council met on Tuesday. It approved the budget by 34 votes to 21.\n\nThe vote followed a long debate.';
const MARKDOWN =
  '# Council approves budget\n\nThe council **approved** the [budget](https://example.org).\n\n- one\n- two';
const JSON_ARTICLE = '{"title": "Budget", "body": "The council approved it."}';

describe('detectFormat', () => {
  const cases: { name: string; text: string; hint: FormatHint; expected: InputFormat }[] = [
    // Content type.
    { name: 'text/html', text: PAGE, hint: { contentType: 'text/html; charset=utf-8' }, expected: 'html' },
    {
      name: 'application/json',
      text: JSON_ARTICLE,
      hint: { contentType: 'application/json' },
      expected: 'json',
    },
    { name: 'text/markdown', text: MARKDOWN, hint: { contentType: 'text/markdown' }, expected: 'markdown' },
    { name: 'text/plain prose', text: PROSE, hint: { contentType: 'text/plain' }, expected: 'text' },
    // File extension.
    { name: '.html', text: PAGE, hint: { fileName: 'a/b/story.html' }, expected: 'html' },
    { name: '.htm', text: PAGE, hint: { fileName: 'STORY.HTM' }, expected: 'html' },
    { name: '.json', text: JSON_ARTICLE, hint: { fileName: 'story.json' }, expected: 'json' },
    { name: '.md', text: MARKDOWN, hint: { fileName: 'story.md' }, expected: 'markdown' },
    { name: '.markdown', text: 'Just prose.', hint: { fileName: 'story.markdown' }, expected: 'markdown' },
    { name: '.txt', text: PROSE, hint: { fileName: 'story.txt' }, expected: 'text' },
    {
      name: 'an extension beats a generic text/plain',
      text: MARKDOWN,
      hint: { contentType: 'text/plain', fileName: 'x.md' },
      expected: 'markdown',
    },
    {
      name: 'S3 default octet-stream is ignored',
      text: PAGE,
      hint: { contentType: 'binary/octet-stream' },
      expected: 'html',
    },
    // Sniffing without hints.
    { name: 'doctype', text: PAGE, hint: {}, expected: 'html' },
    {
      name: '<html> after whitespace and a comment',
      text: '\n  <!-- cached --><html lang="de"><body>x</body></html>',
      hint: {},
      expected: 'html',
    },
    {
      name: 'a fragment with many tags',
      text: '<div><p>One.</p><p>Two.</p><p>Three.</p><ul><li>a</li></ul></div>',
      hint: {},
      expected: 'html',
    },
    { name: 'parseable JSON object', text: `  ${JSON_ARTICLE}\n`, hint: {}, expected: 'json' },
    {
      name: 'brace-prefixed prose is not JSON',
      text: '{Editor note} The council met.',
      hint: {},
      expected: 'text',
    },
    { name: 'Markdown markers', text: MARKDOWN, hint: {}, expected: 'markdown' },
    { name: 'front matter', text: '---\ntitle: A\n---\nBody text.', hint: {}, expected: 'markdown' },
    {
      name: 'prose with one dash list stays text',
      text: 'Items:\n- bread\n\nThat was all.',
      hint: {},
      expected: 'text',
    },
    {
      name: 'prose mentioning <b> once stays text',
      text: 'Use the <b> tag for bold. The council met.',
      hint: {},
      expected: 'text',
    },
    // Empty and odd input.
    { name: 'empty string', text: '', hint: {}, expected: 'text' },
    { name: 'whitespace only', text: ' \n ', hint: {}, expected: 'text' },
    // Declared format contradicted by the content.
    {
      name: 'text/plain that is obviously HTML',
      text: PAGE,
      hint: { contentType: 'text/plain' },
      expected: 'html',
    },
    { name: '.txt that is obviously HTML', text: PAGE, hint: { fileName: 'page.txt' }, expected: 'html' },
    {
      name: '.html without a single tag is text',
      text: PROSE,
      hint: { fileName: 'page.html' },
      expected: 'text',
    },
    {
      name: 'declared JSON that is broken stays JSON (reported as MALFORMED later)',
      text: '{"title": ',
      hint: { contentType: 'application/json' },
      expected: 'json',
    },
    {
      name: 'declared JSON that is an HTML page',
      text: PAGE,
      hint: { fileName: 'x.json' },
      expected: 'html',
    },
    { name: '.md holding an HTML page', text: PAGE, hint: { fileName: 'x.md' }, expected: 'html' },
  ];
  it.each(cases)('$name → $expected', ({ text, hint, expected }) => {
    expect(detectFormat(text, hint)).toBe(expected);
  });

  it('stays fast on a huge hostile input', () => {
    const hostile = `${'<'.repeat(200_000)}${'[x]('.repeat(50_000)}`;
    expect(['text', 'html', 'markdown']).toContain(detectFormat(hostile, {}));
  });
});
