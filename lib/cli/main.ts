import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { MemoryClaimIndex } from '../local/memory-claim-index';
import { MemoryDedupIndex } from '../local/memory-dedup-index';
import { MemoryObjectStore, MemoryResultStore } from '../local/memory-object-store';
import type { InputFormat, Result, SummaryOptions } from '../pipeline';
import {
  analyzeArticle,
  buildProcessedResult,
  buildRejectedResult,
  prepareArticle,
  scoreSentence,
  toClaimReview,
} from '../pipeline';
import { renderLocalReports } from '../report/render-local-reports';
import { processObjectCreated } from '../service/process-object';
import { runBackfill } from './backfill';
import { runLibrary } from './library';
import { runMatch } from './match';
import { UsageError } from './usage-error';

export type CliIo = { readonly stdin: Readable; readonly stdout: Writable; readonly stderr: Writable };

/** Same default limit as the Lambda: 5 MiB. */
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const FORMATS = ['auto', 'text', 'html', 'markdown', 'json'] as const;
const OUTPUTS = ['result', 'claimreview'] as const;

const HELP = `factsum: extract, deduplicate, summarise and list check-worthy claims of news articles.

Usage:
  factsum analyze [options] FILE...   analyse local files; one JSON line per file, in input order
  factsum claims                      score sentences read from stdin (one per line) for check-worthiness
  factsum backfill --bucket B [...]   re-run the pipeline over objects already in a bucket (backfill --help)
  factsum library import FILE...      build the fact-check library from ClaimReview / JSON Lines feeds (library --help)
  factsum match --library FILE        rank library fact-checks for JSON Lines {"id","text"} on stdin (match --help)
  factsum --help                      this help

analyze options:
  --format auto|text|html|markdown|json   input format (default: auto, from extension and content)
  --output result|claimreview             result documents (default), or per file a JSON array of
                                          schema.org ClaimReview objects without a rating
                                          (--format claimreview is accepted for the same)
  --sentences N                           summary length in sentences (default: chosen by article length)
  --words N                               at most N words of summary
  --ratio R                               at most this share (0..1] of the article's sentences
  --published YYYY-MM-DD                  publication date when the file states none (resolves "Thursday")
  --corpus                                dedup each file against the ones before it, as if uploaded in order
  --max-bytes N                           reject files larger than N bytes (default: ${DEFAULT_MAX_BYTES})
  --html OUT_DIR                          also write a readable report per file (<file name>.html) and
                                          index.html, the corpus view, into OUT_DIR (created if missing)

Each analyze line is a result document (schemaVersion 1): status processed | duplicate | rejected,
article, dedup, summary.sentences (text, start, end, score), claims, timings. Rejected inputs
(empty, binary, too large, undecodable, unreadable) still produce a line with error.code.

claims prints {"text","score","checkworthy","types"} per non-blank input line, in order.

Exit codes: 0 every input produced a line; 1 a file could not be read; 2 usage error.`;

/** Runs the factsum command; resolves to the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  try {
    if (command === 'analyze') return await runAnalyze(rest, io);
    if (command === 'claims') return await runClaims(rest, io);
    if (command === 'backfill') return await runBackfill(rest, io, process.env);
    if (command === 'library') return await runLibrary(rest, io, process.env);
    if (command === 'match') return await runMatch(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`factsum: ${error.message}\nRun 'factsum --help' for usage.\n`);
      return 2;
    }
    throw error;
  }
  io.stderr.write(`factsum: unknown command '${command}'\nRun 'factsum --help' for usage.\n`);
  return 2;
}

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
  // claimreview names an output, not an input format; accepted under --format as the issue spells it.
  const output = values.format === 'claimreview' ? 'claimreview' : (values.output ?? 'result');
  if (!OUTPUTS.some((known) => known === output)) {
    throw new UsageError(`--output must be one of ${OUTPUTS.join(', ')}; got '${output}'`);
  }
  const format = values.format === undefined || values.format === 'claimreview' ? 'auto' : values.format;
  if (!FORMATS.some((known) => known === format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got '${format}'`);
  }
  const sentences = values.sentences === undefined ? undefined : Number(values.sentences);
  if (sentences !== undefined && !(Number.isInteger(sentences) && sentences >= 1 && sentences <= 50)) {
    throw new UsageError(`--sentences must be a whole number from 1 to 50; got '${values.sentences}'`);
  }
  const words = values.words === undefined ? undefined : Number(values.words);
  if (words !== undefined && !(Number.isInteger(words) && words >= 1)) {
    throw new UsageError(`--words must be a positive whole number; got '${values.words}'`);
  }
  const ratio = values.ratio === undefined ? undefined : Number(values.ratio);
  if (ratio !== undefined && !(ratio > 0 && ratio <= 1)) {
    throw new UsageError(`--ratio must be a number in (0, 1]; got '${values.ratio}'`);
  }
  const maxBytes = values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-bytes']);
  if (!(Number.isInteger(maxBytes) && maxBytes > 0)) {
    throw new UsageError(`--max-bytes must be a positive whole number; got '${values['max-bytes']}'`);
  }
  const published = values.published;
  if (published !== undefined && Number.isNaN(Date.parse(published))) {
    throw new UsageError(`--published must be an ISO date such as 2026-03-14; got '${published}'`);
  }
  return {
    files: positionals,
    output: output === 'claimreview' ? 'claimreview' : 'result',
    corpus: values.corpus ?? false,
    maxBytes,
    ...(format === 'auto' ? {} : { format: format as InputFormat }),
    ...(sentences === undefined && words === undefined && ratio === undefined
      ? {}
      : {
          summary: {
            ...(sentences === undefined ? {} : { maxSentences: sentences }),
            ...(words === undefined ? {} : { maxWords: words }),
            ...(ratio === undefined ? {} : { ratio }),
          },
        }),
    ...(published === undefined ? {} : { published }),
    ...(values.html === undefined ? {} : { htmlDir: values.html }),
  };
}

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

/** `factsum analyze`: one JSON line per file, in input order. */
async function runAnalyze(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseAnalyzeArgs(args);
  if (options === 'help') {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  const clock = () => performance.now();
  let unreadable = 0;
  const results: Result[] = [];
  const print = (result: Result) =>
    io.stdout.write(`${JSON.stringify(options.output === 'claimreview' ? toClaimReview(result) : result)}\n`);
  if (options.corpus) {
    // Later files can still change earlier results (related claims in both directions): print at the end.
    results.push(...(await analyzeCorpus(options, clock)));
    results.forEach(print);
  } else {
    for (const path of options.files) {
      const result = await analyzeFile(path, options, clock);
      results.push(result);
      print(result);
    }
  }
  unreadable = results.filter((result) => result.error?.code === 'UNREADABLE').length;
  if (options.htmlDir !== undefined) {
    const dir = options.htmlDir;
    await mkdir(dir, { recursive: true });
    const pages = renderLocalReports(results);
    for (const page of pages) await writeFile(join(dir, page.fileName), page.html, 'utf8');
    io.stderr.write(
      `factsum: wrote ${pages.length} HTML page(s) to ${dir} (open ${join(dir, 'index.html')})\n`,
    );
  }
  return unreadable > 0 ? 1 : 0;
}

async function analyzeFile(path: string, options: AnalyzeArgs, clock: () => number): Promise<Result> {
  let bytes: Uint8Array;
  let uploadedAt: string;
  try {
    const info = await stat(path);
    uploadedAt = info.mtime.toISOString();
    if (info.size > options.maxBytes) {
      return buildRejectedResult(
        { path, uploadedAt },
        {
          kind: 'rejected',
          size: info.size,
          error: {
            code: 'TOO_LARGE',
            message: `The input is ${info.size} bytes; the limit is ${options.maxBytes} bytes.`,
          },
          timings: {},
        },
      );
    }
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return buildRejectedResult(
      { path },
      {
        kind: 'rejected',
        size: 0,
        error: { code: 'UNREADABLE', message: `Cannot read ${path}: ${reason}` },
        timings: {},
      },
    );
  }
  const source = { path, uploadedAt };
  const prepared = prepareArticle(bytes, {
    maxBytes: options.maxBytes,
    fileName: path,
    clock,
    ...(options.format ? { format: options.format } : {}),
    ...(options.published ? { published: options.published } : {}),
  });
  if (prepared.kind === 'rejected') return buildRejectedResult(source, prepared);
  const analysis = analyzeArticle(prepared.article, {
    uploadedAt,
    clock,
    ...(options.summary ? { summary: options.summary } : {}),
  });
  return buildProcessedResult(source, prepared, analysis, { kind: 'unique' });
}

/** The pseudo-bucket of local files in the corpus: ids are `local/<path>` inside, `<path>` outside. */
const LOCAL_BUCKET = 'local';

/**
 * `analyze --corpus`: the files go through the same service logic as S3 uploads (exact and near
 * dedup, claims related across files), with in-memory stores, uploaded in input order one
 * millisecond apart after the newest file's modification time.
 */
async function analyzeCorpus(options: AnalyzeArgs, clock: () => number): Promise<Result[]> {
  const objects = new MemoryObjectStore();
  const results = new MemoryResultStore();
  const deps = { objects, results, index: new MemoryDedupIndex(), claims: new MemoryClaimIndex(), clock };
  const read = new Map<string, Result>();
  let newest = 0;
  for (const path of options.files) {
    try {
      const info = await stat(path);
      newest = Math.max(newest, info.mtimeMs);
      if (info.size <= options.maxBytes)
        objects.put({ bucket: LOCAL_BUCKET, key: path }, new Uint8Array(await readFile(path)));
      else read.set(path, await analyzeFile(path, options, clock));
    } catch {
      read.set(path, await analyzeFile(path, options, clock));
    }
  }
  for (const [position, path] of options.files.entries()) {
    if (read.has(path)) continue;
    await processObjectCreated(
      { bucket: LOCAL_BUCKET, key: path, eventTime: new Date(Math.floor(newest) + position).toISOString() },
      deps,
      {
        maxBytes: options.maxBytes,
        ...(options.summary ? { summary: options.summary } : {}),
      },
    );
  }
  const out: Result[] = [];
  for (const path of options.files) {
    const early = read.get(path);
    if (early) {
      out.push(early);
      continue;
    }
    const stored = await results.read({ bucket: LOCAL_BUCKET, key: path });
    out.push(toLocalResult(stored, path));
  }
  return out;
}

/** A stored corpus result with local paths instead of `local/…` ids (the CLI's contract). */
function toLocalResult(stored: unknown, path: string): Result {
  const prefix = `${LOCAL_BUCKET}/`;
  const local = (id: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
  // Parsed from our own JSON round trip; ids are rewritten by structure, not by searching text.
  const value = JSON.parse(JSON.stringify(stored ?? null), (key, v: unknown) =>
    (key === 'of' || key === 'articleId') && typeof v === 'string' ? local(v) : v,
  ) as Result;
  const { bucket: _bucket, key: _key, ...source } = value.source;
  return { ...value, source: { ...source, path } };
}

/** `factsum claims`: scores each non-blank stdin line for check-worthiness. */
async function runClaims(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (args.length > 0)
    throw new UsageError(`claims reads stdin and takes no arguments; got '${args.join(' ')}'`);
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    io.stdout.write(`${JSON.stringify(scoreSentence(text))}\n`);
  }
  return 0;
}
