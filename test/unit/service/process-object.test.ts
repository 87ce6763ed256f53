import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { MemoryDedupIndex } from '../../../lib/local/memory-dedup-index';
import { MemoryObjectStore, MemoryResultStore } from '../../../lib/local/memory-object-store';
import { processObjectCreated } from '../../../lib/service/process-object';
import { parseStoredResult } from '../../../lib/service/stored-result';
import { syntheticArticle } from '../../fixtures/synthetic-article';

const BUCKET = 'articles';

/** All orderings of a list (4 items: 24). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const base = syntheticArticle(900, 20);
const COPIES = [
  { key: 'b-exact.txt', eventTime: '2026-05-01T10:00:02.000Z', text: base },
  { key: 'a-original.txt', eventTime: '2026-05-01T10:00:01.000Z', text: base },
  {
    key: 'c-edited.txt',
    eventTime: '2026-05-01T10:00:03.000Z',
    text: base.replace(/ (\w+) (\w+) /, ' fresh words '),
  },
  {
    key: 'd-same-time.txt',
    eventTime: '2026-05-01T10:00:01.000Z',
    text: base
      .split(/(?<=\.) /)
      .slice(1)
      .join(' '),
  },
] as const;

/** Processes the copies one after another in `order`; returns each key's final status and canonical. */
async function runInOrder(order: readonly (typeof COPIES)[number][]) {
  const objects = new MemoryObjectStore();
  const results = new MemoryResultStore();
  const deps = { objects, results, index: new MemoryDedupIndex(), clock: () => performance.now() };
  const etags = new Map(
    COPIES.map((c) => [c.key, objects.put({ bucket: BUCKET, key: c.key }, new TextEncoder().encode(c.text))]),
  );
  for (const copy of order) {
    await processObjectCreated(
      { bucket: BUCKET, key: copy.key, eventTime: copy.eventTime, etag: etags.get(copy.key) ?? '' },
      deps,
      { maxBytes: 1 << 20 },
    );
  }
  const verdicts: Record<string, string> = {};
  for (const copy of COPIES) {
    const stored = parseStoredResult(await results.read({ bucket: BUCKET, key: copy.key }));
    // Follow `of` to the canonical: it may name a copy that was canonical when this one was seen.
    let at = `${BUCKET}/${copy.key}`;
    for (let hops = 0; hops < COPIES.length; hops++) {
      const next = parseStoredResult(await results.read({ bucket: BUCKET, key: at.slice(BUCKET.length + 1) }))
        ?.dedup.of;
      if (next === undefined) break;
      at = next;
    }
    verdicts[copy.key] = `${stored?.status} → ${at}`;
  }
  return verdicts;
}

describe('processObjectCreated: the corpus order decides, not the processing order', () => {
  it('gives the same verdicts for all 24 processing orders of four exact and near copies', async () => {
    const expected = {
      'a-original.txt': `processed → ${BUCKET}/a-original.txt`,
      'b-exact.txt': `duplicate → ${BUCKET}/a-original.txt`,
      'c-edited.txt': `duplicate → ${BUCKET}/a-original.txt`,
      // Same upload time as a-original.txt: the key breaks the tie.
      'd-same-time.txt': `duplicate → ${BUCKET}/a-original.txt`,
    };
    for (const order of permutations(COPIES)) {
      expect({ order: order.map((c) => c.key), verdicts: await runInOrder(order) }).toEqual({
        order: order.map((c) => c.key),
        verdicts: expected,
      });
    }
  });
});
