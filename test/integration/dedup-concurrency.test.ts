import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededRandom, shuffled } from '../../eval/reference/seeded-random';
import { type FaultProxy, startFaultProxy } from '../../infra/local/fault-proxy';
import { syntheticArticle } from '../fixtures/synthetic-article';
import { type LocalEnv, lambdaContext, type ResultJson, setupLocalEnv } from './helpers';

let env: LocalEnv;
let handler: typeof import('../../functions/process-article').handler;
let s3Proxy: FaultProxy | undefined;

beforeAll(async () => {
  env = await setupLocalEnv();
  // Concurrent invocations rewrite the same result objects (demotions, claim links). S3 makes each PUT
  // atomic; s3rver writes the file in place, so two PUTs of one key can interleave into a torn file. The
  // function reaches s3rver through a proxy that serialises requests per key, as S3 behaves.
  s3Proxy = await startFaultProxy({ target: inject('s3Endpoint'), atomicPerKey: true });
  process.env.AWS_ENDPOINT_URL_S3 = s3Proxy.endpoint;
  ({ handler } = await import('../../functions/process-article'));
});

afterAll(async () => {
  await s3Proxy?.close();
});

/** Copy `i` of a body: exact, with one sentence dropped, or with two words changed, by turns. */
function variant(body: string, i: number): string {
  if (i % 3 === 0) return body;
  const sentences = body.split(/(?<=\.) /);
  if (i % 3 === 1) return sentences.filter((_, at) => at !== i + 1).join(' ');
  return body.replace(/ (\w+) (\w+) /, ` edited${i} words${i} `);
}

const COPIES = 8;
const ROUNDS = 5;

describe('dedup under concurrent invocations', () => {
  it.each(Array.from({ length: ROUNDS }, (_, round) => ({ round })))(
    'round $round: 8 concurrent exact and near copies agree on the earliest upload as the one canonical',
    async ({ round }) => {
      const random = seededRandom(1000 + round);
      const body = syntheticArticle(500 + round);
      // Upload times a few ms apart, two of them equal so that the key breaks the tie.
      const copies = Array.from({ length: COPIES }, (_, i) => ({
        key: `round-${round}/copy-${String.fromCharCode(104 - i)}.txt`,
        eventTime: new Date(Date.UTC(2026, 3, 1, 12, 0, 0, Math.max(i, 1) * 5)).toISOString(),
      }));
      const events = [];
      for (const copy of copies) {
        const { etag } = await env.upload(copy.key, variant(body, copies.indexOf(copy)));
        events.push(env.s3Event(copy.key, etag, copy.eventTime));
      }
      // Every event delivered concurrently, in a shuffled order, one of them twice (at-least-once delivery).
      const deliveries = shuffled([...events, events[3]], random);
      await Promise.all(deliveries.map((event) => handler(event, lambdaContext())));

      const earliest = [...copies].sort((a, b) =>
        a.eventTime === b.eventTime ? (a.key < b.key ? -1 : 1) : a.eventTime < b.eventTime ? -1 : 1,
      )[0];
      const canonicalId = `${env.inputBucket}/${earliest?.key}`;
      const results = new Map<string, ResultJson | undefined>();
      for (const copy of copies)
        results.set(`${env.inputBucket}/${copy.key}`, await env.readResult(copy.key));

      expect([...results.values()].map((result) => result?.dedup?.kind)).toContain('near');
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
