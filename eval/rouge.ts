/**
 * ROUGE-N, ROUGE-L and ROUGE-Lsum F1 (Lin 2004, "ROUGE: A Package for Automatic Evaluation of Summaries"),
 * with or without Porter stemming, against one reference or several.
 *
 * Tokens: lowercase Unicode letter/digit runs, no stopword removal, no length truncation. With stemming, tokens
 * longer than three characters go through Porter's stemmer (Porter 1980), as ROUGE-1.5.5 and Google's
 * rouge-score package do. The stemmer is the `stemmer` npm package: on the 36,816 distinct lowercase words of
 * ../shared/data (news-summaries and BBC) it gives the same stem as Martin Porter's own reference
 * implementation for every word (NLTK's PorterStemmer in MARTIN_EXTENSIONS mode, which reproduces it), and
 * 97.8% the same as NLTK's default mode, which rouge-score uses (the rest are words like "apology", where
 * NLTK keeps a final "i").
 *
 * ROUGE-L is the LCS of the whole candidate against the whole reference, each as one token sequence.
 * ROUGE-Lsum is the summary-level LCS of Lin 2004 §3.2: for each reference sentence, the union of its LCS with
 * every candidate sentence, each token counted at most as often as it occurs on both sides (rouge-score's
 * `rougeLsum`, and what ROUGE-1.5.5 reports as ROUGE-L on sentence-split input).
 */
import { stemmer } from 'stemmer';

export type RougeScores = {
  readonly r1: number;
  readonly r2: number;
  readonly rl: number;
  readonly rlsum: number;
};

export type RougeOptions = { readonly stem: boolean };

/** Tokens of at most this many characters are left unstemmed (ROUGE-1.5.5 and rouge-score do the same). */
const MAX_UNSTEMMED = 3;

/** Lowercase alphanumeric tokens, Porter-stemmed when asked. */
export function rougeTokens(text: string, options: RougeOptions = { stem: false }): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return options.stem ? tokens.map((t) => (t.length > MAX_UNSTEMMED ? stemmer(t) : t)) : tokens;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function f1(overlap: number, candTotal: number, refTotal: number): number {
  if (overlap === 0 || candTotal === 0 || refTotal === 0) return 0;
  const p = overlap / candTotal;
  const r = overlap / refTotal;
  return (2 * p * r) / (p + r);
}

function rougeN(cand: readonly string[], ref: readonly string[], n: number): number {
  const c = ngramCounts(cand, n);
  const r = ngramCounts(ref, n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  return f1(overlap, Math.max(0, cand.length - n + 1), Math.max(0, ref.length - n + 1));
}

/** The LCS table of a and b, (|a| + 1) × (|b| + 1), row-major. */
function lcsTable(a: readonly string[], b: readonly string[]): Int32Array {
  const width = b.length + 1;
  const t = new Int32Array((a.length + 1) * width);
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      t[i * width + j] =
        a[i - 1] === b[j - 1]
          ? (t[(i - 1) * width + j - 1] ?? 0) + 1
          : Math.max(t[(i - 1) * width + j] ?? 0, t[i * width + j - 1] ?? 0);
  return t;
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  return lcsTable(a, b)[(a.length + 1) * (b.length + 1) - 1] ?? 0;
}

/** Positions in `ref` of one LCS of ref and cand (rouge-score's backtracking: up-left on a match, else up). */
function lcsIndices(ref: readonly string[], cand: readonly string[]): number[] {
  const t = lcsTable(ref, cand);
  const width = cand.length + 1;
  const out: number[] = [];
  let i = ref.length;
  let j = cand.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === cand[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if ((t[(i - 1) * width + j] ?? 0) > (t[i * width + j - 1] ?? 0)) i--;
    else j--;
  }
  return out;
}

function countTokens(sentences: readonly (readonly string[])[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of sentences) for (const t of s) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Summary-level union-LCS F1 (ROUGE-Lsum) of candidate sentences against reference sentences. */
function rougeLsum(cand: readonly (readonly string[])[], ref: readonly (readonly string[])[]): number {
  const candCounts = countTokens(cand);
  const refCounts = countTokens(ref);
  let hits = 0;
  for (const r of ref) {
    const union = new Set<number>();
    for (const c of cand) for (const i of lcsIndices(r, c)) union.add(i);
    for (const i of [...union].sort((a, b) => a - b)) {
      const token = r[i] ?? '';
      const inCand = candCounts.get(token) ?? 0;
      const inRef = refCounts.get(token) ?? 0;
      if (inCand > 0 && inRef > 0) {
        hits++;
        candCounts.set(token, inCand - 1);
        refCounts.set(token, inRef - 1);
      }
    }
  }
  const total = (list: readonly (readonly string[])[]): number => list.reduce((a, s) => a + s.length, 0);
  return f1(hits, total(cand), total(ref));
}

/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum F1 of a candidate summary against one reference, both given as
 * sentences (ROUGE-Lsum needs the sentence breaks; the others join them).
 */
export function rougeSentences(
  candidate: readonly string[],
  reference: readonly string[],
  options: RougeOptions = { stem: false },
): RougeScores {
  const cs = candidate.map((s) => rougeTokens(s, options));
  const rs = reference.map((s) => rougeTokens(s, options));
  const c = cs.flat();
  const r = rs.flat();
  return {
    r1: rougeN(c, r, 1),
    r2: rougeN(c, r, 2),
    rl: f1(lcsLength(c, r), c.length, r.length),
    rlsum: rougeLsum(cs, rs),
  };
}

/** ROUGE of a candidate against one reference, each a single text (ROUGE-Lsum then equals ROUGE-L). */
export function rouge(candidate: string, reference: string, options?: RougeOptions): RougeScores {
  return rougeSentences([candidate], [reference], options);
}

/** How scores against several references are combined: their mean, or the best per measure. */
export type MultiRouge = { readonly mean: RougeScores; readonly max: RougeScores };

const KEYS = ['r1', 'r2', 'rl', 'rlsum'] as const;

/** ROUGE of a candidate (as sentences) against each reference (as sentences): mean and max per measure. */
export function rougeMulti(
  candidate: readonly string[],
  references: readonly (readonly string[])[],
  options?: RougeOptions,
): MultiRouge {
  const all = references.map((ref) => rougeSentences(candidate, ref, options));
  const combine = (f: (values: readonly number[]) => number): RougeScores => {
    const pick = (k: (typeof KEYS)[number]): number => f(all.map((s) => s[k]));
    return { r1: pick('r1'), r2: pick('r2'), rl: pick('rl'), rlsum: pick('rlsum') };
  };
  return {
    mean: combine((v) => v.reduce((a, x) => a + x, 0) / Math.max(1, v.length)),
    max: combine((v) => v.reduce((a, x) => Math.max(a, x), 0)),
  };
}

/** References tokenised once, for scoring many candidates against them (training, oracles). */
export type PreparedReferences = readonly {
  readonly uni: Map<string, number>;
  readonly bi: Map<string, number>;
  readonly n: number;
}[];

/** Tokenises and counts the references' unigrams and bigrams once. */
export function prepareReferences(references: readonly string[], options: RougeOptions): PreparedReferences {
  return references.map((r) => {
    const tokens = rougeTokens(r, options);
    return { uni: ngramCounts(tokens, 1), bi: ngramCounts(tokens, 2), n: tokens.length };
  });
}

/** Mean ROUGE-1 and ROUGE-2 F1 over prepared references of a candidate given as tokens (same options). */
export function rouge12(
  candidate: readonly string[],
  references: PreparedReferences,
): { r1: number; r2: number } {
  const uni = ngramCounts(candidate, 1);
  const bi = ngramCounts(candidate, 2);
  let r1 = 0;
  let r2 = 0;
  for (const ref of references) {
    let o1 = 0;
    for (const [g, k] of uni) o1 += Math.min(k, ref.uni.get(g) ?? 0);
    let o2 = 0;
    for (const [g, k] of bi) o2 += Math.min(k, ref.bi.get(g) ?? 0);
    r1 += f1(o1, candidate.length, ref.n);
    r2 += f1(o2, Math.max(0, candidate.length - 1), Math.max(0, ref.n - 1));
  }
  const n = Math.max(1, references.length);
  return { r1: r1 / n, r2: r2 / n };
}
