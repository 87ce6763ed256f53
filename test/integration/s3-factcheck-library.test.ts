import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/servers';
import { createS3Client } from '../../lib/aws/clients';
import { ensureBucket } from '../../lib/aws/provision';
import { FactCheckLibraryError, S3FactCheckLibrary } from '../../lib/aws/s3-factcheck-library';
import { S3ObjectStore } from '../../lib/aws/s3-object-store';
import { runLibrary } from '../../lib/cli/library';
import { type FactCheckRecord, importFeed, mergeFeeds, serializeIndex } from '../../lib/pipeline/factcheck';

const EXAMPLES: readonly FactCheckRecord[] = mergeFeeds([
  importFeed(readFileSync('examples/factchecks.jsonld', 'utf8'), { source: 'examples/factchecks.jsonld' }),
]).records;
const OTTERS = { text: 'Otters have returned to all of the monitored stretches of the River Aldwyn.' };
const SEAL = { text: 'A grey seal has been living in the Millbrook canal since March.' };
const SEAL_REVIEW: FactCheckRecord = {
  id: 'desk-seal',
  claimReviewed: 'A grey seal has lived in the Millbrook canal since March.',
  rating: 'True',
  url: 'https://factcheck.example/reviews/canal-seal',
};

const SEAL_REVIEW_LINE = {
  id: SEAL_REVIEW.id,
  claim: SEAL_REVIEW.claimReviewed,
  rating: SEAL_REVIEW.rating,
  url: SEAL_REVIEW.url,
};

let s3: S3Client;
let bucket: string;

beforeAll(async () => {
  s3 = createS3Client({
    region: LOCAL_REGION,
    s3Endpoint: inject('s3Endpoint'),
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
  });
  bucket = `factchecks-${randomUUID().slice(0, 8)}`;
  await ensureBucket(s3, bucket);
});

/** A library on the test bucket with a clock the test moves. */
function library(prefix: string, clock: { now: number }) {
  return new S3FactCheckLibrary(new S3ObjectStore(s3), {
    bucket,
    prefix,
    recheckMs: 60_000,
    now: () => clock.now,
  });
}

describe('S3FactCheckLibrary', () => {
  it('matches nothing, and has no version, before anything is published', async () => {
    const lib = library('empty/', { now: 0 });
    expect(await lib.version()).toBeUndefined();
    expect(await lib.match([OTTERS, SEAL])).toEqual([[], []]);
  });

  it('publishes the index under its version and a pointer naming it; matches from it', async () => {
    const clock = { now: 0 };
    const lib = library('lib1/', clock);
    const { text, version } = serializeIndex(EXAMPLES);
    const pointer = await lib.publish(text);
    expect(pointer).toEqual({ version, key: `lib1/index/${version}.json`, records: EXAMPLES.length });
    const stored = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: pointer.key }));
    expect(await stored.Body?.transformToString()).toBe(text);
    const [otters, seal] = await lib.match([OTTERS, SEAL]);
    expect(otters?.[0]?.url).toBe('https://factcheck.example/reviews/aldwyn-otters');
    expect(seal).toEqual([]);
    expect(await lib.version()).toBe(version);
  });

  it('picks up a new version once the re-check interval has passed, not before', async () => {
    const clock = { now: 1_000 };
    const reader = library('lib2/', clock);
    const writer = library('lib2/', clock);
    const first = await writer.publish(serializeIndex(EXAMPLES).text);
    expect(await reader.version()).toBe(first.version);
    const second = await writer.publish(serializeIndex([...EXAMPLES, SEAL_REVIEW]).text);
    clock.now += 59_000;
    expect(await reader.version()).toBe(first.version);
    expect((await reader.match([SEAL]))[0]).toEqual([]);
    clock.now += 2_000;
    expect(await reader.version()).toBe(second.version);
    expect((await reader.match([SEAL]))[0]?.[0]).toMatchObject({ id: 'desk-seal', rating: 'True' });
  });

  it('writes nothing new when the same library is published again', async () => {
    const lib = library('lib3/', { now: 0 });
    const once = await lib.publish(serializeIndex(EXAMPLES).text);
    const again = await lib.publish(serializeIndex([...EXAMPLES].reverse()).text);
    expect(again).toEqual(once);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'lib3/' }));
    expect(listed.Contents?.map((o) => o.Key).sort()).toEqual([`lib3/current.json`, once.key]);
  });

  it('throws a retryable library error when the pointer names a missing index', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'lib4/current.json',
        Body: JSON.stringify({ version: 'a'.repeat(64), key: 'lib4/index/gone.json', records: 1 }),
      }),
    );
    await expect(library('lib4/', { now: 0 }).match([OTTERS])).rejects.toThrow(FactCheckLibraryError);
  });
});

describe('factsum library import --bucket', () => {
  it('publishes the index the adapter then serves, and reports bad records', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const messages: Buffer[] = [];
    stderr.on('data', (chunk: Buffer) => messages.push(chunk));
    stdout.resume();
    const dir = mkdtempSync(join(tmpdir(), 'factsum-lib-'));
    const extra = join(dir, 'extra.jsonl');
    writeFileSync(extra, `${JSON.stringify(SEAL_REVIEW_LINE)}\n{"id":"broken"}\n`);
    // The SDK reads credentials from process.env itself, as in the functions (helpers.ts does the same).
    const env = Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_S3: inject('s3Endpoint'),
      FACTSUM_S3_FORCE_PATH_STYLE: 'true',
    });
    const args = ['import', 'examples/factchecks.jsonld', extra, '--bucket', bucket, '--prefix', 'cli/'];
    const code = await runLibrary(args, { stdin: new PassThrough(), stdout, stderr }, env);
    expect(code).toBe(0);
    expect(Buffer.concat(messages).toString('utf8')).toContain(`${extra}:2: claim is missing or empty`);
    const [seal] = await library('cli/', { now: 0 }).match([SEAL]);
    expect(seal?.[0]).toMatchObject({ id: 'desk-seal', rating: 'True' });
  });
});
