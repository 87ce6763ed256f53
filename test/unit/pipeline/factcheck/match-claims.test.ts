import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  type FactCheckIndex,
  importFeed,
  MATCH_MODEL,
  matchClaims,
  mergeFeeds,
  rankFactChecks,
  withFactChecks,
} from '../../../../lib/pipeline/factcheck';

/** The example feed (examples/factchecks.jsonld): invented fact-checks about the example articles. */
function exampleLibrary(): FactCheckIndex {
  const feed = importFeed(readFileSync('examples/factchecks.jsonld', 'utf8'), {
    source: 'examples/factchecks.jsonld',
  });
  expect(feed.issues).toEqual([]);
  return buildIndex(mergeFeeds([feed]).records);
}

const library = exampleLibrary();
const urlOf = (path: string) => `https://factcheck.example/reviews/${path}`;

describe('matchClaims with the example feed', () => {
  it.each([
    [
      'a paraphrase (vehicles a day on the bridge)',
      'Nearly 38,000 cars and lorries use the Eastport harbour bridge every day.',
      'eastport-bridge-traffic',
    ],
    [
      'a paraphrase (otters)',
      'Otters have returned to all of the monitored stretches of the River Aldwyn.',
      'aldwyn-otters',
    ],
    [
      'a paraphrase (vaccine)',
      'The new RSV jab reduced hospital admissions among people over 60 by 71 per cent.',
      'rsv-vaccine-71-percent',
    ],
    [
      'the claim as examples/city-budget.txt words it',
      'She said government grants had fallen by 38% in real terms since 2010, a figure the Local Government Association has also cited for similar councils.',
      'millbrook-grants-38-percent',
    ],
  ])('matches %s', (_name, text, path) => {
    const [matches] = matchClaims([{ text }], library);
    expect(matches?.[0]?.url).toBe(urlOf(path));
    expect(matches?.[0]?.score).toBeGreaterThanOrEqual(MATCH_MODEL.threshold);
  });

  it.each([
    ['a claim nobody has checked', 'The union said it would ballot members in May.'],
    ['another unchecked claim with a number', 'Ferry prices will rise by 3% in July.'],
    [
      'a claim on a library topic but not a checked claim',
      'Millbrook council tax will go up by 4.9% from April.',
    ],
    ['an empty claim', ''],
    ['only stopwords', 'It is what it is.'],
  ])('gives no match to %s', (_name, text) => {
    expect(matchClaims([{ text }], library)).toEqual([[]]);
  });

  it('carries rating, publisher, URL and date exactly as published, best first, one list per claim in order', () => {
    const lists = matchClaims(
      [
        { text: 'Ferry prices will rise by 3% in July.' },
        { text: 'A photo of a shark swimming on a flooded motorway is fake.' },
      ],
      library,
    );
    expect(lists).toHaveLength(2);
    expect(lists[0]).toEqual([]);
    expect(lists[1]?.[0]).toMatchObject({
      claimReviewed: 'A photo shows a shark swimming along a flooded motorway after the storm.',
      rating: 'Fabricated',
      publisher: 'Example Fact Desk',
      url: urlOf('shark-on-motorway'),
      date: '2024-11-02',
    });
    const scores = (lists[1] ?? []).map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('ranks the same way every time, and an empty library matches nothing', () => {
    const text = 'The Hartness wind farm will supply electricity to 1.3 million homes.';
    expect(rankFactChecks(library, text)).toEqual(rankFactChecks(library, text));
    expect(matchClaims([{ text }], buildIndex([]))).toEqual([[]]);
    expect(matchClaims([], library)).toEqual([]);
  });

  it('reads only the start of a huge claim', () => {
    const huge = `Otters are now found in every monitored stretch of the River Aldwyn. ${'Seal canal '.repeat(100_000)}`;
    const [matches] = matchClaims([{ text: huge }], library);
    expect(matches?.[0]?.url).toBe(urlOf('aldwyn-otters'));
  });
});

describe('withFactChecks', () => {
  it('attaches each list to its claim and leaves claims without matches as they were', () => {
    const claims = [
      { text: 'Otters are back in every stretch of the River Aldwyn.' },
      { text: 'The union will ballot members.' },
    ];
    const out = withFactChecks(claims, matchClaims(claims, library));
    expect(out[0]?.factChecks?.[0]?.url).toBe(urlOf('aldwyn-otters'));
    expect(out[1]).toBe(claims[1]);
    expect('factChecks' in (out[1] ?? {})).toBe(false);
  });
});
