/**
 * MinHash signatures and LSH banding for near-duplicate detection.
 *
 * Broder, "On the resemblance and containment of documents" (1997): the probability that two
 * sets share their minimum under a random permutation equals their Jaccard similarity, so the
 * share of equal signature slots estimates it. Leskovec, Rajaraman & Ullman, "Mining of Massive
 * Datasets", ch. 3.4: cutting the signature into b bands of r rows makes two documents
 * candidates with probability 1 - (1 - J^r)^b, an S-curve with its knee near (1/b)^(1/r).
 */

/**
 * Words per shingle. Measured on BBC business articles: with two-word shingles a rewording of one
 * word in twenty keeps J = 0.82 (three-word shingles: 0.75, five: lower still, since each edited
 * word breaks k shingles), while the most similar of 1,770 pairs of distinct articles reaches
 * only 0.08. Shorter shingles buy tolerance to edits that the 0.8 threshold needs.
 */
export const SHINGLE_WORDS = 2;

/** Rows per LSH band. */
export const BAND_ROWS = 5;

/**
 * Bands. With r = 5 and b = 24 the S-curve's knee is near J = 0.53: a pair at J = 0.8 becomes a
 * candidate with probability 0.9999 and at J = 0.7 with 0.988, while one at J = 0.3 does so with
 * 0.057 (and is then dropped by the full-signature estimate). 24 index items per article.
 */
export const BANDS = 24;

/** Signature length: one slot (bin) per row of every band (120; standard error of the estimate ≈ 0.037 at J = 0.8). */
export const SIGNATURE_SIZE = BANDS * BAND_ROWS;

/** Default similarity at which an article counts as a near-duplicate of another (estimated Jaccard). */
export const DEFAULT_NEAR_THRESHOLD = 0.8;

/** Fixed seed of the hash family: signatures must agree across Lambdas, deployments and years. */
const SEED = 0x9e3779b9;

/** MurmurHash3's 32-bit finaliser (Appleby 2011): full avalanche of a 32-bit state. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Letters and digits outside ASCII (the same word characters as normalizeForIdentity). */
const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Hashes of the words of a text, in order, in one pass: NFKC, case-folded, words are runs of
 * letters and digits (as normalizeForIdentity splits them), each hashed with FNV-1a + fmix32.
 */
function wordHashes(text: string): number[] {
  const folded = text.normalize('NFKC').toLowerCase();
  const hashes: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    const isWord =
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      (c >= 0x80 && (c >= 0xd800 && c <= 0xdfff ? true : NON_ASCII_WORD_CHAR.test(folded.charAt(i))));
    if (isWord) {
      if (!inWord) {
        h = (0x811c9dc5 ^ SEED) >>> 0;
        inWord = true;
      }
      h = Math.imul(h ^ c, 0x01000193);
    } else if (inWord) {
      hashes.push(fmix32(h));
      inWord = false;
    }
  }
  if (inWord) hashes.push(fmix32(h));
  return hashes;
}

/** The word shingles of a text, each as one 32-bit hash, in text order (repeats included). */
function allShingleHashes(text: string): Uint32Array {
  const words = wordHashes(text);
  if (words.length === 0) return new Uint32Array();
  const count = Math.max(words.length - SHINGLE_WORDS + 1, 1);
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = SEED;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, words.length); j++) {
      h = fmix32((Math.imul(h, 0x01000193) ^ (words[j] ?? 0)) >>> 0);
    }
    shingles[i] = h;
  }
  return shingles;
}

/** The distinct word shingles of a text as sorted 32-bit hashes (for exact Jaccard in tests and evaluations). */
export function shingleHashes(text: string): Uint32Array {
  const sorted = allShingleHashes(text).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i] ?? 0;
  }
  return sorted.slice(0, unique);
}

/** Marks a bin that no shingle fell into (before densification). */
const EMPTY = 0xffffffff;

/**
 * The MinHash signature of a text by one-permutation hashing (Li, Owen & Zhang, NIPS 2012):
 * each shingle hash falls into one of SIGNATURE_SIZE bins and each bin keeps its minimum, so a
 * signature costs one pass over the shingles instead of one per slot. Empty bins are filled by
 * optimal densification (Shrivastava, ICML 2017): bin j copies the first non-empty bin of its
 * own seeded probe sequence, which keeps the estimate unbiased for short texts.
 * An empty text has a signature of all 0xffffffff.
 */
export function minhashSignature(text: string): Uint32Array {
  // Repeated shingles need no removal: a bin's minimum is the same either way.
  const shingles = allShingleHashes(text);
  const bins = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  for (const shingle of shingles) {
    // The bin from the high bits, the value from a second mix: the two stay independent.
    const bin = Math.floor((shingle / 4294967296) * SIGNATURE_SIZE);
    const value = fmix32((shingle ^ 0x5bd1e995) >>> 0);
    if (value < (bins[bin] ?? EMPTY)) bins[bin] = value;
  }
  if (shingles.length === 0) return bins;
  const signature = new Uint32Array(bins);
  for (let j = 0; j < SIGNATURE_SIZE; j++) {
    if (bins[j] !== EMPTY) continue;
    for (let attempt = 1; ; attempt++) {
      const probe = fmix32((Math.imul(j + 1, 0x9e3779b1) + attempt) >>> 0) % SIGNATURE_SIZE;
      const value = bins[probe] ?? EMPTY;
      if (value !== EMPTY) {
        signature[j] = value;
        break;
      }
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of two signatures: the share of equal slots, rounded to 3 decimals. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return Math.round((equal / a.length) * 1000) / 1000;
}

/**
 * The LSH band keys of a signature: `<band index>:<hash of its rows>`, one per band. Two
 * signatures share a key when all rows of that band are equal.
 */
export function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = (SEED + band) >>> 0;
    for (let row = 0; row < BAND_ROWS; row++) {
      h = fmix32((h ^ (signature[band * BAND_ROWS + row] ?? 0)) >>> 0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    // Two 32-bit words of state would be safer against chance collisions; the full-signature
    // estimate filters those anyway, so one word (8 hex digits) keeps the keys short.
    keys.push(`${band}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}
