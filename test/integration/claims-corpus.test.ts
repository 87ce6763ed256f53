import { beforeAll, describe, expect, it } from 'vitest';
import { HALVARD_AGREES, HALVARD_CONFLICTS, HALVARD_FIRST } from '../fixtures/claims-corpus-articles';
import { type LocalEnv, lambdaContext, setupLocalEnv } from './helpers';

let env: LocalEnv;
let handler: typeof import('../../functions/process-article').handler;

beforeAll(async () => {
  env = await setupLocalEnv();
  ({ handler } = await import('../../functions/process-article'));
});

type RelatedJson = { relation: string; articleId: string; claimText: string };
type ClaimJson = { text: string; related?: RelatedJson[] };

/** Uploads an article, delivers its ObjectCreated event to the real handler, returns its stored claims. */
async function processArticle(key: string, body: string, eventTime: string): Promise<void> {
  const { etag } = await env.upload(key, body);
  await handler(env.s3Event(key, etag, eventTime), lambdaContext());
}

/** The `related` links of the claim of `key`'s result that mentions `figure`. */
async function linksOf(key: string, figure: string): Promise<RelatedJson[]> {
  const result = await env.readResult(key);
  // The test reads its own pipeline's JSON (see ResultJson in helpers.ts).
  const claims = (result?.claims ?? []) as ClaimJson[];
  const claim = claims.find((c) => c.text.includes(figure));
  expect(claim, `a claim of ${key} mentions ${figure}`).toBeDefined();
  return claim?.related ?? [];
}

describe('claims checked against the corpus, through the real handler and index', () => {
  it('links two articles agreeing on a figure (corroborates) and a third contradicting it (conflicts), both ways', async () => {
    // Prepare: three articles about the same job cuts, uploaded a day apart.
    await processArticle('halvard/first.txt', HALVARD_FIRST, '2026-03-09T08:00:00.000Z');
    await processArticle('halvard/agrees.txt', HALVARD_AGREES, '2026-03-10T08:00:00.000Z');
    await processArticle('halvard/conflicts.txt', HALVARD_CONFLICTS, '2026-03-11T08:00:00.000Z');
    const id = (key: string): string => `${env.inputBucket}/${key}`;

    // Act
    const first = await linksOf('halvard/first.txt', '420 jobs');
    const agrees = await linksOf('halvard/agrees.txt', '420 jobs');
    const conflicts = await linksOf('halvard/conflicts.txt', '260 jobs');

    // Assess: the later articles see the earlier ones...
    expect(agrees).toContainEqual(
      expect.objectContaining({ relation: 'corroborates', articleId: id('halvard/first.txt') }),
    );
    expect(conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ relation: 'conflicts', articleId: id('halvard/first.txt') }),
        expect.objectContaining({ relation: 'conflicts', articleId: id('halvard/agrees.txt') }),
      ]),
    );
    // ...and the earlier ones show the links back.
    expect(first).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ relation: 'corroborates', articleId: id('halvard/agrees.txt') }),
        expect.objectContaining({ relation: 'conflicts', articleId: id('halvard/conflicts.txt') }),
      ]),
    );
    expect(agrees).toContainEqual(
      expect.objectContaining({ relation: 'conflicts', articleId: id('halvard/conflicts.txt') }),
    );
    for (const link of [...first, ...agrees, ...conflicts])
      expect(link.claimText).toMatch(/\b(?:420|260) jobs\b/);
  });

  it('never lets a duplicate corroborate its canonical', async () => {
    // Prepare: an exact copy of the first article under another key, uploaded later.
    await processArticle('halvard/copy.txt', HALVARD_FIRST, '2026-03-12T08:00:00.000Z');

    // Act
    const copy = await env.readResult('halvard/copy.txt');
    const first = await linksOf('halvard/first.txt', '420 jobs');

    // Assess
    expect(copy?.status).toBe('duplicate');
    expect(first.map((l) => l.articleId)).not.toContain(`${env.inputBucket}/halvard/copy.txt`);
  });
});
