import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ClaimIndex, type CorpusEntry, claimSortKey, type IndexedClaim } from '../ports';
import * as z from '../zod';
import { batchWriteAll, queryPartitions, type WriteRequest } from './dynamo-batch';

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

const quantitySchema = z.object({
  value: z.number(),
  unit: z.string(),
  text: z.string(),
  relation: z.array(z.string()),
});
const dateSchema = z.object({ value: z.string(), text: z.string(), relation: z.array(z.string()) });
const itemSchema = z.object({
  articleId: z.string(),
  uploadedAt: z.string(),
  claimIndex: z.number().check(z.int(), z.nonnegative()),
  text: z.string(),
  entities: z.array(z.string()),
  quantities: z.array(quantitySchema),
  dates: z.array(dateSchema),
});

/**
 * The claims index on DynamoDB, in the dedup index's table (single-table design, DESIGN.md):
 * `pk = ent#<normalised entity>`, `sk = <article id>#<claim index>`, one item per entity of a claim holding
 * the claim's text, entity keys, numbers (value, unit, relation words), resolved dates and the article's
 * upload time, so that a related claim is shown without reading its article. Reads are strongly consistent
 * and capped per entity (MAX_ENTITY_ITEMS) to protect hot keys.
 */
export class DynamoClaimIndex implements ClaimIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putClaims(article: CorpusEntry, claims: readonly IndexedClaim[]): Promise<void> {
    const requests: WriteRequest[] = claims.flatMap((claim) =>
      claim.entities.map((entity) => ({
        PutRequest: {
          Item: {
            pk: `ent#${entity}`,
            sk: claimSortKey(claim),
            articleId: article.id,
            uploadedAt: article.uploadedAt,
            claimIndex: claim.claimIndex,
            text: claim.text,
            entities: [...claim.entities],
            quantities: claim.quantities.map((q) => ({ ...q, relation: [...q.relation] })),
            dates: claim.dates.map((d) => ({ ...d, relation: [...d.relation] })),
          },
        },
      })),
    );
    await batchWriteAll(this.client, this.tableName, requests, `Writing claims of ${article.id}`);
  }

  async findRelated(claims: readonly IndexedClaim[]): Promise<IndexedClaim[]> {
    const own = new Set(claims.map((c) => c.articleId));
    const entities = [...new Set(claims.flatMap((c) => c.entities))].slice(0, MAX_QUERIED_ENTITIES);
    const found = new Map<string, IndexedClaim>();
    const pages = await queryPartitions(
      this.client,
      this.tableName,
      entities.map((entity) => `ent#${entity}`),
      MAX_ENTITY_ITEMS,
      `Querying the claims index for ${entities.length} entities`,
    );
    for (const page of pages) {
      for (const item of page) {
        const parsed = itemSchema.safeParse(item);
        // An item of another shape is not a claim record (or a newer schema): skip it, do not guess.
        if (!parsed.success || own.has(parsed.data.articleId)) continue;
        found.set(claimSortKey(parsed.data), parsed.data);
      }
    }
    return [...found.values()];
  }

  async removeClaims(article: CorpusEntry, claims: readonly IndexedClaim[]): Promise<void> {
    const requests: WriteRequest[] = claims.flatMap((claim) =>
      claim.entities.map((entity) => ({
        DeleteRequest: {
          Key: { pk: `ent#${entity}`, sk: claimSortKey({ ...claim, articleId: article.id }) },
        },
      })),
    );
    await batchWriteAll(this.client, this.tableName, requests, `Removing claims of ${article.id}`);
  }
}
