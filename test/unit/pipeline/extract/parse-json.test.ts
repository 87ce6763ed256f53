import { describe, expect, it } from 'vitest';
import { findJsonErrorOffset } from '../../../../lib/pipeline/extract/json-error-offset';
import { parseJson } from '../../../../lib/pipeline/extract/parse-json';

describe('parseJson: accepted shapes', () => {
  const cases: { name: string; json: unknown; expected: Record<string, unknown> }[] = [
    {
      name: '{title, body, url, published}',
      json: {
        title: 'Budget passed',
        body: 'First paragraph.\n\nSecond paragraph.',
        url: 'https://x.example/a',
        published: '2025-03-01',
      },
      expected: {
        title: 'Budget passed',
        body: 'First paragraph.\n\nSecond paragraph.',
        url: 'https://x.example/a',
        published: '2025-03-01',
      },
    },
    {
      name: 'headline, text, link, datePublished',
      json: {
        headline: 'Budget passed',
        text: 'Body.',
        link: 'https://x.example/b',
        datePublished: '2025-03-01T10:00:00Z',
      },
      expected: {
        title: 'Budget passed',
        body: 'Body.',
        url: 'https://x.example/b',
        published: '2025-03-01T10:00:00Z',
      },
    },
    {
      name: 'content and date (RFC 2822 date normalised to ISO)',
      json: { title: 'T', content: 'Body.', date: 'Sat, 01 Mar 2025 10:00:00 GMT' },
      expected: { body: 'Body.', published: '2025-03-01T10:00:00.000Z' },
    },
    {
      name: 'an HTML body becomes paragraphs',
      json: {
        title: 'T',
        body: '<p>First <b>bold</b> paragraph.</p><p>Second.</p><ul><li>one</li><li>two</li></ul><script>x()</script>',
      },
      expected: { body: 'First bold paragraph.\n\nSecond.\n\n- one\n- two' },
    },
    {
      name: 'author object and language',
      json: { title: 'T', body: 'B.', author: { name: 'Ana Ruiz' }, language: 'es' },
      expected: { byline: 'Ana Ruiz', language: 'es' },
    },
    {
      name: 'no title: empty title for later stages to derive',
      json: { body: 'Just a body.' },
      expected: { title: '', body: 'Just a body.' },
    },
  ];
  it.each(cases)('$name', ({ json, expected }) => {
    const result = parseJson(JSON.stringify(json));
    expect(result).toMatchObject({ kind: 'parsed', format: 'json', ...expected });
  });

  it('leaves out a date it cannot read', () => {
    const result = parseJson(JSON.stringify({ title: 'T', body: 'B.', published: 'yesterday-ish' }));
    expect(result).not.toHaveProperty('published');
  });
});

describe('parseJson: MALFORMED with a precise message', () => {
  const cases: { name: string; text: string; message: RegExp }[] = [
    { name: 'empty', text: '', message: /JSON is empty/ },
    {
      name: 'trailing comma',
      text: '{"title": "T",\n "body": "B",}',
      message: /position 28 \(line 2, column 14\), near "}"/,
    },
    { name: 'missing value', text: '{"title": }', message: /position 10 \(line 1, column 11\), near "}"/ },
    {
      name: 'unterminated string',
      text: '{"title": "T", "body": "B',
      message: /position 23 \(line 1, column 24\)/,
    },
    { name: 'truncated after a value', text: '{"title": "T"', message: /ends unexpectedly at position 13/ },
    { name: 'array at top level', text: '[{"title": "T"}]', message: /must be an object.*an array/ },
    { name: 'string at top level', text: '"just a string"', message: /must be an object.*a string/ },
    {
      name: 'no body field',
      text: '{"title": "T", "url": "u"}',
      message:
        /no article body: expected a string in "body", "text", "content", "articleBody" \(found keys: title, url\)/,
    },
    {
      name: 'body is a number',
      text: '{"title": "T", "body": 42}',
      message: /"body" is a number; the article body must be a string/,
    },
    {
      name: 'text is an object',
      text: '{"text": {"value": "x"}}',
      message: /"text" is a object|"text" is an? object/,
    },
    { name: 'body is null', text: '{"body": null}', message: /"body" is null/ },
  ];
  it.each(cases)('$name', ({ text, message }) => {
    const result = parseJson(text);
    expect(result).toMatchObject({ kind: 'rejected', code: 'MALFORMED' });
    if (result.kind === 'rejected') expect(result.message).toMatch(message);
  });
});

describe('findJsonErrorOffset', () => {
  const cases: [string, number | undefined][] = [
    ['{"a": [1, 2, {"b": null}]}', undefined],
    ['{"a":}', 5],
    ['[1,]', 3],
    ['{"a": 1} x', 9],
    ['{"a": tru}', 6],
    ['"unterminated', 0],
    [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, undefined],
  ];
  it.each(cases)('%j → %j', (text, expected) => {
    expect(findJsonErrorOffset(text)).toBe(expected);
  });
});
