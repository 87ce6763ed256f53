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

/** The indexed claim of a one-sentence article (its first claim with frames). */
const indexedOf = (text: string, articleId = 'b'): IndexedClaim => {
  const [claim] = toIndexedClaims({ id: articleId, uploadedAt: '2026-03-10T08:00:00Z' }, claimsOf(text));
  if (claim === undefined) throw new Error(`no framed claim in: ${text}`);
  return claim;
};

describe('compareClaims', () => {
  it.each([
    [
      'same figure, same measure',
      'Halvard Shipping will cut 420 jobs in 2026.',
      'Halvard Shipping will cut 420 jobs in 2026.',
      'corroborates',
    ],
    [
      'different figure, same measure',
      'Halvard Shipping will cut 420 jobs in 2026.',
      'Halvard Shipping will cut 260 jobs in 2026.',
      'conflicts',
    ],
    [
      'same figure, different measure',
      'Halvard Shipping will cut 420 jobs in 2026.',
      'Halvard Shipping will close 420 stores in 2026.',
      undefined,
    ],
    [
      'same figure, different time',
      'Halvard Shipping cut 420 jobs in 2019.',
      'Halvard Shipping will cut 260 jobs in 2026.',
      undefined,
    ],
    [
      'same measure, different subject',
      'Halvard Shipping will cut 420 jobs in 2026.',
      'Nordbank will cut 260 jobs in 2026.',
      undefined,
    ],
    [
      'different currency never compares',
      'The Brennport bridge will cost $50 million.',
      'The Brennport bridge will cost €70 million.',
      undefined,
    ],
  ])('%s', (_name, a, b, relation) => {
    expect(compareClaims(indexedOf(a, 'a'), indexedOf(b))?.relation).toBe(relation);
  });

  it('names the measure, both values and the time', () => {
    const verdict = compareClaims(
      indexedOf('The Port of Ostend handled 4.2 million containers in 2025.', 'a'),
      indexedOf('The Port of Ostend handled 3.6 million containers in 2025.'),
    );
    expect(verdict?.on).toEqual({
      kind: 'number',
      unit: 'count',
      value: '4.2 million',
      otherValue: '3.6 million',
      measure: 'handled containers',
      subject: 'Port of Ostend',
      time: '2025',
    });
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
