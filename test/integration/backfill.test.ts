import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBackfill } from '../../lib/cli/backfill-command';
import { FERRY_ARTICLE, LIBRARY_ARTICLE, ORCHARD_ARTICLE } from '../fixtures/articles';
import { syntheticArticle } from '../fixtures/synthetic-article';
import { type LocalEnv, setupLocalEnv } from './helpers';

let env: LocalEnv;
beforeAll(async () => {
  env = await setupLocalEnv();
  await env.upload('feed/1-ferry.txt', FERRY_ARTICLE);
  await env.upload('feed/2-library.txt', LIBRARY_ARTICLE);
  await env.upload('feed/3-ferry-copy.txt', FERRY_ARTICLE);
  await env.upload('feed/4-orchard.txt', ORCHARD_ARTICLE);
  await env.upload('feed/5-empty.txt', '');
  await env.upload('other/6-report.txt', syntheticArticle(301));
});

/** Runs `factsum backfill` in-process against the test's s3rver and dynalite. */
async function backfill(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  stderr.resume();
  const code = await runBackfill(
    ['--bucket', env.inputBucket, '--results-bucket', env.resultsBucket, '--table', env.table, ...args],
    { stdin: new PassThrough(), stdout, stderr },
    process.env,
  );
  return { code, summary: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
}

describe('factsum backfill', () => {
  it('processes every object under a prefix, with duplicates found and rejects reported', async () => {
    const { code, summary } = await backfill(['--prefix', 'feed/']);
    expect(code).toBe(0);
    expect(summary).toMatchObject({ objects: 5, processed: 3, duplicate: 1, rejected: 1, failed: 0 });
    expect(await env.readResult('feed/3-ferry-copy.txt')).toMatchObject({
      status: 'duplicate',
      dedup: { of: `${env.inputBucket}/feed/1-ferry.txt` },
    });
    expect(await env.readResult('other/6-report.txt')).toBeUndefined();
  });

  it('analyses nothing twice when run again', async () => {
    const { summary } = await backfill(['--prefix', 'feed/', '--concurrency', '2']);
    expect(summary).toMatchObject({ objects: 5, unchanged: 5, processed: 0, duplicate: 0 });
  });

  it('resumes after the checkpoint of an earlier run', async () => {
    const checkpoint = join(mkdtempSync(join(tmpdir(), 'factsum-backfill-')), 'checkpoint.json');
    const first = await backfill(['--checkpoint', checkpoint]);
    expect(first.summary).toMatchObject({ objects: 6, processed: 1, unchanged: 5 });
    const second = await backfill(['--checkpoint', checkpoint]);
    expect(second.summary).toMatchObject({ objects: 0 });
  });

  it('refuses to write results into the input bucket', async () => {
    await expect(
      runBackfill(
        ['--bucket', 'same', '--results-bucket', 'same'],
        {
          stdin: new PassThrough(),
          stdout: new PassThrough(),
          stderr: new PassThrough(),
        },
        process.env,
      ),
    ).rejects.toThrow(/must differ/);
  });
});
