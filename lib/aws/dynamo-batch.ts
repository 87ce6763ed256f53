import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { IndexError } from './errors';

/** DynamoDB's limit of items in one BatchWriteItem call. */
const BATCH_WRITE_LIMIT = 25;

/** DynamoDB's limit of keys in one BatchGetItem call. */
const BATCH_GET_LIMIT = 100;

/** Rounds of re-sending unprocessed items (throttling) before giving up and letting the invocation retry. */
const MAX_BATCH_ROUNDS = 6;

/**
 * First wait before re-sending throttled items; doubled each round, with full jitter (a random share of it),
 * so that parallel invocations throttled together do not retry in step
 * (https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/).
 */
const BACKOFF_BASE_MS = 50;

/** Conditional deletes sent at once by one call (each is one request). */
const DELETE_CONCURRENCY = 25;

/** One put or delete of a BatchWriteItem call. */
export type WriteRequest =
  | { readonly PutRequest: { readonly Item: Record<string, unknown> } }
  | { readonly DeleteRequest: { readonly Key: Record<string, unknown> } };

/** Waits the jittered backoff of a retry round (1-based). */
function backoff(round: number): Promise<void> {
  const ceiling = BACKOFF_BASE_MS * 2 ** (round - 1);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

/**
 * Writes every request in BatchWriteItem calls of at most 25, re-sending what DynamoDB returns unprocessed
 * (throttling) after a jittered backoff, for up to MAX_BATCH_ROUNDS rounds. `what` names the write in errors.
 */
export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
  what: string,
): Promise<void> {
  let pending = [...requests];
  for (let round = 1; pending.length > 0; round++) {
    if (round > MAX_BATCH_ROUNDS) {
      throw new IndexError(
        `${what}: ${pending.length} items still throttled after ${MAX_BATCH_ROUNDS} rounds`,
      );
    }
    if (round > 1) await backoff(round - 1);
    const unprocessed: WriteRequest[] = [];
    try {
      for (let i = 0; i < pending.length; i += BATCH_WRITE_LIMIT) {
        const written = await client.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: pending.slice(i, i + BATCH_WRITE_LIMIT) } }),
        );
        for (const request of written.UnprocessedItems?.[tableName] ?? []) {
          const item = request.PutRequest?.Item;
          const key = request.DeleteRequest?.Key;
          if (item) unprocessed.push({ PutRequest: { Item: item } });
          else if (key) unprocessed.push({ DeleteRequest: { Key: key } });
        }
      }
    } catch (error) {
      throw new IndexError(`${what} failed`, { cause: error });
    }
    pending = unprocessed;
  }
}

/**
 * Reads items by key in BatchGetItem calls of at most 100 (strongly consistent), re-asking for unprocessed
 * keys after a jittered backoff. Missing items are simply absent from the answer.
 */
export async function batchGetAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Record<string, unknown>[],
  what: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let pending = [...keys];
  for (let round = 1; pending.length > 0; round++) {
    if (round > MAX_BATCH_ROUNDS) throw new IndexError(`${what}: ${pending.length} keys still throttled`);
    if (round > 1) await backoff(round - 1);
    const unprocessed: Record<string, unknown>[] = [];
    try {
      for (let i = 0; i < pending.length; i += BATCH_GET_LIMIT) {
        const got = await client.send(
          new BatchGetCommand({
            RequestItems: {
              [tableName]: { Keys: pending.slice(i, i + BATCH_GET_LIMIT), ConsistentRead: true },
            },
          }),
        );
        items.push(...(got.Responses?.[tableName] ?? []));
        unprocessed.push(...(got.UnprocessedKeys?.[tableName]?.Keys ?? []));
      }
    } catch (error) {
      throw new IndexError(`${what} failed`, { cause: error });
    }
    pending = unprocessed;
  }
  return items;
}

/**
 * Deletes an index item if it still names `version` (its ETag and upload time): an item a newer version
 * wrote under the same key stays. Several deletes run DELETE_CONCURRENCY at a time.
 */
export async function deleteIfVersion(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: Record<string, unknown>,
  version: { readonly etag: string; readonly uploadedAt: string },
): Promise<void> {
  try {
    await client.send(
      new DeleteCommand({
        TableName: tableName,
        Key: key,
        ConditionExpression: 'etag = :etag AND uploadedAt = :uploadedAt',
        ExpressionAttributeValues: { ':etag': version.etag, ':uploadedAt': version.uploadedAt },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return;
    throw new IndexError(`Deleting index item ${String(key.pk)} / ${String(key.sk)} failed`, {
      cause: error,
    });
  }
}

/** Runs `tasks` at most DELETE_CONCURRENCY at a time. */
export async function inChunks<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += DELETE_CONCURRENCY) {
    await Promise.all(items.slice(i, i + DELETE_CONCURRENCY).map(task));
  }
}

/**
 * The first page (at most `limit` items, strongly consistent) of each partition `pk`, queried in parallel.
 * `what` names the read in errors ("Querying 24 LSH bands").
 */
export async function queryPartitions(
  client: DynamoDBDocumentClient,
  tableName: string,
  partitionKeys: readonly string[],
  limit: number,
  what: string,
): Promise<Record<string, unknown>[][]> {
  try {
    const pages = await Promise.all(
      partitionKeys.map((pk) =>
        client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ConsistentRead: true,
            Limit: limit,
          }),
        ),
      ),
    );
    return pages.map((page) => page.Items ?? []);
  } catch (error) {
    throw new IndexError(`${what} failed`, { cause: error });
  }
}
