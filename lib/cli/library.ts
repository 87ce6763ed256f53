import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadSettings } from '../app/settings';
import { createFactCheckLibrary } from '../app/wiring';
import { LOCAL_STACK } from '../local/local-stack';
import {
  buildIndex,
  type FactCheckIndex,
  type FeedImport,
  formatPosition,
  importFeed,
  loadIndex,
  looksLikeIndex,
  mergeFeeds,
  serializeIndex,
} from '../pipeline/factcheck';
import type { CliIo } from './io';
import { LIBRARY_HELP } from './library-help';
import { UsageError } from './usage-error';

const OPTIONS = {
  out: { type: 'string' },
  licence: { type: 'string' },
  bucket: { type: 'string' },
  prefix: { type: 'string' },
  local: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads and imports each feed file; unreadable files are reported and counted. */
async function importFiles(
  files: readonly string[],
  licence: string | undefined,
  io: CliIo,
): Promise<{ feeds: FeedImport[]; unreadable: number }> {
  const feeds: FeedImport[] = [];
  let unreadable = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.stderr.write(
        `factsum: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      unreadable++;
      continue;
    }
    feeds.push(importFeed(text, { source: file, ...(licence === undefined ? {} : { licence }) }));
  }
  return { feeds, unreadable };
}

type Destination = {
  readonly out?: string;
  readonly bucket?: string;
  readonly prefix?: string;
  readonly local?: boolean;
};

/** Writes the index to a file, or publishes it to S3 through the adapter; says where it went. */
async function writeIndex(serialised: string, to: Destination, env: NodeJS.ProcessEnv): Promise<string> {
  if (to.bucket === undefined) {
    const file = to.out ?? 'factcheck-index.json';
    await writeFile(file, serialised, 'utf8');
    return file;
  }
  const settings = loadSettings({
    ...env,
    ...(to.local
      ? {
          AWS_ENDPOINT_URL_S3: `http://${LOCAL_STACK.host}:${LOCAL_STACK.s3Port}`,
          AWS_REGION: LOCAL_STACK.region,
          FACTSUM_S3_FORCE_PATH_STYLE: 'true',
        }
      : {}),
  });
  const library = createFactCheckLibrary(
    settings,
    { bucket: to.bucket, ...(to.prefix === undefined ? {} : { prefix: to.prefix }) },
    to.local ? { credentials: LOCAL_STACK.credentials } : {},
  );
  const pointer = await library.publish(serialised);
  return `s3://${to.bucket}/${pointer.key}`;
}

/** `factsum library import`: resolves to the exit code. */
export async function runLibrary(
  args: readonly string[],
  io: CliIo,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout.write(`${LIBRARY_HELP}\n`);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'import') throw new UsageError(`unknown library command '${sub}' (try 'library import')`);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...rest], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${LIBRARY_HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('library import needs at least one FILE');
  if (values.bucket !== undefined && values.out !== undefined)
    throw new UsageError('give --out or --bucket, not both');
  if (values.local && values.bucket === undefined) throw new UsageError('--local needs --bucket');

  const { feeds, unreadable } = await importFiles(positionals, values.licence, io);
  const { records, issues } = mergeFeeds(feeds);
  for (const issue of issues) io.stderr.write(`${formatPosition(issue.source, issue)}: ${issue.reason}\n`);
  const skipped = feeds.reduce((n, f) => n + f.skipped, 0);
  if (records.length === 0) {
    io.stderr.write('factsum: no fact-check could be imported; nothing written\n');
    return 1;
  }
  const { text: serialised, version } = serializeIndex(records);
  const where = await writeIndex(serialised, values, env);
  io.stderr.write(
    `factsum: imported ${records.length} fact-check(s) from ${feeds.length} file(s); ${issues.length} rejected, ${skipped} other node(s) skipped; version ${version.slice(0, 12)}; wrote ${where}\n`,
  );
  return unreadable > 0 ? 1 : 0;
}

/** A library from a file that is either a serialised index or a feed to import (bad records reported). */
export async function openLibraryFile(file: string, io: CliIo): Promise<FactCheckIndex> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read --library ${file}: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  if (looksLikeIndex(text)) return loadIndex(text);
  const { records, issues } = mergeFeeds([importFeed(text, { source: file })]);
  for (const issue of issues) io.stderr.write(`${formatPosition(issue.source, issue)}: ${issue.reason}\n`);
  return buildIndex(records);
}
