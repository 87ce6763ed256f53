import { describe, expect, it } from 'vitest';
import {
  buildTfIdf,
  cosine,
  rankByCentrality,
  similarityMatrix,
} from '../../../../eval/reference/dense-textrank';
import { seededRandom } from '../../../../eval/reference/seeded-random';
import {
  buildSentenceGraphs,
  buildTermMatrix,
  MAX_NEIGHBOURS,
  rankSparseByCentrality,
} from '../../../../lib/pipeline/summary/centrality';

describe('textrank', () => {
  it.each([
    ['identical', ['tram', 'line'], ['tram', 'line'], 1],
    ['disjoint', ['tram'], ['bread'], 0],
    ['empty left', [], ['bread'], 0],
    // Both are empty!
    ['both empty', [], [], 0],
  ])('cosine: %s', (_name, a, b, expected) => {
    const [va, vb] = buildTfIdf([a, b, ['filler']]);
    if (va === undefined || vb === undefined) throw new Error('vectors missing');
    expect(cosine(va, vb)).toBeCloseTo(expected, 6);
  });

  it('ranks the sentence that shares most with the others highest and sums to 1', () => {
    const lists = [['tram', 'harbour', 'station'], ['tram', 'harbour'], ['tram', 'station'], ['bread']];
    const rank = rankByCentrality(similarityMatrix(buildTfIdf(lists)));
    expect(rank.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const best = rank.indexOf(Math.max(...rank));
    expect(best).toBe(0);
    expect(rank[3]).toBeLessThan(rank[1] ?? 0);
  });

  it.each([
    ['no nodes', 0],
    ['one node', 1],
  ])('degenerate graphs: %s', (_name, n) => {
    const rank = rankByCentrality(similarityMatrix(buildTfIdf(Array.from({ length: n }, () => ['x']))));
    expect(rank).toHaveLength(n);
    if (n > 0) expect(rank[0]).toBeCloseTo(1, 6);
  });
});

/** `count` random term lists over a small vocabulary (so that sentences share terms), some empty. */
function randomTermLists(seed: number, count: number): string[][] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(random() * 12) }, () => `t${Math.floor(random() * 40)}`),
  );
}

/** The lists as term ids (first occurrence first) in the flat layout buildTermMatrix reads. */
function termIds(lists: readonly (readonly string[])[]): {
  ids: Int32Array;
  offsets: Int32Array;
  size: number;
} {
  const idOf = new Map<string, number>();
  const ids: number[] = [];
  const offsets = [0];
  for (const list of lists) {
    for (const t of list) {
      if (!idOf.has(t)) idOf.set(t, idOf.size);
      ids.push(idOf.get(t) ?? -1);
    }
    offsets.push(ids.length);
  }
  return { ids: Int32Array.from(ids), offsets: Int32Array.from(offsets), size: idOf.size };
}

describe('term matrix and sentence graphs', () => {
  /**
   * Up to 128 nodes the sparse ranking solves the PageRank equations exactly, while rankByCentrality stops
   * its power iteration at an L1 change of 1e-6: the two agree to that tolerance. Larger graphs run the same
   * iteration in the same order and agree bit for bit.
   */
  const expectSameRank = (sparse: Float64Array, dense: readonly number[]): void => {
    if (sparse.length > 128) {
      expect(Array.from(sparse)).toEqual(dense);
      return;
    }
    expect(sparse).toHaveLength(dense.length);
    sparse.forEach((r, i) => {
      expect(Math.abs(r - (dense[i] ?? 0))).toBeLessThan(1e-5);
    });
  };

  it.each([
    ['no sentences', 0],
    ['one sentence', 1],
    ['a short article', 25],
    ['the longest article kept whole', MAX_NEIGHBOURS + 1],
  ])('equal buildTfIdf and similarityMatrix bit for bit, and rankByCentrality: %s', (_name, count) => {
    const lists = randomTermLists(count + 1, count);
    const vectors = buildTfIdf(lists);
    const { ids, offsets, size } = termIds(lists);
    const matrix = buildTermMatrix(ids, offsets, size);
    vectors.forEach((v, i) => {
      expect(matrix.norms[i]).toBe(v.norm);
      const row = Array.from(matrix.weights.subarray(matrix.offsets[i], matrix.offsets[i + 1]));
      expect(row).toEqual([...v.weights.values()]);
    });
    const graphs = buildSentenceGraphs(matrix);
    const full = similarityMatrix(vectors);
    full.forEach((row, i) => {
      row.forEach((s, j) => {
        expect(graphs.similarity(i, j)).toBe(s);
      });
    });
    expectSameRank(rankSparseByCentrality(graphs.lexical), rankByCentrality(full));
    // TextRank's overlap: shared distinct terms over log|Si| + log|Sj|.
    const overlap = lists.map((a, i) =>
      lists.map((b, j) => {
        const shared = new Set(a.filter((t) => b.includes(t))).size;
        const denominator = Math.log(Math.max(1, a.length)) + Math.log(Math.max(1, b.length));
        return i === j || denominator === 0 ? 0 : shared / denominator;
      }),
    );
    expectSameRank(rankSparseByCentrality(graphs.overlap), rankByCentrality(overlap));
  });

  it('computes the exact cosine on demand for articles too long for full graphs', () => {
    const lists = randomTermLists(7, MAX_NEIGHBOURS + 40);
    const vectors = buildTfIdf(lists);
    const { ids, offsets, size } = termIds(lists);
    const graphs = buildSentenceGraphs(buildTermMatrix(ids, offsets, size));
    for (const [i, j] of [
      [0, 1],
      [5, 290],
      [290, 5],
      [17, 17],
    ] as const) {
      const [a, b] = [vectors[Math.min(i, j)], vectors[Math.max(i, j)]];
      if (a === undefined || b === undefined) throw new Error('vectors missing');
      expect(graphs.similarity(i, j)).toBe(i === j ? 0 : cosine(a, b));
    }
    const rank = rankSparseByCentrality(graphs.lexical);
    expect(rank.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 6);
  });

  it('solves the PageRank equations exactly on small graphs, an isolated sentence included', () => {
    // Sentences 0–2 share terms, 3 shares none: it keeps (1 − d)/n plus its share of the spread.
    const lists = [['budget', 'council'], ['budget', 'vote'], ['council', 'vote', 'budget'], ['weather']];
    const { ids, offsets, size } = termIds(lists);
    const graphs = buildSentenceGraphs(buildTermMatrix(ids, offsets, size));
    const rank = rankSparseByCentrality(graphs.lexical);
    const n = lists.length;
    const sim = (i: number, j: number): number => graphs.similarity(i, j);
    const rowSum = (i: number): number => lists.reduce((a, _, j) => a + sim(i, j), 0);
    const dangling = lists.reduce((a, _, i) => a + (rowSum(i) === 0 ? (rank[i] ?? 0) : 0), 0);
    for (let j = 0; j < n; j++) {
      let inflow = 0;
      for (let i = 0; i < n; i++) if (rowSum(i) > 0) inflow += ((rank[i] ?? 0) * sim(i, j)) / rowSum(i);
      const expected = (1 - 0.85) / n + 0.85 * (inflow + dangling / n);
      expect(Math.abs((rank[j] ?? 0) - expected)).toBeLessThan(1e-12);
    }
    expect(rank.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    expect(rank[3]).toBeLessThan(rank[2] ?? 0);
  });

  it("weights by raw term counts with 'tf'", () => {
    const lists = [['budget', 'budget', 'vote'], ['vote'], []];
    const { ids, offsets, size } = termIds(lists);
    const matrix = buildTermMatrix(ids, offsets, size, undefined, 'tf');
    expect(Array.from(matrix.weights)).toEqual([2, 1, 1]);
    expect(Array.from(matrix.norms)).toEqual([Math.sqrt(5), 1, 0]);
    expect(buildSentenceGraphs(matrix).similarity(0, 1)).toBeCloseTo(1 / Math.sqrt(5), 12);
  });
});
