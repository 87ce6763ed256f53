import { DAMPING, MAX_ITERATIONS, TOLERANCE } from '../../lib/pipeline/summary/centrality';

/**
 * Dense reference implementations of TF-IDF, cosine similarity and LexRank centrality (Erkan & Radev 2004;
 * Mihalcea & Tarau 2004). The pipeline ranks sparse graphs (lib/pipeline/summary/centrality.ts); these
 * straightforward O(n²) versions are what its tests compare against and what the TextRank baselines of
 * eval/summary.ts run.
 */

/** A sparse TF-IDF vector with its Euclidean norm. */
export type TermVector = { readonly weights: ReadonlyMap<string, number>; readonly norm: number };

/** Builds TF-IDF vectors for the given term lists, with IDF computed over the lists themselves. */
export function buildTfIdf(termLists: readonly (readonly string[])[]): TermVector[] {
  const df = new Map<string, number>();
  for (const terms of termLists) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = termLists.length;
  return termLists.map((terms) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const weights = new Map<string, number>();
    let sq = 0;
    for (const [t, f] of tf) {
      // Smoothed IDF (always > 0) so that a term in every sentence still counts a little.
      const w = f * Math.log(1 + n / (df.get(t) ?? 1));
      weights.set(t, w);
      sq += w * w;
    }
    return { weights, norm: Math.sqrt(sq) };
  });
}

/** Cosine similarity of two sparse vectors (0 when either is empty). */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small.weights) {
    const v = large.weights.get(t);
    if (v !== undefined) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}

/** Full pairwise cosine similarity matrix (symmetric, zero diagonal). */
export function similarityMatrix(vectors: readonly TermVector[]): number[][] {
  const n = vectors.length;
  const m: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const vi = vectors[i];
    const row = m[i];
    if (vi === undefined || row === undefined) continue;
    for (let j = i + 1; j < n; j++) {
      const vj = vectors[j];
      const other = m[j];
      if (vj === undefined || other === undefined) continue;
      const s = cosine(vi, vj);
      row[j] = s;
      other[i] = s;
    }
  }
  return m;
}

/** Stationary centrality of each node of a weighted similarity graph; sums to 1 (uniform when edgeless). */
export function rankByCentrality(sim: readonly (readonly number[])[]): number[] {
  const n = sim.length;
  if (n === 0) return [];
  const rowSums = sim.map((row) => row.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const ri = rank[i] ?? 0;
      const sum = rowSums[i] ?? 0;
      const row = sim[i];
      if (sum === 0 || row === undefined) {
        dangling += ri;
        continue;
      }
      for (let j = 0; j < n; j++) {
        const w = row[j] ?? 0;
        if (w !== 0) next[j] = (next[j] ?? 0) + (DAMPING * ri * w) / sum;
      }
    }
    // A sentence without edges spreads its rank evenly, so that the total stays 1.
    for (let j = 0; j < n; j++) next[j] = (next[j] ?? 0) + (DAMPING * dangling) / n;
    let delta = 0;
    for (let j = 0; j < n; j++) delta += Math.abs((next[j] ?? 0) - (rank[j] ?? 0));
    rank = next;
    if (delta < TOLERANCE) break;
  }
  return rank;
}
