import { performance } from 'node:perf_hooks';
import type { Result } from '../pipeline/types';
import { resolveSummaryOptions } from '../service';
import { type AnalyzeRun, analyzeAlone } from './local-files';
import { lineStatusOf } from './output-line';
import { createRecordingSteps } from './pipeline-replay';
import { readLocalFile } from './read-local-file';
import type { FileOutcome, FileTask } from './worker-protocol';

/**
 * One file of a run, the same on a worker thread and on the main thread: analysed alone in a corpus of its
 * own (its result, or with `lineOf` its output line), or (`record`, for the shared corpus) its pure steps
 * computed and recorded, for the main thread to replay when it uploads the file into the shared corpus in
 * input order.
 */
export async function analyzeFileTask(
  task: FileTask,
  run: AnalyzeRun,
  lineOf?: (result: Result) => string,
): Promise<FileOutcome> {
  if (!task.record) {
    const { result } = await analyzeAlone(task.path, run);
    return lineOf === undefined
      ? { kind: 'result', result }
      : { kind: 'line', line: lineOf(result), result: lineStatusOf(result) };
  }
  const file = readLocalFile(task.path);
  if (file.kind === 'unreadable') return { kind: 'result', result: file.result };
  const read = { kind: 'read', bytes: file.bytes, modified: file.modified } as const;
  // The service rejects an oversized file before any step.
  if (file.bytes.length > run.config.maxBytes) return read;
  return { ...read, recording: recordSteps(task.path, file.bytes, run, task.uploadedAt ?? file.modified) };
}

/**
 * A file's pure steps called with the inputs the service gives them when the CLI uploads the file (the same
 * options, in the same order), without running the service itself: its result and HTML report writes cost as
 * much as the steps and are made once, by the main thread. Should these inputs ever drift from the service's,
 * the replay computes the step again (pipeline-replay.ts): slower, never different.
 */
function recordSteps(path: string, bytes: Uint8Array, run: AnalyzeRun, uploadedAt: string) {
  const recorder = createRecordingSteps();
  const clock = () => performance.now();
  const metadata: Record<string, string> = run.published === undefined ? {} : { published: run.published };
  const { config } = run;
  const prepared = recorder.steps.prepareArticle(bytes, {
    maxBytes: config.maxBytes,
    fileName: path,
    clock,
    ...(run.published === undefined ? {} : { published: run.published }),
    ...(config.format === undefined ? {} : { format: config.format }),
  });
  if (prepared.kind === 'prepared') {
    recorder.steps.analyzeArticle(prepared.article, {
      uploadedAt,
      clock,
      summary: resolveSummaryOptions(path, metadata, {
        ...(config.summary === undefined ? {} : { defaults: config.summary }),
        ...(config.summaryRules === undefined ? {} : { rules: config.summaryRules }),
      }),
    });
  }
  return recorder.recording();
}
