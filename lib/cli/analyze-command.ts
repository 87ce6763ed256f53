import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS, summaryLengthTextSchema, toSummaryOptions } from '../app/settings';
import { createMemoryPorts, type MemoryPorts, serviceConfigOf } from '../app/wiring';
import {
  buildRejectedResult,
  type InputFormat,
  type Result,
  type SummaryOptions,
  toClaimReview,
} from '../pipeline';
import { renderLocalReports } from '../report/render-local-reports';
import { processObjectCreated, type ServiceConfig } from '../service';
import * as z from '../zod';
import type { CliIo } from './io';
import { UsageError } from './usage-error';

const FORMATS = ['auto', 'text', 'html', 'markdown', 'json'] as const;
const OUTPUTS = ['result', 'claimreview'] as const;

export const ANALYZE_HELP = `factsum analyze: extract, deduplicate, summarise and list the claims of local files.

Usage:
  factsum analyze [options] FILE...   one JSON line per file, in input order

Options:
  --format auto|text|html|markdown|json   input format (default: auto, from extension and content)
  --output result|claimreview             result documents (default), or per file a JSON array of
                                          schema.org ClaimReview objects without a rating
                                          (--format claimreview is accepted for the same)
  --sentences N                           summary length in sentences, 1-50 (default: by article length)
  --words N                               at most N words of summary, 1-5000
  --ratio R                               at most this share (0..1] of the article's sentences
  --published YYYY-MM-DD                  publication date when the file states none (resolves "Thursday")
  --corpus                                dedup each file against the ones before it, as if uploaded in order
  --max-bytes N                           reject files larger than N bytes (default: ${DEFAULTS.maxInputBytes})
  --html OUT_DIR                          also write a readable report per file (<file name>.html) and
                                          index.html, the corpus view, into OUT_DIR (created if missing)

Each line is a result document (schemaVersion 1): status processed | duplicate | rejected, article,
dedup, summary.sentences (text, start, end, score), claims, timings. Rejected inputs (empty, binary,
too large, undecodable, unreadable) still produce a line with error.code. Every file goes through the
same service core as an upload; with --corpus the files share one in-memory corpus.

Exit codes: 0 every input produced a line; 1 a file could not be read; 2 usage error.`;

const ANALYZE_OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string' },
  sentences: { type: 'string' },
  words: { type: 'string' },
  ratio: { type: 'string' },
  published: { type: 'string' },
  corpus: { type: 'boolean' },
  'max-bytes': { type: 'string' },
  html: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type AnalyzeArgs = {
  readonly files: readonly string[];
  readonly output: (typeof OUTPUTS)[number];
  readonly format?: InputFormat;
  readonly summary?: SummaryOptions;
  readonly published?: string;
  readonly corpus: boolean;
  readonly maxBytes: number;
  readonly htmlDir?: string;
};

/** Reads one of a fixed set of words from a flag, with a precise message for anything else. */
function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((known) => known === value);
  if (found === undefined)
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got '${value}'`);
  return found;
}

/** Parses `analyze` arguments, with precise messages for each mistake. */
function parseAnalyzeArgs(args: readonly string[]): AnalyzeArgs | 'help' {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof ANALYZE_OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options: ANALYZE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('analyze needs at least one FILE');
  // claimreview names an output, not an input format; accepted under --format too.
  const output = oneOf(
    'output',
    values.format === 'claimreview' ? 'claimreview' : (values.output ?? 'result'),
    OUTPUTS,
  );
  const format = oneOf(
    'format',
    values.format === undefined || values.format === 'claimreview' ? 'auto' : values.format,
    FORMATS,
  );
  const length = summaryLengthTextSchema.safeParse({
    ...(values.sentences === undefined ? {} : { sentences: values.sentences }),
    ...(values.words === undefined ? {} : { words: values.words }),
    ...(values.ratio === undefined ? {} : { ratio: values.ratio }),
  });
  if (!length.success) {
    throw new UsageError(
      `--sentences, --words or --ratio: ${z.prettifyError(length.error).replace(/\n/g, ' ')}`,
    );
  }
  const maxBytes = values['max-bytes'] === undefined ? DEFAULTS.maxInputBytes : Number(values['max-bytes']);
  if (!(Number.isInteger(maxBytes) && maxBytes > 0)) {
    throw new UsageError(`--max-bytes must be a positive whole number; got '${values['max-bytes']}'`);
  }
  const published = values.published;
  if (published !== undefined && Number.isNaN(Date.parse(published))) {
    throw new UsageError(`--published must be an ISO date such as 2026-03-14; got '${published}'`);
  }
  const summary = toSummaryOptions(length.data);
  return {
    files: positionals,
    output,
    corpus: values.corpus ?? false,
    maxBytes,
    ...(format === 'auto' ? {} : { format }),
    ...(summary === undefined ? {} : { summary }),
    ...(published === undefined ? {} : { published }),
    ...(values.html === undefined ? {} : { htmlDir: values.html }),
  };
}

/** `factsum analyze`: one JSON line per file, in input order. */
export async function runAnalyze(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseAnalyzeArgs(args);
  if (options === 'help') {
    io.stdout.write(`${ANALYZE_HELP}\n`);
    return 0;
  }
  const print = (result: Result) =>
    io.stdout.write(`${JSON.stringify(options.output === 'claimreview' ? toClaimReview(result) : result)}\n`);
  const results = await analyzeFiles(options, options.corpus ? undefined : print);
  if (options.corpus) results.forEach(print);
  if (options.htmlDir !== undefined) await writeReports(options.htmlDir, results, io);
  return results.some((result) => result.error?.code === 'UNREADABLE') ? 1 : 0;
}

/** Writes a report per result and the corpus view into `dir`. */
async function writeReports(dir: string, results: readonly Result[], io: CliIo): Promise<void> {
  await mkdir(dir, { recursive: true });
  const pages = renderLocalReports(results);
  for (const page of pages) await writeFile(join(dir, page.fileName), page.html, 'utf8');
  io.stderr.write(
    `factsum: wrote ${pages.length} HTML page(s) to ${dir} (open ${join(dir, 'index.html')})\n`,
  );
}

/** The pseudo-bucket of local files in the corpus: ids are `local/<path>` inside, `<path>` outside. */
const LOCAL_BUCKET = 'local';

/**
 * Runs every file through the service core with in-memory ports, as an upload: each file in a corpus of its own,
 * or (`--corpus`) all in one, uploaded in input order one millisecond apart after the newest file's modification
 * time, so that exact and near copies and related claims are found as the S3 path finds them. Later files can
 * still change earlier results (demotions, links in both directions), so a corpus is read back at the end;
 * otherwise each result is handed to `emit` as soon as it is ready.
 */
async function analyzeFiles(options: AnalyzeArgs, emit?: (result: Result) => void): Promise<Result[]> {
  const config: ServiceConfig = serviceConfigOf(
    { maxInputBytes: options.maxBytes, summaryRules: [], nearThreshold: DEFAULTS.nearThreshold },
    {
      ...(options.summary === undefined ? {} : { summary: options.summary }),
      ...(options.format === undefined ? {} : { format: options.format }),
    },
  );
  const shared = options.corpus ? createMemoryPorts() : undefined;
  const newest = options.corpus ? await newestModification(options.files) : 0;
  const done: (Result | { readonly ports: MemoryPorts; readonly path: string })[] = [];
  for (const [position, path] of options.files.entries()) {
    const ports = shared ?? createMemoryPorts();
    const file = await readLocalFile(path);
    if (file.kind === 'unreadable') {
      done.push(file.result);
      emit?.(file.result);
      continue;
    }
    const uploadedAt = options.corpus ? new Date(Math.floor(newest) + position).toISOString() : file.modified;
    const etag = ports.objects.put(
      { bucket: LOCAL_BUCKET, key: path },
      file.bytes,
      options.published ? { metadata: { published: options.published } } : {},
    );
    await processObjectCreated(
      { bucket: LOCAL_BUCKET, key: path, eventTime: uploadedAt, etag },
      ports,
      config,
    );
    if (emit === undefined) {
      done.push({ ports, path });
      continue;
    }
    const result = await readLocalResult(ports, path);
    done.push(result);
    emit(result);
  }
  return Promise.all(
    done.map((entry) => ('schemaVersion' in entry ? entry : readLocalResult(entry.ports, entry.path))),
  );
}

/** A local file's bytes and modification time, or the rejected result of a file that cannot be read. */
async function readLocalFile(
  path: string,
): Promise<{ kind: 'read'; bytes: Uint8Array; modified: string } | { kind: 'unreadable'; result: Result }> {
  try {
    const info = await stat(path);
    return { kind: 'read', bytes: new Uint8Array(await readFile(path)), modified: info.mtime.toISOString() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const result = buildRejectedResult(
      { path },
      {
        kind: 'rejected',
        size: 0,
        error: { code: 'UNREADABLE', message: `Cannot read ${path}: ${reason}` },
        timings: {},
      },
    );
    return { kind: 'unreadable', result };
  }
}

/** The newest modification time of the readable files, in ms. */
async function newestModification(paths: readonly string[]): Promise<number> {
  let newest = 0;
  for (const path of paths) {
    try {
      newest = Math.max(newest, (await stat(path)).mtimeMs);
    } catch {
      // Unreadable files get their own rejected result.
    }
  }
  return newest;
}

/** A stored corpus result with local paths instead of `local/…` ids (the CLI's contract). */
async function readLocalResult(ports: MemoryPorts, path: string): Promise<Result> {
  const stored = await ports.results.read({ bucket: LOCAL_BUCKET, key: path });
  const prefix = `${LOCAL_BUCKET}/`;
  const local = (id: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
  // Our own JSON round trip; ids are rewritten by structure, not by searching text.
  const value = JSON.parse(JSON.stringify(stored?.document ?? null), (key, v: unknown) =>
    (key === 'of' || key === 'articleId') && typeof v === 'string' ? local(v) : v,
  ) as Result;
  const {
    bucket: _bucket,
    key: _key,
    etag: _etag,
    sequencer: _sequencer,
    ...source
  } = value.source as Result['source'] & {
    sequencer?: string;
  };
  return { ...value, source: { ...source, path } };
}
