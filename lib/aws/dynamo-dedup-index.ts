import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CorpusEntry, DedupIndex, ExactClaim, SimilarEntry } from '../ports';
import { batchWriteAll, queryPartitions } from './dynamo-batch';
import { IndexError } from './errors';

/** Sort key of the single item that holds an exact-duplicate hash. */
const EXACT_SK = 'exact';

/** How often a claim is re-tried when its item vanishes between the put and the read (a race with a delete). */
const MAX_CLAIM_ATTEMPTS = 3;

/**
 * Items read from one band bucket at most. A bucket this full means a boilerplate-only body
 * shared by very many articles; reading more would cost more than it could tell.
 */
const MAX_BAND_ITEMS = 200;

/** A signature as bytes (little-endian uint32s), for a binary attribute. */
export function encodeSignature(signature: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < signature.length; i++) view.setUint32(i * 4, signature[i] ?? 0, true);
  return bytes;
}

/** Reads a signature written by encodeSignature; undefined when the attribute is not one. */
export function decodeSignature(value: unknown): Uint32Array | undefined {
  if (!(value instanceof Uint8Array) || value.length % 4 !== 0 || value.length === 0) return undefined;
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const signature = new Uint32Array(value.length / 4);
  for (let i = 0; i < signature.length; i++) signature[i] = view.getUint32(i * 4, true);
  return signature;
}

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
 * `pk = band#<band key>`, `sk = <article id>` records an article under each LSH band with its
 * MinHash signature (under 1 KB: one write unit per band).
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

  async putBands(entry: CorpusEntry, bands: readonly string[], signature: Uint32Array): Promise<void> {
    const sig = encodeSignature(signature);
    await batchWriteAll(
      this.client,
      this.tableName,
      bands.map((band) => ({
        PutRequest: {
          Item: { pk: `band#${band}`, sk: entry.id, id: entry.id, uploadedAt: entry.uploadedAt, sig },
        },
      })),
      `Writing band items of ${entry.id}`,
    );
  }

  async queryBands(bands: readonly string[]): Promise<SimilarEntry[]> {
    const pages = await queryPartitions(
      this.client,
      this.tableName,
      bands.map((band) => `band#${band}`),
      MAX_BAND_ITEMS,
      `Querying ${bands.length} LSH bands`,
    );
    const found = new Map<string, SimilarEntry>();
    for (const page of pages) {
      for (const item of page) {
        const entry = toEntry(item);
        const signature = decodeSignature(item.sig);
        if (entry && signature && !found.has(entry.id)) found.set(entry.id, { ...entry, signature });
      }
    }
    return [...found.values()];
  }
}
