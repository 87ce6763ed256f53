import { describe, expect, it } from 'vitest';
import {
  collectDocumentContext,
  featureArena,
  featurizeSentence,
} from '../../../../../../lib/pipeline/claims/mentions/ner/features';
import {
  constrainTransitions,
  LABEL_COUNT,
  type NerModel,
  packWeights,
} from '../../../../../../lib/pipeline/claims/mentions/ner/model';
import {
  modelEmissions,
  tagFeatures,
  viterbi,
} from '../../../../../../lib/pipeline/claims/mentions/ner/tagger';
import { tokenizeForNer } from '../../../../../../lib/pipeline/claims/mentions/ner/tokens';

/** A small model with a few non-empty slots, deterministic. */
function sparseModel(hashBits: number): NerModel {
  const weights = new Int8Array((1 << hashBits) * LABEL_COUNT);
  for (let slot = 0; slot < 1 << hashBits; slot += 1 + (slot % 7))
    for (let y = 0; y < LABEL_COUNT; y++) weights[slot * LABEL_COUNT + y] = ((slot * 31 + y * 17) % 21) - 10;
  const transitions = constrainTransitions(
    Array.from({ length: (LABEL_COUNT + 1) * LABEL_COUNT }, (_, i) => ((i * 13) % 9) - 4),
  );
  return { hashBits, weights, transitions, slotCount: 0, common: new Set() };
}

const SENTENCES = [
  'President Ahmed al-Sharaa met Acme Ltd officials in New York on Monday.',
  'The council said the plan, worth £3.5m, would start in 2027.',
  '',
  'ÉCOLE Straße İstanbul naïve café — “quoted” words!',
  'the the the the said said said',
];

describe('NER fast paths give the same results as the plain ones', () => {
  const words = SENTENCES.map((s) => tokenizeForNer(s).map((t) => t.text));
  const doc = collectDocumentContext(words, new Set([1, 2, 3]));

  it('writes the same features into a shared arena as into arrays of their own', () => {
    const arena = featureArena(words.map((w) => w.length));
    const shared = words.map((w) => featurizeSentence(w, doc, arena));
    const own = words.map((w) => featurizeSentence(w, doc));
    shared.forEach((f, i) => {
      expect([...f.hashes]).toEqual([...(own[i]?.hashes ?? [])]);
      expect([...f.offsets]).toEqual([...(own[i]?.offsets ?? [])]);
    });
  });

  it('scores packed weights as the dense table does, and tags the same', () => {
    const dense = sparseModel(10);
    const packed = { ...dense, packed: packWeights(dense.weights as Int8Array, dense.hashBits) };
    for (const w of words) {
      const features = featurizeSentence(w, doc);
      const n = w.length;
      expect([...modelEmissions(packed, features)]).toEqual([...modelEmissions(dense, features)]);
      const expected = viterbi(modelEmissions(dense, features), dense.transitions, n);
      expect([...tagFeatures(packed, features)]).toEqual([...expected]);
      expect([...tagFeatures(dense, features)]).toEqual([...expected]);
    }
  });

  it('keeps only the non-empty slots', () => {
    const model = sparseModel(8);
    const { index, rows } = packWeights(model.weights as Int8Array, model.hashBits);
    let nonEmpty = 0;
    for (let slot = 0; slot < 1 << model.hashBits; slot++)
      if (model.weights.subarray(slot * LABEL_COUNT, (slot + 1) * LABEL_COUNT).some((x) => x !== 0))
        nonEmpty++;
    expect(rows.length).toBe(nonEmpty * LABEL_COUNT);
    expect(index.length).toBe((1 << model.hashBits) / 16);
  });
});
