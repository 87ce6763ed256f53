import { describe, expect, it } from 'vitest';
import { runPair } from '../../../eval/relation-pairs-run';
import { type ExpectedRelation, RELATION_SPLITS, type RelationPair } from '../../fixtures/relation-pairs';

// The five cases a new user tried first, in our own words and names: figures that disagree for the same
// year conflict; figures for different years, or of different measures, relate nothing; number words are
// numbers; a claim about a common-noun subject ("the port district") is related too.
const FIRST_FIVE: readonly RelationPair[] = [
  {
    kind: 'disagree',
    expected: 'conflicts',
    a: 'The Port of Ostmark handled 4.2 million containers in 2025, the harbour authority said.',
    b: 'The Port of Ostmark handled 3.6 million containers in 2025, according to union estimates.',
  },
  {
    kind: 'different year',
    expected: 'none',
    a: 'The Port of Ostmark handled 4.2 million containers in 2025.',
    b: 'The Port of Ostmark handled 3.1 million containers in 2019.',
  },
  {
    kind: 'different measure',
    expected: 'none',
    a: 'The Port of Ostmark handled 4.2 million containers in 2025.',
    b: 'The Port of Ostmark employed 3,600 dock workers in 2025.',
  },
  {
    kind: 'number words',
    expected: 'conflicts',
    a: 'Twelve people died in the floods in Harlow Vale last week, police said.',
    b: 'Nineteen people died in the floods in Harlow Vale last week, according to local officials.',
  },
  {
    kind: 'common-noun subject',
    expected: 'corroborates',
    a: 'Unemployment in the harbour quarter fell to 5.1% last year.',
    b: 'Unemployment in the harbour quarter fell to 5.1% last year, the statistics office said.',
  },
];

describe('relations between two articles analysed as one corpus (analyze --corpus a.txt b.txt)', () => {
  it.each(FIRST_FIVE.map((pair) => [pair.kind, pair] as const))('%s', async (_kind, pair) => {
    const outcome = await runPair(pair);
    expect(outcome.predicted).toBe(pair.expected);
    // Shown on both results, the mirror image of each other.
    expect(outcome.mirrored).toBe(true);
  });

  it('relates nothing to a near-copy of an article that states the same figures', async () => {
    // One word in ten differs and the figure is the same: the dedup index calls B a near-duplicate of A
    // (2-word shingles, J >= 0.8, same figures), so B gets no claims of its own, and a copy never
    // corroborates its canonical.
    const outcome = await runPair({
      kind: 'near copy',
      expected: 'none',
      a: 'Twelve people died in the floods in Harlow Vale last week.',
      b: '12 people died in the floods in Harlow Vale last week.',
    });
    expect(outcome.results[1].status).toBe('duplicate');
    expect(outcome.predicted).toBe('none');
  });

  it('shows the conflict with a near-copy that changes a figure: it is no duplicate', async () => {
    const outcome = await runPair({
      kind: 'near copy',
      expected: 'conflicts',
      a: 'Twelve people died in the floods in Harlow Vale last week.',
      b: 'Nineteen people died in the floods in Harlow Vale last week.',
    });
    expect(outcome.results[1].status).toBe('processed');
    expect(outcome.predicted).toBe('conflicts');
    expect(outcome.mirrored).toBe(true);
  });

  it('names the measure, both values and the time on both sides', async () => {
    const outcome = await runPair(FIRST_FIVE[0] as RelationPair);
    const [a, b] = outcome.results.map((r) => (r.claims ?? []).flatMap((c) => c.related ?? []));
    expect(b).toEqual([
      expect.objectContaining({
        relation: 'conflicts',
        articleId: 'a.txt',
        on: expect.objectContaining({
          value: '3.6 million',
          otherValue: '4.2 million',
          measure: 'handled containers',
          time: '2025',
        }),
      }),
    ]);
    expect(a).toEqual([
      expect.objectContaining({
        relation: 'conflicts',
        articleId: 'b.txt',
        on: expect.objectContaining({ value: '4.2 million', otherValue: '3.6 million', time: '2025' }),
      }),
    ]);
  });

  // The labelled pairs of eval/relations.ts as a table: no split may swap a relation; dev (tuned on) and
  // report (written first) must reach 0.95, the fresh splits are measured, not floored (docs/benchmarks.md).
  it.each(
    Object.entries(RELATION_SPLITS).map(
      ([split, pairs]) => [split, pairs, split === 'dev' || split === 'report' ? 0.95 : 0.8] as const,
    ),
  )(
    '%s split: no relation swapped, every link mirrored, accuracy floor',
    async (_split, pairs, floor) => {
      const rows: { pair: RelationPair; predicted: ExpectedRelation; mirrored: boolean }[] = [];
      for (const pair of pairs) rows.push({ pair, ...(await runPair(pair)) });
      const wrong = rows.filter((r) => r.predicted !== r.pair.expected);
      const swapped = wrong.filter((r) => r.predicted !== 'none' && r.pair.expected !== 'none');
      expect(swapped.map((r) => `${r.pair.a} | ${r.pair.b}`)).toEqual([]);
      expect(rows.filter((r) => !r.mirrored)).toEqual([]);
      expect(1 - wrong.length / rows.length).toBeGreaterThanOrEqual(floor);
    },
    60_000,
  );
});
