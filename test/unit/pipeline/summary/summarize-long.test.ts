import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY_CANDIDATES, summarize } from '../../../../lib/pipeline/summary/summarize';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';
import { syntheticArticle } from '../../../fixtures/synthetic-article';

describe('summarize on documents longer than the candidate cap', () => {
  const text = Array.from({ length: 40 }, (_, i) =>
    syntheticArticle(1000 + i, 20)
      .split('\n\n')
      .slice(1)
      .join('\n\n'),
  ).join('\n\n');
  const sentences = segmentSentences(text);

  it('is long enough to exercise the cap', () => {
    expect(sentences.length).toBeGreaterThan(MAX_SUMMARY_CANDIDATES);
  });

  it.each([
    { options: {} },
    { options: { maxSentences: 5 } },
    { options: { ratio: 0.001 } },
    { options: { maxWords: 60 } },
  ])('returns article sentences in document order within the limits $options', ({ options }) => {
    const summary = summarize({ title: 'Long report', text }, sentences, options);
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(options.maxSentences ?? 7);
    for (const s of summary) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(summary.map((s) => s.start)).toEqual([...summary.map((s) => s.start)].sort((a, b) => a - b));
    expect(summarize({ title: 'Long report', text }, sentences, options)).toEqual(summary);
  });
});
