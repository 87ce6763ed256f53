import { parentPort, workerData } from 'node:worker_threads';
import { analysisRunOf, parseAnalyzeArgs } from './analyze-args';
import { analyzeFileTask } from './file-task';
import { taskMessageSchema, workerDataSchema } from './worker-protocol';

/**
 * A worker thread of `factsum analyze --jobs N` (started through analyze-worker.cjs): analyses the files the
 * main thread sends, one at a time, with the same code as `--jobs 1`, and answers with each outcome.
 */

const parsed = parseAnalyzeArgs(workerDataSchema.parse(workerData).args);
if (parsed === 'help') throw new Error('analyze worker started without analyze arguments');
const run = analysisRunOf(parsed);
const port = parentPort;
if (port === null) throw new Error('analyze-worker.ts runs in a worker thread');

port.on('message', (message: unknown) => {
  const { id, task } = taskMessageSchema.parse(message);
  analyzeFileTask(task, run).then(
    (outcome) => port.postMessage({ id, outcome }),
    (error: unknown) =>
      port.postMessage({
        id,
        failure: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
