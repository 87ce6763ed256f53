import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDynamoDocumentClient, createS3Client } from '../aws/clients';
import { DynamoDedupIndex } from '../aws/dynamo-dedup-index';
import { type ListedObject, S3ObjectStore, S3ResultStore } from '../aws/s3-object-store';
import { LOCAL_STACK } from '../local/local-stack';
import { type ProcessOutcome, processObjectCreated } from '../service/process-object';
import type { CliIo } from './main';
import { UsageError } from './usage-error';

/** The local stack's endpoints and the only credentials s3rver accepts. */
const LOCAL = {
  s3Endpoint: `http://${LOCAL_STACK.host}:${LOCAL_STACK.s3Port}`,
  dynamoEndpoint: `http://${LOCAL_STACK.host}:${LOCAL_STACK.dynamoPort}`,
  region: LOCAL_STACK.region,
  credentials: LOCAL_STACK.credentials,
} as const;

/** Objects processed at once: enough to hide S3/DynamoDB latency, few enough not to throttle a small table. */
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Completed objects between checkpoint writes: a crash repeats at most this many (cheaply: they are skipped by ETag). */
const CHECKPOINT_EVERY = 25;

export const BACKFILL_HELP = `factsum backfill: re-run the pipeline over objects already in a bucket.

Usage:
  factsum backfill --bucket BUCKET [--prefix PREFIX] [options]

Options:
  --bucket NAME            input bucket to read (required)
  --prefix PREFIX          only keys starting with PREFIX
  --results-bucket NAME    where results go (default: $RESULTS_BUCKET or factsum-results)
  --table NAME             dedup index table (default: $INDEX_TABLE or factsum-index)
  --local                  use the local stack of 'npm start' (S3 ${LOCAL.s3Endpoint}, DynamoDB ${LOCAL.dynamoEndpoint})
  --concurrency N          objects in flight (default ${DEFAULT_CONCURRENCY})
  --checkpoint FILE        remember the last key done in FILE and resume after it on the next run
  --force                  recompute results that already exist for the same object version

Without --local, endpoints and credentials come from the usual AWS environment (AWS_PROFILE,
AWS_REGION, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_DYNAMODB). Objects are processed in key order with
their LastModified time as upload time, so the corpus order (and every dedup verdict) is the one
their uploads would have given. Objects whose result is already there for the same ETag are
skipped, so a second run (or a resumed one) does not analyse anything twice.`;

const OPTIONS = {
  bucket: { type: 'string' },
  prefix: { type: 'string' },
  'results-bucket': { type: 'string' },
  table: { type: 'string' },
  local: { type: 'boolean' },
  concurrency: { type: 'string' },
  checkpoint: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Counts = Record<'processed' | 'duplicate' | 'rejected' | 'unchanged' | 'missing' | 'failed', number>;

/** Draws the progress line: a bar when the total is known, counts always. */
function progressLine(done: number, total: number | undefined, counts: Counts, rate: number): string {
  const width = 24;
  const bar =
    total && total > 0
      ? `[${'#'.repeat(Math.round((done / total) * width)).padEnd(width, '.')}] ${done}/${total}`
      : `${done}`;
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${n}`);
  return `${bar}  ${parts.join(', ')}  ${rate.toFixed(1)}/s`;
}

/** `factsum backfill`: resolves to the exit code (1 when some objects failed and should be retried). */
export async function runBackfill(
  args: readonly string[],
  io: CliIo,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS, strict: true }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (values.help) {
    io.stdout.write(`${BACKFILL_HELP}\n`);
    return 0;
  }
  const bucket = values.bucket;
  if (!bucket) throw new UsageError('backfill needs --bucket');
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 64; got '${values.concurrency}'`);
  }
  const resultsBucket = values['results-bucket'] ?? env.RESULTS_BUCKET ?? 'factsum-results';
  if (resultsBucket === bucket)
    throw new UsageError('--results-bucket must differ from --bucket (results would trigger the pipeline)');
  const settings = values.local
    ? { ...LOCAL, forcePathStyle: true }
    : {
        ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
        ...(env.AWS_ENDPOINT_URL_S3 ? { s3Endpoint: env.AWS_ENDPOINT_URL_S3 } : {}),
        ...(env.AWS_ENDPOINT_URL_DYNAMODB ? { dynamoEndpoint: env.AWS_ENDPOINT_URL_DYNAMODB } : {}),
        forcePathStyle: env.FACTSUM_S3_FORCE_PATH_STYLE === 'true',
      };
  const objects = new S3ObjectStore(createS3Client(settings));
  const deps = {
    objects,
    results: new S3ResultStore(objects, resultsBucket),
    index: new DynamoDedupIndex(
      createDynamoDocumentClient(settings),
      values.table ?? env.INDEX_TABLE ?? 'factsum-index',
    ),
    clock: () => performance.now(),
  };
  const startAfter = values.checkpoint ? await readCheckpoint(values.checkpoint) : undefined;
  const listing: ListedObject[] = [];
  for await (const object of objects.listObjects(bucket, {
    ...(values.prefix ? { prefix: values.prefix } : {}),
    ...(startAfter ? { startAfter } : {}),
  })) {
    listing.push(object);
  }
  if (startAfter) io.stderr.write(`resuming after ${JSON.stringify(startAfter)}\n`);

  const counts: Counts = { processed: 0, duplicate: 0, rejected: 0, unchanged: 0, missing: 0, failed: 0 };
  const finished = new Array<boolean>(listing.length).fill(false);
  let checkpointAt = -1;
  let done = 0;
  let next = 0;
  const started = performance.now();
  const interactive = 'isTTY' in io.stderr && io.stderr.isTTY === true;
  const report = (final: boolean) => {
    const line = progressLine(
      done,
      listing.length,
      counts,
      done / Math.max((performance.now() - started) / 1000, 1e-3),
    );
    if (interactive) io.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else if (final || done % 100 === 0) io.stderr.write(`${line}\n`);
  };

  /** Records the last key before which every object is done, so a rerun resumes after it. */
  const saveCheckpoint = async () => {
    const last = listing[checkpointAt];
    if (values.checkpoint && last)
      await writeFile(values.checkpoint, `${JSON.stringify({ startAfter: last.key })}\n`);
  };
  const worker = async () => {
    for (let at = next++; at < listing.length; at = next++) {
      const object = listing[at];
      if (object === undefined) continue;
      let outcome: ProcessOutcome | undefined;
      try {
        outcome = await processObjectCreated(
          {
            bucket,
            key: object.key,
            eventTime: object.lastModified ?? new Date(0).toISOString(),
            ...(object.etag ? { etag: object.etag } : {}),
          },
          deps,
          { maxBytes: DEFAULT_MAX_BYTES, reprocess: values.force === true },
        );
      } catch (error) {
        counts.failed++;
        io.stderr.write(
          `\nfailed: ${object.key}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
      if (outcome)
        counts[
          outcome.kind === 'written'
            ? outcome.result.status
            : // A newer version already has its result: nothing to do, as for an unchanged one.
              outcome.kind === 'superseded'
              ? 'unchanged'
              : outcome.kind
        ]++;
      finished[at] = outcome !== undefined;
      done++;
      const before = checkpointAt;
      while (finished[checkpointAt + 1] === true) checkpointAt++;
      if (values.checkpoint && checkpointAt > before && done % CHECKPOINT_EVERY === 0) await saveCheckpoint();
      report(false);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(listing.length, 1)) }, worker));
  report(true);
  await saveCheckpoint();
  io.stdout.write(
    `${JSON.stringify({ bucket, prefix: values.prefix ?? '', objects: listing.length, ...counts })}\n`,
  );
  return counts.failed > 0 ? 1 : 0;
}

/** The key to resume after, from a checkpoint file; undefined when there is none yet. */
async function readCheckpoint(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const parsed: unknown = JSON.parse(text);
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    'startAfter' in parsed &&
    typeof parsed.startAfter === 'string'
  ) {
    return parsed.startAfter;
  }
  throw new Error(`${path} is not a factsum backfill checkpoint`);
}
