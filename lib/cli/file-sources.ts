import { type AnalyzeArgs, analysisRunOf } from './analyze-args';
import type { InputFile } from './input-files';
import { readLocalFile, unreadableResult } from './read-local-file';
import { startWorkerPool } from './worker-pool';
import type { FileOutcome } from './worker-protocol';

/**
 * Files a worker thread may be ahead of the file being written out: enough to keep every thread busy while
 * one file takes longer, few enough that the results held back stay small.
 */
const WINDOW_PER_THREAD = 16;

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
 * This thread, one file at a time (`--jobs 1`): each file alone, or (shared corpus) only read, to be
 * analysed as it is uploaded. The pipeline is loaded only now, so a run on worker threads never loads it here.
 */
export async function startInProcessSource(options: AnalyzeArgs): Promise<FileSource> {
  const { analyzeAlone } = await import('./local-files');
  const run = analysisRunOf(options);
  return {
    window: 1,
    close: async () => undefined,
    analyze: async (input) => {
      if (input.kind === 'unreadable') return unreadable(input);
      if (!options.corpus) return { kind: 'result', result: (await analyzeAlone(input.path, run)).result };
      const file = await readLocalFile(input.path);
      return file.kind === 'read'
        ? { kind: 'read', bytes: file.bytes, modified: file.modified }
        : { kind: 'result', result: file.result };
    },
  };
}

/**
 * `threads` worker threads, each given the command's own arguments so that it parses the same settings: each
 * file alone, or (shared corpus) recorded in a corpus of its own for the main thread to replay.
 */
export function startThreadSource(
  options: AnalyzeArgs,
  args: readonly string[],
  threads: number,
): FileSource {
  const pool = startWorkerPool(threads, args);
  return {
    window: threads * WINDOW_PER_THREAD,
    close: pool.close,
    analyze: (input, uploadedAt) =>
      input.kind === 'unreadable'
        ? Promise.resolve(unreadable(input))
        : pool.run({
            path: input.path,
            record: options.corpus,
            ...(uploadedAt === undefined ? {} : { uploadedAt }),
          }),
  };
}
