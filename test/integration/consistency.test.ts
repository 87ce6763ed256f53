import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../../infra/local/fault-proxy';
import { FERRY_ARTICLE } from '../fixtures/articles';
import { HALVARD_FIRST } from '../fixtures/claims-corpus-articles';
import { syntheticArticle } from '../fixtures/synthetic-article';
import { type LocalEnv, lambdaContext, setupLocalEnv } from './helpers';

// Fault tests of the service's consistency on the local stack (s3rver behind the S3 front that honours
// conditional writes, dynalite): concurrent writers of one result lose nothing, and an article whose result
// could never be written is not a canonical for anything.

let env: LocalEnv;
let proxy: FaultProxy;
let handler: typeof import('../../functions/process-article').handler;

beforeAll(async () => {
  env = await setupLocalEnv();
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  // The function reaches S3 through a fault-injecting proxy in front of the conditional S3 front.
  proxy = await startFaultProxy({ target: inject('s3Endpoint') });
  process.env.AWS_ENDPOINT_URL_S3 = proxy.endpoint;
  ({ handler } = await import('../../functions/process-article'));
});

afterAll(async () => {
  await proxy?.close();
});

const at = (second: number) => new Date(Date.UTC(2026, 6, 1, 9, 0, second)).toISOString();

/** Uploads and returns the S3 event for it. */
async function uploaded(key: string, body: string, second: number) {
  const { etag } = await env.upload(key, body);
  return env.s3Event(key, etag, at(second));
}

/** A distinct story (its own filler text) that repeats the figure of HALVARD_FIRST: 420 jobs. */
function supporting(i: number): string {
  const filler = syntheticArticle(700 + i, 8)
    .split('\n\n')
    .slice(1)
    .join('\n\n');
  return `Report ${i} on Brennport\n\nHalvard Shipping will cut 420 jobs at its Brennport terminal, reporter ${i} was told on Tuesday.\n\n${filler}`;
}

type Linked = { related?: { articleId: string }[] };

describe('consistency under concurrent writers and failed writes', () => {
  it('keeps every link that concurrent articles mirror into one result (conditional writes, no lost update)', async () => {
    // Prepare: one article, then six others that corroborate its figure, processed all at once.
    await handler(await uploaded('links/first.txt', HALVARD_FIRST, 1), lambdaContext());
    const events = await Promise.all(
      Array.from({ length: 6 }, (_, i) => uploaded(`links/supporting-${i}.txt`, supporting(i), 2 + i)),
    );

    // Act
    await Promise.all(events.map((event) => handler(event, lambdaContext())));

    // Assess: the first article shows a link from each of the six.
    const first = await env.readResult('links/first.txt');
    const linked = new Set(
      ((first?.claims ?? []) as Linked[]).flatMap((c) => (c.related ?? []).map((r) => r.articleId)),
    );
    for (let i = 0; i < 6; i++) expect(linked).toContain(`${env.inputBucket}/links/supporting-${i}.txt`);
  });

  it('treats an article whose result was never written as absent, until its redelivery succeeds', async () => {
    // Prepare: every write of one article's result fails (an S3 outage for that key).
    proxy.addFault({ kind: 'internal', method: 'PUT', pathIncludes: '/dead/first.txt.json' });
    const dead = await uploaded('dead/first.txt', FERRY_ARTICLE, 20);
    for (let delivery = 1; delivery <= 5; delivery++) {
      await expect(handler(dead, lambdaContext())).rejects.toThrow();
    }

    // Act: an exact copy uploaded later is analysed, not called a duplicate of a result nobody can read.
    await handler(await uploaded('dead/copy.txt', FERRY_ARTICLE, 21), lambdaContext());

    // Assess
    expect(await env.readResult('dead/first.txt')).toBeUndefined();
    expect(await env.readResult('dead/copy.txt')).toMatchObject({
      status: 'processed',
      dedup: { kind: 'unique' },
    });

    // Act again: the outage ends and the message is redriven; the earlier upload becomes the canonical.
    proxy.clearFaults();
    await handler(dead, lambdaContext());
    expect(await env.readResult('dead/first.txt')).toMatchObject({ status: 'processed' });
    expect(await env.readResult('dead/copy.txt')).toMatchObject({
      status: 'duplicate',
      dedup: { kind: 'exact', of: `${env.inputBucket}/dead/first.txt` },
    });
  });
});
