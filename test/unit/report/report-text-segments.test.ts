import { describe, expect, it } from 'vitest';
import { type Span, segmentText } from '../../../lib/report/text-segments';

/** The segments as [text, covers of list 0, covers of list 1] triples: easy to read in a table. */
function cut(text: string, a: readonly Span[], b: readonly Span[] = []) {
  return segmentText(text, [a, b]).map((segment) => [segment.text, segment.covers[0], segment.covers[1]]);
}

describe('segmentText', () => {
  it.each([
    // Both are empty!
    { name: 'empty text, no spans', text: '', a: [], b: [], expected: [] },
    { name: 'no spans: one segment', text: 'abc', a: [], b: [], expected: [['abc', [], []]] },
    {
      name: 'one span in the middle',
      text: 'abcdef',
      a: [{ start: 2, end: 4 }],
      b: [],
      expected: [
        ['ab', [], []],
        ['cd', [0], []],
        ['ef', [], []],
      ],
    },
    {
      name: 'crossing spans of two lists split at every boundary',
      text: 'abcdefgh',
      a: [{ start: 0, end: 4 }],
      b: [{ start: 2, end: 6 }],
      expected: [
        ['ab', [0], []],
        ['cd', [0], [0]],
        ['ef', [], [0]],
        ['gh', [], []],
      ],
    },
    {
      name: 'nested and identical spans in one list',
      text: 'abcdef',
      a: [],
      b: [
        { start: 0, end: 6 },
        { start: 2, end: 4 },
        { start: 2, end: 4 },
      ],
      expected: [
        ['ab', [], [0]],
        ['cd', [], [0, 1, 2]],
        ['ef', [], [0]],
      ],
    },
    {
      name: 'adjacent spans do not overlap',
      text: 'abcd',
      a: [
        { start: 0, end: 2 },
        { start: 2, end: 4 },
      ],
      b: [],
      expected: [
        ['ab', [0], []],
        ['cd', [1], []],
      ],
    },
    {
      name: 'empty, reversed, negative and out-of-range spans are ignored',
      text: 'abcd',
      a: [
        { start: 1, end: 1 },
        { start: 3, end: 2 },
        { start: -1, end: 2 },
        { start: 2, end: 99 },
        { start: 0.5, end: 2 },
      ],
      b: [],
      expected: [['abcd', [], []]],
    },
    {
      name: 'Unicode: UTF-16 offsets keep a surrogate pair whole',
      text: 'a😀b',
      a: [{ start: 1, end: 3 }],
      b: [],
      expected: [
        ['a', [], []],
        ['😀', [0], []],
        ['b', [], []],
      ],
    },
  ])('$name', ({ text, a, b, expected }) => {
    expect(cut(text, a, b)).toEqual(expected);
  });

  it('covers the whole of a very long text with contiguous segments', () => {
    // Prepare: 10 000 short spans over a 100 000-character text.
    const text = 'x'.repeat(100_000);
    const spans = Array.from({ length: 10_000 }, (_, i) => ({ start: i * 10, end: i * 10 + 5 }));

    // Act
    const segments = segmentText(text, [spans]);

    // Assess
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments.every((segment, i) => i === 0 || segments[i - 1]?.end === segment.start)).toBe(true);
    expect(segments.filter((segment) => (segment.covers[0] ?? []).length > 0)).toHaveLength(10_000);
  });
});
