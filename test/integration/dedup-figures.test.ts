import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDynamoDocumentClient } from '../../lib/aws/clients';
import { DynamoDedupIndex } from '../../lib/aws/dynamo-dedup-index';
import { bandKeys } from '../../lib/pipeline';
import { HALVARD_AGREES, HALVARD_CONFLICTS, HALVARD_FIRST } from '../fixtures/claims-corpus-articles';
import { type LocalEnv, lambdaContext, type ResultJson, setupLocalEnv } from './helpers';

let env: LocalEnv;
let handler: typeof import('../../functions/process-article').handler;
let index: DynamoDedupIndex;

beforeAll(async () => {
  env = await setupLocalEnv();
  ({ handler } = await import('../../functions/process-article'));
  const client = createDynamoDocumentClient({
    region: String(process.env.AWS_REGION),
    dynamoEndpoint: inject('dynamoEndpoint'),
    credentials: {
      accessKeyId: String(process.env.AWS_ACCESS_KEY_ID),
      secretAccessKey: String(process.env.AWS_SECRET_ACCESS_KEY),
    },
  });
  index = new DynamoDedupIndex(client, env.table);
});

/** Uploads an article and delivers its ObjectCreated event to the real handler; returns its stored result. */
async function processArticle(key: string, body: string, eventTime: string): Promise<ResultJson | undefined> {
  const { etag } = await env.upload(key, body);
  await handler(env.s3Event(key, etag, eventTime), lambdaContext());
  return env.readResult(key);
}

type ClaimJson = { text: string; related?: { relation: string; articleId: string }[] };

/** The relations the claim of a result that mentions `figure` shows. */
function relationsOf(result: ResultJson | undefined, figure: string): string[] {
  const claims = (result?.claims ?? []) as ClaimJson[];
  const claim = claims.find((c) => c.text.includes(figure));
  expect(claim, `a claim mentions ${figure}`).toBeDefined();
  return (claim?.related ?? []).map((r) => `${r.relation} ${r.articleId}`);
}

const CHANGED = HALVARD_FIRST.replace('420 jobs', '520 jobs');

describe('near copies that state other figures, through the real handler and DynamoDB index', () => {
  it('analyses the copy, names the article it nearly copies and shows the conflict on both sides', async () => {
    // Prepare
    const first = await processArticle('figures/first.txt', HALVARD_FIRST, '2026-05-01T08:00:00.000Z');
    const id = (key: string) => `${env.inputBucket}/${key}`;

    // Act
    const changed = await processArticle('figures/changed.txt', CHANGED, '2026-05-01T09:00:00.000Z');
    const firstAfter = await env.readResult('figures/first.txt');

    // Assess
    expect(first?.status).toBe('processed');
    expect(changed?.status).toBe('processed');
    expect(changed?.dedup).toMatchObject({
      kind: 'unique',
      nearCopyOf: id('figures/first.txt'),
      differs: 'figures',
    });
    expect(relationsOf(changed, '520')).toEqual([`conflicts ${id('figures/first.txt')}`]);
    expect(relationsOf(firstAfter, '420')).toEqual([`conflicts ${id('figures/changed.txt')}`]);
    // The same source corroborates nothing: the unchanged claims show no link.
    expect(relationsOf(firstAfter, '31%')).toEqual([]);
  });

  it('keeps matching band items written before figures were stored, as a duplicate', async () => {
    // Prepare: an article indexed as before this change (band items without `fig`). Other articles than the
    // first test's, which would be their earlier copies.
    await processArticle('legacy/first.txt', HALVARD_CONFLICTS, '2026-05-02T08:00:00.000Z');
    const legacyId = `${env.inputBucket}/legacy/first.txt`;
    const registration = (await index.registrations([legacyId])).get(legacyId);
    expect(registration?.signature).toBeDefined();
    const signature = registration?.signature ?? new Uint32Array();
    const entry = {
      id: legacyId,
      uploadedAt: registration?.uploadedAt ?? '',
      etag: registration?.etag ?? '',
    };
    await index.putBands(entry, bandKeys(signature), signature);
    const found = (await index.queryBands(bandKeys(signature))).find((e) => e.id === legacyId);
    expect(found?.figures).toBeUndefined();

    // Act
    const changed = await processArticle(
      'legacy/changed.txt',
      HALVARD_CONFLICTS.replace('260 jobs', '270 jobs'),
      '2026-05-02T09:00:00.000Z',
    );

    // Assess: matched on similarity alone, as before.
    expect(changed?.status).toBe('duplicate');
    expect(changed?.dedup).toMatchObject({ kind: 'near', of: legacyId });
  });

  it('stores the figures fingerprint on the band items it writes', async () => {
    await processArticle('stored/first.txt', HALVARD_AGREES, '2026-05-03T08:00:00.000Z');
    const storedId = `${env.inputBucket}/stored/first.txt`;
    const signature = (await index.registrations([storedId])).get(storedId)?.signature ?? new Uint32Array();
    const found = (await index.queryBands(bandKeys(signature))).find((e) => e.id === storedId);
    expect(found?.figures?.length).toBeGreaterThan(1);
  });
});
