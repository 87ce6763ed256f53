/**
 * The per-article work budget: caps that keep every input up to MAX_INPUT_BYTES (5 MiB) within about 10 s of
 * CPU on one vCPU (the sizing of the queue function: serverless.yml `custom.queue`, docs/operations.md) and
 * its result a bounded size. Each cap sits far above what a news article needs: of the 2,225 BBC articles
 * (../shared/data), one meets a cap (a sports results table read as one sentence of over 1,000 characters,
 * with 77 entities). Crafted or machine-made text does, and then the result says what was cut in
 * `limits.truncated`.
 * Pure data and functions: the caps are options with these defaults.
 */
import type { Claim, Sentence, Truncation } from './types';

export type WorkBudget = {
  /**
   * A "sentence" longer than this is cut into pieces at spaces. Per-sentence features (regular expressions,
   * the NER tagger's window, attribution patterns) cost up to the square of a sentence's length on some
   * inputs; pieces of 1,000 characters bound that to a constant per piece.
   */
  readonly maxSentenceChars: number;
  /**
   * Sentences scored for check-worthiness and tagged for entities, from the top: about 0.3 ms each for
   * prose, so 4,000 (most of a 100,000-word document) cost about a second. News puts its claims first.
   */
  readonly maxClaimSentences: number;
  /**
   * Characters of those sentences, at most: the NER tagger costs about 6 µs per token, and text of dots,
   * digits or dates is a token every character or two (400,000 characters of it are about 1.5 s).
   */
  readonly maxClaimChars: number;
  /** Claims kept per article, the highest-scoring (in document order): bounds result size and index writes. */
  readonly maxClaims: number;
  /** Entities, numbers and dates kept per claim (the first in the sentence). */
  readonly maxMentionsPerClaim: number;
};

export const DEFAULT_WORK_BUDGET: WorkBudget = {
  maxSentenceChars: 1_000,
  maxClaimSentences: 4_000,
  maxClaimChars: 400_000,
  maxClaims: 200,
  maxMentionsPerClaim: 50,
};

/** Where a long sentence may be cut: the last space within this many characters before the cap. */
const CUT_SEARCH = 200;

/**
 * Sentences with every one over `maxChars` cut into consecutive pieces of at most `maxChars` (at a space when
 * one is near the cap, never inside a surrogate pair). Offsets stay exact: piece.text === text.slice(start, end).
 */
export function splitLongSentences(
  sentences: readonly Sentence[],
  maxChars: number,
): { sentences: Sentence[]; split: number } {
  const out: Sentence[] = [];
  let split = 0;
  for (const s of sentences) {
    if (s.text.length <= maxChars) {
      out.push(s);
      continue;
    }
    split += 1;
    let from = 0;
    while (from < s.text.length) {
      let to = Math.min(s.text.length, from + maxChars);
      if (to < s.text.length) {
        // Only the window before the cap is searched: `lastIndexOf` would scan back to the start of a
        // spaceless megabyte for every piece (quadratic).
        let space = to;
        while (space > from && space > to - CUT_SEARCH && s.text.charCodeAt(space) !== 32) space -= 1;
        if (space > from && s.text.charCodeAt(space) === 32) to = space;
        const code = s.text.charCodeAt(to - 1);
        if (code >= 0xd800 && code <= 0xdbff) to -= 1;
      }
      const piece = s.text.slice(from, to);
      const lead = piece.length - piece.trimStart().length;
      const trimmed = piece.trim();
      if (trimmed !== '')
        out.push({
          text: trimmed,
          start: s.start + from + lead,
          end: s.start + from + lead + trimmed.length,
        });
      from = to;
    }
  }
  return { sentences: out, split };
}

/** The first sentences, at most `maxSentences` of them and `maxChars` characters in all (at least one). */
export function leadingSentences<S extends Sentence>(
  sentences: readonly S[],
  maxSentences: number,
  maxChars: number,
): S[] {
  let chars = 0;
  let count = 0;
  for (const s of sentences) {
    chars += s.text.length;
    if (count >= maxSentences || (count > 0 && chars > maxChars)) break;
    count += 1;
  }
  return sentences.slice(0, count);
}

/** The `max` highest-scoring claims (ties: the earlier), back in document order. */
export function topClaims(claims: readonly Claim[], max: number): Claim[] {
  if (claims.length <= max) return [...claims];
  const kept = claims
    .map((claim, i) => ({ claim, i }))
    .sort((a, b) => b.claim.score - a.claim.score || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i);
  return kept.map((k) => k.claim);
}

/** A claim with at most `max` entities, numbers and dates, and how many it had in all. */
export function capMentions(claim: Claim, max: number): { claim: Claim; dropped: number } {
  const over =
    Math.max(0, claim.entities.length - max) +
    Math.max(0, claim.numbers.length - max) +
    Math.max(0, claim.dates.length - max);
  if (over === 0) return { claim, dropped: 0 };
  return {
    claim: {
      ...claim,
      entities: claim.entities.slice(0, max),
      numbers: claim.numbers.slice(0, max),
      dates: claim.dates.slice(0, max),
    },
    dropped: over,
  };
}

/** A truncation record, or none when nothing was cut. */
export function truncation(stage: string, reason: string, kept: number, total: number): Truncation[] {
  return kept < total ? [{ stage, reason, kept, total }] : [];
}
