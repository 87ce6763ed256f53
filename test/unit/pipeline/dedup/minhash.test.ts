import { describe, expect, it } from 'vitest';
import {
  BANDS,
  bandKeys,
  estimateSimilarity,
  minhashSignature,
  SIGNATURE_SIZE,
} from '../../../../lib/pipeline/dedup/minhash';
import { FERRY_ARTICLE, LIBRARY_ARTICLE } from '../../../fixtures/articles';
import { syntheticArticle } from '../../../fixtures/synthetic-article';

const similarity = (a: string, b: string) => estimateSimilarity(minhashSignature(a), minhashSignature(b));

describe('minhashSignature', () => {
  it('is deterministic across calls (and so across Lambdas)', () => {
    expect(minhashSignature(FERRY_ARTICLE)).toEqual(minhashSignature(FERRY_ARTICLE));
    expect(minhashSignature(FERRY_ARTICLE)).toHaveLength(SIGNATURE_SIZE);
  });

  it.each([
    { name: 'identical texts', a: FERRY_ARTICLE, b: FERRY_ARTICLE, min: 1, max: 1 },
    {
      name: 'case, spacing and punctuation changes',
      a: FERRY_ARTICLE,
      b: FERRY_ARTICLE.toUpperCase().replace(/[,.]/g, ' ;'),
      min: 1,
      max: 1,
    },
    {
      name: 'paragraphs reordered',
      a: FERRY_ARTICLE,
      b: FERRY_ARTICLE.split('\n\n').reverse().join('\n\n'),
      min: 0.85,
      max: 1,
    },
    { name: 'two different articles', a: FERRY_ARTICLE, b: LIBRARY_ARTICLE, min: 0, max: 0.1 },
    { name: 'two synthetic articles', a: syntheticArticle(1), b: syntheticArticle(2), min: 0, max: 0.05 },
    // Both are empty!
    { name: 'two empty texts', a: '', b: '', min: 1, max: 1 },
    {
      name: 'Unicode text and its NFD form',
      a: 'Zürich café façade naïve',
      b: 'Zürich café façade naïve'.normalize('NFD'),
      min: 1,
      max: 1,
    },
  ])('estimates $name within [$min, $max]', ({ a, b, min, max }) => {
    const estimate = similarity(a, b);
    expect(estimate).toBeGreaterThanOrEqual(min);
    expect(estimate).toBeLessThanOrEqual(max);
  });

  it('keeps a copy with one sentence in ten dropped above the 0.8 threshold', () => {
    const base = syntheticArticle(7, 20);
    const dropped = base
      .split(/(?<=\.) /)
      .filter((_, i) => i % 10 !== 4)
      .join(' ');
    expect(similarity(base, dropped)).toBeGreaterThanOrEqual(0.8);
  });

  it('handles a very long text', () => {
    const long = Array.from({ length: 200 }, (_, i) => syntheticArticle(i)).join('\n\n');
    expect(minhashSignature(long)).toHaveLength(SIGNATURE_SIZE);
  });
});

describe('bandKeys', () => {
  it('gives one key per band, shared by identical signatures and mostly not by different ones', () => {
    const a = bandKeys(minhashSignature(FERRY_ARTICLE));
    expect(a).toHaveLength(BANDS);
    expect(new Set(a).size).toBe(BANDS);
    expect(bandKeys(minhashSignature(FERRY_ARTICLE))).toEqual(a);
    const b = new Set(bandKeys(minhashSignature(LIBRARY_ARTICLE)));
    expect(a.filter((key) => b.has(key))).toEqual([]);
  });
});
