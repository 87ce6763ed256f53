import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ArticleQueue, QueuedObject } from '../ports';
import { QueueError } from './errors';
import { objectCreatedMessage } from './s3-event-message';

/** SQS's limit of messages in one SendMessageBatch call. */
const BATCH_LIMIT = 10;

/** Rounds of re-sending the messages SQS reports as failed (throttling) before the backfill stops with an error. */
const MAX_SEND_ROUNDS = 5;

/**
 * The article queue on SQS: each object becomes the notification S3 itself would have queued for it, so a
 * queued backfill fans out over processArticle exactly as uploads do (same handler, same retries, same DLQ).
 */
export class SqsArticleQueue implements ArticleQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
    private readonly region: string,
  ) {}

  async sendObjectCreated(objects: readonly QueuedObject[]): Promise<void> {
    for (let at = 0; at < objects.length; at += BATCH_LIMIT) {
      await this.#sendBatch(objects.slice(at, at + BATCH_LIMIT));
    }
  }

  async #sendBatch(objects: readonly QueuedObject[]): Promise<void> {
    let pending = objects.map((object, i) => ({
      Id: String(i),
      MessageBody: objectCreatedMessage(object, this.region),
    }));
    for (let round = 1; pending.length > 0; round++) {
      if (round > MAX_SEND_ROUNDS)
        throw new QueueError(`${pending.length} messages still failed after ${MAX_SEND_ROUNDS} rounds`);
      let failed: readonly { readonly Id?: string }[];
      try {
        const sent = await this.client.send(
          new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }),
        );
        failed = sent.Failed ?? [];
      } catch (error) {
        throw new QueueError(`SendMessageBatch to ${this.queueUrl} failed`, { cause: error });
      }
      const retry = new Set(failed.map((entry) => entry.Id));
      pending = pending.filter((entry) => retry.has(entry.Id));
    }
  }
}
