import { randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';

/**
 * The receives after which SQS moves a message to the dead-letter queue: serverless.yml's
 * custom.queue.maxReceiveCount, so that local runs fail over exactly as the deployed queue does.
 */
export const DEFAULT_MAX_RECEIVE_COUNT = 5;

/**
 * Locally a failed message becomes visible again after this long instead of the deployed 6 minutes:
 * long enough to let a flapping server recover, short enough for tests.
 */
export const DEFAULT_LOCAL_VISIBILITY_MS = 200;

/** The event source's batch size in serverless.yml (custom.queue.batchSize). */
export const DEFAULT_BATCH_SIZE = 5;

/** How often an idle poller looks for visible messages. */
const POLL_INTERVAL_MS = 10;

type Message = {
  readonly messageId: string;
  readonly body: string;
  readonly sentAt: number;
  receiveCount: number;
  visibleAt: number;
  receiptHandle?: string;
};

/** A message that ended in the dead-letter queue, with how often it was received. */
export type DeadLetter = { readonly messageId: string; readonly body: string; readonly receiveCount: number };

/**
 * An in-memory stand-in for an SQS standard queue with a redrive policy, for the local stack and
 * tests (no SQS emulator is available): at-least-once delivery, a visibility timeout, receive
 * counts, and a dead-letter queue after maxReceiveCount receives. Not durable; one process only.
 */
export class LocalQueue {
  readonly #messages = new Map<string, Message>();
  readonly #deadLetters: DeadLetter[] = [];
  readonly #maxReceiveCount: number;
  readonly #visibilityMs: number;
  readonly #arn: string;

  constructor(
    options: {
      readonly maxReceiveCount?: number;
      readonly visibilityMs?: number;
      readonly name?: string;
    } = {},
  ) {
    this.#maxReceiveCount = options.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT;
    this.#visibilityMs = options.visibilityMs ?? DEFAULT_LOCAL_VISIBILITY_MS;
    this.#arn = `arn:aws:sqs:us-east-1:000000000000:${options.name ?? 'factsum-articles-local'}`;
  }

  /** Enqueues a message; returns its id. */
  send(body: string): string {
    const messageId = randomUUID();
    this.#messages.set(messageId, { messageId, body, sentAt: Date.now(), receiveCount: 0, visibleAt: 0 });
    return messageId;
  }

  /**
   * Receives up to `max` visible messages as SQS records and hides them for the visibility timeout.
   * A message already received maxReceiveCount times moves to the dead-letter queue instead (SQS's redrive).
   */
  receive(max: number, now = Date.now()): SQSRecord[] {
    const records: SQSRecord[] = [];
    for (const message of this.#messages.values()) {
      if (records.length >= max) break;
      if (message.visibleAt > now) continue;
      if (message.receiveCount >= this.#maxReceiveCount) {
        this.#messages.delete(message.messageId);
        this.#deadLetters.push({
          messageId: message.messageId,
          body: message.body,
          receiveCount: message.receiveCount,
        });
        continue;
      }
      message.receiveCount++;
      message.visibleAt = now + this.#visibilityMs;
      message.receiptHandle = randomUUID();
      records.push(this.#record(message));
    }
    return records;
  }

  /** Deletes a received message (the function succeeded with it). */
  delete(messageId: string): void {
    this.#messages.delete(messageId);
  }

  /** Messages still queued (visible or in flight). */
  get pending(): number {
    return this.#messages.size;
  }

  /** The time the next hidden message becomes visible, if any. */
  nextVisibleAt(): number | undefined {
    let next: number | undefined;
    for (const message of this.#messages.values()) {
      if (next === undefined || message.visibleAt < next) next = message.visibleAt;
    }
    return next;
  }

  /** What landed in the dead-letter queue, oldest first. */
  get deadLetters(): readonly DeadLetter[] {
    return this.#deadLetters;
  }

  /** Moves every dead letter back to the queue with a fresh receive count (what `npm run redrive` does in AWS). */
  redrive(): number {
    const moved = this.#deadLetters.splice(0);
    for (const letter of moved) this.send(letter.body);
    return moved.length;
  }

  #record(message: Message): SQSRecord {
    return {
      messageId: message.messageId,
      receiptHandle: message.receiptHandle ?? '',
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 's3.amazonaws.com',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.#arn,
      awsRegion: 'us-east-1',
    };
  }
}

/** The ReportBatchItemFailures answer of a function (absent or empty when every message succeeded). */
const batchResponseSchema = z.looseObject({
  batchItemFailures: z.array(z.looseObject({ itemIdentifier: z.string() })).optional(),
});

export type QueuePoller = {
  /** Resolves once the queue is empty and nothing is in flight (dead letters aside). */
  idle(): Promise<void>;
  /** Stops polling and waits for the invocations in flight. */
  close(): Promise<void>;
};

/**
 * Lambda's SQS event source mapping, locally: receives batches, invokes the function with an SQS event,
 * deletes the messages it did not report as failed (ReportBatchItemFailures), and leaves the rest to
 * reappear after the visibility timeout. A thrown invocation fails the whole batch, as in AWS.
 */
export function startQueuePoller(options: {
  readonly queue: LocalQueue;
  readonly invoke: (event: SQSEvent, signal: AbortSignal) => Promise<unknown>;
  readonly batchSize?: number;
  /** Parallel invocations (the event source's maximum concurrency). */
  readonly concurrency?: number;
  readonly onBatch?: (outcome: {
    readonly size: number;
    readonly failed: number;
    readonly error?: unknown;
  }) => void;
}): QueuePoller {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const abort = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  async function runBatch(records: SQSRecord[]): Promise<void> {
    let failed = new Set(records.map((record) => record.messageId));
    let error: unknown;
    try {
      const response = batchResponseSchema.safeParse(
        (await options.invoke({ Records: records }, abort.signal)) ?? {},
      );
      // A response that is not a batch response counts as complete success, as in AWS.
      failed = new Set(
        response.success ? (response.data.batchItemFailures ?? []).map((f) => f.itemIdentifier) : [],
      );
    } catch (caught) {
      error = caught;
    }
    for (const record of records) if (!failed.has(record.messageId)) options.queue.delete(record.messageId);
    options.onBatch?.({
      size: records.length,
      failed: failed.size,
      ...(error === undefined ? {} : { error }),
    });
  }

  const loop = (async () => {
    while (!closed) {
      while (inFlight.size < concurrency) {
        const records = options.queue.receive(batchSize);
        if (records.length === 0) break;
        const task = runBatch(records).finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  })();

  return {
    async idle() {
      while (!closed && (options.queue.pending > 0 || inFlight.size > 0)) {
        await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
      }
    },
    async close() {
      closed = true;
      abort.abort(new Error('queue poller closed'));
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
