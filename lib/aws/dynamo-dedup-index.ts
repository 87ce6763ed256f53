import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CorpusEntry, DedupIndex, ExactClaim } from '../ports';
import { IndexError } from './errors';

/** Sort key of the single item that holds an exact-duplicate hash. */
const EXACT_SK = 'exact';

/** How often a claim is re-tried when its item vanishes between the put and the read (a race with a delete). */
const MAX_CLAIM_ATTEMPTS = 3;

/** Validates an index item read back from DynamoDB into a corpus entry. */
function toEntry(item: Record<string, unknown> | undefined): CorpusEntry | undefined {
  if (item === undefined) return undefined;
  const { id, uploadedAt } = item;
  return typeof id === 'string' && typeof uploadedAt === 'string' ? { id, uploadedAt } : undefined;
}

/**
 * The dedup index on DynamoDB (single-table design, DESIGN.md): `pk = sha#<body hash>`,
 * `sk = exact` holds the canonical entry of a body. A conditional put keeps the earliest
 * (uploadedAt, id), so concurrent Lambdas converge on one canonical whatever their timing.
 */
export class DynamoDedupIndex implements DedupIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claimExact(hash: string, entry: CorpusEntry): Promise<ExactClaim> {
    for (let attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
      try {
        const put = await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { pk: `sha#${hash}`, sk: EXACT_SK, id: entry.id, uploadedAt: entry.uploadedAt },
            // Take the hash when it is free or held by a later entry in the corpus order.
            ConditionExpression:
              'attribute_not_exists(pk) OR uploadedAt > :t OR (uploadedAt = :t AND id > :id)',
            ExpressionAttributeValues: { ':t': entry.uploadedAt, ':id': entry.id },
            ReturnValues: 'ALL_OLD',
          }),
        );
        const previous = toEntry(put.Attributes);
        return previous && previous.id !== entry.id
          ? { holder: entry, displaced: previous }
          : { holder: entry };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) {
          throw new IndexError(`Claiming body hash ${hash} failed`, { cause: error });
        }
      }
      const holder = await this.lookupExact(hash);
      if (holder !== undefined) return { holder };
    }
    throw new IndexError(`Claiming body hash ${hash} did not settle after ${MAX_CLAIM_ATTEMPTS} attempts`);
  }

  async lookupExact(hash: string): Promise<CorpusEntry | undefined> {
    try {
      const got = await this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: `sha#${hash}`, sk: EXACT_SK },
          ConsistentRead: true,
        }),
      );
      return toEntry(got.Item);
    } catch (error) {
      throw new IndexError(`Reading body hash ${hash} failed`, { cause: error });
    }
  }
}
