import { describe, expect, it } from 'vitest';
import { createMemoryPorts, type MemoryPorts } from '../../../lib/app/wiring';
import { DEFAULT_NEAR_THRESHOLD } from '../../../lib/pipeline';
import {
  parseStoredResult,
  processObjectCreated,
  processObjectRemoved,
  type StoredResult,
} from '../../../lib/service';
import { FERRY_ARTICLE, LIBRARY_ARTICLE } from '../../fixtures/articles';
import { HALVARD_AGREES, HALVARD_CONFLICTS, HALVARD_FIRST } from '../../fixtures/claims-corpus-articles';
import { syntheticArticle } from '../../fixtures/synthetic-article';

const BUCKET = 'articles';
const CONFIG = { maxBytes: 1 << 20, nearThreshold: DEFAULT_NEAR_THRESHOLD };
const T = (second: number) => new Date(Date.UTC(2026, 4, 1, 10, 0, second)).toISOString();

/** Uploads `text` under `key` at `second` and returns the event S3 would send. */
function upload(ports: MemoryPorts, key: string, text: string, second: number, sequencer?: string) {
  const etag = ports.objects.put({ bucket: BUCKET, key }, new TextEncoder().encode(text));
  return { bucket: BUCKET, key, eventTime: T(second), etag, ...(sequencer ? { sequencer } : {}) };
}

async function stored(ports: MemoryPorts, key: string): Promise<StoredResult | undefined> {
  return parseStoredResult((await ports.results.read({ bucket: BUCKET, key }))?.document);
}

/** The whole stored document, as text: what a redelivery must leave untouched. */
async function documentText(ports: MemoryPorts, key: string): Promise<string> {
  return JSON.stringify((await ports.results.read({ bucket: BUCKET, key }))?.document);
}

describe('processObjectCreated: each outcome', () => {
  it('writes a processed result and its report for a new article', async () => {
    const ports = createMemoryPorts();
    const outcome = await processObjectCreated(upload(ports, 'ferry.txt', FERRY_ARTICLE, 1), ports, CONFIG);
    expect(outcome.kind).toBe('written');
    expect(await stored(ports, 'ferry.txt')).toMatchObject({
      status: 'processed',
      dedup: { kind: 'unique' },
    });
    expect(ports.results.report({ bucket: BUCKET, key: 'ferry.txt' })).toContain('<html');
  });

  it('leaves the whole stored document unchanged on a redelivery of the same event', async () => {
    const ports = createMemoryPorts();
    const event = upload(ports, 'ferry.txt', FERRY_ARTICLE, 1, '0A');
    await processObjectCreated(event, ports, CONFIG);
    const before = await documentText(ports, 'ferry.txt');
    const again = await processObjectCreated(event, ports, CONFIG);
    expect(again.kind).toBe('unchanged');
    expect(await documentText(ports, 'ferry.txt')).toBe(before);
  });

  it('ignores a late event of an older version once a newer one is processed (superseded)', async () => {
    const ports = createMemoryPorts();
    const old = upload(ports, 'x.txt', FERRY_ARTICLE, 1, '01');
    const newer = upload(ports, 'x.txt', LIBRARY_ARTICLE, 2, '02');
    await processObjectCreated(newer, ports, CONFIG);
    const before = await documentText(ports, 'x.txt');
    expect((await processObjectCreated(old, ports, CONFIG)).kind).toBe('superseded');
    expect(await documentText(ports, 'x.txt')).toBe(before);
  });

  it('does nothing for an object deleted before it was read (missing)', async () => {
    const ports = createMemoryPorts();
    const event = upload(ports, 'gone.txt', FERRY_ARTICLE, 1);
    ports.objects.delete({ bucket: BUCKET, key: 'gone.txt' });
    expect((await processObjectCreated(event, ports, CONFIG)).kind).toBe('missing');
    expect(await stored(ports, 'gone.txt')).toBeUndefined();
  });

  it.each([
    { name: 'empty', text: '', code: 'EMPTY' },
    { name: 'too large', text: 'x'.repeat(2 << 20), code: 'TOO_LARGE' },
  ])('writes a rejected result with a code for $name input', async ({ text, code }) => {
    const ports = createMemoryPorts();
    await processObjectCreated(upload(ports, 'bad.txt', text, 1), ports, CONFIG);
    expect(await stored(ports, 'bad.txt')).toMatchObject({ status: 'rejected', error: { code } });
  });

  it('marks a later exact copy as a duplicate of the earlier upload, with no summary or claims', async () => {
    const ports = createMemoryPorts();
    await processObjectCreated(upload(ports, 'a.txt', FERRY_ARTICLE, 1), ports, CONFIG);
    await processObjectCreated(upload(ports, 'b.txt', `${FERRY_ARTICLE}\n\n`, 2), ports, CONFIG);
    const copy = await stored(ports, 'b.txt');
    expect(copy).toMatchObject({ status: 'duplicate', dedup: { kind: 'exact', of: `${BUCKET}/a.txt` } });
    expect(copy?.summary).toBeUndefined();
    expect(copy?.claims).toBeUndefined();
  });

  it('marks a re-edited copy as a near duplicate with its similarity', async () => {
    const ports = createMemoryPorts();
    await processObjectCreated(upload(ports, 'a.txt', FERRY_ARTICLE, 1), ports, CONFIG);
    const edited = FERRY_ARTICLE.replace('four extra night crossings', 'four additional night crossings');
    await processObjectCreated(upload(ports, 'b.txt', edited, 2), ports, CONFIG);
    const copy = await stored(ports, 'b.txt');
    expect(copy?.dedup).toMatchObject({ kind: 'near', of: `${BUCKET}/a.txt` });
    expect(copy?.dedup.similarity).toBeGreaterThanOrEqual(DEFAULT_NEAR_THRESHOLD);
  });

  it('demotes a copy processed first when the earlier upload arrives late, and takes its claims out', async () => {
    const ports = createMemoryPorts();
    const early = upload(ports, 'early.txt', HALVARD_FIRST, 1);
    await processObjectCreated(upload(ports, 'late.txt', HALVARD_FIRST, 5), ports, CONFIG);
    expect(ports.claims.entries().some((entry) => entry.id === `${BUCKET}/late.txt`)).toBe(true);
    await processObjectCreated(early, ports, CONFIG);
    expect(await stored(ports, 'late.txt')).toMatchObject({
      status: 'duplicate',
      dedup: { kind: 'exact', of: `${BUCKET}/early.txt` },
    });
    expect(ports.claims.entries().some((entry) => entry.id === `${BUCKET}/late.txt`)).toBe(false);
  });

  it('links related claims on both results, and takes the links away when one article is demoted', async () => {
    const ports = createMemoryPorts();
    await processObjectCreated(upload(ports, 'first.txt', HALVARD_FIRST, 1), ports, CONFIG);
    await processObjectCreated(upload(ports, 'conflicts.txt', HALVARD_CONFLICTS, 3), ports, CONFIG);
    const linksOf = async (key: string) => {
      const claims = (await stored(ports, key))?.claims;
      return (
        Array.isArray(claims) ? (claims as { related?: { articleId: string; relation: string }[] }[]) : []
      ).flatMap((claim) => claim.related ?? []);
    };
    expect(await linksOf('first.txt')).toContainEqual(
      expect.objectContaining({ articleId: `${BUCKET}/conflicts.txt`, relation: 'conflicts' }),
    );
    expect(await linksOf('conflicts.txt')).toContainEqual(
      expect.objectContaining({ articleId: `${BUCKET}/first.txt`, relation: 'conflicts' }),
    );
    // An earlier exact copy of the conflicting article arrives: it becomes the canonical instead.
    await processObjectCreated(upload(ports, 'conflicts-earlier.txt', HALVARD_CONFLICTS, 2), ports, CONFIG);
    const links = await linksOf('first.txt');
    expect(links.map((link) => link.articleId)).not.toContain(`${BUCKET}/conflicts.txt`);
    expect(links.map((link) => link.articleId)).toContain(`${BUCKET}/conflicts-earlier.txt`);
  });

  it('re-analyses a key overwritten with another article and releases what the old body held', async () => {
    const ports = createMemoryPorts();
    await processObjectCreated(upload(ports, 'x.txt', HALVARD_AGREES, 1, '01'), ports, CONFIG);
    await processObjectCreated(upload(ports, 'x.txt', LIBRARY_ARTICLE, 2, '02'), ports, CONFIG);
    // A new upload of the old text is no longer a "duplicate of" a key that now holds another article.
    await processObjectCreated(upload(ports, 'y.txt', HALVARD_AGREES, 3), ports, CONFIG);
    expect(await stored(ports, 'y.txt')).toMatchObject({ status: 'processed', dedup: { kind: 'unique' } });
    expect(await stored(ports, 'x.txt')).toMatchObject({
      status: 'processed',
      article: { title: expect.stringContaining('library') },
    });
  });

  it('gives the same verdicts for all 24 processing orders of four exact and near copies', async () => {
    const base = syntheticArticle(900, 20);
    const copies = [
      { key: 'b-exact.txt', second: 2, text: base },
      { key: 'a-original.txt', second: 1, text: base },
      { key: 'c-edited.txt', second: 3, text: base.replace(/ (\w+) (\w+) /, ' fresh words ') },
      {
        key: 'd-same-time.txt',
        second: 1,
        text: base
          .split(/(?<=\.) /)
          .slice(1)
          .join(' '),
      },
    ];
    const orders = permutations(copies);
    for (const order of orders) {
      const ports = createMemoryPorts();
      const events = new Map(copies.map((c) => [c.key, upload(ports, c.key, c.text, c.second)]));
      for (const copy of order) {
        const event = events.get(copy.key);
        if (event !== undefined) await processObjectCreated(event, ports, CONFIG);
      }
      const verdicts = Object.fromEntries(
        await Promise.all(
          copies.map(async (c) => [c.key, `${(await stored(ports, c.key))?.status}`] as const),
        ),
      );
      expect({ order: order.map((c) => c.key), verdicts }).toEqual({
        order: order.map((c) => c.key),
        verdicts: {
          'a-original.txt': 'processed',
          'b-exact.txt': 'duplicate',
          'c-edited.txt': 'duplicate',
          'd-same-time.txt': 'duplicate',
        },
      });
    }
  });
});

describe('processObjectRemoved', () => {
  it('deletes the result and report, and makes the next earliest copy the canonical, analysed', async () => {
    const ports = createMemoryPorts();
    await processObjectCreated(upload(ports, 'a.txt', FERRY_ARTICLE, 1), ports, CONFIG);
    await processObjectCreated(upload(ports, 'b.txt', FERRY_ARTICLE, 2), ports, CONFIG);
    await processObjectCreated(upload(ports, 'c.txt', FERRY_ARTICLE, 3), ports, CONFIG);
    ports.objects.delete({ bucket: BUCKET, key: 'a.txt' });
    const outcome = await processObjectRemoved(
      { bucket: BUCKET, key: 'a.txt', eventTime: T(4) },
      ports,
      CONFIG,
    );
    expect(outcome).toEqual({ kind: 'removed', reelected: 2 });
    expect(await stored(ports, 'a.txt')).toBeUndefined();
    expect(ports.results.report({ bucket: BUCKET, key: 'a.txt' })).toBeUndefined();
    expect(await stored(ports, 'b.txt')).toMatchObject({ status: 'processed' });
    expect((await stored(ports, 'b.txt'))?.summary).toBeDefined();
    expect(await stored(ports, 'c.txt')).toMatchObject({
      status: 'duplicate',
      dedup: { of: `${BUCKET}/b.txt` },
    });
    expect(ports.index.entries().filter((entry) => entry.id === `${BUCKET}/a.txt`)).toEqual([]);
  });

  it('leaves a key alone when it holds an object again (a later upload follows the delete)', async () => {
    const ports = createMemoryPorts();
    await processObjectCreated(upload(ports, 'a.txt', FERRY_ARTICLE, 1), ports, CONFIG);
    const outcome = await processObjectRemoved(
      { bucket: BUCKET, key: 'a.txt', eventTime: T(2) },
      ports,
      CONFIG,
    );
    expect(outcome.kind).toBe('present');
    expect(await stored(ports, 'a.txt')).toMatchObject({ status: 'processed' });
  });
});

/** All orderings of a list (4 items: 24). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
