import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { claimFrameSchema, indexKeysOf } from '../pipeline';
import {
  type ClaimIndex,
  claimSortKey,
  type FoundClaim,
  type IndexedClaim,
  type VersionEntry,
} from '../ports';
import * as z from '../zod';
import { batchWriteAll, deleteIfVersion, inChunks, queryPartitions, type WriteRequest } from './dynamo-batch';

/** The claims index's keys, built in one place: a partition per index key, a claim's sort key within it. */
export const CLAIM_KEYS = {
  item: (key: string, claim: Pick<IndexedClaim, 'articleId' | 'claimIndex'>) => ({
    pk: `ent#${key}`,
    sk: claimSortKey(claim),
  }),
  partition: (key: string) => `ent#${key}`,
} as const;

/**
 * Items read per entity key at most (one Query page). A key this full is a hot entity ("US", "Government")
 * named in a large share of the corpus; reading more would cost a Query per 1 MB and relate every article
 * to hundreds of others. The cap bounds an article's reads to MAX_QUERIED_ENTITIES × 100 items.
 */
export const MAX_ENTITY_ITEMS = 100;

/**
 * Entity keys queried per article at most: a news article's claims name a few dozen entities; more is a
 * list (results tables, squads) whose claims are rarely related one by one.
 */
export const MAX_QUERIED_ENTITIES = 40;

const itemSchema = z.object({
  articleId: z.string(),
  uploadedAt: z.string(),
  etag: z.string(),
  claimIndex: z.number().check(z.int(), z.nonnegative()),
  text: z.string(),
  entities: z.array(z.string()),
  // Items written before claim frames have none: they are found but relate to nothing until rewritten.
  frames: z._default(z.array(claimFrameSchema), []),
});

/**
 * The claims index on DynamoDB, in the dedup index's table (single-table design, docs/dedup.md):
 * `pk = ent#<subject key>~<measure key>`, `sk = <article id>#<claim index>`, one item per (subject, measure)
 * of a claim's frames holding the claim's text, subject keys, frames (subject, measure, value, time) and the
 * article's upload time, so that a related claim is shown without reading its article. Reads are strongly consistent
 * and capped per entity (MAX_ENTITY_ITEMS) to protect hot keys.
 */
export class DynamoClaimIndex implements ClaimIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putClaims(article: VersionEntry, claims: readonly IndexedClaim[]): Promise<void> {
    const requests: WriteRequest[] = claims.flatMap((claim) =>
      indexKeysOf(claim).map((key) => ({
        PutRequest: {
          Item: {
            ...CLAIM_KEYS.item(key, claim),
            articleId: article.id,
            uploadedAt: article.uploadedAt,
            etag: article.etag,
            claimIndex: claim.claimIndex,
            text: claim.text,
            entities: [...claim.entities],
            frames: claim.frames,
          },
        },
      })),
    );
    await batchWriteAll(this.client, this.tableName, requests, `Writing claims of ${article.id}`);
  }

  async findRelated(claims: readonly IndexedClaim[]): Promise<FoundClaim[]> {
    const own = new Set(claims.map((c) => c.articleId));
    const keys = [...new Set(claims.flatMap((c) => indexKeysOf(c)))].slice(0, MAX_QUERIED_ENTITIES);
    const found = new Map<string, FoundClaim>();
    const pages = await queryPartitions(
      this.client,
      this.tableName,
      keys.map(CLAIM_KEYS.partition),
      MAX_ENTITY_ITEMS,
      `Querying the claims index for ${keys.length} keys`,
    );
    for (const item of pages.flat()) {
      const parsed = itemSchema.safeParse(item);
      // An item of another shape is not a claim record (or a newer schema): skip it, do not guess.
      if (!parsed.success || own.has(parsed.data.articleId)) continue;
      found.set(claimSortKey(parsed.data), parsed.data);
    }
    return [...found.values()];
  }

  async removeClaims(article: VersionEntry, keys: readonly (readonly string[])[]): Promise<void> {
    const items = keys.flatMap((claimKeys, claimIndex) =>
      claimKeys.map((key) => CLAIM_KEYS.item(key, { articleId: article.id, claimIndex })),
    );
    await inChunks(items, (item) => deleteIfVersion(this.client, this.tableName, item, article));
  }
}
