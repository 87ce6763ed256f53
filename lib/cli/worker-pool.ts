import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type FileOutcome, type FileTask, outcomeMessageSchema } from './worker-protocol';

/**
 * Files a worker has been sent and not answered yet: two, so that the next file is there the moment one is
 * done, while the others wait in the pool's queue for whichever worker is free first.
 */
const IN_FLIGHT_PER_WORKER = 2;

/** Worker threads (and the main thread) that analyse files; `run` resolves to a file's outcome, in any order. */
export type WorkerPool = {
  readonly run: (task: FileTask) => Promise<FileOutcome>;
  /**
   * Lets the main thread take a file whenever every worker has its share: one thread fewer to start (about
   * 1.2 s of CPU here) and one core fewer left idle while the main thread waits.
   */
  readonly addMainThread: (analyze: (task: FileTask) => Promise<FileOutcome>) => void;
  readonly close: () => Promise<void>;
};

type Pending = {
  readonly id: number;
  readonly task: FileTask;
  readonly resolve: (outcome: FileOutcome) => void;
  readonly reject: (error: Error) => void;
};

type Lane = { readonly worker: Worker; readonly sent: Map<number, Pending> };

/** Starts `count` worker threads, each parsing `args` as `analyze` arguments. */
export function startWorkerPool(count: number, args: readonly string[]): WorkerPool {
  const queue: Pending[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  let closing = false;
  let onMain: ((task: FileTask) => Promise<FileOutcome>) | undefined;
  let mainBusy = false;
  const fail = (error: Error) => {
    if (closing) return;
    failure ??= error;
    for (const lane of lanes) for (const pending of lane.sent.values()) pending.reject(failure);
    for (const pending of queue.splice(0)) pending.reject(failure);
  };
  const runOnMain = (analyze: (task: FileTask) => Promise<FileOutcome>, pending: Pending) => {
    mainBusy = true;
    analyze(pending.task)
      .then(pending.resolve, pending.reject)
      .finally(() => {
        mainBusy = false;
        pump();
      });
  };
  const pump = () => {
    while (queue.length > 0) {
      const lane = lanes.reduce<Lane | undefined>(
        (best, next) => (best === undefined || next.sent.size < best.sent.size ? next : best),
        undefined,
      );
      const pending = queue[0];
      if (pending === undefined) return;
      if (lane !== undefined && lane.sent.size < IN_FLIGHT_PER_WORKER) {
        queue.shift();
        lane.sent.set(pending.id, pending);
        lane.worker.postMessage({ id: pending.id, task: pending.task });
      } else if (onMain !== undefined && !mainBusy) {
        queue.shift();
        runOnMain(onMain, pending);
      } else return;
    }
  };
  const lanes: Lane[] = Array.from({ length: count }, () => {
    const worker = new Worker(join(import.meta.dirname, 'analyze-worker.cjs'), { workerData: { args } });
    const lane: Lane = { worker, sent: new Map() };
    worker.on('message', (message: unknown) => {
      const answer = outcomeMessageSchema.parse(message);
      const pending = lane.sent.get(answer.id);
      lane.sent.delete(answer.id);
      if ('failure' in answer) pending?.reject(new Error(`worker thread: ${answer.failure}`));
      else pending?.resolve(answer.outcome);
      pump();
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`a worker thread stopped with exit code ${code}`));
    });
    return lane;
  });
  return {
    run: (task) =>
      new Promise<FileOutcome>((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        queue.push({ id: nextId++, task, resolve, reject });
        pump();
      }),
    addMainThread: (analyze) => {
      onMain = analyze;
      pump();
    },
    close: async () => {
      closing = true;
      await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    },
  };
}
