import { stat } from 'node:fs/promises';
import { createMemoryPorts } from '../app/memory-ports';
import type { Result } from '../pipeline';
import { type AnalyzeRun, readLocalResult, uploadLocalFile } from './local-files';
import { createReplaySteps, type ReplayTally } from './pipeline-replay';
import type { FileOutcome } from './worker-protocol';

/** What a file's upload into the shared corpus says of it now (a later file may still change it). */
export type CorpusStatus = Pick<Result, 'status' | 'error'>;

/** The shared corpus of `analyze --corpus`, filled in input order on the main thread. */
export type SharedCorpus = {
  /** Uploads the file at `position` (or keeps its rejected result); its status as of now. */
  readonly add: (path: string, outcome: FileOutcome, position: number) => Promise<CorpusStatus>;
  /** Every file's final result, in input order. */
  readonly results: () => Promise<Result[]>;
  /** How many pipeline steps came from the worker threads' recordings, and how many were computed here. */
  readonly replays: ReplayTally;
};

/** The newest modification time of the readable files, in ms. */
export async function newestModification(paths: readonly string[]): Promise<number> {
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

/**
 * The upload time of the file at `position`: one millisecond apart after the newest file's modification
 * time, so that the corpus order is the input order.
 */
export function corpusUploadTime(newest: number, position: number): string {
  return new Date(Math.floor(newest) + position).toISOString();
}

/**
 * One in-memory corpus that every file is uploaded into, in input order, so that exact and near copies and
 * related claims are found as the S3 path finds them. A file that comes with a recording of its pure steps
 * (from a worker thread) has them replayed; without one, the service computes them here.
 */
export function startSharedCorpus(run: AnalyzeRun, newest: number): SharedCorpus {
  // Reports are rendered from the results, and only with --html (analyze-command.ts).
  const ports = createMemoryPorts({ keepsReports: false });
  const replays: ReplayTally = { replayed: 0, computed: 0 };
  const done: (Result | string)[] = [];
  return {
    replays,
    add: async (path, outcome, position) => {
      if (outcome.kind === 'result') {
        done.push(outcome.result);
        return outcome.result;
      }
      if (outcome.kind === 'line')
        throw new Error('a file of the shared corpus comes back read, not written out');
      const deps =
        outcome.recording === undefined
          ? ports
          : { ...ports, pipeline: createReplaySteps(outcome.bytes, outcome.recording, replays) };
      const uploaded = await uploadLocalFile(deps, run, {
        path,
        bytes: outcome.bytes,
        uploadedAt: corpusUploadTime(newest, position),
      });
      done.push(path);
      // Each path is uploaded once per position and none is newer: the outcome is its written result.
      return uploaded.kind === 'written' || uploaded.kind === 'unchanged'
        ? uploaded.result
        : { status: 'processed' };
    },
    // Later files can still change earlier results (demotions, links in both directions): read at the end.
    results: () =>
      Promise.all(done.map((entry) => (typeof entry === 'string' ? readLocalResult(ports, entry) : entry))),
  };
}
