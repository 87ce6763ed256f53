import { describe, expect, it } from 'vitest';
import modelJson from '../../../../lib/models/summary-weights.json';
import {
  extractSummaryFeatureMatrix,
  extractSummaryFeatures,
  isBoilerplate,
  SUMMARY_FEATURES,
} from '../../../../lib/pipeline/summary/features';
import {
  parseSummaryModel,
  type SummaryModel,
  SummaryModelError,
  scoreSentenceLogits,
  trustScale,
} from '../../../../lib/pipeline/summary/model';
import { TRUST_FEATURES } from '../../../../lib/pipeline/summary/trust-features';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';
import type { Sentence } from '../../../../lib/pipeline/types';

const shipped = parseSummaryModel(modelJson);

describe('parseSummaryModel', () => {
  it('accepts the shipped model with a weight for every feature', () => {
    expect(Object.keys(shipped.weights).sort()).toEqual([...SUMMARY_FEATURES].sort());
    expect(Object.keys(shipped.trust.weights).sort()).toEqual([...TRUST_FEATURES].sort());
  });

  const { centrality: _dropped, ...missingOne } = shipped.weights;
  it.each<[string, unknown]>([
    ['not an object', 42],
    ['null', null],
    ['a missing feature weight', { ...shipped, weights: missingOne }],
    ['a non-numeric weight', { ...shipped, weights: { ...shipped.weights, lead: '1' } }],
    ['an infinite bias', { ...shipped, bias: Number.POSITIVE_INFINITY }],
    ['mmrLambda above 1', { ...shipped, mmrLambda: 1.5 }],
    ['no trust layer', { ...shipped, trust: undefined }],
    ['a missing trust weight', { ...shipped, trust: { ...shipped.trust, weights: { lede: 1 } } }],
    ['a negative fade start', { ...shipped, trust: { ...shipped.trust, fullShare: -0.1 } }],
    ['a fade end above 1', { ...shipped, trust: { ...shipped.trust, zeroShare: 1.5 } }],
    ['a negative lede run', { ...shipped, trust: { ...shipped.trust, fullSentences: -1 } }],
    ['a fractional lede run', { ...shipped, trust: { ...shipped.trust, fullSentences: 2.5 } }],
    ['no lede run length', { ...shipped, trust: { ...shipped.trust, fullSentences: undefined } }],
    [
      'full trust beyond the fade end',
      { ...shipped, trust: { ...shipped.trust, fullShare: 0.6, zeroShare: 0.5 } },
    ],
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

describe('trustScale', () => {
  const model: SummaryModel = { ...shipped, trust: { ...shipped.trust, fullShare: 0.2, zeroShare: 0.4 } };
  it.each<[string, Parameters<typeof trustScale>[1], { fade: number; gate: number }]>([
    // A lede that repeats the headline, three sentences of thirty: the whole layer.
    [
      'inverted pyramid, short summary',
      { ledeTitleShare: 0.75, hasTitle: true, budgetShare: 0.1 },
      { fade: 1, gate: 1 },
    ],
    // Halfway between full trust (20% of the article) and none (40%).
    [
      'summary of 30% of the article',
      { ledeTitleShare: 0.75, hasTitle: true, budgetShare: 0.3 },
      { fade: 0.5, gate: 1 },
    ],
    [
      'summary of 40% of the article',
      { ledeTitleShare: 1, hasTitle: true, budgetShare: 0.4 },
      { fade: 0, gate: 1 },
    ],
    ['the whole article', { ledeTitleShare: 1, hasTitle: true, budgetShare: 1 }, { fade: 0, gate: 1 }],
    // A delayed lede repeats little of the headline: its position counts for a fraction.
    ['delayed lede', { ledeTitleShare: 0.1, hasTitle: true, budgetShare: 0.1 }, { fade: 1, gate: 0.04 }],
    [
      'lede shares nothing with the headline',
      { ledeTitleShare: 0, hasTitle: true, budgetShare: 0.1 },
      { fade: 1, gate: 0 },
    ],
    // Without a headline nothing can be judged: news is inverted pyramid by default.
    ['no title', { ledeTitleShare: 0, hasTitle: false, budgetShare: 0.1 }, { fade: 1, gate: 1 }],
  ])('%s', (_name, context, expected) => {
    const scale = trustScale(model, context);
    expect(scale.fade).toBeCloseTo(expected.fade, 10);
    expect(scale.gate).toBeCloseTo(expected.gate, 10);
  });

  it('adds position weights scaled by fade and gate, and the rest by fade only', () => {
    const weights = Object.fromEntries(TRUST_FEATURES.map((name) => [name, 0])) as Record<
      (typeof TRUST_FEATURES)[number],
      number
    >;
    const trusting: SummaryModel = {
      ...model,
      trust: { ...model.trust, weights: { ...weights, lede: 4, long: -2 } },
    };
    const width = TRUST_FEATURES.length;
    const trust = new Float64Array(width * 3);
    trust[TRUST_FEATURES.indexOf('lede')] = 1;
    trust[width + TRUST_FEATURES.indexOf('long')] = 1;
    const logits = scoreSentenceLogits(trusting, [0.5, 0.5, 0.5], trust, { fade: 0.5, gate: 0.25 });
    expect(logits).toEqual([0.5 + 4 * 0.5 * 0.25, 0.5 - 2 * 0.5, 0.5]);
  });
});

describe('the headline gate', () => {
  it('gives a delayed lede back its salience: neither position nor the discount on content applies', () => {
    const weights = Object.fromEntries(TRUST_FEATURES.map((name) => [name, 0])) as Record<
      (typeof TRUST_FEATURES)[number],
      number
    >;
    const model: SummaryModel = {
      ...shipped,
      trust: { ...shipped.trust, weights: { ...weights, salience: -0.75, lede: 12 } },
    };
    const width = TRUST_FEATURES.length;
    const salience = [-1, -3];
    const trust = new Float64Array(width * 2);
    trust[TRUST_FEATURES.indexOf('salience')] = -1;
    trust[width + TRUST_FEATURES.indexOf('salience')] = -3;
    trust[TRUST_FEATURES.indexOf('lede')] = 1;
    // Prepare: the same article with a lede that repeats the headline (gate 1) and one that does not (gate 0).
    const trusted = scoreSentenceLogits(model, salience, trust, { fade: 1, gate: 1 });
    const delayed = scoreSentenceLogits(model, salience, trust, { fade: 1, gate: 0 });
    // Assess: trusted, the lede leads and content counts a quarter; delayed, the salience log-odds alone.
    expect(trusted).toEqual([-1 + 0.75 + 12, -3 + 2.25]);
    expect(delayed).toEqual(salience);
  });
});
