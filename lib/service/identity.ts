import { bandKeys, type DedupVerdict, estimateSimilarity, minhashSignature } from '../pipeline';
import type { DedupIndex, VersionEntry } from '../ports';
import { isEarlier, isSameVersion } from '../ports';

/** What identifies an article version in the dedup index: its entry, body hash and MinHash signature. */
export type Identity = {
  readonly me: VersionEntry;
  readonly bodyHash: string;
  readonly signature: Uint32Array;
};

/** Another live article with the same body (similarity 1) or a similar one, found through the index. */
export type Copy = { readonly entry: VersionEntry; readonly similarity: number; readonly exact: boolean };

/** A dedup decision: the verdict, and every live copy seen (earlier and later ones). */
export type Sighting = { readonly verdict: DedupVerdict; readonly copies: readonly Copy[] };

/** The identity of a prepared article: hash from the pipeline, MinHash signature of its clean text. */
export function identityOf(me: VersionEntry, bodyHash: string, text: string): Identity {
  return { me, bodyHash, signature: minhashSignature(text) };
}

/**
 * The entries that stand for the current, finished version of their key: the registration names the same
 * ETag and says 'done'. An entry of a replaced or deleted version, or of one still being processed (which may
 * never finish: its message may dead-letter), is not a copy of anything.
 */
export async function liveEntries<T extends VersionEntry>(
  index: DedupIndex,
  entries: readonly T[],
  selfId?: string,
): Promise<T[]> {
  const others = entries.filter((entry) => entry.id !== selfId);
  if (others.length === 0) return [];
  const registrations = await index.registrations([...new Set(others.map((entry) => entry.id))]);
  return others.filter((entry) => {
    const registration = registrations.get(entry.id);
    return registration !== undefined && isSameVersion(registration, entry) && registration.state === 'done';
  });
}

/** Live holders of the same body, and live articles whose signature reaches `threshold` (banded ones). */
export async function findCopies(
  index: DedupIndex,
  identity: Identity,
  threshold: number,
  options: { readonly exactOnly?: boolean } = {},
): Promise<Copy[]> {
  const selfId = identity.me.id;
  const exact = await liveEntries(index, await index.members(identity.bodyHash), selfId);
  const copies: Copy[] = exact.map((entry) => ({ entry, similarity: 1, exact: true }));
  if (options.exactOnly === true) return copies;
  const seen = new Set(exact.map((entry) => entry.id));
  const candidates = (await index.queryBands(bandKeys(identity.signature))).filter((c) => !seen.has(c.id));
  for (const candidate of await liveEntries(index, candidates, selfId)) {
    const similarity = estimateSimilarity(identity.signature, candidate.signature);
    if (similarity >= threshold) {
      const { signature: _signature, ...entry } = candidate;
      copies.push({ entry, similarity, exact: false });
    }
  }
  return copies;
}

/**
 * The verdict among copies: a duplicate of the earliest exact copy that is earlier than `me` in the corpus
 * order, else of the earliest such near copy, else unique. Exact copies come first because an exact copy writes
 * no bands of its own: its canonical must be one that finds it again through the body's members. Without `me`
 * (the API's read-only check of a body that was never uploaded) every copy counts as earlier.
 */
export function verdictAmong(copies: readonly Copy[], me?: VersionEntry): DedupVerdict {
  const earlier = copies.filter((copy) => me === undefined || isEarlier(copy.entry, me));
  const pool = earlier.some((copy) => copy.exact) ? earlier.filter((copy) => copy.exact) : earlier;
  let best: Copy | undefined;
  for (const copy of pool) if (best === undefined || isEarlier(copy.entry, best.entry)) best = copy;
  if (best === undefined) return { kind: 'unique' };
  return best.exact
    ? { kind: 'exact', of: best.entry.id, similarity: 1 }
    : { kind: 'near', of: best.entry.id, similarity: best.similarity };
}

/**
 * Puts an article version into the dedup index and decides what it is: an exact copy needs no bands of its own
 * (its canonical's stand for the same body); any other writes its bands before it reads them, so that of two
 * near-duplicates processed at the same moment at least one sees the other (docs/dedup.md).
 */
export async function enterIdentity(
  index: DedupIndex,
  identity: Identity,
  threshold: number,
): Promise<Sighting & { readonly banded: boolean }> {
  // Written ahead of the entries, so that whoever retires this version later knows what to take out.
  await index.update(identity.me, { bodyHash: identity.bodyHash, signature: identity.signature });
  await index.addMember(identity.bodyHash, identity.me);
  const exact = await findCopies(index, identity, threshold, { exactOnly: true });
  const exactVerdict = verdictAmong(exact, identity.me);
  if (exactVerdict.kind !== 'unique') return { verdict: exactVerdict, copies: exact, banded: false };
  await index.update(identity.me, { banded: true });
  await index.putBands(identity.me, bandKeys(identity.signature), identity.signature);
  const copies = await findCopies(index, identity, threshold);
  return { verdict: verdictAmong(copies, identity.me), copies, banded: true };
}

/** The verdict as the index stands now (read-only): for settling a duplicate and for a late self-check. */
export async function currentSighting(
  index: DedupIndex,
  identity: Identity,
  threshold: number,
): Promise<Sighting> {
  const copies = await findCopies(index, identity, threshold);
  return { verdict: verdictAmong(copies, identity.me), copies };
}

/**
 * The verdict on a body that is not part of the corpus (the API's `POST /analyze` reads the index, never
 * writes it): by the same rule as uploads, a duplicate of the earliest live copy; every copy is earlier.
 */
export async function lookupVerdict(
  index: DedupIndex,
  body: { readonly bodyHash: string; readonly text: string },
  threshold: number,
): Promise<DedupVerdict> {
  const identity = identityOf({ id: '', uploadedAt: '', etag: '' }, body.bodyHash, body.text);
  return verdictAmong(await findCopies(index, identity, threshold));
}
