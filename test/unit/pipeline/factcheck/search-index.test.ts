import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  FactCheckIndexError,
  type FactCheckRecord,
  loadIndex,
  looksLikeIndex,
  serializeIndex,
} from '../../../../lib/pipeline/factcheck';

const RECORDS: readonly FactCheckRecord[] = [
  {
    id: 'desk-2',
    claimReviewed: 'The Gull Rock lighthouse was built in 1852.',
    title: 'Was the lighthouse really built in 1852?',
    rating: 'False: it was 1861',
    ratingScale: { ratingValue: '1', bestRating: '5' },
    publisher: 'Example Desk',
    url: 'https://factcheck.example/r/Lighthouse?a=1&b=%20',
    date: '2025-01-04',
    licence: 'CC BY 4.0',
  },
  { id: 'desk-1', claimReviewed: 'Northam tap water holds twice the legal limit of lead.', language: 'en' },
  {
    id: 'desk-3',
    claimReviewed: 'A seal was seen swimming in the Millbrook canal.',
    subtitle: 'A photo went viral.',
  },
];

describe('serializeIndex and loadIndex', () => {
  it('gives byte-identical output for the same records in any order (a re-import changes nothing)', () => {
    const once = serializeIndex(RECORDS);
    const reordered = serializeIndex([RECORDS[2], RECORDS[0], RECORDS[1]].filter((r) => r !== undefined));
    expect(reordered.text).toBe(once.text);
    expect(reordered.version).toBe(once.version);
    expect(once.version).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes the version when any record changes', () => {
    const changed = RECORDS.map((r) => (r.id === 'desk-2' ? { ...r, rating: 'Mostly false' } : r));
    expect(serializeIndex(changed).version).not.toBe(serializeIndex(RECORDS).version);
  });

  it('round-trips every record unchanged, ratings and URLs included, sorted by id', () => {
    const { text, version } = serializeIndex(RECORDS);
    expect(looksLikeIndex(text)).toBe(true);
    const index = loadIndex(text);
    expect(index.version).toBe(version);
    expect(index.records).toEqual([...RECORDS].sort((a, b) => a.id.localeCompare(b.id)));
    expect(buildIndex(RECORDS).version).toBe(version);
  });

  it('searches what it loaded', () => {
    const index = loadIndex(serializeIndex(RECORDS).text);
    const [best] = index.search('Is there really lead in the tap water of Northam?', 5);
    expect(index.records[best?.position ?? -1]?.id).toBe('desk-1');
    expect(index.search('', 5)).toEqual([]);
    expect(index.search('the of and', 5)).toEqual([]);
  });

  it.each([
    ['not JSON', 'nope', 'not JSON'],
    ['another format', '{"format":"something-else","formatVersion":1}', 'not a fact-check index'],
    [
      'another format version',
      serializeIndex(RECORDS).text.replace('"formatVersion":1', '"formatVersion":2'),
      'format version 2',
    ],
    [
      'a record without a claim',
      serializeIndex(RECORDS).text.replace('"claimReviewed":"A seal', '"claimReview":"A seal'),
      'body.records.',
    ],
    [
      'a record too many',
      serializeIndex(RECORDS).text.replace('"records":[', '"records":[{"id":"x","claimReviewed":"y"},'),
      'damaged',
    ],
    [
      'broken postings',
      serializeIndex(RECORDS).text.replace(/"index":\[\["/, '"index":[[7,"'),
      'malformed postings',
    ],
  ])('rejects %s with a reason', (_name, text, reason) => {
    expect(() => loadIndex(text)).toThrow(FactCheckIndexError);
    expect(() => loadIndex(text)).toThrow(reason);
  });
});
