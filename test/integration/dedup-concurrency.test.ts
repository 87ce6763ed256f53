import { beforeAll, describe, expect, it } from 'vitest';
import { FERRY_ARTICLE } from '../fixtures/articles';
import { type LocalEnv, lambdaContext, type ResultJson, setupLocalEnv } from './helpers';

let env: LocalEnv;
let handler: typeof import('../../functions/process-article').handler;

beforeAll(async () => {
  env = await setupLocalEnv();
  ({ handler } = await import('../../functions/process-article'));
});

/** Mulberry32: a tiny seeded PRNG, so every shuffle here is reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const COPIES = 8;
const ROUNDS = 5;

describe('exact dedup under concurrent invocations', () => {
  it.each(Array.from({ length: ROUNDS }, (_, round) => ({ round })))(
    'round $round: 8 concurrent copies agree on the earliest upload as the one canonical',
    async ({ round }) => {
      const random = seededRandom(1000 + round);
      const body = `${FERRY_ARTICLE}\n\nCorrection number ${round}: an earlier version misspelled a name.`;
      // Upload times a few ms apart, two of them equal so that the key breaks the tie.
      const copies = Array.from({ length: COPIES }, (_, i) => ({
        key: `round-${round}/copy-${String.fromCharCode(104 - i)}.txt`,
        eventTime: new Date(Date.UTC(2026, 3, 1, 12, 0, 0, Math.max(i, 1) * 5)).toISOString(),
      }));
      const events = [];
      for (const copy of copies) {
        const { etag } = await env.upload(copy.key, body);
        events.push(env.s3Event(copy.key, etag, copy.eventTime));
      }
      // Every event delivered concurrently, in a shuffled order, one of them twice (at-least-once delivery).
      const deliveries = shuffle([...events, events[3]], random);
      await Promise.all(deliveries.map((event) => handler(event, lambdaContext())));

      const earliest = [...copies].sort((a, b) =>
        a.eventTime === b.eventTime ? (a.key < b.key ? -1 : 1) : a.eventTime < b.eventTime ? -1 : 1,
      )[0];
      const canonicalId = `${env.inputBucket}/${earliest?.key}`;
      const results = new Map<string, ResultJson | undefined>();
      for (const copy of copies)
        results.set(`${env.inputBucket}/${copy.key}`, await env.readResult(copy.key));

      const processed = [...results].filter(([, result]) => result?.status === 'processed').map(([id]) => id);
      expect(processed).toEqual([canonicalId]);
      for (const [id, result] of results) {
        if (id === canonicalId) continue;
        expect(result?.status).toBe('duplicate');
        // `of` names a copy that was canonical when this one was seen; the chain ends at the canonical.
        let at = id;
        for (let hops = 0; hops < COPIES && at !== canonicalId; hops++) {
          at = results.get(at)?.dedup?.of ?? at;
        }
        expect(at).toBe(canonicalId);
      }
    },
  );
});
