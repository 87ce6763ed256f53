import {
  addRelated,
  type Claim,
  indexKeysOf,
  mirrorRelations,
  relateClaims,
  removeRelated,
  toIndexedClaims,
} from '../pipeline';
import {
  type ClaimIndex,
  type DedupIndex,
  fromCorpusId,
  type ResultStore,
  type VersionEntry,
} from '../ports';
import type { Copy, Variant } from './identity';
import { liveEntries } from './identity';
import { rewriteResult } from './result-writes';
import { linkedArticles, type StoredResult } from './stored-result';

/** What relating an article's claims needs: the claims index and the registrations that say who is live. */
type LinkDeps = { readonly claims: ClaimIndex; readonly index: DedupIndex; readonly results: ResultStore };

/**
 * Records an article version's claims in the claims index and relates them to live claims of other articles
 * (never its own copies, and only conflicts with its near copies that state other figures). The keys are written into its registration first, so that whoever retires this
 * version takes exactly these items out; the claims are written before they are read, as bands are, so that
 * of two related articles processed at the same moment at least one sees the other.
 */
export async function relateToCorpus(
  deps: LinkDeps,
  me: VersionEntry,
  claims: readonly Claim[],
  near: { readonly copies: readonly Copy[]; readonly variants: readonly Variant[] },
): Promise<Claim[]> {
  const indexed = toIndexedClaims(me, claims);
  const claimKeys = claims.map(() => [] as readonly string[]);
  for (const claim of indexed) claimKeys[claim.claimIndex] = indexKeysOf(claim);
  await deps.index.update(me, { claimKeys });
  await deps.claims.putClaims(me, indexed);
  const live = await liveEntries(
    deps.index,
    (await deps.claims.findRelated(indexed)).map((found) => ({ ...found, id: found.articleId })),
    me.id,
  );
  return relateClaims(claims, live, {
    selfId: me.id,
    exclude: near.copies.map((copy) => copy.entry.id),
    conflictsOnly: near.variants.map((variant) => variant.entry.id),
  });
}

/**
 * Shows an article's links in the other articles' results too ("both directions"): each related article's
 * stored result gets the mirror image of the link, if it still describes the version the link was made with.
 */
export async function mirrorLinks(
  deps: Pick<LinkDeps, 'index' | 'results'>,
  me: VersionEntry,
  claims: readonly Claim[],
): Promise<void> {
  const mirrors = mirrorRelations(me, claims);
  if (mirrors.size === 0) return;
  const registrations = await deps.index.registrations([...mirrors.keys()]);
  for (const [otherId, links] of mirrors) {
    const ref = fromCorpusId(otherId);
    const version = registrations.get(otherId);
    if (ref === undefined || version === undefined) continue;
    await rewriteResult(deps.results, ref, version, (stored) => {
      if (stored.status !== 'processed') return undefined;
      const updated = addRelated(stored.claims, links);
      return updated === undefined ? undefined : { ...stored, claims: updated };
    });
  }
}

/**
 * Takes the links to an article out of the results that show them (it was deleted, replaced or demoted): the
 * articles its own stored result links to are the ones that mirror its links.
 */
export async function unlinkArticle(
  deps: Pick<LinkDeps, 'index' | 'results'>,
  articleId: string,
  stored: StoredResult,
): Promise<void> {
  const others = linkedArticles(stored).filter((id) => id !== articleId);
  if (others.length === 0) return;
  const registrations = await deps.index.registrations(others);
  for (const otherId of others) {
    const ref = fromCorpusId(otherId);
    const version = registrations.get(otherId);
    if (ref === undefined || version === undefined) continue;
    await rewriteResult(deps.results, ref, version, (other) => {
      const updated = removeRelated(other.claims, articleId);
      return updated === undefined ? undefined : { ...other, claims: updated };
    });
  }
}
