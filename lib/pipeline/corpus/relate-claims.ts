import * as z from '../../zod';
import { relateFrames } from '../claims/frames';
import type { Claim, ClaimFrame, RelatedClaim } from '../types';
import { toIndexedClaims } from './claim-keys';
import type { CorpusEntry, IndexedClaim } from './corpus-types';

/** Related claims listed per claim: a reviewer reads a handful; the index may hold hundreds. */
const MAX_RELATED_PER_CLAIM = 10;

export type RelateOptions = {
  /** The article's own corpus id: its own claims never relate to it. */
  readonly selfId: string;
  /** The canonical this article duplicates, if it is one: a duplicate never corroborates its canonical. */
  readonly duplicateOf?: string;
  /** Further articles not to relate to, e.g. near-duplicates found by the dedup index. */
  readonly exclude?: readonly string[];
  /**
   * Articles only a conflict is shown with: near copies that state other figures. Their other claims are the
   * same text from the same source, which corroborates nothing; the changed figure is what a reader needs.
   */
  readonly conflictsOnly?: readonly string[];
};

type Verdict = {
  readonly relation: RelatedClaim['relation'];
  readonly on: RelatedClaim['on'];
  readonly entities: readonly string[];
};

/** What a relation rests on: both values, the measure, the subject and the period. */
function basisOf(mine: ClaimFrame, theirs: ClaimFrame): RelatedClaim['on'] {
  return {
    kind: mine.value.kind,
    unit: mine.value.unit,
    value: mine.value.text,
    otherValue: theirs.value.text,
    measure: mine.measure.text,
    subject: mine.subject.text,
    ...(mine.time === undefined ? {} : { time: mine.time.value }),
  };
}

/**
 * How one claim stands to another: over the pairs of their frames that are comparable (same subject, measure
 * and time; claims/frames/compare-frames.ts), `conflicts` if any pair's values disagree, else `corroborates`
 * if any pair agrees; undefined when no pair is comparable. A conflict wins: a fact-checker must see it even
 * when another figure of the two claims agrees.
 */
export function compareClaims(mine: IndexedClaim, theirs: IndexedClaim): Verdict | undefined {
  let agree: Verdict | undefined;
  for (const a of mine.frames) {
    for (const b of theirs.frames) {
      const relation = relateFrames(a, b);
      if (relation === undefined) continue;
      const verdict = {
        relation,
        on: basisOf(a, b),
        entities: a.subject.keys.filter((k) => b.subject.keys.includes(k)),
      };
      if (relation === 'conflicts') return verdict;
      agree ??= verdict;
    }
  }
  return agree;
}

/** Corpus order of related claims: earliest article first, then claim position. */
const byCorpusOrder = (a: RelatedClaim, b: RelatedClaim): number =>
  a.uploadedAt < b.uploadedAt
    ? -1
    : a.uploadedAt > b.uploadedAt
      ? 1
      : a.articleId < b.articleId
        ? -1
        : a.articleId > b.articleId
          ? 1
          : a.claimIndex - b.claimIndex;

/**
 * The article's claims with `related` filled in from `candidates` (claims of other articles found in the
 * claims index): `corroborates` or `conflicts` for claims with comparable frames (compareClaims).
 * Candidates of the article itself, of its canonical and of `exclude` are ignored, so a duplicate never
 * corroborates its own canonical. Claims with nothing related are returned unchanged (no `related` field).
 */
export function relateClaims(
  claims: readonly Claim[],
  candidates: readonly IndexedClaim[],
  options: RelateOptions,
): Claim[] {
  const excluded = new Set([options.selfId, ...(options.exclude ?? [])]);
  if (options.duplicateOf !== undefined) excluded.add(options.duplicateOf);
  const others = candidates.filter((c) => !excluded.has(c.articleId));
  const conflictsOnly = new Set(options.conflictsOnly ?? []);
  const related = new Map<number, RelatedClaim[]>();
  for (const mine of toIndexedClaims({ id: options.selfId, uploadedAt: '' }, claims)) {
    const found: RelatedClaim[] = [];
    const seen = new Set<string>();
    for (const theirs of others) {
      const key = `${theirs.articleId}#${theirs.claimIndex}`;
      if (seen.has(key)) continue;
      const verdict = compareClaims(mine, theirs);
      if (verdict === undefined) continue;
      if (verdict.relation !== 'conflicts' && conflictsOnly.has(theirs.articleId)) continue;
      seen.add(key);
      found.push({
        relation: verdict.relation,
        articleId: theirs.articleId,
        claimIndex: theirs.claimIndex,
        claimText: theirs.text,
        uploadedAt: theirs.uploadedAt,
        entities: verdict.entities,
        on: verdict.on,
      });
    }
    if (found.length > 0)
      related.set(mine.claimIndex, found.sort(byCorpusOrder).slice(0, MAX_RELATED_PER_CLAIM));
  }
  return claims.map((claim, i) => {
    const links = related.get(i);
    return links === undefined ? claim : { ...claim, related: links };
  });
}

/** A link to add to another article's claim: the mirror image of one of ours. */
export type MirrorLink = { readonly claimIndex: number; readonly related: RelatedClaim };

/**
 * The links other articles should show back, grouped by their article id: when our claim i corroborates
 * (or conflicts with) their claim j, their claim j corroborates (conflicts with) our claim i.
 */
export function mirrorRelations(self: CorpusEntry, claims: readonly Claim[]): Map<string, MirrorLink[]> {
  const out = new Map<string, MirrorLink[]>();
  claims.forEach((claim, claimIndex) => {
    for (const r of claim.related ?? []) {
      const links = out.get(r.articleId) ?? [];
      links.push({
        claimIndex: r.claimIndex,
        related: {
          relation: r.relation,
          articleId: self.id,
          claimIndex,
          claimText: claim.text,
          uploadedAt: self.uploadedAt,
          entities: r.entities,
          on: { ...r.on, value: r.on.otherValue, otherValue: r.on.value },
        },
      });
      out.set(r.articleId, links);
    }
  });
  return out;
}

const storedRelated = z.looseObject({
  articleId: z.string(),
  claimIndex: z.number(),
  uploadedAt: z.string(),
});
const storedClaims = z.array(z.looseObject({ related: z.optional(z.array(storedRelated)) }));

/**
 * A stored result's `claims` (read back from storage, so validated here) with `links` merged in: a link to
 * the same other claim replaces the old one, so re-running is idempotent. Undefined when `stored` is not a
 * claims array (e.g. the article was demoted to a duplicate meanwhile and has no claims).
 */
export function addRelated(stored: unknown, links: readonly MirrorLink[]): unknown[] | undefined {
  const parsed = storedClaims.safeParse(stored);
  if (!parsed.success) return undefined;
  return parsed.data.map((claim, i) => {
    const mine = links.filter((l) => l.claimIndex === i).map((l) => l.related);
    if (mine.length === 0) return claim;
    const keep = (claim.related ?? []).filter(
      (r) => !mine.some((m) => m.articleId === r.articleId && m.claimIndex === r.claimIndex),
    );
    const merged = [...keep, ...mine].sort((a, b) =>
      a.uploadedAt !== b.uploadedAt
        ? a.uploadedAt < b.uploadedAt
          ? -1
          : 1
        : a.articleId !== b.articleId
          ? a.articleId < b.articleId
            ? -1
            : 1
          : a.claimIndex - b.claimIndex,
    );
    return { ...claim, related: merged.slice(0, MAX_RELATED_PER_CLAIM) };
  });
}

/**
 * A stored result's `claims` without the links to `articleId` (that article was deleted, replaced or demoted
 * to a duplicate). Undefined when `stored` is not a claims array or no claim links to it.
 */
export function removeRelated(stored: unknown, articleId: string): unknown[] | undefined {
  const parsed = storedClaims.safeParse(stored);
  if (!parsed.success) return undefined;
  let changed = false;
  const claims = parsed.data.map((claim) => {
    if (claim.related === undefined || !claim.related.some((r) => r.articleId === articleId)) return claim;
    changed = true;
    const { related, ...rest } = claim;
    const kept = related.filter((r) => r.articleId !== articleId);
    return kept.length > 0 ? { ...rest, related: kept } : rest;
  });
  return changed ? claims : undefined;
}
