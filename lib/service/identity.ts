import {
  bandKeys,
  type DedupVerdict,
  estimateSimilarity,
  figuresAgree,
  figuresFingerprint,
  minhashSignature,
} from '../pipeline';
import type { DedupIndex, VersionEntry } from '../ports';
import { isEarlier, isSameVersion } from '../ports';

/** What identifies an article version in the dedup index: its entry, body hash, MinHash signature and figures. */
export type Identity = {
  readonly me: VersionEntry;
  readonly bodyHash: string;
  readonly signature: Uint32Array;
  readonly figures: Uint32Array;
};

/** Another live article with the same body (similarity 1) or a similar one, found through the index. */
export type Copy = { readonly entry: VersionEntry; readonly similarity: number; readonly exact: boolean };

/** A live article similar enough to be a near copy that states other figures: not a copy, but worth naming. */
export type Variant = { readonly entry: VersionEntry; readonly similarity: number };

/**
 * A dedup decision: the verdict, every live copy seen (earlier and later ones), and the near copies that differ
 * in figures.
 */
export type Sighting = {
  readonly verdict: DedupVerdict;
  readonly copies: readonly Copy[];
  readonly variants: readonly Variant[];
};

/** The identity of a prepared article: hash from the pipeline, MinHash signature and figures of its clean text. */
export function identityOf(me: VersionEntry, bodyHash: string, text: string): Identity {
  return { me, bodyHash, signature: minhashSignature(text), figures: figuresFingerprint(text) };
}

/**
 * The near-duplicate predicate, the one place it is decided: estimated Jaccard at least `threshold` and the
 * same figures (figuresAgree: one's figures all among the other's). Both parts are symmetric, so two articles
 * agree on whether they copy each other whichever is processed first. A candidate without a fingerprint (an
 * index item written before figures were stored) matches on similarity alone, as it did.
 */
export function nearMatch(
  identity: Pick<Identity, 'signature' | 'figures'>,
  candidate: { readonly signature: Uint32Array; readonly figures?: Uint32Array },
  threshold: number,
): { readonly similarity: number; readonly copy: boolean } | undefined {
  const similarity = estimateSimilarity(identity.signature, candidate.signature);
  if (similarity < threshold) return undefined;
  return { similarity, copy: figuresAgree(identity.figures, candidate.figures) };
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

/**
 * Live holders of the same body, and live banded articles that nearMatch calls copies; the live articles
 * similar enough but stating other figures come back as variants.
 */
export async function findCopies(
  index: DedupIndex,
  identity: Identity,
  threshold: number,
  options: { readonly exactOnly?: boolean } = {},
): Promise<{ copies: Copy[]; variants: Variant[] }> {
  const selfId = identity.me.id;
  const exact = await liveEntries(index, await index.members(identity.bodyHash), selfId);
  const copies: Copy[] = exact.map((entry) => ({ entry, similarity: 1, exact: true }));
  const variants: Variant[] = [];
  if (options.exactOnly === true) return { copies, variants };
  const seen = new Set(exact.map((entry) => entry.id));
  const candidates = (await index.queryBands(bandKeys(identity.signature))).filter((c) => !seen.has(c.id));
  for (const candidate of await liveEntries(index, candidates, selfId)) {
    const match = nearMatch(identity, candidate, threshold);
    if (match === undefined) continue;
    const entry = { id: candidate.id, uploadedAt: candidate.uploadedAt, etag: candidate.etag };
    if (match.copy) copies.push({ entry, similarity: match.similarity, exact: false });
    else variants.push({ entry, similarity: match.similarity });
  }
  return { copies, variants };
}

/**
 * The verdict among copies: a duplicate of the earliest exact copy that is earlier than `me` in the corpus
 * order, else of the earliest such near copy, else unique. Exact copies come first because an exact copy writes
 * no bands of its own: its canonical must be one that finds it again through the body's members. Without `me`
 * (the API's read-only check of a body that was never uploaded) every copy counts as earlier.
 */
export function verdictAmong(
  copies: readonly Copy[],
  me?: VersionEntry,
  variants: readonly Variant[] = [],
): DedupVerdict {
  const earlier = copies.filter((copy) => me === undefined || isEarlier(copy.entry, me));
  const pool = earlier.some((copy) => copy.exact) ? earlier.filter((copy) => copy.exact) : earlier;
  let best: Copy | undefined;
  for (const copy of pool) if (best === undefined || isEarlier(copy.entry, best.entry)) best = copy;
  if (best === undefined) return uniqueAmong(variants, me);
  return best.exact
    ? { kind: 'exact', of: best.entry.id, similarity: 1 }
    : { kind: 'near', of: best.entry.id, similarity: best.similarity };
}

/** A unique verdict, naming the earliest earlier near copy that states other figures when there is one. */
function uniqueAmong(variants: readonly Variant[], me?: VersionEntry): DedupVerdict {
  let first: Variant | undefined;
  for (const variant of variants) {
    if (me !== undefined && !isEarlier(variant.entry, me)) continue;
    if (first === undefined || isEarlier(variant.entry, first.entry)) first = variant;
  }
  return first === undefined
    ? { kind: 'unique' }
    : { kind: 'unique', nearCopyOf: first.entry.id, similarity: first.similarity, differs: 'figures' };
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
  await index.update(identity.me, {
    bodyHash: identity.bodyHash,
    signature: identity.signature,
    figures: identity.figures,
  });
  await index.addMember(identity.bodyHash, identity.me);
  const exact = await findCopies(index, identity, threshold, { exactOnly: true });
  const exactVerdict = verdictAmong(exact.copies, identity.me);
  if (exactVerdict.kind !== 'unique') return { verdict: exactVerdict, ...exact, banded: false };
  await index.update(identity.me, { banded: true });
  await index.putBands(identity.me, bandKeys(identity.signature), identity.signature, identity.figures);
  const found = await findCopies(index, identity, threshold);
  return { verdict: verdictAmong(found.copies, identity.me, found.variants), ...found, banded: true };
}

/** The verdict as the index stands now (read-only): for settling a duplicate and for a late self-check. */
export async function currentSighting(
  index: DedupIndex,
  identity: Identity,
  threshold: number,
): Promise<Sighting> {
  const found = await findCopies(index, identity, threshold);
  return { verdict: verdictAmong(found.copies, identity.me, found.variants), ...found };
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
  const found = await findCopies(index, identity, threshold);
  return verdictAmong(found.copies, undefined, found.variants);
}
