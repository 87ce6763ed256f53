import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { IndexError } from './errors';

/** DynamoDB's limit of items in one BatchWriteItem call. */
const BATCH_WRITE_LIMIT = 25;

/** Rounds of re-sending UnprocessedItems (throttled writes) before giving up and letting the invocation retry. */
const MAX_BATCH_ROUNDS = 5;

/** One put or delete of a BatchWriteItem call. */
export type WriteRequest =
  | { readonly PutRequest: { readonly Item: Record<string, unknown> } }
  | { readonly DeleteRequest: { readonly Key: Record<string, unknown> } };

/**
 * Writes every request in BatchWriteItem calls of at most 25, re-sending what DynamoDB returns unprocessed
 * (throttling) for up to MAX_BATCH_ROUNDS rounds. `what` names the write in errors ("Writing claims of …").
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
