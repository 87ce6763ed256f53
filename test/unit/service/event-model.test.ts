// A model-based test of the service core: seeded random sequences of uploads, overwrites, deletes, exact and
// near copies (some of them stating other figures, which makes them no copies), redeliveries and late (out-of-order) deliveries, run through the service with the in-memory
// ports. After each sequence the stored results and the index must describe the objects as they are.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../eval/reference/seeded-random';
import { MemoryClaimIndex } from '../../../lib/local/memory-claim-index';
import { MemoryDedupIndex } from '../../../lib/local/memory-dedup-index';
import { MemoryObjectStore, MemoryResultStore } from '../../../lib/local/memory-object-store';
import {
  bandKeys,
  DEFAULT_NEAR_THRESHOLD,
  estimateSimilarity,
  figuresAgree,
  figuresFingerprint,
  minhashSignature,
  prepareArticle,
} from '../../../lib/pipeline';
import { isEarlier } from '../../../lib/ports';
import {
  type ObjectCreated,
  type ObjectRemoved,
  parseStoredResult,
  processObjectCreated,
  processObjectRemoved,
  type ServiceDeps,
  type StoredResult,
} from '../../../lib/service';
import { HALVARD_AGREES, HALVARD_CONFLICTS, HALVARD_FIRST } from '../../fixtures/claims-corpus-articles';

const BUCKET = 'in';
const KEYS = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
const SEQUENCES = Number(process.env.MODEL_SEQUENCES ?? 1500);
const FIRST_SEED = Number(process.env.MODEL_SEED ?? 1);
const CONFIG = { maxBytes: 1 << 20, nearThreshold: DEFAULT_NEAR_THRESHOLD };

const UNRELATED = `Orchard festival returns to Lindmark

The apple festival of Lindmark returns this weekend after a two-year pause, with 40 stalls along the river.

Organisers from the Lindmark growers' guild expect about 9,000 visitors on Saturday alone, the guild said.

Tickets cost 6 euros for adults, and children under twelve go free.`;

/**
 * Bodies uploads pick from: originals, exact copies with other bytes, near copies in other words, near copies
 * that state other figures (not copies: they are analysed and their claims related), and unrelated stories.
 */
const BODIES = [
  HALVARD_FIRST,
  HALVARD_FIRST.replace(/\n\n/g, '\n\n\n').replace(/ jobs/g, '  jobs'),
  HALVARD_FIRST.replace('two hours', 'three hours'),
  HALVARD_AGREES,
  HALVARD_AGREES.replace('next week', 'this week'),
  HALVARD_CONFLICTS,
  UNRELATED,
  HALVARD_FIRST.replace('420 jobs', '520 jobs'),
  HALVARD_FIRST.replace('the company said', 'the firm said'),
  HALVARD_FIRST.replace('two hours', 'three hours').replace('the company said', 'the firm said'),
];

type Event =
  | { readonly kind: 'created'; readonly event: ObjectCreated }
  | { readonly kind: 'removed'; readonly event: ObjectRemoved };

/** The world of one sequence: the in-memory ports, the objects' upload times, and the events not yet delivered. */
function createWorld() {
  const objects = new MemoryObjectStore();
  const results = new MemoryResultStore();
  const index = new MemoryDedupIndex();
  const claims = new MemoryClaimIndex();
  const deps: ServiceDeps = { objects, results, index, claims, clock: () => 0 };
  return {
    objects,
    results,
    index,
    claims,
    deps,
    uploadedAt: new Map<string, string>(),
    sequence: new Map<string, number>(),
  };
}

type World = ReturnType<typeof createWorld>;

async function deliver(world: World, event: Event): Promise<void> {
  if (event.kind === 'created') await processObjectCreated(event.event, world.deps, CONFIG);
  else await processObjectRemoved(event.event, world.deps, CONFIG);
}

/** S3's per-key sequencer: a hex counter. */
function nextSequencer(world: World, key: string): string {
  const n = (world.sequence.get(key) ?? 0) + 1;
  world.sequence.set(key, n);
  return n.toString(16).toUpperCase().padStart(16, '0');
}

/** Runs one random sequence; returns the world after every event was delivered. */
async function runSequence(seed: number): Promise<{ world: World; log: string[] }> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const world = createWorld();
  const pending: Event[] = [];
  const delivered: Event[] = [];
  const log: string[] = [];
  let clock = Date.UTC(2026, 4, 1);
  const steps = 6 + Math.floor(random() * 10);
  for (let step = 0; step < steps; step++) {
    // Upload times a few ms apart, sometimes equal (then the id, and for one key the sequencer, decides).
    clock += Math.floor(random() * 3);
    const eventTime = new Date(clock).toISOString();
    const roll = random();
    const key = pick(KEYS);
    if (roll < 0.55) {
      const body = pick(BODIES.map((_, i) => i));
      const etag = world.objects.put({ bucket: BUCKET, key }, new TextEncoder().encode(BODIES[body]));
      world.uploadedAt.set(key, eventTime);
      pending.push({
        kind: 'created',
        event: { bucket: BUCKET, key, eventTime, etag, sequencer: nextSequencer(world, key) },
      });
      log.push(`${eventTime} put ${key} body ${body}`);
    } else if (roll < 0.7) {
      world.objects.delete({ bucket: BUCKET, key });
      world.uploadedAt.delete(key);
      pending.push({
        kind: 'removed',
        event: { bucket: BUCKET, key, eventTime, sequencer: nextSequencer(world, key) },
      });
      log.push(`${eventTime} delete ${key}`);
    } else if (roll < 0.8 && delivered.length > 0) {
      // At-least-once delivery: an event already handled comes again.
      pending.push(pick(delivered));
      log.push('redeliver');
    }
    // Deliveries lag behind and come in any order.
    while (pending.length > 0 && random() < 0.5) {
      const event = pending.splice(Math.floor(random() * pending.length), 1)[0] as Event;
      log.push(`deliver ${event.kind} ${event.event.key} ${event.event.eventTime}`);
      await deliver(world, event);
      delivered.push(event);
    }
  }
  while (pending.length > 0) {
    const event = pending.splice(Math.floor(random() * pending.length), 1)[0] as Event;
    log.push(`deliver ${event.kind} ${event.event.key} ${event.event.eventTime}`);
    await deliver(world, event);
  }
  return { world, log };
}

/** What the oracle knows of a live key: its upload time, body hash and signature, computed as the pipeline does. */
type Live = {
  readonly id: string;
  readonly uploadedAt: string;
  readonly etag: string;
  readonly bodyHash: string;
  readonly signature: Uint32Array;
  readonly figures: Uint32Array;
};

async function liveObjects(world: World): Promise<Map<string, Live>> {
  const live = new Map<string, Live>();
  for (const key of KEYS) {
    const read = await world.objects.getObject({ bucket: BUCKET, key }, { maxBytes: CONFIG.maxBytes });
    const uploadedAt = world.uploadedAt.get(key);
    if (read.kind !== 'object' || uploadedAt === undefined) continue;
    const prepared = prepareArticle(read.bytes, { maxBytes: CONFIG.maxBytes, fileName: key, clock: () => 0 });
    if (prepared.kind !== 'prepared') throw new Error(`fixture ${key} does not prepare`);
    live.set(`${BUCKET}/${key}`, {
      id: `${BUCKET}/${key}`,
      uploadedAt,
      etag: read.etag ?? '',
      bodyHash: prepared.bodyHash,
      signature: minhashSignature(prepared.article.text),
      figures: figuresFingerprint(prepared.article.text),
    });
  }
  return live;
}

/**
 * Whether the service would call `b` a copy of `a`: same body, or a shared LSH band, similarity over the
 * threshold and the same figures (written out here rather than calling the service's predicate).
 */
function isCopy(a: Live, b: Live): boolean {
  if (a.bodyHash === b.bodyHash) return true;
  const bands = new Set(bandKeys(a.signature));
  return (
    bandKeys(b.signature).some((band) => bands.has(band)) &&
    estimateSimilarity(a.signature, b.signature) >= CONFIG.nearThreshold &&
    figuresAgree(a.figures, b.figures)
  );
}

/** Whether `b` is a near copy of `a` that states other figures: similar enough, but no copy. */
function isVariant(a: Live, b: Live): boolean {
  if (a.bodyHash === b.bodyHash) return false;
  const bands = new Set(bandKeys(a.signature));
  return (
    bandKeys(b.signature).some((band) => bands.has(band)) &&
    estimateSimilarity(a.signature, b.signature) >= CONFIG.nearThreshold &&
    !figuresAgree(a.figures, b.figures)
  );
}

/**
 * A processed article names its earliest earlier live near copy with other figures (`dedup.nearCopyOf`), and
 * none when there is none. A name of an article deleted or overwritten since is a known limit: not checked.
 */
function nearCopyProblems(id: string, result: StoredResult, live: ReadonlyMap<string, Live>): string[] {
  const object = live.get(id);
  if (object === undefined || result.status !== 'processed') return [];
  const earliest = [...live.values()]
    .filter((other) => other.id !== id && isEarlier(other, object) && isVariant(other, object))
    .sort((a, b) => (isEarlier(a, b) ? -1 : 1))[0];
  const named = result.dedup.nearCopyOf;
  const namedLive = named === undefined ? undefined : live.get(named);
  if (named === undefined)
    return earliest === undefined ? [] : [`${id}: names no near copy, although ${earliest.id} is one`];
  if (namedLive === undefined || !isEarlier(namedLive, object) || !isVariant(namedLive, object)) return [];
  return earliest?.id === named ? [] : [`${id}: names near copy ${named}, the earliest is ${earliest?.id}`];
}

/** Every violated invariant of a world, as readable lines (empty when all hold). */
async function violations(world: World): Promise<string[]> {
  const problems: string[] = [];
  const live = await liveObjects(world);
  const stored = new Map<string, StoredResult>();
  for (const [id, document] of world.results.entries()) {
    const result = parseStoredResult(document);
    if (result === undefined) problems.push(`${id}: stored result does not parse`);
    else stored.set(id, result);
  }
  for (const id of stored.keys()) if (!live.has(id)) problems.push(`${id}: result of a deleted key`);
  for (const [id, object] of live) {
    const result = stored.get(id);
    if (result === undefined) problems.push(`${id}: live key without a result`);
    else if (result.source.etag !== object.etag || result.source.uploadedAt !== object.uploadedAt)
      problems.push(
        `${id}: result describes ${result.source.etag} @ ${result.source.uploadedAt}, object is ${object.etag} @ ${object.uploadedAt}`,
      );
  }
  for (const [id, object] of live) {
    const result = stored.get(id);
    if (result === undefined) continue;
    const earlierCopy = [...live.values()].find(
      (other) => other.id !== id && isEarlier(other, object) && isCopy(other, object),
    );
    if (result.status === 'processed' && earlierCopy !== undefined)
      problems.push(`${id}: processed although ${earlierCopy.id} is an earlier copy`);
    problems.push(...nearCopyProblems(id, result, live));
    if (result.status === 'duplicate') {
      problems.push(...chainProblems(id, stored, live));
      const earliestExact = [...live.values()]
        .filter((other) => other.bodyHash === object.bodyHash)
        .sort((a, b) => (isEarlier(a, b) ? -1 : 1))[0];
      if (
        earliestExact !== undefined &&
        earliestExact.id !== id &&
        chainEnd(id, stored) !== chainEnd(earliestExact.id, stored)
      )
        problems.push(
          `${id}: canonical ${chainEnd(id, stored)} is not its earliest exact copy's (${chainEnd(earliestExact.id, stored)})`,
        );
    }
    if (result.status === 'processed' && earlierCopy === undefined) {
      const laterCopy = [...live.values()].find(
        (other) =>
          other.id !== id &&
          isEarlier(object, other) &&
          isCopy(object, other) &&
          stored.get(other.id)?.status === 'processed',
      );
      if (laterCopy !== undefined)
        problems.push(`${laterCopy.id}: processed although ${id} is an earlier copy`);
    }
  }
  problems.push(...indexProblems(world, live, stored));
  problems.push(...linkProblems(stored, live));
  return problems;
}

/** The article a duplicate's `of` chain ends at. */
function chainEnd(id: string, stored: ReadonlyMap<string, StoredResult>): string {
  let at = id;
  for (let hops = 0; hops <= KEYS.length; hops++) {
    const next = stored.get(at)?.dedup.of;
    if (stored.get(at)?.status !== 'duplicate' || next === undefined) return at;
    at = next;
  }
  return `${at} (cycle)`;
}

/** Each hop of a duplicate's chain names a live, earlier copy, and the chain ends at a processed article. */
function chainProblems(
  id: string,
  stored: ReadonlyMap<string, StoredResult>,
  live: ReadonlyMap<string, Live>,
): string[] {
  const problems: string[] = [];
  let at = id;
  for (let hops = 0; hops <= KEYS.length; hops++) {
    const result = stored.get(at);
    if (result?.status !== 'duplicate') break;
    const of = result.dedup.of;
    const here = live.get(at);
    const there = of === undefined ? undefined : live.get(of);
    if (here === undefined || there === undefined)
      return [`${id}: chain passes ${at} → ${of}, which is not live`];
    if (!isEarlier(there, here) || !isCopy(there, here))
      return [`${id}: ${at} → ${of} is not an earlier copy`];
    at = of as string;
  }
  if (stored.get(at)?.status !== 'processed')
    problems.push(`${id}: chain ends at ${at}, which is ${stored.get(at)?.status}`);
  return problems;
}

/** No index entry names a deleted or replaced version; a processed article's claims are indexed, a duplicate's not. */
function indexProblems(
  world: World,
  live: ReadonlyMap<string, Live>,
  stored: ReadonlyMap<string, StoredResult>,
): string[] {
  const problems: string[] = [];
  for (const entry of world.index.entries()) {
    if (live.get(entry.id)?.etag !== entry.etag)
      problems.push(`index: ${entry.kind} entry of ${entry.id} @ ${entry.etag} is stale`);
  }
  for (const entry of world.claims.entries()) {
    if (live.get(entry.id)?.etag !== entry.etag)
      problems.push(`claims index: record of ${entry.id} @ ${entry.etag} is stale`);
    else if (stored.get(entry.id)?.status !== 'processed')
      problems.push(`claims index: record of ${entry.id}, a ${stored.get(entry.id)?.status}`);
  }
  return problems;
}

/** Related claims link live, processed articles, and every link is shown on both sides. */
function linkProblems(stored: ReadonlyMap<string, StoredResult>, live: ReadonlyMap<string, Live>): string[] {
  const problems: string[] = [];
  const links = new Set<string>();
  const claimsOf = (result: StoredResult) =>
    (Array.isArray(result.claims) ? result.claims : []) as {
      related?: { articleId: string; claimIndex: number }[];
    }[];
  for (const [id, result] of stored) {
    claimsOf(result).forEach((claim, i) => {
      for (const link of claim.related ?? []) {
        links.add(`${id}#${i}>${link.articleId}#${link.claimIndex}`);
        if (!live.has(link.articleId) || stored.get(link.articleId)?.status !== 'processed')
          problems.push(
            `${id}: claim ${i} links to ${link.articleId}, which is ${stored.get(link.articleId)?.status ?? 'gone'}`,
          );
      }
    });
  }
  for (const link of links) {
    const [from, to] = link.split('>') as [string, string];
    if (!links.has(`${to}>${from}`)) problems.push(`link ${from} → ${to} is not mirrored`);
  }
  return problems;
}

describe('service core under random event sequences (model-based)', () => {
  it(`keeps results and index true to the objects over ${SEQUENCES} seeded sequences`, async () => {
    const failures: string[] = [];
    for (let seed = FIRST_SEED; seed < FIRST_SEED + SEQUENCES && failures.length < 3; seed++) {
      const { world, log } = await runSequence(seed);
      const problems = await violations(world);
      if (problems.length > 0)
        failures.push(`seed ${seed}:\n  ${problems.join('\n  ')}\n  events:\n    ${log.join('\n    ')}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
