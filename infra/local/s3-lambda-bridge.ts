import type { S3Event } from 'aws-lambda';
import { type ObjectFacts, toS3EventRecord } from './s3-event-record';
import type { LocalS3, S3rverRecord } from './servers';

/**
 * Lambda retries a failed asynchronous invocation twice
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).
 */
export const DEFAULT_RETRIES = 2;

/**
 * Lambda waits about 1 and then 2 minutes between those retries; locally seconds are enough to
 * ride out a restarting server without keeping a developer waiting.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000];

/**
 * S3 invokes Lambda concurrently; a few parallel invocations exercise the same races locally
 * (e.g. two copies of one article) without starting dozens of worker threads.
 */
export const DEFAULT_CONCURRENCY = 4;

export type BridgeDelivery = {
  readonly bucket: string;
  readonly key: string;
  readonly attempts: number;
  readonly payload: unknown;
};

export type BridgeFailure = {
  readonly bucket: string;
  readonly key: string;
  readonly attempts: number;
  readonly error: unknown;
};

export type S3LambdaBridgeOptions = {
  /** The S3-compatible server whose object events are bridged. */
  readonly s3: Pick<LocalS3, 'onObjectEvent'>;
  /** Only this bucket's ObjectCreated and ObjectRemoved events are delivered: never the results bucket's. */
  readonly inputBucket: string;
  readonly region: string;
  /** Invokes the function with one S3 event; throws when the invocation failed. */
  readonly invoke: (event: S3Event, signal: AbortSignal) => Promise<unknown>;
  /** Looks up what s3rver's record lacks (the ETag of a copied object). */
  readonly describeObject?: (bucket: string, key: string) => Promise<ObjectFacts>;
  readonly concurrency?: number;
  readonly retries?: number;
  readonly retryDelaysMs?: readonly number[];
  readonly onDelivered?: (delivery: BridgeDelivery) => void;
  readonly onFailed?: (failure: BridgeFailure) => void;
};

export type S3LambdaBridge = {
  /** Queues one record as if s3rver had emitted it (used to re-drive objects without results). */
  deliver(record: S3rverRecord): void;
  /** Resolves when no event is queued or in flight. */
  idle(): Promise<void>;
  /** Stops listening, drops queued events and aborts the ones in flight. */
  close(): Promise<void>;
};

/**
 * The local stand-in for S3 event notifications: every ObjectCreated and ObjectRemoved event of the input bucket
 * becomes `{Records: [record]}` with the key URL-encoded as S3 sends it, and is delivered to the
 * function with bounded concurrency and Lambda's retry policy for asynchronous invocations.
 */
export function startS3LambdaBridge(options: S3LambdaBridgeOptions): S3LambdaBridge {
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
  const retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const queue: S3rverRecord[] = [];
  const inFlight = new Set<Promise<void>>();
  const abort = new AbortController();
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  function accept(record: S3rverRecord): void {
    if (closed) return;
    if (record.s3.bucket.name !== options.inputBucket) return;
    if (!record.eventName.startsWith('ObjectCreated:') && !record.eventName.startsWith('ObjectRemoved:'))
      return;
    queue.push(record);
    pump();
  }

  function pump(): void {
    while (!closed && inFlight.size < concurrency) {
      const record = queue.shift();
      if (!record) break;
      const task = deliverWithRetries(record).finally(() => {
        inFlight.delete(task);
        pump();
      });
      inFlight.add(task);
    }
    if (queue.length === 0 && inFlight.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  async function deliverWithRetries(record: S3rverRecord): Promise<void> {
    const bucket = record.s3.bucket.name;
    const key = record.s3.object.key;
    let lastError: unknown;
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      if (closed) return;
      try {
        const event: S3Event = { Records: [toS3EventRecord(record, options.region, await describe(record))] };
        const payload = await options.invoke(event, abort.signal);
        options.onDelivered?.({ bucket, key, attempts: attempt, payload });
        return;
      } catch (error) {
        if (closed) return;
        lastError = error;
        if (attempt <= retries)
          await sleep(retryDelaysMs[attempt - 1] ?? retryDelaysMs.at(-1) ?? 0, abort.signal);
      }
    }
    options.onFailed?.({ bucket, key, attempts: retries + 1, error: lastError });
  }

  async function describe(record: S3rverRecord): Promise<ObjectFacts> {
    // A removed object has nothing to describe; a created one lacks an ETag only when s3rver copied it.
    if (record.eventName.startsWith('ObjectRemoved:')) return {};
    if (record.s3.object.eTag !== undefined || !options.describeObject) return {};
    return options.describeObject(record.s3.bucket.name, record.s3.object.key);
  }

  const unsubscribe = options.s3.onObjectEvent(accept);

  return {
    deliver: accept,
    idle() {
      if (queue.length === 0 && inFlight.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      queue.length = 0;
      abort.abort(new Error('bridge closed'));
      await Promise.allSettled([...inFlight]);
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    },
  };
}

/** Waits `ms`, or less when the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
