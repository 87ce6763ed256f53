import { describe, expect, it } from 'vitest';
import { MemoryClaimIndex } from '../../../../lib/local/memory-claim-index';
import { extractClaims } from '../../../../lib/pipeline/claims/claims';
import { toIndexedClaims } from '../../../../lib/pipeline/corpus/claim-keys';
import {
  addRelated,
  compareClaims,
  mirrorRelations,
  relateClaims,
} from '../../../../lib/pipeline/corpus/relate-claims';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';
import type { Claim } from '../../../../lib/pipeline/types';
import type { IndexedClaim, VersionEntry } from '../../../../lib/ports';

const OPTIONS = { referenceDate: '2026-03-12', referenceSource: 'published' as const };
const claimsOf = (text: string): Claim[] => extractClaims(text, segmentSentences(text), OPTIONS);
const entry = (id: string, day: number): VersionEntry => ({
  id,
  uploadedAt: `2026-03-${day}T08:00:00Z`,
  etag: `etag-${id}`,
});

const indexed = (over: Partial<IndexedClaim>): IndexedClaim => ({
  articleId: 'b',
  uploadedAt: '2026-03-10T08:00:00Z',
  claimIndex: 0,
  text: '',
  entities: ['acme'],
  quantities: [],
  dates: [],
  ...over,
});
const count = (value: number, relation: string[]) => ({
  value,
  unit: 'count',
  text: String(value),
  relation,
});

describe('compareClaims', () => {
  it.each([
    ['same count, same relation', [count(400, ['job'])], [count(400, ['job', 'cut'])], 'corroborates'],
    ['within 0.5%', [count(1000, ['job'])], [count(1004, ['job'])], 'corroborates'],
    ['same count, one side without relation words', [count(400, [])], [count(400, ['job'])], 'corroborates'],
    ['same count, different relation', [count(400, ['job'])], [count(400, ['store'])], undefined],
    ['different count, same relation', [count(400, ['job'])], [count(260, ['job'])], 'conflicts'],
    ['different count, different relation', [count(400, ['job'])], [count(260, ['store'])], undefined],
    [
      'a corroborating figure wins',
      [count(400, ['job']), count(250, ['job'])],
      [count(400, ['job'])],
      'corroborates',
    ],
    [
      'different currency never compares',
      [{ value: 5, unit: 'currency:USD', text: '$5', relation: ['cost'] }],
      [{ value: 7, unit: 'currency:EUR', text: '€7', relation: ['cost'] }],
      undefined,
    ],
    ['nothing to compare', [], [], undefined],
  ])('%s', (_name, mine, theirs, relation) => {
    const verdict = compareClaims(indexed({ quantities: mine }), indexed({ quantities: theirs }));
    expect(verdict?.relation).toBe(relation);
  });

  it.each([
    ['same day', '2026-06-01', '2026-06-01', 'corroborates'],
    ['different day, same relation', '2026-06-01', '2026-07-01', 'conflicts'],
    ['different precision does not compare', '2026-06', '2026-06-01', undefined],
  ])('dates: %s', (_name, a, b, relation) => {
    const mine = indexed({ dates: [{ value: a, text: a, relation: ['open'] }] });
    const theirs = indexed({ dates: [{ value: b, text: b, relation: ['open'] }] });
    expect(compareClaims(mine, theirs)?.relation).toBe(relation);
  });
});

describe('relateClaims with the in-memory claims index', () => {
  const first = 'Halvard Shipping will cut 420 jobs at its Brennport terminal.';
  const agrees = 'The union will fight plans by Halvard Shipping to cut 420 jobs.';
  const conflicts = 'Halvard Shipping will cut 260 jobs at Brennport, a spokesman said.';
  const other = 'Nordbank will cut 260 jobs in Oslo.';

  /** Indexes the articles in order and relates each to those before it. */
  async function run(articles: readonly [VersionEntry, string][], duplicateOf?: string) {
    const index = new MemoryClaimIndex();
    const out = new Map<string, Claim[]>();
    for (const [me, text] of articles) {
      const claims = claimsOf(text);
      const keys = toIndexedClaims(me, claims);
      await index.putClaims(me, keys);
      const related = relateClaims(claims, await index.findRelated(keys), {
        selfId: me.id,
        ...(duplicateOf !== undefined && me.id !== duplicateOf ? { duplicateOf } : {}),
      });
      out.set(me.id, related);
    }
    return out;
  }

  it('corroborates the same figure and conflicts with a different one', async () => {
    const out = await run([
      [entry('a', 10), first],
      [entry('b', 11), agrees],
      [entry('c', 12), conflicts],
      [entry('d', 13), other],
    ]);
    expect(out.get('a')?.[0]?.related).toBeUndefined();
    expect(out.get('b')?.[0]?.related).toEqual([
      expect.objectContaining({ relation: 'corroborates', articleId: 'a', claimIndex: 0, claimText: first }),
    ]);
    expect(out.get('c')?.[0]?.related?.map((r) => [r.relation, r.articleId])).toEqual([
      ['conflicts', 'a'],
      ['conflicts', 'b'],
    ]);
    // Same figure, no shared entity: unrelated.
    expect(out.get('d')?.[0]?.related).toBeUndefined();
  });

  it('never relates a duplicate to its canonical, nor an article to itself', async () => {
    const out = await run(
      [
        [entry('a', 10), first],
        [entry('copy', 11), first],
      ],
      'a',
    );
    expect(out.get('copy')?.[0]?.related).toBeUndefined();
  });

  it('mirrors links so the earlier article shows them too, idempotently', async () => {
    const out = await run([
      [entry('a', 10), first],
      [entry('c', 12), conflicts],
    ]);
    const mirrored = mirrorRelations(entry('c', 12), out.get('c') ?? []);
    const links = mirrored.get('a') ?? [];
    expect(links).toEqual([
      {
        claimIndex: 0,
        related: expect.objectContaining({
          relation: 'conflicts',
          articleId: 'c',
          on: expect.objectContaining({ value: '420', otherValue: '260' }),
        }),
      },
    ]);
    const once = addRelated(out.get('a'), links);
    expect(addRelated(once, links)).toEqual(once);
    expect(once?.[0]).toMatchObject({ related: [{ relation: 'conflicts', articleId: 'c' }] });
  });

  it.each([
    ['not an array', { claims: 1 }],
    ['null', null],
    ['related of the wrong shape', [{ related: 'x' }]],
  ])('addRelated refuses stored claims that are %s', (_name, stored) => {
    expect(addRelated(stored, [])).toBeUndefined();
  });
});
