import { describe, expect, it } from 'vitest';
import { importFeed, mergeFeeds } from '../../../../lib/pipeline/factcheck';

/** A ClaimReview as fact-checkers publish it (invented). */
const review = (claim: string, extra: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: `https://factcheck.example/r/${claim.length}`,
  claimReviewed: claim,
  datePublished: '2025-02-03',
  author: { '@type': 'Organization', name: 'Example Desk' },
  reviewRating: {
    '@type': 'Rating',
    ratingValue: 2,
    bestRating: 5,
    worstRating: 1,
    alternateName: 'Mostly false',
  },
  ...extra,
});

const A = 'The lighthouse on Gull Rock was built in 1852.';
const B = 'Tap water in Northam contains twice the legal limit of lead.';

const claimsOf = (text: string) =>
  importFeed(text, { source: 'feed' }).records.map((r) => r.record.claimReviewed);

describe('importFeed: the shapes publishers serve', () => {
  it.each([
    ['one ClaimReview object', JSON.stringify(review(A)), [A]],
    ['a list of them', JSON.stringify([review(A), review(B)]), [A, B]],
    ['a @graph with other nodes', JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, review(A)] }), [A]],
    [
      'a DataFeed of DataFeedItems with item lists',
      JSON.stringify({
        '@type': 'DataFeed',
        dataFeedElement: [
          { '@type': 'DataFeedItem', item: [review(A)] },
          { '@type': 'DataFeedItem', item: review(B) },
        ],
      }),
      [A, B],
    ],
    [
      'a DataFeed with ClaimReviews directly',
      JSON.stringify({ '@type': 'DataFeed', dataFeedElement: [review(B)] }),
      [B],
    ],
    [
      '@type as a schema.org IRI in a list',
      JSON.stringify(review(A, { '@type': ['https://schema.org/ClaimReview'] })),
      [A],
    ],
    [
      'an HTML page with a JSON-LD script',
      `<html><head><script type="application/ld+json">${JSON.stringify(review(A))}</script></head><body>x</body></html>`,
      [A],
    ],
    [
      'JSON Lines',
      `${JSON.stringify({ id: 'a', claim: A })}\n\n${JSON.stringify({ id: 'b', claim: B, rating: 'False' })}\n`,
      [A, B],
    ],
    ['one line of JSON Lines', JSON.stringify({ id: 'a', claim: A }), [A]],
  ])('%s', (_name, text, claims) => {
    expect(claimsOf(text)).toEqual(claims);
  });
});

describe('importFeed: bad records are reported and the rest kept', () => {
  it.each([
    ['no claimReviewed', review('x', { claimReviewed: undefined }), 'claimReviewed is missing or empty'],
    ['an empty claim', review('   '), 'claimReviewed is missing or empty'],
    [
      'a claim that is a number',
      review('x', { claimReviewed: 42 }),
      'claimReviewed must be a string, not a number',
    ],
    ['a relative URL', review('x', { url: '/reviews/1' }), "url '/reviews/1' is not an absolute http(s) URL"],
    ['a javascript: URL', review('x', { url: 'javascript:alert(1)' }), 'is not an absolute http(s) URL'],
    ['an unreadable date', review('x', { datePublished: 'soon' }), "datePublished 'soon' is not a date"],
    [
      'a rating without value or words',
      review('x', { reviewRating: { '@type': 'Rating' } }),
      'neither alternateName nor ratingValue',
    ],
    [
      'a rating that is text',
      review('x', { reviewRating: 'False' }),
      'reviewRating must be a Rating object, not a string',
    ],
    [
      'a claim of 3,000 characters',
      review('y'.repeat(3000)),
      'claimReviewed is 3000 characters long; at most 2000',
    ],
  ])('%s', (_name, bad, reason) => {
    const feed = importFeed(JSON.stringify([review(A), bad, review(B)]), { source: 'feed.jsonld' });
    expect(feed.records.map((r) => r.record.claimReviewed)).toEqual([A, B]);
    expect(feed.issues).toHaveLength(1);
    expect(feed.issues[0]?.path).toBe('[1]');
    expect(feed.issues[0]?.reason).toContain(reason);
  });

  it('names the line of each bad JSON Lines record', () => {
    const text = [
      JSON.stringify({ id: 'a', claim: A }),
      '{"id": "b", "claim": ',
      JSON.stringify({ id: 'c' }),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ id: 'd', claim: B, url: 'ftp://factcheck.example/d' }),
      JSON.stringify({ id: 'e', claim: B }),
    ].join('\n');
    const feed = importFeed(text, { source: 'f.jsonl' });
    expect(feed.records.map((r) => [r.record.id, r.line])).toEqual([
      ['a', 1],
      ['e', 6],
    ]);
    expect(feed.issues.map((i) => [i.line, i.reason])).toEqual([
      [2, 'not valid JSON (at column 21)'],
      [3, 'claim is missing or empty'],
      [4, 'a line must hold a JSON object, not a list'],
      [5, "url 'ftp://factcheck.example/d' is not an absolute http(s) URL"],
    ]);
  });

  it('reports a broken JSON-LD document with its line and column', () => {
    const feed = importFeed('{\n  "@type": "ClaimReview",\n  "claimReviewed": "x",,\n}', { source: 'f' });
    expect(feed.records).toEqual([]);
    expect(feed.issues[0]?.reason).toBe('not valid JSON (line 3, column 24)');
  });

  it('says so when a document holds no ClaimReview', () => {
    expect(importFeed('{"@type":"WebPage"}', { source: 'f' }).issues[0]?.reason).toContain(
      'no ClaimReview found',
    );
  });
});

describe('importFeed: records keep what was published', () => {
  it('keeps rating, scale, URL, date and publisher exactly, and sets the licence', () => {
    const url = 'https://factcheck.example/Reviews/Lighthouse?ref=Feed&x=%20';
    const [imported] = importFeed(
      JSON.stringify(review(A, { url, datePublished: '2025-02-03T10:00:00+01:00' })),
      {
        source: 'f',
        licence: 'Licensed from Example Desk for internal use',
      },
    ).records;
    expect(imported?.record).toMatchObject({
      claimReviewed: A,
      url,
      date: '2025-02-03T10:00:00+01:00',
      publisher: 'Example Desk',
      rating: 'Mostly false',
      ratingScale: { ratingValue: 2, bestRating: 5, worstRating: 1 },
      licence: 'Licensed from Example Desk for internal use',
    });
  });

  it('derives the same id from the same URL and claim, and keeps an id given', () => {
    const once = importFeed(JSON.stringify(review(A)), { source: 'f' }).records[0]?.record.id;
    const again = importFeed(JSON.stringify([review(B), review(A)]), { source: 'g' }).records[1]?.record.id;
    expect(once).toMatch(/^fc-[0-9a-f]{16}$/);
    expect(again).toBe(once);
    expect(
      importFeed(JSON.stringify(review(A, { '@id': 'urn:desk:17' })), { source: 'f' }).records[0]?.record.id,
    ).toBe('urn:desk:17');
  });

  it('merges feeds by id: a repeat is dropped silently, a conflicting record is reported', () => {
    const first = importFeed(JSON.stringify({ id: 'a', claim: A }), { source: 'one.jsonl' });
    const repeat = importFeed(JSON.stringify({ id: 'a', claim: A }), { source: 'two.jsonl' });
    const clash = importFeed(JSON.stringify({ id: 'a', claim: B }), { source: 'three.jsonl' });
    const merged = mergeFeeds([first, repeat, clash]);
    expect(merged.records.map((r) => r.claimReviewed)).toEqual([A]);
    expect(merged.issues).toEqual([
      {
        source: 'three.jsonl',
        line: 1,
        reason: "id 'a' is already used by a different record (one.jsonl:1); kept that one",
      },
    ]);
  });

  it('ignores deep nesting instead of following it without end', () => {
    const deep = `${'{"@graph":['.repeat(5000)}${JSON.stringify(review(A))}${']}'.repeat(5000)}`;
    expect(importFeed(deep, { source: 'f' }).records).toEqual([]);
    const shallow = `${'{"@graph":['.repeat(3)}${JSON.stringify(review(A))}${']}'.repeat(3)}`;
    expect(claimsOf(shallow)).toEqual([A]);
  });
});
