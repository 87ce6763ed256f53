import { parentPort, workerData } from 'node:worker_threads';
import { analysisRunOf, parseAnalyzeArgs } from './analyze-args';
import { analyzeFileTask } from './file-task';
import { outputLineOf } from './output-line';
import { taskMessageSchema, workerDataSchema } from './worker-protocol';

/**
 * A worker thread of `factsum analyze --jobs N` (started through analyze-worker.cjs): analyses the files the
 * main thread sends, one at a time, with the same code as `--jobs 1`, and answers with each outcome.
 */

const parsed = parseAnalyzeArgs(workerDataSchema.parse(workerData).args);
if (parsed === 'help') throw new Error('analyze worker started without analyze arguments');
const run = analysisRunOf(parsed);
// Without --html the main thread keeps no results: it gets each file's output line, made here.
const lineOf = parsed.htmlDir === undefined ? outputLineOf(parsed.output) : undefined;
const port = parentPort;
if (port === null) throw new Error('analyze-worker.ts runs in a worker thread');

port.on('message', (message: unknown) => {
  const { id, task } = taskMessageSchema.parse(message);
  analyzeFileTask(task, run, lineOf).then(
    (outcome) => port.postMessage({ id, outcome }),
    (error: unknown) =>
      port.postMessage({
        id,
        failure: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
