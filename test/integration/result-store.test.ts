import { beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../lib/aws/clients';
import { S3ResultStore } from '../../lib/aws/s3-result-store';
import { LOCAL_STACK } from '../../lib/local/local-stack';
import { type LocalEnv, setupLocalEnv } from './helpers';

// The S3 result store on s3rver behind the local S3 front: conditional writes and deletes answer as S3 does,
// and a result too large for a Lambda response is handed out as a short-lived link.

let env: LocalEnv;
let store: S3ResultStore;

beforeAll(async () => {
  env = await setupLocalEnv();
  const client = createS3Client({
    s3Endpoint: String(process.env.AWS_ENDPOINT_URL_S3),
    region: LOCAL_STACK.region,
    forcePathStyle: true,
    credentials: LOCAL_STACK.credentials,
  });
  store = new S3ResultStore(client, env.resultsBucket);
});

const doc = (n: number) => ({ schemaVersion: 1 as const, status: 'processed' as const, n });
const ref = (key: string) => ({ bucket: 'in', key });

describe('S3ResultStore', () => {
  it('writes only while its condition holds: absent for a first write, the read ETag after', async () => {
    expect(await store.write(ref('a.txt'), doc(1), { ifAbsent: true })).toBe('written');
    expect(await store.write(ref('a.txt'), doc(2), { ifAbsent: true })).toBe('conflict');
    const first = await store.read(ref('a.txt'));
    expect(first?.document).toEqual(doc(1));
    expect(await store.write(ref('a.txt'), doc(3), { ifMatch: first?.etag ?? '' })).toBe('written');
    // A writer still holding the first ETag lost the race: it must read again.
    expect(await store.write(ref('a.txt'), doc(4), { ifMatch: first?.etag ?? '' })).toBe('conflict');
    expect((await store.read(ref('a.txt')))?.document).toEqual(doc(3));
  });

  it('deletes a result, its report and its digest only while it is the one read', async () => {
    await store.write(ref('b.txt'), doc(1), { any: true });
    await store.writeReport(ref('b.txt'), '<html></html>');
    await store.writeDigest(ref('b.txt'), doc(1));
    const read = await store.read(ref('b.txt'));
    await store.write(ref('b.txt'), doc(2), { any: true });
    expect(await store.remove(ref('b.txt'), read?.etag ?? '')).toBe('conflict');
    const again = await store.read(ref('b.txt'));
    expect(await store.remove(ref('b.txt'), again?.etag ?? '')).toBe('removed');
    expect(await store.read(ref('b.txt'))).toBeUndefined();
    expect((await store.listDigests(100)).digests.map((d) => d.inputKey)).not.toContain('b.txt');
  });

  it('hands out a large result as a presigned link that reads it', async () => {
    const big = { ...doc(1), text: 'x'.repeat(50_000) };
    await store.write(ref('big.txt'), big, { any: true });
    expect(await store.readResult('big.txt', 1_000_000)).toMatchObject({ kind: 'inline' });
    const linked = await store.readResult('big.txt', 10_000);
    if (linked?.kind !== 'link') throw new Error(`expected a link, got ${linked?.kind}`);
    const fetched = await fetch(linked.url);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(big);
    expect(await store.readResult('never.txt', 10)).toBeUndefined();
  });
});
