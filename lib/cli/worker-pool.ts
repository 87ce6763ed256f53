import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type FileOutcome, type FileTask, outcomeMessageSchema } from './worker-protocol';

/**
 * Files a worker has been sent and whose answers this thread has not taken yet. Answers are only taken
 * between two files of the main thread, so a worker needs enough queued to stay busy through one of them,
 * and through a long one: 16 BBC articles are some 80 ms of work. The last files of a run are left
 * unbalanced by at most that much.
 */
const IN_FLIGHT_PER_WORKER = 16;

/** Worker threads (and the main thread) that analyse files; `run` resolves to a file's outcome, in any order. */
export type WorkerPool = {
  readonly run: (task: FileTask) => Promise<FileOutcome>;
  /**
   * Lets the main thread take a file whenever every worker has its share: one thread fewer to start and one
   * core fewer left idle while the main thread waits.
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

/** What a worker's answers and failures are reported to. */
type LaneEvents = { readonly answered: () => void; readonly failed: (error: Error) => void };

/** One worker thread, parsing `args` as `analyze` arguments, and the files it was sent. */
function startLane(args: readonly string[], events: LaneEvents): Lane {
  const worker = new Worker(join(import.meta.dirname, 'analyze-worker.cjs'), { workerData: { args } });
  const lane: Lane = { worker, sent: new Map() };
  worker.on('message', (message: unknown) => {
    const answer = outcomeMessageSchema.parse(message);
    const pending = lane.sent.get(answer.id);
    lane.sent.delete(answer.id);
    if ('failure' in answer) pending?.reject(new Error(`worker thread: ${answer.failure}`));
    else pending?.resolve(answer.outcome);
    events.answered();
  });
  worker.on('error', (error) => events.failed(error));
  worker.on('exit', (code) => {
    if (code !== 0) events.failed(new Error(`a worker thread stopped with exit code ${code}`));
  });
  return lane;
}

/** Starts `count` worker threads, each parsing `args` as `analyze` arguments. */
export function startWorkerPool(count: number, args: readonly string[]): WorkerPool {
  const queue: Pending[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  let closing = false;
  let onMain: ((task: FileTask) => Promise<FileOutcome>) | undefined;
  let mainBusy = false;
  let mainScheduled = false;
  /**
   * The main thread takes its next file in a setImmediate callback, which runs once the event loop has
   * delivered the workers' answers that came in meanwhile, so after each worker was given its next files.
   * Taken from an answer's handler instead, one file here would run between every two answers, and a worker
   * could run dry while its answers wait (measured: the worker was idle 46% of a run over the BBC set).
   */
  const scheduleMain = () => {
    if (mainScheduled || mainBusy || onMain === undefined || queue.length === 0) return;
    mainScheduled = true;
    setImmediate(() => {
      mainScheduled = false;
      const analyze = onMain;
      // Nothing else starts a file here (mainScheduled), so the main thread is still free.
      const pending = queue.shift();
      if (pending === undefined || analyze === undefined) return;
      mainBusy = true;
      analyze(pending.task)
        .then(pending.resolve, pending.reject)
        .finally(() => {
          mainBusy = false;
          scheduleMain();
        });
    });
  };
  const pump = () => {
    for (let pending = queue[0]; pending !== undefined; pending = queue[0]) {
      const lane = lanes.reduce<Lane | undefined>(
        (best, next) => (best === undefined || next.sent.size < best.sent.size ? next : best),
        undefined,
      );
      if (lane === undefined || lane.sent.size >= IN_FLIGHT_PER_WORKER) break;
      queue.shift();
      lane.sent.set(pending.id, pending);
      lane.worker.postMessage({ id: pending.id, task: pending.task });
    }
    scheduleMain();
  };
  const fail = (error: Error) => {
    if (closing) return;
    failure ??= error;
    for (const lane of lanes) for (const pending of lane.sent.values()) pending.reject(failure);
    for (const pending of queue.splice(0)) pending.reject(failure);
  };
  const lanes: Lane[] = Array.from({ length: count }, () =>
    startLane(args, { answered: pump, failed: fail }),
  );
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
