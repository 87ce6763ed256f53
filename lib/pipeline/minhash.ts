import { normalizeForIdentity } from './fingerprint';

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

/** Signature length: one slot per row of every band (120; standard error of the estimate ≈ 0.037 at J = 0.8). */
export const SIGNATURE_SIZE = BANDS * BAND_ROWS;

/** Default similarity at which an article counts as a near-duplicate of another (estimated Jaccard). */
export const DEFAULT_NEAR_THRESHOLD = 0.8;

/** Fixed seed of the hash family: signatures must agree across Lambdas, deployments and years. */
const SEED = 0x9e3779b9;

/** 32-bit FNV-1a over the UTF-16 code units of a string, then a murmur3 finaliser for avalanche. */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** MurmurHash3's 32-bit finaliser (Appleby 2011): full avalanche of a 32-bit state. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The distinct word shingles of a text, each as a pair of 32-bit hashes (h1, h2). */
export function shingleHashes(text: string): { readonly h1: Uint32Array; readonly h2: Uint32Array } {
  const words = normalizeForIdentity(text)
    .split(' ')
    .filter((word) => word !== '');
  const seen = new Set<string>();
  const count = Math.max(words.length - SHINGLE_WORDS + 1, words.length > 0 ? 1 : 0);
  for (let i = 0; i < count; i++) seen.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  const h1 = new Uint32Array(seen.size);
  const h2 = new Uint32Array(seen.size);
  let at = 0;
  for (const shingle of seen) {
    h1[at] = hash32(shingle, SEED);
    // An odd second hash keeps h1 + i·h2 a permutation-like family modulo 2^32.
    h2[at] = (hash32(shingle, SEED ^ 0x5bd1e995) | 1) >>> 0;
    at++;
  }
  return { h1, h2 };
}

/**
 * The MinHash signature of a text: for each of SIGNATURE_SIZE hash functions g_i(x) = h1(x) + i·h2(x)
 * (Kirsch & Mitzenmacher 2006 double hashing, finalised with fmix32), the minimum over its shingles.
 * An empty text has a signature of all 0xffffffff.
 */
export function minhashSignature(text: string): Uint32Array {
  const { h1, h2 } = shingleHashes(text);
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let s = 0; s < h1.length; s++) {
    const a = h1[s] ?? 0;
    const b = h2[s] ?? 0;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const value = fmix32((a + Math.imul(i, b)) >>> 0);
      if (value < (signature[i] ?? 0)) signature[i] = value;
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
