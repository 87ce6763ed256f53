import { type AnalyzeRun, analyzeAlone } from './local-files';
import { createRecordingSteps } from './pipeline-replay';
import type { FileOutcome, FileTask } from './worker-protocol';

/**
 * One file of a parallel run, the same on a worker thread and on the main thread: analysed alone in a corpus
 * of its own, or (`record`, for the shared corpus) analysed alone while its pure steps are recorded, for the
 * main thread to replay when it uploads the file into the shared corpus in input order.
 */
export async function analyzeFileTask(task: FileTask, run: AnalyzeRun): Promise<FileOutcome> {
  if (!task.record) return { kind: 'result', result: (await analyzeAlone(task.path, run)).result };
  const recorder = createRecordingSteps();
  const { file, result } = await analyzeAlone(task.path, run, {
    pipeline: recorder.steps,
    ...(task.uploadedAt === undefined ? {} : { uploadedAt: task.uploadedAt }),
  });
  if (file.kind === 'unreadable') return { kind: 'result', result };
  return { kind: 'read', bytes: file.bytes, modified: file.modified, recording: recorder.recording() };
}
