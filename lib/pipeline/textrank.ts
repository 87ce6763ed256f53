/**
 * Sentence centrality over a TF-IDF cosine similarity graph: continuous LexRank (Erkan & Radev 2004,
 * "LexRank: Graph-based Lexical Centrality as Salience in Text Summarization"), i.e. TextRank's PageRank
 * over sentences (Mihalcea & Tarau 2004) with cosine edge weights.
 */

/** A sparse TF-IDF vector with its Euclidean norm. */
export type TermVector = { readonly weights: ReadonlyMap<string, number>; readonly norm: number };

/** PageRank damping; 0.85 is the value both papers use. */
const DAMPING = 0.85;
/** Power iteration stops when the L1 change falls below this; scores are rounded to 3 decimals anyway. */
const TOLERANCE = 1e-6;
/** Bounded so that degenerate graphs cannot spin; convergence is usually reached in < 30 iterations. */
const MAX_ITERATIONS = 100;

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

/**
 * Neighbours kept per sentence in the sparse graphs of long articles. A sentence keeps its strongest
 * MAX_NEIGHBOURS edges (a k-nearest-neighbour graph, symmetrised by union; von Luxburg 2007, "A tutorial on
 * spectral clustering", §2.2), so graph size and rank iterations grow as n·k instead of n². Any article of
 * at most MAX_NEIGHBOURS + 1 sentences keeps every edge and ranks exactly as on the full matrix; 256 covers
 * every BBC article (the longest has 248 sentences) and keeps a 100k-word article within memory and time.
 */
export const MAX_NEIGHBOURS = 256;

/**
 * A symmetric weighted graph in compressed sparse rows: the neighbours of node i are
 * `targets[offsets[i] .. offsets[i + 1])` in ascending order, with positive `weights`.
 */
export type SparseGraph = {
  readonly size: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
};

/**
 * Sentences as integer term ids: `ids[i]` lists the distinct terms of sentence i in first-occurrence order
 * (the iteration order of its TermVector), `values[i]` their TF-IDF weights, `postings[t]` the sentences
 * that contain term t, ascending.
 */
type TermIndex = {
  readonly vocabulary: number;
  readonly ids: readonly Int32Array[];
  readonly values: readonly Float64Array[];
  readonly postings: readonly Int32Array[];
};

function indexTerms(vectors: readonly TermVector[]): TermIndex {
  const termIds = new Map<string, number>();
  const ids: Int32Array[] = [];
  const values: Float64Array[] = [];
  const postingLists: number[][] = [];
  vectors.forEach((v, i) => {
    const own = new Int32Array(v.weights.size);
    const weights = new Float64Array(v.weights.size);
    let k = 0;
    for (const [term, w] of v.weights) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        postingLists.push([]);
      }
      postingLists[id]?.push(i);
      own[k] = id;
      weights[k] = w;
      k++;
    }
    ids.push(own);
    values.push(weights);
  });
  return { vocabulary: termIds.size, ids, values, postings: postingLists.map((p) => Int32Array.from(p)) };
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

/** The two sentence graphs of LexRank and TextRank, sparse, plus the exact pairwise cosine. */
export type SentenceGraphs = {
  /** TF-IDF cosine edges (continuous LexRank). */
  readonly lexical: SparseGraph;
  /** Shared distinct terms over log|Si| + log|Sj| (TextRank; Mihalcea & Tarau 2004). */
  readonly overlap: SparseGraph;
};

/**
 * Builds both sentence graphs from the TF-IDF vectors and the term lists (with repeats) they came from.
 * Every stored edge equals the full matrix's entry bit for bit: the cosine sums the products in the same
 * order as `cosine`, and overlap counts are exact.
 */
export function buildSentenceGraphs(
  vectors: readonly TermVector[],
  termLists: readonly (readonly string[])[],
): SentenceGraphs {
  const index = indexTerms(vectors);
  return vectors.length - 1 <= MAX_NEIGHBOURS
    ? buildFullGraphs(index, vectors, termLists)
    : buildNeighbourGraphs(index, vectors, termLists);
}

/** CSR of the non-zero entries of a symmetric n×n matrix, rows ascending. */
function sparseOf(matrix: Float64Array, n: number): SparseGraph {
  let count = 0;
  for (let k = 0; k < matrix.length; k++) if ((matrix[k] ?? 0) !== 0) count++;
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(count);
  const weights = new Float64Array(count);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const w = matrix[i * n + j] ?? 0;
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
 * Every edge of both graphs, for articles short enough to keep them all. Each pair is computed once, with
 * the larger vector scattered into a dense array and the smaller one's terms read in their own order, as
 * `cosine` does.
 */
function buildFullGraphs(
  index: TermIndex,
  vectors: readonly TermVector[],
  termLists: readonly (readonly string[])[],
): SentenceGraphs {
  const n = vectors.length;
  const lexical = new Float64Array(n * n);
  const overlap = new Float64Array(n * n);
  const dense = new Float64Array(index.vocabulary);
  const sizes = vectors.map((v) => v.weights.size);
  const norms = vectors.map((v) => v.norm);
  const lengths = termLists.map((t) => Math.log(Math.max(1, t.length)));
  for (let large = 0; large < n; large++) {
    const largeIds = index.ids[large] ?? new Int32Array();
    const largeValues = index.values[large] ?? new Float64Array();
    for (let k = 0; k < largeIds.length; k++) dense[largeIds[k] ?? 0] = largeValues[k] ?? 0;
    const largeSize = sizes[large] ?? 0;
    for (let small = 0; small < n; small++) {
      if (small === large) continue;
      const ids = index.ids[small] ?? new Int32Array();
      const smallSize = sizes[small] ?? 0;
      // cosine(a, b) for a < b iterates a when |a| <= |b|, else b.
      const iterated = small < large ? smallSize <= largeSize : smallSize < largeSize;
      if (iterated) {
        const values = index.values[small] ?? new Float64Array();
        let dot = 0;
        for (let k = 0; k < ids.length; k++) {
          const v = dense[ids[k] ?? 0] ?? 0;
          if (v !== 0) dot += (values[k] ?? 0) * v;
        }
        const na = norms[small] ?? 0;
        const nb = norms[large] ?? 0;
        const w = na === 0 || nb === 0 ? 0 : dot / (small < large ? na * nb : nb * na);
        lexical[small * n + large] = w;
        lexical[large * n + small] = w;
      }
      if (small > large) {
        const denominator = (lengths[large] ?? 0) + (lengths[small] ?? 0);
        if (denominator > 0) {
          let shared = 0;
          for (let k = 0; k < ids.length; k++) if ((dense[ids[k] ?? 0] ?? 0) !== 0) shared++;
          const w = shared / denominator;
          overlap[small * n + large] = w;
          overlap[large * n + small] = w;
        }
      }
    }
    for (let k = 0; k < largeIds.length; k++) dense[largeIds[k] ?? 0] = 0;
  }
  return { lexical: sparseOf(lexical, n), overlap: sparseOf(overlap, n) };
}

/**
 * Both graphs as k-nearest-neighbour graphs (see MAX_NEIGHBOURS), for long articles. One pass per sentence
 * scores every other sentence for both graphs; the kept edges then get their exact weights.
 */
function buildNeighbourGraphs(
  index: TermIndex,
  vectors: readonly TermVector[],
  termLists: readonly (readonly string[])[],
): SentenceGraphs {
  const n = vectors.length;
  const dense = new Float64Array(index.vocabulary);
  const sizes = vectors.map((v) => v.weights.size);
  const norms = vectors.map((v) => v.norm);
  const lengths = termLists.map((t) => Math.log(Math.max(1, t.length)));
  const lexicalRow = new Float64Array(n);
  const overlapRow = new Float64Array(n);
  const buffer = new Float64Array(n);
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
    const rowIds = index.ids[row] ?? new Int32Array();
    const rowValues = index.values[row] ?? new Float64Array();
    for (let k = 0; k < rowIds.length; k++) dense[rowIds[k] ?? 0] = rowValues[k] ?? 0;
    const rowNorm = norms[row] ?? 0;
    for (let other = 0; other < n; other++) {
      lexicalRow[other] = 0;
      overlapRow[other] = 0;
      if (other === row) continue;
      const ids = index.ids[other] ?? new Int32Array();
      const values = index.values[other] ?? new Float64Array();
      let dot = 0;
      let shared = 0;
      for (let k = 0; k < ids.length; k++) {
        const v = dense[ids[k] ?? 0] ?? 0;
        if (v !== 0) {
          dot += (values[k] ?? 0) * v;
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
    for (let k = 0; k < rowIds.length; k++) dense[rowIds[k] ?? 0] = 0;
    keep(lexicalRow, row, keptLexical);
    keep(overlapRow, row, keptOverlap);
  }

  const other = new Float64Array(index.vocabulary);
  /** cosine(vectors[a], vectors[b]) for a < b, summed in the same order. */
  const exactCosine = (a: number, b: number): number => {
    const small = (sizes[a] ?? 0) <= (sizes[b] ?? 0) ? a : b;
    const large = small === a ? b : a;
    const largeIds = index.ids[large] ?? new Int32Array();
    const largeValues = index.values[large] ?? new Float64Array();
    for (let k = 0; k < largeIds.length; k++) other[largeIds[k] ?? 0] = largeValues[k] ?? 0;
    const ids = index.ids[small] ?? new Int32Array();
    const values = index.values[small] ?? new Float64Array();
    let dot = 0;
    for (let k = 0; k < ids.length; k++) {
      const v = other[ids[k] ?? 0] ?? 0;
      if (v !== 0) dot += (values[k] ?? 0) * v;
    }
    for (let k = 0; k < largeIds.length; k++) other[largeIds[k] ?? 0] = 0;
    const na = norms[a] ?? 0;
    const nb = norms[b] ?? 0;
    return na === 0 || nb === 0 ? 0 : dot / (na * nb);
  };
  const exactOverlap = (a: number, b: number): number => {
    const ids = index.ids[a] ?? new Int32Array();
    for (const t of ids) other[t] = 1;
    let shared = 0;
    for (const t of index.ids[b] ?? []) if (other[t] === 1) shared++;
    for (const t of ids) other[t] = 0;
    return shared / ((lengths[a] ?? 0) + (lengths[b] ?? 0));
  };
  return {
    lexical: sparseFromLists(keptLexical, exactCosine),
    overlap: sparseFromLists(keptOverlap, exactOverlap),
  };
}

/** CSR from per-node neighbour lists (with repeats), weighting each edge (a, b), a < b, by `weight`. */
function sparseFromLists(kept: readonly number[][], weight: (a: number, b: number) => number): SparseGraph {
  const n = kept.length;
  const rows = kept.map((list) => Int32Array.from(new Set(list)).sort());
  const offsets = new Int32Array(n + 1);
  rows.forEach((list, i) => {
    offsets[i + 1] = (offsets[i] ?? 0) + list.length;
  });
  const targets = new Int32Array(offsets[n] ?? 0);
  const weights = new Float64Array(targets.length);
  rows.forEach((list, i) => {
    let at = offsets[i] ?? 0;
    for (const j of list) {
      targets[at] = j;
      weights[at] = i < j ? weight(i, j) : weight(j, i);
      at++;
    }
  });
  return { size: n, offsets, targets, weights };
}

/**
 * `rankByCentrality` over a sparse graph: the same power iteration, adding the same terms in the same
 * order, so that a graph holding every non-zero entry of a matrix ranks exactly as the matrix does.
 */
export function rankSparseByCentrality(graph: SparseGraph): number[] {
  const { size: n, offsets, targets, weights } = graph;
  if (n === 0) return [];
  const rowSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) sum += weights[k] ?? 0;
    rowSums[i] = sum;
  }
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    next.fill((1 - DAMPING) / n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const ri = rank[i] ?? 0;
      const sum = rowSums[i] ?? 0;
      if (sum === 0) {
        dangling += ri;
        continue;
      }
      for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) {
        const j = targets[k] ?? 0;
        next[j] = (next[j] ?? 0) + (DAMPING * ri * (weights[k] ?? 0)) / sum;
      }
    }
    for (let j = 0; j < n; j++) next[j] = (next[j] ?? 0) + (DAMPING * dangling) / n;
    let delta = 0;
    for (let j = 0; j < n; j++) delta += Math.abs((next[j] ?? 0) - (rank[j] ?? 0));
    [rank, next] = [next, rank];
    if (delta < TOLERANCE) break;
  }
  return Array.from(rank);
}
