import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '../pipeline/types';
import { ANALYZE_HELP, type AnalyzeArgs, analysisRunOf, parseAnalyzeArgs, threadsFor } from './analyze-args';
import { type FileSource, startFileSource } from './file-sources';
import { mapInOrder } from './in-order';
import { collectInputFiles, type InputFile } from './input-files';
import type { CliIo } from './io';
import { type LineSink, openLineSink } from './line-sink';
import { outputLineOf } from './output-line';
import { countResult, createTally, type Progress, startProgress, type Tally } from './progress';
import { UsageError } from './usage-error';

export { ANALYZE_HELP } from './analyze-args';

/** What a run writes to: the lines, the progress and summary, and the results kept for --html. */
type Outputs = {
  readonly sink: LineSink;
  readonly progress: Progress;
  readonly lineOf: (result: Result) => string;
  readonly keep: boolean;
};

/** `factsum analyze`: one JSON line per file, in input order. */
export async function runAnalyze(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseAnalyzeArgs(args);
  if (options === 'help') {
    io.stdout.write(`${ANALYZE_HELP}\n`);
    return 0;
  }
  const inputs = await collectInputFiles(options.paths, options.filter);
  if (inputs.length === 0) {
    const filtered = options.filter.include.length + options.filter.exclude.length > 0;
    // Only folders lead here (a named file always gets a line): say so rather than end with a bare "0 files".
    io.stderr.write(
      `factsum: no files to analyse in ${options.paths.join(', ')}${filtered ? ' that --include/--exclude keep' : ''}\n`,
    );
  }
  const sink = await openLineSink(io.stdout, options.outFile).catch((error: unknown) => {
    throw new UsageError(`--out: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  });
  const outputs: Outputs = {
    sink,
    progress: startProgress(io.stderr, inputs.length, options.quiet),
    lineOf: outputLineOf(options.output),
    keep: options.htmlDir !== undefined,
  };
  const threads = threadsFor(options, inputs.length);
  const source = await startFileSource(options, args, threads);
  let done: { readonly results: readonly Result[]; readonly tally: Tally };
  try {
    done = options.corpus
      ? await analyzeShared(options, inputs, source, outputs)
      : await analyzeEach(inputs, source, outputs);
  } finally {
    await source.close();
  }
  await sink.close();
  if (options.htmlDir !== undefined) await writeReports(options.htmlDir, done.results, io);
  outputs.progress.finish(done.tally);
  return (done.tally.codes.get('UNREADABLE') ?? 0) > 0 ? 1 : 0;
}

/** Every file in a corpus of its own: each line is written as soon as the files before it are. */
async function analyzeEach(
  inputs: readonly InputFile[],
  source: FileSource,
  outputs: Outputs,
): Promise<{ results: Result[]; tally: Tally }> {
  const tally = createTally();
  const results: Result[] = [];
  for await (const outcome of mapInOrder(inputs, source.window, (input) => source.analyze(input))) {
    if (outcome.kind === 'read') throw new Error('a file alone must come back as a result or a line');
    countResult(tally, outcome.result);
    outputs.progress.advance(outcome.result);
    if (outcome.kind === 'line') await outputs.sink.write(outcome.line);
    else {
      await outputs.sink.write(outputs.lineOf(outcome.result));
      if (outputs.keep) results.push(outcome.result);
    }
  }
  return { results, tally };
}

/**
 * `--corpus`: the files are analysed wherever the source runs, and uploaded into one shared corpus here, in
 * input order; the lines come at the end, since later files can still change earlier results.
 */
async function analyzeShared(
  options: AnalyzeArgs,
  inputs: readonly InputFile[],
  source: FileSource,
  outputs: Outputs,
): Promise<{ results: Result[]; tally: Tally }> {
  const { newestModification, corpusUploadTime, startSharedCorpus } = await import('./corpus-analysis');
  const newest = await newestModification(inputs.map((input) => input.path));
  const corpus = startSharedCorpus(analysisRunOf(options), newest);
  const outcomes = mapInOrder(inputs, source.window, (input, position) =>
    source.analyze(input, corpusUploadTime(newest, position)),
  );
  let position = 0;
  for await (const outcome of outcomes) {
    const input = inputs[position];
    if (input === undefined) break;
    outputs.progress.advance(await corpus.add(input.path, outcome, position));
    position++;
  }
  const results = await corpus.results();
  const tally = createTally();
  for (const result of results) {
    countResult(tally, result);
    await outputs.sink.write(outputs.lineOf(result));
  }
  return { results, tally };
}

/** Writes a report per result and the corpus view into `dir`. */
async function writeReports(dir: string, results: readonly Result[], io: CliIo): Promise<void> {
  const { renderLocalReports } = await import('../report/render-local-reports');
  await mkdir(dir, { recursive: true });
  const pages = renderLocalReports(results);
  for (const page of pages) await writeFile(join(dir, page.fileName), page.html, 'utf8');
  io.stderr.write(
    `factsum: wrote ${pages.length} HTML page(s) to ${dir} (open ${join(dir, 'index.html')})\n`,
  );
}
