import type { Claim } from '../types';
import type { CorpusEntry, IndexedClaim } from './corpus-types';

export { entityKeys } from '../claims/frames';

/**
 * Index keys per claim: one per (subject key, measure) of its frames. A claim with more is a list whose
 * values are rarely compared one by one; the cap bounds the items an article writes and reads.
 */
const MAX_INDEX_KEYS = 12;

/**
 * The claims index records of an article's claims: their frames, and the subject keys they carry. Claims
 * without a frame (no value with a subject and a measure) cannot be related and are left out.
 */
export function toIndexedClaims(article: CorpusEntry, claims: readonly Claim[]): IndexedClaim[] {
  const out: IndexedClaim[] = [];
  claims.forEach((claim, claimIndex) => {
    const frames = claim.frames ?? [];
    if (frames.length === 0) return;
    out.push({
      articleId: article.id,
      uploadedAt: article.uploadedAt,
      claimIndex,
      text: claim.text,
      entities: [...new Set(frames.flatMap((f) => f.subject.keys))],
      frames,
    });
  });
  return out;
}

/**
 * The claims-index keys a claim is recorded under (and found by): subject key and measure key of each
 * frame ("port-of-calloway~container"), and of the other names in its clause, so that only claims stating
 * the same measure of the same subject meet, whether the subject is a named entity or a noun phrase
 * ("port-district~unemployment").
 */
export function indexKeysOf(claim: IndexedClaim): readonly string[] {
  const keys = claim.frames.flatMap((f) =>
    [...f.subject.keys, ...(f.subject.alsoNamed ?? [])].map((k) => `${k}~${f.measure.key}`),
  );
  return [...new Set(keys)].slice(0, MAX_INDEX_KEYS);
}
