import { createScratch, type Scratch } from './scratch';
import { STOPWORDS } from './stopwords';

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercase alphanumeric word tokens of a text, in order (Unicode letters and digits). */
export function tokenizeWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * The content term of one lowercase word token, or undefined for stopwords and one-character tokens: a plural
 * "s" is folded ("profits" → "profit") so that inflections still match; deliberately lighter than Porter
 * stemming.
 */
function contentTermOf(token: string): string | undefined {
  if (token.length < 2 || STOPWORDS.has(token)) return undefined;
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

/** Content terms of a text (see contentTermOf), in order. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenizeWords(text)) {
    const term = contentTermOf(t);
    if (term !== undefined) out.push(term);
  }
  return out;
}

/** FNV-1a (32-bit) parameters: a cheap, well-spread hash for the term tables below. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a hash of the code units `text[start .. end)`. */
function hashOf(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** An open-addressing hash table of strings (linear probing, at most half full): slot → index or −1. */
type StringTable = {
  readonly slots: Int32Array;
  readonly strings: readonly string[];
  readonly hashes: Int32Array;
};

/** Index of `text[start .. end)` (hashing to `hash`) in a string table's parts, or −1. */
function lookUp(
  slots: Int32Array,
  strings: readonly string[],
  hashes: Int32Array,
  text: string,
  start: number,
  end: number,
  hash: number,
): number {
  const mask = slots.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const k = slots[slot] ?? -1;
    if (k < 0) return -1;
    if (hashes[k] !== hash) continue;
    const s = strings[k] ?? '';
    if (s.length !== end - start) continue;
    let i = 0;
    while (i < s.length && s.charCodeAt(i) === text.charCodeAt(start + i)) i++;
    if (i === s.length) return k;
  }
}

/** A fixed table of the given strings. */
function tableOf(strings: readonly string[]): StringTable {
  let size = 16;
  while (size < 2 * strings.length) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const hashes = Int32Array.from(strings, (s) => hashOf(s, 0, s.length));
  hashes.forEach((hash, k) => {
    let slot = hash & (size - 1);
    while ((slots[slot] ?? -1) >= 0) slot = (slot + 1) & (size - 1);
    slots[slot] = k;
  });
  return { slots, strings, hashes };
}

const { slots: STOPWORD_SLOTS, strings: STOPWORD_LIST, hashes: STOPWORD_HASHES } = tableOf([...STOPWORDS]);

/** ASCII letters and digits: the word characters that need no Unicode lookup. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 0,
);
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/** Code units of the non-ASCII letter or digit code point at `i` of `text`: 0 when it is neither. */
function unicodeWordAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const d = c >= 0xd800 && c <= 0xdbff ? text.charCodeAt(i + 1) : 0;
  const width = d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
  return WORD_CHARACTER.test(text.slice(i, i + width)) ? width : 0;
}

/** The content terms of several texts as integer ids, with each text's word count. */
export type TermIndex = {
  /** Distinct content terms (as contentTerms spells them), in order of first occurrence. */
  readonly terms: readonly string[];
  /** The content terms of text t, with repeats and in order, are `ids[offsets[t] .. offsets[t + 1])`. */
  readonly ids: Int32Array;
  readonly offsets: Int32Array;
  /** Word tokens of each text: tokenizeWords(text).length. */
  readonly words: Int32Array;
  /** The terms by spelling, for termIdOf. */
  readonly table: StringTable;
};

/**
 * contentTerms and tokenizeWords of many texts (an article's sentences), with the terms interned to ids
 * in one scan of each lowercased text: each token is hashed as it is read, checked against the stopwords
 * and looked up in an open-addressing table of the terms seen so far, so a repeated term is never copied
 * out of its text. The result equals contentTerms and tokenizeWords text by text (test/unit/pipeline/text/tokenize.test.ts
 * holds them to it); this is the hot path of summarization.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one scan per text with an inlined hash table, the summary's hot path; its equivalence to contentTerms is tested
export function indexContentTerms(texts: readonly string[], scratch: Scratch = createScratch()): TermIndex {
  const lowered = texts.map((text) => text.toLowerCase());
  // A token and the separator after it take at least two code units.
  let bound = 0;
  for (const text of lowered) bound += (text.length >> 1) + 1;
  const ids = scratch.int32(bound);
  const offsets = scratch.int32(texts.length + 1);
  const words = scratch.int32(texts.length);
  const terms: string[] = [];
  let hashes = scratch.int32(64);
  let slots = scratch.int32(128).fill(-1);
  let count = 0;

  /** Records the token `text[start .. end)`: `hash` covers it, `beforeLast` all but its last code unit. */
  const addToken = (text: string, start: number, end: number, hash: number, beforeLast: number): void => {
    const length = end - start;
    if (length < 2 || lookUp(STOPWORD_SLOTS, STOPWORD_LIST, STOPWORD_HASHES, text, start, end, hash) >= 0)
      return;
    // The plural fold of contentTermOf: drop a final "s" but not "ss".
    const plural =
      length > 3 && text.charCodeAt(end - 1) === 0x73 && text.charCodeAt(end - 2) !== 0x73 ? 1 : 0;
    const termEnd = end - plural;
    const termHash = plural === 1 ? beforeLast : hash;
    let id = lookUp(slots, terms, hashes, text, start, termEnd, termHash);
    if (id < 0) {
      id = terms.length;
      terms.push(text.slice(start, termEnd));
      if (id === hashes.length) {
        const grown = scratch.int32(2 * hashes.length);
        grown.set(hashes);
        hashes = grown;
      }
      hashes[id] = termHash;
      // Kept at most half full, so that probe sequences stay short.
      if (2 * terms.length > slots.length) {
        slots = scratch.int32(2 * slots.length).fill(-1);
        for (let k = 0; k < terms.length; k++) insert(slots, hashes[k] ?? 0, k);
      } else insert(slots, termHash, id);
    }
    ids[count++] = id;
  };

  for (let t = 0; t < lowered.length; t++) {
    const text = lowered[t] ?? '';
    const n = text.length;
    let start = -1;
    let hash = 0;
    let beforeLast = 0;
    let tokens = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const width = c < 0x80 ? (ASCII_WORD[c] ?? 0) : unicodeWordAt(text, i);
      if (width === 0) {
        if (start >= 0) {
          addToken(text, start, i, hash, beforeLast);
          tokens++;
          start = -1;
        }
        i++;
        continue;
      }
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      beforeLast = hash;
      hash = Math.imul(hash ^ c, FNV_PRIME);
      if (width === 2) {
        beforeLast = hash;
        hash = Math.imul(hash ^ text.charCodeAt(i + 1), FNV_PRIME);
      }
      i += width;
    }
    if (start >= 0) {
      addToken(text, start, n, hash, beforeLast);
      tokens++;
    }
    offsets[t + 1] = count;
    words[t] = tokens;
  }
  return { terms, ids: ids.subarray(0, count), offsets, words, table: { slots, strings: terms, hashes } };
}

/** Puts index `k` (hashing to `hash`) into the first free slot of its probe sequence. */
function insert(slots: Int32Array, hash: number, k: number): void {
  const mask = slots.length - 1;
  let slot = hash & mask;
  while ((slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
  slots[slot] = k;
}

/** The id of a content term in the index, or undefined when no text has it. */
export function termIdOf(index: TermIndex, term: string): number | undefined {
  const { slots, strings, hashes } = index.table;
  const id = lookUp(slots, strings, hashes, term, 0, term.length, hashOf(term, 0, term.length));
  return id < 0 ? undefined : id;
}
