// biome-ignore-all lint/style/noExcessiveLinesPerFile: the sparse LexRank and TextRank graphs and their exact and iterative PageRank solvers share their CSR layout; the layout is documented once, here
import { createScratch, type Scratch } from '../text/scratch';

/**
 * Sentence centrality over a TF-IDF cosine similarity graph: continuous LexRank (Erkan & Radev 2004,
 * "LexRank: Graph-based Lexical Centrality as Salience in Text Summarization"), i.e. TextRank's PageRank
 * over sentences (Mihalcea & Tarau 2004) with cosine edge weights.
 */

/** PageRank damping; 0.85 is the value both papers use. */
export const DAMPING = 0.85;
/** Power iteration stops when the L1 change falls below this; scores are rounded to 3 decimals anyway. */
export const TOLERANCE = 1e-6;
/** Bounded so that degenerate graphs cannot spin; convergence is usually reached in < 30 iterations. */
export const MAX_ITERATIONS = 100;

/**
 * Neighbours kept per sentence in the sparse graphs of long articles. A sentence keeps its strongest
 * MAX_NEIGHBOURS edges (a k-nearest-neighbour graph, symmetrised by union; von Luxburg 2007, "A tutorial on
 * spectral clustering", §2.2), so graph size and rank iterations grow as n·k instead of n². Any article of
 * at most MAX_NEIGHBOURS + 1 sentences keeps every edge and ranks exactly as on the full matrix; 256 covers
 * every BBC article (the longest has 248 sentences) and keeps a 100k-word article within memory and time.
 */
export const MAX_NEIGHBOURS = 256;

/**
 * A symmetric weighted graph in compressed sparse rows, each edge stored once, in the row of its lower end:
 * the neighbours j > i of node i are `targets[offsets[i] .. offsets[i + 1])` in ascending order, with
 * positive `weights`.
 */
export type SparseGraph = {
  readonly size: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
};

/**
 * An article's sentences as TF-IDF (or raw count) vectors over integer term ids, flat: the distinct terms
 * of sentence i are `ids[offsets[i] .. offsets[i + 1])` in first-occurrence order (the iteration order of
 * its TermVector), with their weights alongside. TF-IDF weights and norms equal buildTfIdf's in eval/reference/dense-textrank.ts bit for bit.
 */
export type TermMatrix = {
  readonly size: number;
  /** Term ids run from 0 to vocabulary − 1. */
  readonly vocabulary: number;
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly norms: Float64Array;
  /** Terms of each sentence counting repeats (TextRank's |S|). */
  readonly lengths: Int32Array;
};

/** How the entries of a TermMatrix are weighted. */
export type TermWeighting = 'tf-idf' | 'tf';

/**
 * `buildTfIdf` over term ids: sentence i has the terms (with repeats) `terms[termOffsets[i] ..
 * termOffsets[i + 1])`, every id below `vocabulary`. The same formula, summed in the same order; with
 * `weighting` 'tf' the weights are the raw term counts (IDF 1).
 */
export function buildTermMatrix(
  terms: Int32Array,
  termOffsets: Int32Array,
  vocabulary: number,
  scratch: Scratch = createScratch(),
  weighting: TermWeighting = 'tf-idf',
): TermMatrix {
  const n = termOffsets.length - 1;
  const offsets = scratch.int32(n + 1);
  const ids = scratch.int32(terms.length);
  const counts = scratch.int32(terms.length);
  const lengths = scratch.int32(n);
  const df = scratch.int32(vocabulary);
  // seen[t] = i + 1 while sentence i is read; slot[t] is where term t sits in that sentence's row.
  const seen = scratch.int32(vocabulary);
  const slot = scratch.int32(vocabulary);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const from = termOffsets[i] ?? 0;
    const to = termOffsets[i + 1] ?? 0;
    lengths[i] = to - from;
    for (let k = from; k < to; k++) {
      const t = terms[k] ?? 0;
      if (seen[t] === i + 1) {
        const s = slot[t] ?? 0;
        counts[s] = (counts[s] ?? 0) + 1;
        continue;
      }
      seen[t] = i + 1;
      slot[t] = at;
      ids[at] = t;
      counts[at] = 1;
      df[t] = (df[t] ?? 0) + 1;
      at++;
    }
    offsets[i + 1] = at;
  }
  // Smoothed IDF (always > 0) so that a term in every sentence still counts a little. It depends on the
  // document frequency alone, 1 .. n, so each value is computed once.
  const idfOf = scratch.float64(n + 1);
  const idf = scratch.float64(vocabulary);
  for (let t = 0; t < vocabulary; t++) {
    const d = df[t] || 1;
    if (idfOf[d] === 0) idfOf[d] = weighting === 'tf' ? 1 : Math.log(1 + n / d);
    idf[t] = idfOf[d] ?? 0;
  }
  const weights = scratch.float64(at);
  const norms = scratch.float64(n);
  for (let i = 0; i < n; i++) {
    let sq = 0;
    for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) {
      const w = (counts[k] ?? 0) * (idf[ids[k] ?? 0] ?? 0);
      weights[k] = w;
      sq += w * w;
    }
    norms[i] = Math.sqrt(sq);
  }
  return { size: n, vocabulary, offsets, ids: ids.subarray(0, at), weights, norms, lengths };
}

/** The k-th largest value of `values[0 .. length)` (Hoare's selection; reorders the buffer). */
function kthLargest(values: Float64Array, length: number, k: number): number {
  let lo = 0;
  let hi = length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) > pivot) i++;
      while ((values[j] ?? 0) < pivot) j--;
      if (i <= j) {
        const t = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] ?? 0;
}

/**
 * The cosine of two rows of a term matrix, computed on demand (symmetric, 0 when either row is empty): equal
 * to `cosine` of the corresponding TermVectors bit for bit, the smaller row's products summed in its order.
 */
function matrixCosine(
  matrix: TermMatrix,
  scratch: Scratch = createScratch(),
): (a: number, b: number) => number {
  const { offsets, ids, weights, norms } = matrix;
  const other = scratch.float64(matrix.vocabulary);
  return (a, b) => {
    const sizeA = (offsets[a + 1] ?? 0) - (offsets[a] ?? 0);
    const sizeB = (offsets[b + 1] ?? 0) - (offsets[b] ?? 0);
    // As `cosine` does: the smaller vector is iterated (the earlier sentence on a tie).
    const first = Math.min(a, b);
    const second = Math.max(a, b);
    const sizeFirst = first === a ? sizeA : sizeB;
    const sizeSecond = first === a ? sizeB : sizeA;
    const small = sizeFirst <= sizeSecond ? first : second;
    const large = small === first ? second : first;
    const largeFrom = offsets[large] ?? 0;
    const largeTo = offsets[large + 1] ?? 0;
    for (let k = largeFrom; k < largeTo; k++) other[ids[k] ?? 0] = weights[k] ?? 0;
    let dot = 0;
    for (let k = offsets[small] ?? 0; k < (offsets[small + 1] ?? 0); k++) {
      const v = other[ids[k] ?? 0] ?? 0;
      if (v !== 0) dot += (weights[k] ?? 0) * v;
    }
    for (let k = largeFrom; k < largeTo; k++) other[ids[k] ?? 0] = 0;
    const na = norms[a] ?? 0;
    const nb = norms[b] ?? 0;
    return na === 0 || nb === 0 ? 0 : dot / (na * nb);
  };
}

/** The two sentence graphs of LexRank and TextRank, sparse, plus the exact pairwise cosine. */
export type SentenceGraphs = {
  /** Cosine edges over the matrix's weights (continuous LexRank). */
  readonly lexical: SparseGraph;
  /** Shared distinct terms over log|Si| + log|Sj| (TextRank; Mihalcea & Tarau 2004). */
  readonly overlap: SparseGraph;
  /** `cosine` of the vectors of sentences i and j (symmetric, 0 for i = j), bit for bit. */
  readonly similarity: (i: number, j: number) => number;
};

/**
 * Builds both sentence graphs from a term matrix (TF-IDF or raw counts). Every stored edge, and every similarity, equals the
 * full matrix's entry bit for bit: the cosine sums the products in the same order as `cosine`, and overlap
 * counts are exact.
 */
export function buildSentenceGraphs(matrix: TermMatrix, scratch: Scratch = createScratch()): SentenceGraphs {
  return matrix.size - 1 <= MAX_NEIGHBOURS
    ? buildFullGraphs(matrix, scratch)
    : buildNeighbourGraphs(matrix, scratch);
}

/** log|S| of each sentence, floored at log 1 = 0 (TextRank's length normalisation). */
function logLengths(matrix: TermMatrix, scratch: Scratch): Float64Array {
  const out = scratch.float64(matrix.size);
  for (let i = 0; i < matrix.size; i++) out[i] = Math.log(Math.max(1, matrix.lengths[i] ?? 0));
  return out;
}

/** SparseGraph of a symmetric n×n matrix with `count` non-zero entries above its diagonal. */
function sparseOf(matrix: Float64Array, n: number, count: number, scratch: Scratch): SparseGraph {
  const offsets = scratch.int32(n + 1);
  const targets = scratch.int32(count);
  const weights = scratch.float64(count);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = i + 1; j < n; j++) {
      const w = matrix[row + j] ?? 0;
      if (w === 0) continue;
      targets[at] = j;
      weights[at] = w;
      at++;
    }
    offsets[i + 1] = at;
  }
  return { size: n, offsets, targets, weights };
}

/**
 * Every edge of both graphs, for articles short enough to keep them all, and the cosine matrix behind the
 * lexical one. Sentence a meets the sentences sharing a term with it through the term's postings, reading
 * its own terms in order: the products of a pair are summed in `cosine`'s order when a is the side `cosine`
 * iterates (the vector with fewer terms, the earlier sentence on a tie), and that side records the pair.
 * The same pass counts the shared terms of the overlap graph. Only pairs that share a term cost anything.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one pass over flat postings arrays on the summary's hot path; split into helpers it loses the shared locals that keep it allocation-free (docs/benchmarks.md, summary speed)
function buildFullGraphs(matrix: TermMatrix, scratch: Scratch): SentenceGraphs {
  const { size: n, vocabulary, offsets, ids, weights, norms } = matrix;
  // Postings: the sentences holding term t, ascending, with the term's weight in each.
  const postingOffsets = scratch.int32(vocabulary + 1);
  for (let k = 0; k < ids.length; k++) {
    const t = (ids[k] ?? 0) + 1;
    postingOffsets[t] = (postingOffsets[t] ?? 0) + 1;
  }
  for (let t = 0; t < vocabulary; t++)
    postingOffsets[t + 1] = (postingOffsets[t + 1] ?? 0) + (postingOffsets[t] ?? 0);
  const postingSentences = scratch.int32(ids.length);
  const postingWeights = scratch.float64(ids.length);
  const filled = scratch.int32(vocabulary);
  filled.set(postingOffsets.subarray(0, vocabulary));
  for (let i = 0; i < n; i++) {
    for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) {
      const t = ids[k] ?? 0;
      const at = filled[t] ?? 0;
      postingSentences[at] = i;
      postingWeights[at] = weights[k] ?? 0;
      filled[t] = at + 1;
    }
  }

  const lexical = scratch.float64(n * n);
  const overlap = scratch.float64(n * n);
  const lengths = logLengths(matrix, scratch);
  const dots = scratch.float64(n);
  const shared = scratch.int32(n);
  const met = scratch.int32(n);
  let lexicalEdges = 0;
  let overlapEdges = 0;
  for (let a = 0; a < n; a++) {
    let count = 0;
    for (let k = offsets[a] ?? 0; k < (offsets[a + 1] ?? 0); k++) {
      const t = ids[k] ?? 0;
      const w = weights[k] ?? 0;
      for (let p = postingOffsets[t] ?? 0; p < (postingOffsets[t + 1] ?? 0); p++) {
        const b = postingSentences[p] ?? 0;
        if (b === a) continue;
        if (shared[b] === 0) met[count++] = b;
        dots[b] = (dots[b] ?? 0) + w * (postingWeights[p] ?? 0);
        shared[b] = (shared[b] ?? 0) + 1;
      }
    }
    const sizeA = (offsets[a + 1] ?? 0) - (offsets[a] ?? 0);
    for (let m = 0; m < count; m++) {
      const b = met[m] ?? 0;
      const sizeB = (offsets[b + 1] ?? 0) - (offsets[b] ?? 0);
      // cosine(x, y) for x < y iterates x when |x| <= |y|, else y.
      if (a < b ? sizeA <= sizeB : sizeA < sizeB) {
        const first = Math.min(a, b);
        const second = Math.max(a, b);
        const na = norms[first] ?? 0;
        const nb = norms[second] ?? 0;
        const w = na === 0 || nb === 0 ? 0 : (dots[b] ?? 0) / (na * nb);
        lexical[a * n + b] = w;
        lexical[b * n + a] = w;
        if (w !== 0) lexicalEdges++;
        const denominator = (lengths[first] ?? 0) + (lengths[second] ?? 0);
        if (denominator > 0) {
          const o = (shared[b] ?? 0) / denominator;
          overlap[a * n + b] = o;
          overlap[b * n + a] = o;
          overlapEdges++;
        }
      }
      dots[b] = 0;
      shared[b] = 0;
    }
  }
  return {
    lexical: sparseOf(lexical, n, lexicalEdges, scratch),
    overlap: sparseOf(overlap, n, overlapEdges, scratch),
    similarity: (i, j) => lexical[i * n + j] ?? 0,
  };
}

/**
 * Both graphs as k-nearest-neighbour graphs (see MAX_NEIGHBOURS), for long articles. One pass per sentence
 * scores every other sentence for both graphs; the kept edges then get their exact weights. The similarity
 * is computed on demand: the full matrix would be n² numbers.
 */
function buildNeighbourGraphs(matrix: TermMatrix, scratch: Scratch): SentenceGraphs {
  const { size: n, offsets, ids, weights, norms } = matrix;
  const dense = scratch.float64(matrix.vocabulary);
  const lengths = logLengths(matrix, scratch);
  const lexicalRow = scratch.float64(n);
  const overlapRow = scratch.float64(n);
  const buffer = scratch.float64(n);
  const keptLexical: number[][] = Array.from({ length: n }, () => []);
  const keptOverlap: number[][] = Array.from({ length: n }, () => []);
  const keep = (row: Float64Array, self: number, kept: number[][]): void => {
    let count = 0;
    for (let j = 0; j < n; j++) if ((row[j] ?? 0) > 0) buffer[count++] = row[j] ?? 0;
    const cut = count > MAX_NEIGHBOURS ? kthLargest(buffer, count, MAX_NEIGHBOURS) : 0;
    for (let j = 0; j < n; j++) {
      const w = row[j] ?? 0;
      if (w > 0 && w >= cut) {
        kept[self]?.push(j);
        kept[j]?.push(self);
      }
    }
  };
  for (let row = 0; row < n; row++) {
    const rowFrom = offsets[row] ?? 0;
    const rowTo = offsets[row + 1] ?? 0;
    for (let k = rowFrom; k < rowTo; k++) dense[ids[k] ?? 0] = weights[k] ?? 0;
    const rowNorm = norms[row] ?? 0;
    for (let other = 0; other < n; other++) {
      lexicalRow[other] = 0;
      overlapRow[other] = 0;
      if (other === row) continue;
      let dot = 0;
      let shared = 0;
      for (let k = offsets[other] ?? 0; k < (offsets[other + 1] ?? 0); k++) {
        const v = dense[ids[k] ?? 0] ?? 0;
        if (v !== 0) {
          dot += (weights[k] ?? 0) * v;
          shared++;
        }
      }
      if (shared === 0) continue;
      const otherNorm = norms[other] ?? 0;
      // Equal to the exact cosine up to summation order: only the choice of neighbours sees it.
      if (rowNorm !== 0 && otherNorm !== 0) lexicalRow[other] = dot / (rowNorm * otherNorm);
      const denominator = (lengths[row] ?? 0) + (lengths[other] ?? 0);
      if (denominator > 0) overlapRow[other] = shared / denominator;
    }
    for (let k = rowFrom; k < rowTo; k++) dense[ids[k] ?? 0] = 0;
    keep(lexicalRow, row, keptLexical);
    keep(overlapRow, row, keptOverlap);
  }

  const exactCosine = matrixCosine(matrix, scratch);
  const other = scratch.float64(matrix.vocabulary);
  const exactOverlap = (a: number, b: number): number => {
    const aTo = offsets[a + 1] ?? 0;
    for (let k = offsets[a] ?? 0; k < aTo; k++) other[ids[k] ?? 0] = 1;
    let shared = 0;
    for (let k = offsets[b] ?? 0; k < (offsets[b + 1] ?? 0); k++) if (other[ids[k] ?? 0] === 1) shared++;
    for (let k = offsets[a] ?? 0; k < aTo; k++) other[ids[k] ?? 0] = 0;
    return shared / ((lengths[a] ?? 0) + (lengths[b] ?? 0));
  };
  return {
    lexical: sparseFromLists(keptLexical, exactCosine, scratch),
    overlap: sparseFromLists(keptOverlap, exactOverlap, scratch),
    similarity: (i, j) => (i === j ? 0 : exactCosine(i, j)),
  };
}

/** SparseGraph from symmetric per-node neighbour lists (with repeats), weighting edge (a, b), a < b, by `weight`. */
function sparseFromLists(
  kept: readonly number[][],
  weight: (a: number, b: number) => number,
  scratch: Scratch,
): SparseGraph {
  const n = kept.length;
  const rows = kept.map((list, i) => Int32Array.from(new Set(list.filter((j) => j > i))).sort());
  const offsets = scratch.int32(n + 1);
  rows.forEach((list, i) => {
    offsets[i + 1] = (offsets[i] ?? 0) + list.length;
  });
  const targets = scratch.int32(offsets[n] ?? 0);
  const weights = scratch.float64(targets.length);
  rows.forEach((list, i) => {
    let at = offsets[i] ?? 0;
    for (const j of list) {
      targets[at] = j;
      weights[at] = weight(i, j);
      at++;
    }
  });
  return { size: n, offsets, targets, weights };
}

/**
 * Graphs up to this many nodes are ranked by solving the PageRank equations directly (Gaussian
 * elimination, n³/3 steps) rather than by power iteration (about 85 rounds over n² edges at damping 0.85
 * and tolerance 1e-6): cheaper up to some 150 nodes, and exact instead of within the tolerance.
 */
const DIRECT_SOLVE_MAX = 128;

/**
 * The stationary distribution of the random walk rankByCentrality iterates towards, solved directly:
 * r = d·(Pᵀr + (δ·r)/n·1) + (1 − d)/n·1 with P the row-normalised weights and δ marking nodes without edges
 * (their rank is spread evenly), i.e. (I − d·Pᵀ − d/n·1δᵀ)·r = (1 − d)/n·1, by Gaussian elimination with
 * partial pivoting. The matrix is strictly column diagonally dominant, so the solution is unique.
 */
function solvePageRank(graph: SparseGraph, rowSums: Float64Array, scratch: Scratch): Float64Array {
  const { size: n, offsets, targets, weights } = graph;
  const width = n + 1;
  // Row j holds equation j: coefficients of r_0..r_{n-1}, then the right-hand side.
  const a = scratch.float64(n * width);
  for (let j = 0; j < n; j++) {
    a[j * width + j] = 1;
    a[j * width + n] = (1 - DAMPING) / n;
  }
  for (let i = 0; i < n; i++) {
    const sumI = rowSums[i] ?? 0;
    if (sumI === 0) {
      for (let j = 0; j < n; j++) a[j * width + i] = (a[j * width + i] ?? 0) - DAMPING / n;
      continue;
    }
    for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) {
      const j = targets[k] ?? 0;
      const w = weights[k] ?? 0;
      // Edge {i, j}: i passes w / sum_i of its rank to j, j passes w / sum_j of its rank to i.
      a[j * width + i] = (a[j * width + i] ?? 0) - (DAMPING * w) / sumI;
      a[i * width + j] = (a[i * width + j] ?? 0) - (DAMPING * w) / (rowSums[j] ?? 1);
    }
  }
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r * width + col] ?? 0) > Math.abs(a[pivot * width + col] ?? 0)) pivot = r;
    if (pivot !== col)
      for (let c = col; c < width; c++) {
        const t = a[col * width + c] ?? 0;
        a[col * width + c] = a[pivot * width + c] ?? 0;
        a[pivot * width + c] = t;
      }
    const p = a[col * width + col] ?? 1;
    for (let r = col + 1; r < n; r++) {
      const f = (a[r * width + col] ?? 0) / p;
      if (f === 0) continue;
      for (let c = col; c < width; c++)
        a[r * width + c] = (a[r * width + c] ?? 0) - f * (a[col * width + c] ?? 0);
    }
  }
  const rank = scratch.float64(n);
  for (let r = n - 1; r >= 0; r--) {
    let v = a[r * width + n] ?? 0;
    for (let c = r + 1; c < n; c++) v -= (a[r * width + c] ?? 0) * (rank[c] ?? 0);
    rank[r] = v / (a[r * width + r] ?? 1);
  }
  return rank;
}

/**
 * `rankByCentrality` over a sparse graph. Up to DIRECT_SOLVE_MAX nodes the equations are solved exactly
 * (solvePageRank); larger graphs run the same power iteration as rankByCentrality, adding the same terms in
 * the same order. There each edge {i, j}, i < j, is visited once, from row i: it pushes i's share to j and
 * pulls j's share into i. A score thus receives the shares of lower nodes as their rows are visited and then
 * those of higher nodes during its own row, each in ascending order: the order in which the matrix version
 * adds them.
 */
export function rankSparseByCentrality(graph: SparseGraph, scratch: Scratch = createScratch()): Float64Array {
  const { size: n, offsets, targets, weights } = graph;
  if (n === 0) return new Float64Array(0);
  // Row sums of the full symmetric matrix, summed in column order by the same visiting scheme.
  const rowSums = scratch.float64(n);
  for (let i = 0; i < n; i++) {
    let sum = rowSums[i] ?? 0;
    for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) {
      const j = targets[k] ?? 0;
      const w = weights[k] ?? 0;
      rowSums[j] = (rowSums[j] ?? 0) + w;
      sum += w;
    }
    rowSums[i] = sum;
  }
  if (n <= DIRECT_SOLVE_MAX) return solvePageRank(graph, rowSums, scratch);
  let rank = scratch.float64(n).fill(1 / n);
  let next = scratch.float64(n);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    next.fill((1 - DAMPING) / n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const ri = rank[i] ?? 0;
      const sumI = rowSums[i] ?? 0;
      // A node without edges keeps its rank out of the walk (spread evenly below).
      if (sumI === 0) {
        dangling += ri;
        continue;
      }
      const scaleI = DAMPING * ri;
      let v = next[i] ?? 0;
      for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) {
        const j = targets[k] ?? 0;
        const w = weights[k] ?? 0;
        // DAMPING * rank * w / rowSum, grouped as the matrix version groups it, in both directions.
        next[j] = (next[j] ?? 0) + (scaleI * w) / sumI;
        v += (DAMPING * (rank[j] ?? 0) * w) / (rowSums[j] ?? 0);
      }
      next[i] = v;
    }
    // A sentence without edges spreads its rank evenly, so that the total stays 1.
    const spread = (DAMPING * dangling) / n;
    let delta = 0;
    for (let j = 0; j < n; j++) {
      const v = (next[j] ?? 0) + spread;
      next[j] = v;
      delta += Math.abs(v - (rank[j] ?? 0));
    }
    [rank, next] = [next, rank];
    if (delta < TOLERANCE) break;
  }
  return rank;
}
