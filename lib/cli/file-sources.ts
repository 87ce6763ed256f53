import { type AnalyzeArgs, analysisRunOf } from './analyze-args';
import type { InputFile } from './input-files';
import { outputLineOf } from './output-line';
import { readLocalFile, unreadableResult } from './read-local-file';
import { startWorkerPool } from './worker-pool';
import type { FileOutcome, FileTask } from './worker-protocol';

/**
 * Files a worker thread may be ahead of the file being written out: enough to keep every thread busy while
 * one file takes longer, few enough that the results held back stay small.
 */
const WINDOW_PER_THREAD = 32;

/** Where files are analysed: on this thread, or in worker threads. */
export type FileSource = {
  /** Files that may be started ahead of the one being consumed (see mapInOrder). */
  readonly window: number;
  /** One file's outcome: its result, or (shared corpus) its bytes with what was computed for it. */
  readonly analyze: (input: InputFile, uploadedAt?: string) => Promise<FileOutcome>;
  readonly close: () => Promise<void>;
};

/** A path that could not be listed or resolved keeps its place in the output as a rejected line. */
function unreadable(input: Extract<InputFile, { kind: 'unreadable' }>): FileOutcome {
  return { kind: 'result', result: unreadableResult(input.path, input.reason) };
}

/**
 * How this thread analyses a file. Alone (`--jobs 1`): each file in a corpus of its own, or (shared corpus)
 * only read, to be analysed as it is uploaded. Beside worker threads: exactly as a worker does. The pipeline
 * is loaded only now, after any worker thread was started.
 */
async function loadMainThreadAnalysis(
  options: AnalyzeArgs,
  beside: boolean,
): Promise<(task: FileTask) => Promise<FileOutcome>> {
  const { analyzeFileTask } = await import('./file-task');
  const run = analysisRunOf(options);
  // As a worker does: the output line of each file, unless the results are kept for --html.
  const lineOf = options.htmlDir === undefined ? outputLineOf(options.output) : undefined;
  if (beside || !options.corpus) return (task) => analyzeFileTask(task, run, lineOf);
  return async (task) => {
    const file = readLocalFile(task.path);
    return file.kind === 'read'
      ? { kind: 'read', bytes: file.bytes, modified: file.modified }
      : { kind: 'result', result: file.result };
  };
}

/**
 * Where the files are analysed: `threads` 1 is this thread alone, one file at a time (`--jobs 1`); more is
 * `threads - 1` worker threads, each given the command's own arguments so that it parses the same settings,
 * and this thread whenever the workers have their share (with --corpus: `threads` workers, and this thread
 * uploads every file into the shared corpus). A worker analyses each file alone, or (shared
 * corpus) records it in a corpus of its own for this thread to replay.
 */
export async function startFileSource(
  options: AnalyzeArgs,
  args: readonly string[],
  threads: number,
): Promise<FileSource> {
  // With --corpus this thread has the corpus decisions of every file to make: the workers analyse them all.
  const workers = options.corpus ? threads : threads - 1;
  // The workers first: they load while this thread loads the pipeline.
  const pool = threads > 1 ? startWorkerPool(workers, args) : undefined;
  const onMain = await loadMainThreadAnalysis(options, pool !== undefined);
  if (!options.corpus) pool?.addMainThread(onMain);
  const run = pool?.run ?? onMain;
  return {
    window: pool === undefined ? 1 : threads * WINDOW_PER_THREAD,
    close: async () => pool?.close(),
    analyze: async (input, uploadedAt) =>
      input.kind === 'unreadable'
        ? unreadable(input)
        : run({
            path: input.path,
            record: options.corpus,
            ...(uploadedAt === undefined ? {} : { uploadedAt }),
          }),
  };
}
