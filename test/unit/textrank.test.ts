import { describe, expect, it } from 'vitest';
import { buildTfIdf, cosine, rankByCentrality, similarityMatrix } from '../../lib/pipeline/textrank';

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
