import { parentPort, workerData } from 'node:worker_threads';
import { analysisRunOf, parseAnalyzeArgs } from './analyze-args';
import { analyzeAlone } from './local-files';
import { createRecordingSteps } from './pipeline-replay';
import { type FileOutcome, type FileTask, taskMessageSchema, workerDataSchema } from './worker-protocol';

/**
 * A worker thread of `factsum analyze --jobs N` (started through analyze-worker.cjs): analyses the files the
 * main thread sends, one at a time, with the same code as `--jobs 1`, and answers with each outcome.
 */

const parsed = parseAnalyzeArgs(workerDataSchema.parse(workerData).args);
if (parsed === 'help') throw new Error('analyze worker started without analyze arguments');
const run = analysisRunOf(parsed);
const port = parentPort;
if (port === null) throw new Error('analyze-worker.ts runs in a worker thread');

/** One file: alone in a corpus of its own, or recorded for the main thread's shared corpus. */
async function processTask(task: FileTask): Promise<FileOutcome> {
  if (!task.record) return { kind: 'result', result: (await analyzeAlone(task.path, run)).result };
  const recorder = createRecordingSteps();
  const { file, result } = await analyzeAlone(task.path, run, {
    pipeline: recorder.steps,
    ...(task.uploadedAt === undefined ? {} : { uploadedAt: task.uploadedAt }),
  });
  if (file.kind === 'unreadable') return { kind: 'result', result };
  return { kind: 'read', bytes: file.bytes, modified: file.modified, recording: recorder.recording() };
}

port.on('message', (message: unknown) => {
  const { id, task } = taskMessageSchema.parse(message);
  processTask(task).then(
    (outcome) => port.postMessage({ id, outcome }),
    (error: unknown) =>
      port.postMessage({
        id,
        failure: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
