import { SPACE_RUNS } from '../text/space-runs';

/**
 * Dropping paragraphs that an article repeats: syndication feeds often paste a body twice, and CMS
 * templates repeat the headline or standfirst. The first occurrence stays.
 */

/** Paragraphs of at least this many words may be near-exact repeats; shorter ones must match exactly. */
const NEAR_MIN_WORDS = 8;
/**
 * Word-level similarity (1 − word edit distance / longer length) at or above which two paragraphs
 * are the same paragraph: one changed word in ten passes, two do not.
 */
const NEAR_MIN_SIMILARITY = 0.85;
/** Paragraphs longer than this many words are compared on their opening words only: bounds the edit distance. */
const MAX_COMPARED_WORDS = 400;
/** Word pairs this common (boilerplate phrases) are not used to find candidates: keeps lookup linear. */
const MAX_POSTINGS = 50;
/** Only the few earlier paragraphs sharing the most word pairs are compared in full. */
const MAX_CANDIDATES = 3;

/** Comparison key: NFKC, lower case, punctuation and symbols dropped, spaces collapsed. */
export function paragraphKey(paragraph: string): string {
  return paragraph
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(SPACE_RUNS, ' ')
    .trim();
}

/** Word-level Levenshtein distance (Levenshtein 1966), two rows of memory. */
function wordEditDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Word-level similarity of two paragraphs, given their words (at most MAX_COMPARED_WORDS each, as the caller
 * splits them) and the word pairs it already built for its index.
 */
function similarity(
  x: readonly string[],
  xPairs: ReadonlySet<string>,
  y: readonly string[],
  yPairs: ReadonlySet<string>,
): number {
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  // A length gap alone already puts the pair below the threshold; skip the quadratic step.
  if (Math.abs(x.length - y.length) / longer > 1 - NEAR_MIN_SIMILARITY) return 0;
  // Each word edit breaks at most two of x's adjacent word pairs, so a pair of paragraphs within the
  // threshold shares at least |pairs(x)| − 2·maxEdits of them: fewer rules the pair out exactly, in linear
  // time (the edit distance is quadratic, and long articles of similar paragraphs ran it thousands of times).
  const maxEdits = Math.floor((1 - NEAR_MIN_SIMILARITY) * longer);
  let shared = 0;
  for (const pair of xPairs) if (yPairs.has(pair)) shared += 1;
  if (shared < xPairs.size - 2 * maxEdits) return 0;
  return 1 - wordEditDistance(x, y) / longer;
}

function wordPairs(words: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < words.length; i += 1) pairs.add(`${words[i]} ${words[i + 1]}`);
  return pairs;
}

/** The `k` indices with the most shared pairs (ties: the earlier paragraph), most first; one pass, no sort. */
function topShared(counts: Int32Array, touched: readonly number[], k: number): number[] {
  const best: number[] = [];
  const better = (a: number, b: number): boolean =>
    (counts[a] ?? 0) > (counts[b] ?? 0) || ((counts[a] ?? 0) === (counts[b] ?? 0) && a < b);
  for (const index of touched) {
    if (best.length === k && !better(index, best[k - 1] ?? 0)) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && better(index, best[at - 1] ?? 0)) at -= 1;
    best.splice(at, 0, index);
    if (best.length > k) best.pop();
  }
  return best;
}

export type RepeatResult = { readonly paragraphs: readonly string[]; readonly removed: number };

/**
 * Removes paragraphs that repeat an earlier one exactly or nearly (same words after normalising
 * case, punctuation and spacing, or word-level similarity ≥ 0.85 for paragraphs of 8+ words), and a
 * first paragraph that only repeats the title. Candidates come from an index of word pairs, so the
 * work stays near-linear in the article's length.
 */
export function removeRepeatedParagraphs(paragraphs: readonly string[], title: string): RepeatResult {
  const seen = new Set<string>();
  // The words and word pairs of each kept paragraph, for the near-copy check.
  const keptTerms: { readonly words: readonly string[]; readonly pairs: ReadonlySet<string> }[] = [];
  const postings = new Map<string, number[]>();
  const kept: string[] = [];
  const titleKey = paragraphKey(title);
  let removed = 0;
  // Shared-pair counts per earlier paragraph, in a typed array reset after each use (a Map here was most of
  // the cost on long documents: up to MAX_POSTINGS updates per word pair).
  const sharedCounts = new Int32Array(paragraphs.length);
  const touched: number[] = [];
  for (const paragraph of paragraphs) {
    const key = paragraphKey(paragraph);
    if (seen.has(key) || (kept.length === 0 && titleKey !== '' && key === titleKey)) {
      removed += 1;
      continue;
    }
    // Only the opening words are compared (MAX_COMPARED_WORDS), so only they are split and indexed: a
    // one-paragraph megabyte would otherwise build a million word pairs.
    const words = key === '' ? [] : key.split(' ', MAX_COMPARED_WORDS);
    const pairs = wordPairs(words);
    if (words.length >= NEAR_MIN_WORDS) {
      for (const pair of pairs) {
        const list = postings.get(pair);
        if (list === undefined || list.length >= MAX_POSTINGS) continue;
        for (const index of list) {
          if (sharedCounts[index] === 0) touched.push(index);
          sharedCounts[index] = (sharedCounts[index] ?? 0) + 1;
        }
      }
      const candidates = topShared(sharedCounts, touched, MAX_CANDIDATES);
      for (const index of touched) sharedCounts[index] = 0;
      touched.length = 0;
      const repeat = candidates.some((index) => {
        const earlier = keptTerms[index];
        return (
          earlier !== undefined &&
          similarity(words, pairs, earlier.words, earlier.pairs) >= NEAR_MIN_SIMILARITY
        );
      });
      if (repeat) {
        removed += 1;
        continue;
      }
    }
    const index = kept.length;
    kept.push(paragraph);
    keptTerms.push({ words, pairs });
    seen.add(key);
    for (const pair of pairs) {
      const list = postings.get(pair) ?? [];
      if (list.length < MAX_POSTINGS) list.push(index);
      postings.set(pair, list);
    }
  }
  return { paragraphs: kept, removed };
}
