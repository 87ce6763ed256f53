/**
 * Repeats at sentence granularity. A feed that pastes its body twice without blank lines glues the
 * first paragraph of the second copy to the last line of the first (or a copy's last paragraph to
 * the disclaimer below it), so the glued paragraph repeats nothing whole; and a copy cut short ends
 * in half a sentence. After whole-paragraph repeats are gone, sentences already said earlier in the
 * article are dropped, and so is a trailing fragment that only repeats the opening words of an earlier
 * sentence. Everything is a few hash lookups per word: linear in the text's length.
 */

import { allMatches } from '../text/all-matches';
import { paragraphKey } from './repeated-paragraphs';

/** Sentences shorter than this may repeat legitimately ("He declined to comment."). */
const MIN_SENTENCE_WORDS = 6;
/** A cut-off fragment is matched on up to this many opening words of earlier sentences. */
const MAX_PREFIX_WORDS = 40;
/** Ends a sentence: a fragment without one was cut off. */
const TERMINATED = /[.!?…]["'”’»)\]]*$/u;

/** 2^21: the second hash's top 21 bits go below the first's 32, a 53-bit key that is still an exact number. */
const LOW_BITS = 2 ** 21;

/**
 * Hashes of a sentence's word prefixes (3 to MAX_PREFIX_WORDS words), built incrementally: two 32-bit
 * FNV-1a style hashes (the second also mixes in the prefix's word count) packed into one 53-bit number, so
 * that memory stays a number per prefix and no string is built for it.
 */
function prefixHashes(words: readonly string[], add: (hash: number) => void): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let k = 0; k < Math.min(MAX_PREFIX_WORDS, words.length); k += 1) {
    const word = words[k] ?? '';
    for (let c = 0; c < word.length; c += 1) {
      const code = word.charCodeAt(c);
      h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ code, 0x5bd1e995) >>> 0;
    }
    h1 = Math.imul(h1 ^ 32, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ 32, 0x5bd1e995) >>> 0;
    if (k + 1 >= MIN_FRAGMENT_WORDS) add(h1 * LOW_BITS + (Math.imul(h2 ^ (k + 1), 0x5bd1e995) >>> 11));
  }
}

function prefixKey(words: readonly string[]): number {
  let key = -1;
  prefixHashes(words, (hash) => {
    key = hash;
  });
  return key;
}

/**
 * Whether an unterminated fragment is the opening of an earlier sentence (its last word may be cut
 * too: "and a tempo" for "and a temporary").
 */
function isCutCopy(sentence: string, words: readonly string[], prefixes: ReadonlySet<number>): boolean {
  if (TERMINATED.test(sentence) || words.length < MIN_FRAGMENT_WORDS || words.length > MAX_PREFIX_WORDS)
    return false;
  if (prefixes.has(prefixKey(words))) return true;
  return words.length > MIN_FRAGMENT_WORDS && prefixes.has(prefixKey(words.slice(0, -1)));
}
const MIN_FRAGMENT_WORDS = 3;
/**
 * A sentence ends at . ! ? or … (with closing quotes or brackets) followed by a space and an upper-case
 * letter, a digit or an opening quote. One character class per step: no backtracking.
 */
const SENTENCE_END = /[.!?…]["'”’»)\]]* +(?=[\p{Lu}\p{N}"'“‘«(])/gu;

/** One or two digits standing alone before a full stop: an ordinal (checked on the three characters before it). */
const ORDINAL_BEFORE = /(?:^|\D)\d{1,2}$/u;

export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of allMatches(SENTENCE_END, paragraph)) {
    const at = match.index ?? 0;
    // "2. Juni", "3. März": a German ordinal date, not the end of a sentence.
    if (match[0].startsWith('.') && ORDINAL_BEFORE.test(paragraph.slice(Math.max(0, at - 3), at))) continue;
    const end = at + match[0].length;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

export type SentenceRepeatResult = {
  readonly paragraphs: readonly string[];
  /** Paragraphs left with nothing once their repeated sentences went. */
  readonly removedParagraphs: number;
  readonly removedSentences: number;
  /** Indexes (into the returned paragraphs) of paragraphs that lost sentences but stayed. */
  readonly trimmed: ReadonlySet<number>;
};

/**
 * Drops sentences of 6+ words that an earlier sentence of the article already says (same words after
 * normalising case and punctuation), and a last fragment of a paragraph that is the start of an earlier
 * sentence. Paragraphs with line breaks (lists, addresses) are left as they are.
 */
export function removeRepeatedSentences(paragraphs: readonly string[]): SentenceRepeatResult {
  const seen = new Set<string>();
  const prefixes = new Set<number>();
  const kept: string[] = [];
  const trimmed = new Set<number>();
  let removedParagraphs = 0;
  let removedSentences = 0;
  for (const paragraph of paragraphs) {
    if (paragraph.includes('\n')) {
      kept.push(paragraph);
      continue;
    }
    const sentences = splitSentences(paragraph);
    // Each sentence's key and words, once: judged first, then remembered.
    const keyed = sentences.map((sentence) => {
      const key = paragraphKey(sentence);
      return { sentence, key, words: key === '' ? [] : key.split(' ') };
    });
    const keep: string[] = [];
    let dropped = 0;
    keyed.forEach(({ sentence, key, words }, index) => {
      const isLast = index === keyed.length - 1;
      if (words.length >= MIN_SENTENCE_WORDS && seen.has(key)) {
        dropped += 1;
        return;
      }
      // A copy cut short: it ends in the opening words of a sentence said before, without a full stop.
      // Alone in its paragraph it must be longer: a subheading may echo the opening of a sentence.
      if (
        isLast &&
        words.length >= (dropped > 0 ? MIN_FRAGMENT_WORDS : MIN_SENTENCE_WORDS) &&
        isCutCopy(sentence, words, prefixes)
      ) {
        dropped += 1;
        return;
      }
      keep.push(sentence);
    });
    // Remember this paragraph's sentences only after judging them: a sentence repeated inside one
    // paragraph is usually rhetoric, and it stays.
    for (const { key, words } of keyed) {
      if (words.length >= MIN_SENTENCE_WORDS) seen.add(key);
      if (words.length > MIN_FRAGMENT_WORDS) prefixHashes(words.slice(0, -1), (hash) => prefixes.add(hash));
    }
    if (dropped === 0) kept.push(paragraph);
    else if (keep.length === 0) removedParagraphs += 1;
    else {
      removedSentences += dropped;
      trimmed.add(kept.length);
      kept.push(keep.join(' '));
    }
  }
  return { paragraphs: kept, removedParagraphs, removedSentences, trimmed };
}
