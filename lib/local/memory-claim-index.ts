import { indexKeysOf } from '../pipeline';
import {
  type ClaimIndex,
  claimSortKey,
  type FoundClaim,
  type IndexedClaim,
  isSameVersion,
  type VersionEntry,
} from '../ports';

/**
 * Items read per index key at most, as in the DynamoDB adapter: a very common entity ("US") would
 * otherwise make every article read the whole corpus.
 */
export const MEMORY_MAX_KEY_ITEMS = 100;

/**
 * A claims index held in memory, for the CLI's `--corpus` mode and unit tests. Same semantics as the
 * DynamoDB index: one record per (index key, article, claim) naming the article's version, reads capped per
 * key in sort-key order, removals only by the version that wrote the record.
 */
export class MemoryClaimIndex implements ClaimIndex {
  /** index key → `<article id>#<claim index>` → claim. */
  readonly #byKey = new Map<string, Map<string, FoundClaim>>();

  async putClaims(article: VersionEntry, claims: readonly IndexedClaim[]): Promise<void> {
    for (const claim of claims) {
      for (const key of indexKeysOf(claim)) {
        let items = this.#byKey.get(key);
        if (items === undefined) {
          items = new Map();
          this.#byKey.set(key, items);
        }
        items.set(claimSortKey(claim), { ...claim, etag: article.etag });
      }
    }
  }

  async findRelated(claims: readonly IndexedClaim[]): Promise<FoundClaim[]> {
    const own = new Set(claims.map((c) => c.articleId));
    const found = new Map<string, FoundClaim>();
    for (const key of new Set(claims.flatMap((c) => indexKeysOf(c)))) {
      const items = [...(this.#byKey.get(key) ?? new Map<string, FoundClaim>()).entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, MEMORY_MAX_KEY_ITEMS);
      for (const [sk, claim] of items) if (!own.has(claim.articleId)) found.set(sk, claim);
    }
    return [...found.values()];
  }

  async removeClaims(article: VersionEntry, keys: readonly (readonly string[])[]): Promise<void> {
    keys.forEach((claimKeys, claimIndex) => {
      const sk = claimSortKey({ articleId: article.id, claimIndex });
      for (const key of claimKeys) {
        const items = this.#byKey.get(key);
        const item = items?.get(sk);
        if (item !== undefined && isSameVersion(item, article)) items?.delete(sk);
        if (items?.size === 0) this.#byKey.delete(key);
      }
    });
  }

  /** Every record, for tests that check nothing stale is left: article id and version. */
  entries(): { readonly id: string; readonly etag: string }[] {
    return [...this.#byKey.values()].flatMap((items) =>
      [...items.values()].map((claim) => ({ id: claim.articleId, etag: claim.etag })),
    );
  }
}
