import { describe, expect, it } from 'vitest';
import { resolveSummaryOptions } from '../../../lib/service/summary-options';

const rules = [
  { prefix: 'briefs/', maxSentences: 1 },
  { prefix: 'briefs/long/', ratio: 0.5 },
];

describe('resolveSummaryOptions', () => {
  it.each<{
    name: string;
    key: string;
    metadata: Record<string, string>;
    settings: Parameters<typeof resolveSummaryOptions>[2];
    expected: object;
  }>([
    { name: 'no settings at all', key: 'a.txt', metadata: {}, settings: {}, expected: {} },
    {
      name: 'the bucket default',
      key: 'a.txt',
      metadata: {},
      settings: { defaults: { maxSentences: 4 } },
      expected: { maxSentences: 4 },
    },
    {
      name: 'a prefix rule over the default',
      key: 'briefs/x.txt',
      metadata: {},
      settings: { defaults: { maxSentences: 4 }, rules },
      expected: { maxSentences: 1 },
    },
    {
      name: 'the longest matching prefix',
      key: 'briefs/long/x.txt',
      metadata: {},
      settings: { rules },
      expected: { ratio: 0.5 },
    },
    {
      name: 'object metadata over rule and default',
      key: 'briefs/x.txt',
      metadata: { 'factsum-words': '80' },
      settings: { defaults: { maxSentences: 4 }, rules },
      expected: { maxWords: 80 },
    },
    {
      name: 'invalid metadata ignored',
      key: 'a.txt',
      metadata: { 'factsum-sentences': 'lots', 'factsum-ratio': '7', 'factsum-words': '-3' },
      settings: { defaults: { maxSentences: 2 } },
      expected: { maxSentences: 2 },
    },
  ])('uses $name', ({ key, metadata, settings, expected }) => {
    expect(resolveSummaryOptions(key, metadata, settings)).toEqual(expected);
  });
});
