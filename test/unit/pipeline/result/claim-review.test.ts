import { describe, expect, it } from 'vitest';
import { toClaimReview } from '../../../../lib/pipeline/result/claim-review';
import type { Claim, Result } from '../../../../lib/pipeline/types';

const claim = (over: Partial<Claim>): Claim => ({
  text: 'Halvard Shipping will cut 420 jobs, the company said.',
  start: 0,
  end: 52,
  score: 0.9,
  checkworthy: true,
  types: ['numeric'],
  entities: [{ text: 'Halvard Shipping', start: 0, end: 16, type: 'other', canonical: 'Halvard Shipping' }],
  numbers: [{ text: '420', value: 420, unit: 'count' }],
  dates: [],
  hedged: false,
  ...over,
});

const result = (claims: readonly Claim[], article: Partial<NonNullable<Result['article']>> = {}): Result => ({
  schemaVersion: 1,
  source: { bucket: 'in', key: 'news/a.txt', size: 10, uploadedAt: '2026-03-12T08:00:00Z' },
  status: 'processed',
  article: {
    title: 'Job cuts',
    text: '',
    wordCount: 0,
    removed: { repeatedParagraphs: 0, boilerplateBlocks: 0 },
    format: 'text',
    encoding: 'utf-8',
    ...article,
  },
  dedup: { kind: 'unique' },
  claims,
  timings: {},
});

describe('toClaimReview', () => {
  it('maps a claim to ClaimReview/Claim without a rating', () => {
    const [review] = toClaimReview(
      result([claim({ attribution: { source: 'the company', verb: 'said', anonymous: false } })], {
        url: 'https://example.test/a',
        published: '2026-03-11',
      }),
    );
    expect(review).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'Halvard Shipping will cut 420 jobs, the company said.',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'the company' },
        appearance: {
          '@type': 'CreativeWork',
          url: 'https://example.test/a',
          headline: 'Job cuts',
          identifier: 's3://in/news/a.txt',
        },
        datePublished: '2026-03-11',
      },
    });
    expect(review).not.toHaveProperty('reviewRating');
  });

  it.each([
    [
      'named person',
      { source: 'Ingrid Solberg', verb: 'said', anonymous: false },
      undefined,
      'Person',
      'Ingrid Solberg',
    ],
    [
      'anonymous source falls back to the byline',
      { source: 'sources', verb: 'said', anonymous: true },
      'Ada Quill',
      'Person',
      'Ada Quill',
    ],
    ['no attribution, no byline: no author', undefined, undefined, undefined, undefined],
  ] as const)('author: %s', (_name, attribution, byline, type, name) => {
    const [review] = toClaimReview(
      result([claim(attribution ? { attribution } : {})], byline ? { byline } : {}),
    );
    expect(review?.itemReviewed.author?.['@type']).toBe(type);
    expect(review?.itemReviewed.author?.name).toBe(name);
  });

  it('uses the upload time when there is no publication date, and skips claims below the threshold', () => {
    const reviews = toClaimReview(result([claim({}), claim({ checkworthy: false })]));
    expect(reviews).toHaveLength(1);
    expect(reviews[0]?.itemReviewed.datePublished).toBe('2026-03-12T08:00:00Z');
  });

  it('is empty for a result without claims', () => {
    const { claims: _c, ...rest } = result([]);
    expect(toClaimReview({ ...rest, status: 'duplicate' })).toEqual([]);
  });
});
