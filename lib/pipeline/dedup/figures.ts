import { readFigures } from '../claims';
import { fmix32 } from './minhash';

/**
 * The figures fingerprint of an article: which numbers it states, so that a near copy that changes one
 * ("Twelve people died" → "Nineteen people died") is told from a copy. For fact-checking such a copy is
 * not a duplicate: the two disagree on a fact.
 *
 * Layout (a Uint32Array, stored as bytes beside the MinHash signature): word 0 is a header (the format
 * version times 4, plus CUT when the list was cut, plus UNREAD when the article states too many figures to
 * read), then the smallest MAX_FIGURES hashes of the figures, sorted, repeats kept (a multiset). A header of
 * another version, or UNREAD, reads as "no fingerprint", so that a change to how figures are read never
 * compares fingerprints of two readings.
 */

/** Version of the figure reading and layout; bump when readFigures or the hash changes. */
export const FIGURES_VERSION = 1;

/**
 * Figure hashes kept per article. A news story states a few dozen numbers; a results table or a listing
 * states hundreds, and a bottom-k sample of them (Cohen & Kaplan, "Summarizing data using bottom-k
 * sketches", PODC 2007) still compares exactly below the smaller of the two cut-offs. 64 words are 256
 * bytes per band item.
 */
export const MAX_FIGURES = 64;

/** Header flag: only the smallest MAX_FIGURES hashes are kept. */
const CUT = 1;
/** Header flag: the figures were not read (readFigures gave up on a table-sized list); agrees with anything. */
const UNREAD = 2;

/** FNV-1a over UTF-16 code units with MurmurHash3's finaliser: a 32-bit hash of a figure's text. */
function hashFigure(figure: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < figure.length; i++) h = Math.imul(h ^ figure.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** The figures fingerprint of a clean article body (see the layout above). */
export function figuresFingerprint(text: string): Uint32Array {
  const figures = readFigures(text);
  if (figures === undefined) return Uint32Array.of(FIGURES_VERSION * 4 + UNREAD);
  const hashes = Uint32Array.from(figures, hashFigure).sort();
  const kept = hashes.subarray(0, MAX_FIGURES);
  const fingerprint = new Uint32Array(kept.length + 1);
  fingerprint[0] = FIGURES_VERSION * 4 + (hashes.length > MAX_FIGURES ? CUT : 0);
  fingerprint.set(kept, 1);
  return fingerprint;
}

/** Whether multiset `small` is contained in multiset `large` (both sorted): one merge pass. */
function contains(large: Uint32Array, small: Uint32Array): boolean {
  let i = 0;
  for (const value of small) {
    while (i < large.length && (large[i] ?? 0) < value) i++;
    if (i === large.length || large[i] !== value) return false;
    i++;
  }
  return true;
}

/** The hashes of a fingerprint up to `limit` (inclusive); the list is sorted, so a prefix. */
function upTo(hashes: Uint32Array, limit: number): Uint32Array {
  let end = 0;
  while (end < hashes.length && (hashes[end] ?? 0) <= limit) end++;
  return hashes.subarray(0, end);
}

/**
 * Whether two articles state compatible figures: one's figures (as a multiset) are all among the other's.
 * A copy that drops or adds a paragraph keeps agreeing; one that changes a figure has one the other lacks,
 * and the other one it lacks, and differs. Symmetric, as a near-duplicate match must be: both sides reach
 * the same decision whichever is processed first. Undefined or unreadable fingerprints (records written
 * before figures were stored, articles with too many figures to read) agree with everything, so such matches stay as they were. Cut lists are
 * compared below the smaller of their largest kept hashes, where both are complete.
 */
export function figuresAgree(a: Uint32Array | undefined, b: Uint32Array | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  const headerA = a[0];
  const headerB = b[0];
  if (headerA === undefined || headerB === undefined) return true;
  if (headerA >>> 2 !== FIGURES_VERSION || headerB >>> 2 !== FIGURES_VERSION) return true;
  if ((headerA & UNREAD) !== 0 || (headerB & UNREAD) !== 0) return true;
  let x = a.subarray(1);
  let y = b.subarray(1);
  const cutA = (headerA & CUT) !== 0 ? (x[x.length - 1] ?? 0) : 0xffffffff;
  const cutB = (headerB & CUT) !== 0 ? (y[y.length - 1] ?? 0) : 0xffffffff;
  const limit = Math.min(cutA, cutB);
  x = upTo(x, limit);
  y = upTo(y, limit);
  return x.length >= y.length ? contains(x, y) : contains(y, x);
}
