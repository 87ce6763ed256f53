import { type ClaimIndex, type CorpusEntry, claimSortKey, type IndexedClaim } from '../ports';

/**
 * Items read per entity key at most, as in the DynamoDB adapter: a very common entity ("US") would
 * otherwise make every article read the whole corpus.
 */
export const MEMORY_MAX_ENTITY_ITEMS = 100;

/**
 * A claims index held in memory, for the CLI's `--corpus` mode and unit tests. Same semantics as the
 * DynamoDB index: one record per (entity key, article, claim), reads capped per entity in sort-key order.
 */
export class MemoryClaimIndex implements ClaimIndex {
  /** entity key → `<article id>#<claim index>` → claim. */
  readonly #byEntity = new Map<string, Map<string, IndexedClaim>>();

  async putClaims(_article: CorpusEntry, claims: readonly IndexedClaim[]): Promise<void> {
    for (const claim of claims) {
      for (const entity of claim.entities) {
        let items = this.#byEntity.get(entity);
        if (items === undefined) {
          items = new Map();
          this.#byEntity.set(entity, items);
        }
        items.set(claimSortKey(claim), claim);
      }
    }
  }

  async findRelated(claims: readonly IndexedClaim[]): Promise<IndexedClaim[]> {
    const own = new Set(claims.map((c) => c.articleId));
    const found = new Map<string, IndexedClaim>();
    for (const entity of new Set(claims.flatMap((c) => c.entities))) {
      const items = [...(this.#byEntity.get(entity) ?? new Map<string, IndexedClaim>()).entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, MEMORY_MAX_ENTITY_ITEMS);
      for (const [sk, claim] of items) if (!own.has(claim.articleId)) found.set(sk, claim);
    }
    return [...found.values()];
  }

  async removeClaims(article: CorpusEntry, claims: readonly IndexedClaim[]): Promise<void> {
    for (const claim of claims) {
      for (const entity of claim.entities)
        this.#byEntity.get(entity)?.delete(claimSortKey({ ...claim, articleId: article.id }));
    }
  }
}
