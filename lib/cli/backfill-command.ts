import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadSettings, type Settings } from '../app/settings';
import { type AwsPorts, createArticleQueue, createAwsPorts, serviceConfigOf } from '../app/wiring';
import { LOCAL_STACK } from '../local/local-stack';
import { type ArticleQueue, type ListedObject, toCorpusId } from '../ports';
import { type ProcessOutcome, processObjectCreated, type ServiceConfig } from '../service';
import { BACKFILL_HELP, DEFAULT_CONCURRENCY, LOCAL } from './backfill-help';
import type { CliIo } from './io';
import { UsageError } from './usage-error';

/** Completed objects between checkpoint writes: a crash repeats at most this many (cheaply: they are skipped by ETag). */
const CHECKPOINT_EVERY = 25;

const OPTIONS = {
  bucket: { type: 'string' },
  prefix: { type: 'string' },
  'results-bucket': { type: 'string' },
  table: { type: 'string' },
  local: { type: 'boolean' },
  concurrency: { type: 'string' },
  checkpoint: { type: 'string' },
  force: { type: 'boolean' },
  queue: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Counts = Record<
  'processed' | 'duplicate' | 'rejected' | 'unchanged' | 'missing' | 'failed' | 'demoted',
  number
>;

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

type BackfillOptions = {
  readonly bucket: string;
  readonly prefix?: string;
  readonly resultsBucket?: string;
  readonly table?: string;
  readonly local: boolean;
  readonly concurrency: number;
  readonly checkpoint?: string;
  readonly force: boolean;
  /** Send the objects to this SQS queue instead of processing them here. */
  readonly queue?: string;
};

/** Parses `backfill` arguments, with precise messages for each mistake. */
function parseBackfillArgs(args: readonly string[]): BackfillOptions | 'help' {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS, strict: true }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (values.help) return 'help';
  if (!values.bucket) throw new UsageError('backfill needs --bucket');
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 64; got '${values.concurrency}'`);
  }
  return {
    bucket: values.bucket,
    local: values.local === true,
    concurrency,
    force: values.force === true,
    ...(values.prefix ? { prefix: values.prefix } : {}),
    ...(values['results-bucket'] ? { resultsBucket: values['results-bucket'] } : {}),
    ...(values.table ? { table: values.table } : {}),
    ...(values.checkpoint ? { checkpoint: values.checkpoint } : {}),
    ...(values.queue ? { queue: values.queue } : {}),
  };
}

/** The deployment's settings (the same variables the functions read), with the command's flags over them. */
function backfillSettings(options: BackfillOptions, env: NodeJS.ProcessEnv): Settings {
  const settings = loadSettings({
    ...env,
    INPUT_BUCKET: options.bucket,
    ...(options.resultsBucket ? { RESULTS_BUCKET: options.resultsBucket } : {}),
    ...(options.table ? { INDEX_TABLE: options.table } : {}),
    ...(options.local
      ? {
          AWS_ENDPOINT_URL_S3: LOCAL.s3Endpoint,
          AWS_ENDPOINT_URL_DYNAMODB: LOCAL.dynamoEndpoint,
          AWS_REGION: LOCAL_STACK.region,
          FACTSUM_S3_FORCE_PATH_STYLE: 'true',
        }
      : {}),
  });
  return settings;
}

/** `factsum backfill`: resolves to the exit code (1 when some objects failed and should be retried). */
export async function runBackfill(
  args: readonly string[],
  io: CliIo,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const options = parseBackfillArgs(args);
  if (options === 'help') {
    io.stdout.write(`${BACKFILL_HELP}\n`);
    return 0;
  }
  let settings: Settings;
  try {
    settings = backfillSettings(options, env);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const ports = createAwsPorts(settings, options.local ? { credentials: LOCAL_STACK.credentials } : {});
  const config = serviceConfigOf(settings, { reprocess: options.force });
  const startAfter = options.checkpoint ? await readCheckpoint(options.checkpoint) : undefined;
  const listing: ListedObject[] = [];
  for await (const object of ports.objects.listObjects(options.bucket, {
    ...(options.prefix ? { prefix: options.prefix } : {}),
    ...(startAfter ? { startAfter } : {}),
  })) {
    listing.push(object);
  }
  if (startAfter) io.stderr.write(`resuming after ${JSON.stringify(startAfter)}\n`);
  if (options.queue !== undefined) {
    const queue = createArticleQueue(
      settings,
      options.queue,
      options.local ? { credentials: LOCAL_STACK.credentials } : {},
    );
    await queueListing(listing, options, queue, io);
    io.stdout.write(
      `${JSON.stringify({ bucket: options.bucket, prefix: options.prefix ?? '', objects: listing.length, queued: listing.length })}\n`,
    );
    return 0;
  }
  const counts = await processListing(listing, { options, ports, config, io });
  io.stdout.write(
    `${JSON.stringify({ bucket: options.bucket, prefix: options.prefix ?? '', objects: listing.length, ...counts })}\n`,
  );
  return counts.failed > 0 ? 1 : 0;
}

/** What processing a listing needs. */
type Run = {
  readonly options: BackfillOptions;
  readonly ports: AwsPorts;
  readonly config: ServiceConfig;
  readonly io: CliIo;
};

/**
 * Runs every listed object through the service core, `concurrency` at a time, in key order with its
 * LastModified time as upload time, showing progress and saving a checkpoint as it goes.
 */
async function processListing(listing: readonly ListedObject[], run: Run): Promise<Counts> {
  const counts: Counts = {
    processed: 0,
    duplicate: 0,
    rejected: 0,
    unchanged: 0,
    missing: 0,
    failed: 0,
    demoted: 0,
  };
  const finished = new Array<boolean>(listing.length).fill(false);
  const progress = createProgress(run.io, listing.length, counts);
  // Which objects their own invocation reported processed, and which processed copies others demoted:
  // both invocations of a copy race (it may see the earlier copy and demote itself, or be demoted by it),
  // so the demoted count is settled at the end, once per copy that stood as processed.
  const reportedProcessed = new Set<string>();
  const demotedIds = new Set<string>();
  let checkpointAt = -1;
  let next = 0;
  const worker = async () => {
    for (let at = next++; at < listing.length; at = next++) {
      const object = listing[at];
      if (object === undefined) continue;
      const { outcome, demotedCopies } = await processListed(object, run);
      counts[outcome]++;
      if (outcome === 'processed')
        reportedProcessed.add(toCorpusId({ bucket: run.options.bucket, key: object.key }));
      for (const id of demotedCopies) demotedIds.add(id);
      finished[at] = outcome !== 'failed';
      const done = progress.done();
      const before = checkpointAt;
      while (finished[checkpointAt + 1] === true) checkpointAt++;
      if (run.options.checkpoint && checkpointAt > before && done % CHECKPOINT_EVERY === 0)
        await saveCheckpoint(run.options.checkpoint, listing[checkpointAt]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(run.options.concurrency, Math.max(listing.length, 1)) }, worker),
  );
  // Copies written as processed before an earlier copy was (concurrent workers finish in any order) are
  // its duplicates now: counted apart, so processed − demoted is what stands as canonical.
  for (const id of demotedIds) if (reportedProcessed.has(id)) counts.demoted++;
  progress.end();
  if (run.options.checkpoint) await saveCheckpoint(run.options.checkpoint, listing[checkpointAt]);
  return counts;
}

/** One listed object through the service core; the count it adds to, and the corpus ids of processed copies it demoted. */
async function processListed(
  object: ListedObject,
  run: Run,
): Promise<{ outcome: Exclude<keyof Counts, 'demoted'>; demotedCopies: readonly string[] }> {
  let outcome: ProcessOutcome;
  try {
    outcome = await processObjectCreated(
      {
        bucket: run.options.bucket,
        key: object.key,
        eventTime: object.lastModified ?? new Date(0).toISOString(),
        ...(object.etag ? { etag: object.etag } : {}),
      },
      run.ports,
      run.config,
    );
  } catch (error) {
    run.io.stderr.write(
      `\nfailed: ${object.key}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return { outcome: 'failed', demotedCopies: [] };
  }
  if (outcome.kind === 'written')
    return { outcome: outcome.result.status, demotedCopies: outcome.demotedCopies ?? [] };
  // A newer version already has its result: nothing to do, as for an unchanged one.
  return { outcome: outcome.kind === 'superseded' ? 'unchanged' : outcome.kind, demotedCopies: [] };
}

/** The progress line on stderr: redrawn in a terminal, every 100 objects otherwise. */
function createProgress(io: CliIo, total: number, counts: Counts) {
  let done = 0;
  const started = performance.now();
  const interactive = 'isTTY' in io.stderr && io.stderr.isTTY === true;
  const report = (final: boolean) => {
    const line = progressLine(
      done,
      total,
      counts,
      done / Math.max((performance.now() - started) / 1000, 1e-3),
    );
    if (interactive) io.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else if (final || done % 100 === 0) io.stderr.write(`${line}\n`);
  };
  return {
    done: () => {
      done++;
      report(false);
      return done;
    },
    end: () => report(true),
  };
}

/** Objects sent per progress step and checkpoint in queue mode (ten SendMessageBatch calls). */
const QUEUE_CHUNK = 100;

/**
 * Queue mode: every listed object goes to the article queue as its ObjectCreated notification, in key order,
 * with its LastModified as upload time, a checkpoint after each chunk so that an interrupted run resumes.
 */
async function queueListing(
  listing: readonly ListedObject[],
  options: BackfillOptions,
  queue: ArticleQueue,
  io: CliIo,
): Promise<void> {
  for (let at = 0; at < listing.length; at += QUEUE_CHUNK) {
    const chunk = listing.slice(at, at + QUEUE_CHUNK);
    await queue.sendObjectCreated(
      chunk.map((object) => ({
        bucket: options.bucket,
        key: object.key,
        eventTime: object.lastModified ?? new Date(0).toISOString(),
        size: object.size,
        ...(object.etag ? { etag: object.etag } : {}),
      })),
    );
    if (options.checkpoint) await saveCheckpoint(options.checkpoint, chunk.at(-1));
    io.stderr.write(`queued ${Math.min(at + QUEUE_CHUNK, listing.length)}/${listing.length}\n`);
  }
}

/** Records the last key before which every object is done, so a rerun resumes after it. */
async function saveCheckpoint(path: string, last: ListedObject | undefined): Promise<void> {
  if (last) await writeFile(path, `${JSON.stringify({ startAfter: last.key })}\n`);
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
