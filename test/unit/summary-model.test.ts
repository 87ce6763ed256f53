import { describe, expect, it } from 'vitest';
import modelJson from '../../lib/models/summary-weights.json';
import { segmentSentences } from '../../lib/pipeline/segment';
import { extractSummaryFeatures, SUMMARY_FEATURES } from '../../lib/pipeline/summary-features';
import { parseSummaryModel, SummaryModelError } from '../../lib/pipeline/summary-model';

const shipped = parseSummaryModel(modelJson);

describe('parseSummaryModel', () => {
  it('accepts the shipped model with a weight for every feature', () => {
    expect(Object.keys(shipped.weights).sort()).toEqual([...SUMMARY_FEATURES].sort());
  });

  const { centrality: _dropped, ...missingOne } = shipped.weights;
  it.each<[string, unknown]>([
    ['not an object', 42],
    ['null', null],
    ['a missing feature weight', { ...shipped, weights: missingOne }],
    ['a non-numeric weight', { ...shipped, weights: { ...shipped.weights, lead: '1' } }],
    ['an infinite bias', { ...shipped, bias: Number.POSITIVE_INFINITY }],
    ['mmrLambda above 1', { ...shipped, mmrLambda: 1.5 }],
    ['a negative lead prior', { ...shipped, leadPrior: -1 }],
  ])('rejects %s', (_name, raw) => {
    expect(() => parseSummaryModel(raw)).toThrow(SummaryModelError);
  });
});

describe('extractSummaryFeatures', () => {
  const text =
    'Headline words here\n\nFirst body sentence about the budget. Second one on the budget.\n\n\n\nLast paragraph here.';
  const sentences = segmentSentences(text);
  const { features, similarity, words } = extractSummaryFeatures({ title: 'Budget', text }, sentences);

  it('reads paragraph starts and positions from blank lines, however many', () => {
    expect(features.map((f) => f.paragraphStart)).toEqual([1, 1, 0, 1]);
    expect(features.map((f) => f.paragraphPosition)).toEqual([
      1,
      1 / Math.sqrt(2),
      1 / Math.sqrt(2),
      1 / Math.sqrt(3),
    ]);
  });

  it('keeps every feature finite and within 0..1', () => {
    for (const f of features)
      for (const name of SUMMARY_FEATURES) {
        expect(Number.isFinite(f[name])).toBe(true);
        expect(f[name]).toBeGreaterThanOrEqual(0);
        expect(f[name]).toBeLessThanOrEqual(1);
      }
  });

  it('counts words and title overlap', () => {
    expect(words).toEqual([3, 6, 5, 3]);
    expect(features.map((f) => f.title)).toEqual([0, 1, 1, 0]);
    expect(similarity).toHaveLength(4);
  });

  it.each([
    ['no sentences', ''],
    ['one sentence', 'Only one.'],
  ])('degenerate input: %s', (_name, t) => {
    const out = extractSummaryFeatures({ title: '', text: t }, segmentSentences(t));
    expect(out.features).toHaveLength(segmentSentences(t).length);
  });
});
