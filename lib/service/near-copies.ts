import { fromCorpusId, isEarlier, isSameVersion, type VersionEntry } from '../ports';
import { currentSighting, type Variant } from './identity';
import { rewriteResult } from './result-writes';
import type { ServiceDeps } from './service-types';
import { parseStoredResult } from './stored-result';

/**
 * Keeps `dedup.nearCopyOf` true in every processing order: for each pair of `me` (just written) and a near copy
 * that states other figures, the later of the two, if processed, decides again which earlier near copy it names
 * (the earliest live one, read from the index with its own stored identity). Of two articles processed at the
 * same moment, the one that re-reads the index second sees the other, as with copies. A name is not decided
 * again when the article it names is deleted or replaced: it then names an article that is gone until the next
 * near copy comes. Returns whether `me`'s own result was rewritten.
 */
export async function nameNearCopies(
  deps: Pick<ServiceDeps, 'index' | 'results'>,
  me: VersionEntry,
  variants: readonly Variant[],
  threshold: number,
): Promise<boolean> {
  const later = new Map<string, VersionEntry>();
  for (const variant of variants) {
    const entry = isEarlier(variant.entry, me) ? me : variant.entry;
    later.set(entry.id, entry);
  }
  let renamedMe = false;
  for (const entry of later.values()) {
    const renamed = await decideName(deps, entry, threshold);
    if (renamed && entry.id === me.id) renamedMe = true;
  }
  return renamedMe;
}

/** Decides again which earlier near copy a processed article names; whether its result was rewritten. */
async function decideName(
  deps: Pick<ServiceDeps, 'index' | 'results'>,
  entry: VersionEntry,
  threshold: number,
): Promise<boolean> {
  const ref = fromCorpusId(entry.id);
  const registration = (await deps.index.registrations([entry.id])).get(entry.id);
  if (
    ref === undefined ||
    registration === undefined ||
    !isSameVersion(registration, entry) ||
    registration.bodyHash === undefined ||
    registration.signature === undefined ||
    registration.figures === undefined
  )
    return false;
  const stored = parseStoredResult((await deps.results.read(ref))?.document);
  if (stored?.status !== 'processed') return false;
  const { verdict } = await currentSighting(
    deps.index,
    {
      me: entry,
      bodyHash: registration.bodyHash,
      signature: registration.signature,
      figures: registration.figures,
    },
    threshold,
  );
  // A copy found now is demotion's business (the copy's own invocation re-checks), not a name's.
  if (verdict.kind !== 'unique' || verdict.nearCopyOf === stored.dedup.nearCopyOf) return false;
  const named = stored.dedup.nearCopyOf;
  const before = await rewriteResult(deps.results, ref, entry, (current) =>
    // Still processed and still naming what was read: another writer's newer decision stands.
    current.status === 'processed' && current.dedup.nearCopyOf === named
      ? { ...current, dedup: verdict }
      : undefined,
  );
  return before !== undefined;
}
