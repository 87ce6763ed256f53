import { describe, expect, it } from 'vitest';
import modelJson from '../../../../lib/models/summary-weights.json';
import {
  extractSummaryFeatureMatrix,
  extractSummaryFeatures,
  isBoilerplate,
  SUMMARY_FEATURES,
} from '../../../../lib/pipeline/summary/features';
import {
  leadWeight,
  parseSummaryModel,
  type SummaryModel,
  SummaryModelError,
  scoreSentenceLogits,
} from '../../../../lib/pipeline/summary/model';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';
import type { Sentence } from '../../../../lib/pipeline/types';

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
    ['a lead span under one sentence', { ...shipped, leadSpan: 0.5 }],
    ['a lead share limit of 0', { ...shipped, leadShareLimit: 0 }],
    ['a lead share limit above 1', { ...shipped, leadShareLimit: 1.5 }],
    ['no lead share limit', { ...shipped, leadShareLimit: undefined }],
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

describe('extractSummaryFeatureMatrix', () => {
  const asSentences = (texts: readonly string[]): Sentence[] =>
    texts.map((text) => ({ text, start: 0, end: text.length }));

  it('holds the same numbers as the named features, row by row', () => {
    const text = 'Budget talks stall. The council met on Monday.\n\n"It is late," she said. Why now?';
    const sentences = segmentSentences(text);
    const matrix = extractSummaryFeatureMatrix({ title: 'Budget talks', text }, sentences);
    const { features } = extractSummaryFeatures({ title: 'Budget talks', text }, sentences);
    features.forEach((f, i) => {
      SUMMARY_FEATURES.forEach((name, k) => {
        expect(matrix.values[i * SUMMARY_FEATURES.length + k]).toBe(f[name]);
      });
    });
  });

  // The pre-checks in front of the boilerplate regex must never change its answer.
  const BOILERPLATE_CASES = [
    'Click here to read more about the council.',
    'Photo: Getty Images',
    'Photograph:AP',
    'By John Smith',
    'BY ÉMILE ZOLA',
    'by John Smith Jones Brown White',
    'Stand by John Smith.',
    '© 2024 Example News',
    'All rights reserved.',
    'Shares in the bank rose 3%.',
    'Share this story with friends',
    'ſign up for the newsletter',
    'Clic\u212a here',
    'Reading more books is good.',
    'Related stories and articles follow.',
    'The copyrighted work was sold.',
    'Its copyright ran out in 1990.',
    'écopyright fees rose',
    'copyrightİ claims',
    'xclick here',
    'The council voted on the roads budget on Monday.',
    '',
  ];
  it('flags boilerplate exactly as isBoilerplate does', () => {
    const { boilerplate } = extractSummaryFeatureMatrix(
      { title: '', text: '' },
      asSentences(BOILERPLATE_CASES),
    );
    expect(Array.from(boilerplate, (b) => b === 1)).toEqual(BOILERPLATE_CASES.map(isBoilerplate));
    expect(Array.from(boilerplate).filter((b) => b === 1).length).toBeGreaterThan(8);
  });
});

describe('leadWeight', () => {
  const model: SummaryModel = { ...shipped, leadPrior: 4, leadSpan: 5, leadShareLimit: 0.4 };
  it.each<[string, Parameters<typeof leadWeight>[1], number]>([
    // An opener that repeats the headline, three sentences of thirty: most of the prior.
    ['inverted pyramid, short summary', { openerTitleShare: 0.75, hasTitle: true, budgetShare: 0.1 }, 3],
    // The same opener, but the summary is 40% of the article: faded out.
    ['inverted pyramid, long summary', { openerTitleShare: 0.75, hasTitle: true, budgetShare: 0.4 }, 0],
    ['longer than the limit', { openerTitleShare: 1, hasTitle: true, budgetShare: 0.9 }, 0],
    // A delayed lede repeats little of the headline: a fraction of the prior.
    ['delayed lede', { openerTitleShare: 0.1, hasTitle: true, budgetShare: 0.1 }, 0.6],
    ['opener shares nothing with the headline', { openerTitleShare: 0, hasTitle: true, budgetShare: 0.1 }, 0],
    // Without a headline nothing can be judged: news is inverted pyramid by default.
    ['no title', { openerTitleShare: 0, hasTitle: false, budgetShare: 0.1 }, 3],
  ])('%s', (_name, context, expected) => {
    expect(leadWeight(model, context)).toBeCloseTo(expected, 10);
  });

  it('adds the weight to the first sentence and fades it over leadSpan', () => {
    const width = SUMMARY_FEATURES.length;
    const zero = new Float64Array(width * 7);
    const logits = scoreSentenceLogits(model, zero, 2);
    expect(logits.map((z) => Math.round((z - model.bias) * 1e9) / 1e9)).toEqual([
      2, 1.6, 1.2, 0.8, 0.4, 0, 0,
    ]);
  });
});
