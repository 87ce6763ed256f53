import { bandKeys, type DedupVerdict } from '../pipeline';
import { fromCorpusId, isEarlier, isSameVersion, type Registration, type VersionEntry } from '../ports';
import { unlinkArticle } from './corpus-links';
import { liveEntries } from './identity';
import { rewriteResult } from './result-writes';
import type { ServiceDeps } from './service-types';
import { demoteResult, parseStoredResult } from './stored-result';

/**
 * Copies decided again after their canonical went away, at most, per retired version. A cluster this large
 * is one body syndicated hundreds of times; the rest keep pointing at a copy that is gone until they are
 * re-driven (docs/operations.md).
 */
export const MAX_REELECTIONS = 200;

/**
 * Rewrites a copy's stored result as a duplicate (it had declared itself canonical before an earlier copy was
 * indexed, or an earlier copy appeared later), if the result still describes the version the index names;
 * its claims leave the claims index and its links leave the other results. Returns whether it was demoted.
 */
export async function demoteCopy(
  deps: ServiceDeps,
  copy: VersionEntry,
  dedup: DedupVerdict,
): Promise<boolean> {
  const ref = fromCorpusId(copy.id);
  if (ref === undefined) return false;
  const before = await rewriteResult(deps.results, ref, copy, (stored) =>
    // Not written yet: that invocation checks the index after writing and demotes itself. Already a
    // duplicate: it points at a canonical of its own, which is demoted in turn.
    stored.status === 'processed' ? demoteResult(stored, dedup) : undefined,
  );
  if (before === undefined) return false;
  const registration = (await deps.index.registrations([copy.id])).get(copy.id);
  if (
    deps.claims !== undefined &&
    registration !== undefined &&
    isSameVersion(registration, copy) &&
    registration.claimKeys !== undefined
  ) {
    await deps.claims.removeClaims(copy, registration.claimKeys);
    await deps.index.update(copy, { claimKeys: [] });
  }
  await unlinkArticle(deps, copy.id, before);
  return true;
}

/**
 * Takes a version that is no longer current (replaced by a newer upload of its key, deleted, or about to be
 * processed again) out of the corpus: its exact-body entry, band items and claims leave the index, and links
 * to it leave other results. Returns its former copies: live duplicates whose result names it as canonical,
 * earliest first, for the caller to decide again once this key's own result is settled.
 */
export async function retireVersion(deps: ServiceDeps, previous: Registration): Promise<Registration[]> {
  const { index } = deps;
  if (previous.bodyHash !== undefined) await index.removeMember(previous.bodyHash, previous);
  const bands = previous.signature === undefined ? [] : bandKeys(previous.signature);
  if (previous.banded === true) await index.removeBands(previous, bands);
  if (deps.claims !== undefined && previous.claimKeys !== undefined)
    await deps.claims.removeClaims(previous, previous.claimKeys);
  const ref = fromCorpusId(previous.id);
  const stored = ref === undefined ? undefined : parseStoredResult((await deps.results.read(ref))?.document);
  if (
    stored?.status === 'processed' &&
    stored.source.etag === previous.etag &&
    stored.source.uploadedAt === previous.uploadedAt
  ) {
    await unlinkArticle(deps, previous.id, stored);
  }
  return findFormerCopies(deps, previous, bands);
}

/** Live articles whose stored result says they duplicate `previous`'s key, earliest first. */
async function findFormerCopies(
  deps: ServiceDeps,
  previous: Registration,
  bands: readonly string[],
): Promise<Registration[]> {
  const { index } = deps;
  const exact = previous.bodyHash === undefined ? [] : await index.members(previous.bodyHash);
  const near = bands.length === 0 ? [] : await index.queryBands(bands);
  // Whether a candidate duplicates this key is what its own result says; the index only finds candidates.
  const live = await liveEntries(index, [...exact, ...near], previous.id);
  const registrations = await index.registrations([...new Set(live.map((entry) => entry.id))]);
  const former: Registration[] = [];
  for (const registration of [...registrations.values()].sort((a, b) => (isEarlier(a, b) ? -1 : 1))) {
    if (former.length === MAX_REELECTIONS) break;
    const ref = fromCorpusId(registration.id);
    if (ref === undefined) continue;
    const stored = parseStoredResult((await deps.results.read(ref))?.document);
    if (stored?.status === 'duplicate' && stored.dedup.of === previous.id) former.push(registration);
  }
  return former;
}
