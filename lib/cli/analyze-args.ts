import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { serviceConfigOf } from '../app/service-config';
import { DEFAULTS, summaryLengthTextSchema, toSummaryOptions } from '../app/settings';
import type { InputFormat, SummaryOptions } from '../pipeline';
import * as z from '../zod';
import type { FileFilter } from './input-files';
import type { AnalyzeRun } from './local-files';
import { UsageError } from './usage-error';

const FORMATS = ['auto', 'text', 'html', 'markdown', 'json'] as const;
const OUTPUTS = ['result', 'claimreview'] as const;
/** More threads than this only queue for the same cores (and each holds the models in memory). */
const MAX_JOBS = 64;

export const ANALYZE_HELP = `factsum analyze: extract, deduplicate, summarise and list the claims of local files.

Usage:
  factsum analyze [options] PATH...   one JSON line per file, in input order

Each PATH is a file or a folder; a folder stands for every file below it, recursively, in sorted
order (hidden entries skipped, symbolic links followed, no folder twice).

Options:
  --include GLOB                          only files in folders that match GLOB (repeatable)
  --exclude GLOB                          skip files and folders in folders that match GLOB (repeatable);
                                          a GLOB without '/' matches names at any depth ('*.txt'), one with
                                          '/' the path below the folder given ('2024/**/*.html')
  --out FILE                              write the JSON lines to FILE instead of stdout
  --jobs N                                analyse on N threads: this one and N-1 workers (default: the
                                          number of cores, at most one per 100 files); same output
  --quiet                                 no progress line (shown only when stderr is a terminal)
  --format auto|text|html|markdown|json   input format (default: auto, from extension and content)
  --output result|claimreview             result documents (default), or per file a JSON array of
                                          schema.org ClaimReview objects without a rating
                                          (--format claimreview is accepted for the same)
  --sentences N                           at most N summary sentences, 1-50 (default: by article length;
                                          a news lede run stops at two once they pass 60 words)
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
same service core as an upload; with --corpus the files share one in-memory corpus, uploaded in input
order, and the lines come once every file is in. The last line on stderr counts the files by status
and error code.

Exit codes: 0 every input produced a line; 1 a file could not be read; 2 usage error; 141 stdout closed.`;

const ANALYZE_OPTIONS = {
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  out: { type: 'string' },
  jobs: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
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

export type AnalyzeArgs = {
  readonly paths: readonly string[];
  readonly filter: FileFilter;
  readonly output: (typeof OUTPUTS)[number];
  readonly format?: InputFormat;
  readonly summary?: SummaryOptions;
  readonly published?: string;
  readonly corpus: boolean;
  readonly maxBytes: number;
  readonly htmlDir?: string;
  readonly outFile?: string;
  /** Worker threads asked for with --jobs; undefined: as many as cores, when the files are enough. */
  readonly jobs?: number;
  readonly quiet: boolean;
};

/** Reads one of a fixed set of words from a flag, with a precise message for anything else. */
function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((known) => known === value);
  if (found === undefined)
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got '${value}'`);
  return found;
}

/** A whole number flag within bounds, or undefined when absent. */
function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}; got '${text}'`);
  }
  return value;
}

/** Parses `analyze` arguments, with precise messages for each mistake. */
export function parseAnalyzeArgs(args: readonly string[]): AnalyzeArgs | 'help' {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof ANALYZE_OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options: ANALYZE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('analyze needs at least one FILE or folder');
  const summary = parseSummaryLength(values);
  const published = values.published;
  if (published !== undefined && Number.isNaN(Date.parse(published))) {
    throw new UsageError(`--published must be an ISO date such as 2026-03-14; got '${published}'`);
  }
  const jobs = wholeNumber('jobs', values.jobs, 1, MAX_JOBS);
  const format = oneOf(
    'format',
    values.format === undefined || values.format === 'claimreview' ? 'auto' : values.format,
    FORMATS,
  );
  return {
    paths: positionals,
    filter: { include: values.include ?? [], exclude: values.exclude ?? [] },
    // claimreview names an output, not an input format; accepted under --format too.
    output: oneOf(
      'output',
      values.format === 'claimreview' ? 'claimreview' : (values.output ?? 'result'),
      OUTPUTS,
    ),
    corpus: values.corpus ?? false,
    maxBytes:
      wholeNumber('max-bytes', values['max-bytes'], 1, Number.MAX_SAFE_INTEGER) ?? DEFAULTS.maxInputBytes,
    quiet: values.quiet ?? false,
    ...(format === 'auto' ? {} : { format }),
    ...(summary === undefined ? {} : { summary }),
    ...(published === undefined ? {} : { published }),
    ...(values.html === undefined ? {} : { htmlDir: values.html }),
    ...(values.out === undefined ? {} : { outFile: values.out }),
    ...(jobs === undefined ? {} : { jobs }),
  };
}

/** --sentences, --words and --ratio through the settings' one summary-length check. */
function parseSummaryLength(values: {
  readonly sentences?: string;
  readonly words?: string;
  readonly ratio?: string;
}): SummaryOptions | undefined {
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
  return toSummaryOptions(length.data);
}

/** The service settings every file of the run is processed with (the same in every worker thread). */
export function analysisRunOf(options: AnalyzeArgs): AnalyzeRun {
  const config = serviceConfigOf(
    { maxInputBytes: options.maxBytes, summaryRules: [], nearThreshold: DEFAULTS.nearThreshold },
    {
      ...(options.summary === undefined ? {} : { summary: options.summary }),
      ...(options.format === undefined ? {} : { format: options.format }),
    },
  );
  return { config, ...(options.published === undefined ? {} : { published: options.published }) };
}

/**
 * Files per thread before the default starts another: a worker thread costs about 1 s of CPU before it runs
 * at full speed (~0.3 s to load the bundled pipeline and its models, then V8 compiles the hot code again in
 * the worker's own isolate; measured here: 300 BBC files cost 1.0 s more CPU on two threads than on one), and
 * only takes files once it is up, so a handful of files is done sooner by the main thread alone.
 */
const MIN_FILES_PER_THREAD = 100;

/** Worker threads for `count` files: as asked, or by default one per core while the files are enough. */
export function threadsFor(options: AnalyzeArgs, count: number): number {
  const wanted = options.jobs ?? Math.min(availableParallelism(), Math.floor(count / MIN_FILES_PER_THREAD));
  // One thread (or none wanted) is the main thread itself: no worker to start.
  return Math.max(Math.min(wanted, count), 1);
}
