import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  DedupIndex,
  RegisterOutcome,
  Registration,
  RegistrationUpdate,
  SimilarEntry,
  VersionEntry,
} from '../ports';
import { batchGetAll, batchWriteAll, deleteIfVersion, inChunks, queryPartitions } from './dynamo-batch';
import { decodeSignature, encodeSignature, registrationFromItem, versionEntryFromItem } from './dynamo-items';
import { IndexError } from './errors';

/**
 * Holders of one body read at most (one query page), earliest first. A body held this often is boilerplate
 * syndicated everywhere; the earliest holders are the only ones a verdict needs.
 */
const MAX_MEMBERS = 100;

/**
 * Items read from one band bucket at most. A bucket this full means a boilerplate-only body
 * shared by very many articles; reading more would cost more than it could tell.
 */
const MAX_BAND_ITEMS = 200;

/** How often a registration is retried when the item it lost to vanished before it could be read. */
const MAX_REGISTER_ATTEMPTS = 3;

/**
 * The index table's keys, built in one place (single-table design, docs/dedup.md): a key's registration, the
 * members of an exact body (sorted by upload time, then id: the corpus order), and LSH band items.
 */
export const INDEX_KEYS = {
  registration: (id: string) => ({ pk: `art#${id}`, sk: 'reg' }),
  member: (hash: string, entry: VersionEntry) => ({
    pk: `sha#${hash}`,
    sk: `${entry.uploadedAt}#${entry.id}`,
  }),
  memberPartition: (hash: string) => `sha#${hash}`,
  band: (band: string, id: string) => ({ pk: `band#${band}`, sk: id }),
  bandPartition: (band: string) => `band#${band}`,
} as const;

/**
 * The dedup index on DynamoDB. Registrations are written with a condition that only a newer version (by its
 * order string) passes, so concurrent deliveries of one key agree on the newest; members and band items carry
 * the version they were written for and are deleted only with a condition naming it.
 */
export class DynamoDedupIndex implements DedupIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async register(registration: Registration): Promise<RegisterOutcome> {
    const key = INDEX_KEYS.registration(registration.id);
    for (let attempt = 1; attempt <= MAX_REGISTER_ATTEMPTS; attempt++) {
      try {
        const put = await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...key, ...registrationItem(registration) },
            ConditionExpression: 'attribute_not_exists(pk) OR #order <= :order',
            ExpressionAttributeNames: { '#order': 'order' },
            ExpressionAttributeValues: { ':order': registration.order },
            ReturnValues: 'ALL_OLD',
          }),
        );
        const previous = registrationFromItem(put.Attributes);
        return previous === undefined ? { kind: 'registered' } : { kind: 'registered', previous };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) {
          throw new IndexError(`Registering ${registration.id} failed`, { cause: error });
        }
      }
      const current = (await this.registrations([registration.id])).get(registration.id);
      if (current !== undefined) return { kind: 'superseded', current };
    }
    throw new IndexError(
      `Registering ${registration.id} did not settle after ${MAX_REGISTER_ATTEMPTS} attempts`,
    );
  }

  async update(version: VersionEntry, fields: RegistrationUpdate): Promise<boolean> {
    const values = updateValues(fields);
    if (values.length === 0) return true;
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: INDEX_KEYS.registration(version.id),
          UpdateExpression: `SET ${values.map(([name]) => `#${name} = :${name}`).join(', ')}`,
          ConditionExpression: 'etag = :etag AND uploadedAt = :uploadedAt AND #state <> :deleted',
          ExpressionAttributeNames: Object.fromEntries([
            ['#state', 'state'],
            ...values.map(([name]) => [`#${name}`, name]),
          ]),
          ExpressionAttributeValues: Object.fromEntries([
            [':etag', version.etag],
            [':uploadedAt', version.uploadedAt],
            [':deleted', 'deleted'],
            ...values.map(([name, value]) => [`:${name}`, value]),
          ]),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw new IndexError(`Updating the registration of ${version.id} failed`, { cause: error });
    }
  }

  async registrations(ids: readonly string[]): Promise<ReadonlyMap<string, Registration>> {
    const items = await batchGetAll(
      this.client,
      this.tableName,
      ids.map((id) => INDEX_KEYS.registration(id)),
      `Reading ${ids.length} registrations`,
    );
    const found = new Map<string, Registration>();
    for (const item of items) {
      const registration = registrationFromItem(item);
      if (registration !== undefined) found.set(registration.id, registration);
    }
    return found;
  }

  async addMember(hash: string, entry: VersionEntry): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...INDEX_KEYS.member(hash, entry),
            id: entry.id,
            uploadedAt: entry.uploadedAt,
            etag: entry.etag,
          },
        }),
      );
    } catch (error) {
      throw new IndexError(`Recording ${entry.id} under body hash ${hash} failed`, { cause: error });
    }
  }

  async members(hash: string): Promise<VersionEntry[]> {
    const [page = []] = await queryPartitions(
      this.client,
      this.tableName,
      [INDEX_KEYS.memberPartition(hash)],
      MAX_MEMBERS,
      `Reading the holders of body hash ${hash}`,
    );
    return page.map(versionEntryFromItem).filter((entry) => entry !== undefined);
  }

  async removeMember(hash: string, entry: VersionEntry): Promise<void> {
    await deleteIfVersion(this.client, this.tableName, INDEX_KEYS.member(hash, entry), entry);
  }

  async putBands(
    entry: VersionEntry,
    bands: readonly string[],
    signature: Uint32Array,
    figures?: Uint32Array,
  ): Promise<void> {
    const sig = encodeSignature(signature);
    const fig = figures === undefined ? undefined : encodeSignature(figures);
    await batchWriteAll(
      this.client,
      this.tableName,
      bands.map((band) => ({
        PutRequest: {
          Item: {
            ...INDEX_KEYS.band(band, entry.id),
            id: entry.id,
            uploadedAt: entry.uploadedAt,
            etag: entry.etag,
            sig,
            // Band items written before figures were stored have no `fig`: they match on similarity alone.
            ...(fig === undefined ? {} : { fig }),
          },
        },
      })),
      `Writing band items of ${entry.id}`,
    );
  }

  async queryBands(bands: readonly string[]): Promise<SimilarEntry[]> {
    const pages = await queryPartitions(
      this.client,
      this.tableName,
      bands.map(INDEX_KEYS.bandPartition),
      MAX_BAND_ITEMS,
      `Querying ${bands.length} LSH bands`,
    );
    const found = new Map<string, SimilarEntry>();
    for (const item of pages.flat()) {
      const entry = versionEntryFromItem(item);
      const signature = decodeSignature(item.sig);
      const figures = decodeSignature(item.fig);
      if (entry && signature && !found.has(entry.id))
        found.set(entry.id, { ...entry, signature, ...(figures === undefined ? {} : { figures }) });
    }
    return [...found.values()];
  }

  async removeBands(entry: VersionEntry, bands: readonly string[]): Promise<void> {
    await inChunks(bands, (band) =>
      deleteIfVersion(this.client, this.tableName, INDEX_KEYS.band(band, entry.id), entry),
    );
  }
}

/** A registration as item attributes (absent fields left out). */
function registrationItem(registration: Registration): Record<string, unknown> {
  const { signature, figures, ...rest } = registration;
  return {
    ...rest,
    ...(signature === undefined ? {} : { signature: encodeSignature(signature) }),
    ...(figures === undefined ? {} : { figures: encodeSignature(figures) }),
  };
}

/** The attributes an update sets, by name, with the signature as bytes. */
function updateValues(fields: RegistrationUpdate): [string, unknown][] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => [name, value instanceof Uint32Array ? encodeSignature(value) : value]);
}
